import { sql, type SqlBool } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { scopeWhere, type ResolvedScope } from '../../platform/access/data-scope.ts';

/** Every Kysely query on the exam table itself; sessions, answers and grading have their own files. */

const countsOf = (db: Executor) =>
  db
    .selectFrom('exam as e')
    .innerJoin('org as o', 'o.id', 'e.org_id')
    .selectAll('e')
    .select('o.name as org_name')
    .select((eb) => [
      eb
        .selectFrom('exam_examinee as x')
        .select((x) => x.fn.countAll<number>().as('n'))
        .whereRef('x.exam_id', '=', 'e.id')
        .as('examinee_count'),
      eb
        .selectFrom('exam_examinee as x')
        .select((x) => x.fn.countAll<number>().as('n'))
        .whereRef('x.exam_id', '=', 'e.id')
        .where((w) =>
          w.exists(
            w
              .selectFrom('exam_session as s')
              .select('s.id')
              .whereRef('s.exam_id', '=', 'x.exam_id')
              .whereRef('s.person_id', '=', 'x.person_id'),
          ),
        )
        .as('started_count'),
      eb
        .selectFrom('exam_examinee as x')
        .select((x) => x.fn.countAll<number>().as('n'))
        .whereRef('x.exam_id', '=', 'e.id')
        .where((w) =>
          w.exists(
            w
              .selectFrom('exam_session as s')
              .select('s.id')
              .whereRef('s.exam_id', '=', 'x.exam_id')
              .whereRef('s.person_id', '=', 'x.person_id')
              .where('s.status', '!=', 'in_progress'),
          ),
        )
        .as('submitted_count'),
      eb
        .selectFrom('exam_session as s')
        .select((x) => x.fn.countAll<number>().as('n'))
        .whereRef('s.exam_id', '=', 'e.id')
        .where('s.status', '=', 'submitted')
        .as('pending_manual_count'),
    ]);

export type ExamRow = Awaited<ReturnType<typeof findExamInScope>> & object;

export const findExamInScope = (db: Executor, scope: ResolvedScope, id: string) =>
  countsOf(db).where('e.id', '=', id).where(scopeWhere(scope, 'e.org_id')).executeTakeFirst();

export interface ExamFilter {
  keyword?: string | undefined;
  kind?: string | undefined;
  status?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
}

export async function searchExams(db: Executor, scope: ResolvedScope, f: ExamFilter, nowIso: string) {
  const conds = [scopeWhere(scope, 'e.org_id')];
  const kw = f.keyword?.normalize('NFKC').trim();
  if (kw) conds.push(sql<SqlBool>`e.title like ${`%${kw.replace(/[\\%_]/g, (c) => `\\${c}`)}%`} escape '\\'`);
  if (f.kind) conds.push(sql<SqlBool>`e.kind = ${f.kind}`);
  if (f.status === 'closed') conds.push(sql<SqlBool>`e.status = 'scheduled' and e.ends_at <= ${nowIso}`);
  else if (f.status === 'scheduled') conds.push(sql<SqlBool>`e.status = 'scheduled' and e.ends_at > ${nowIso}`);
  else if (f.status) conds.push(sql<SqlBool>`e.status = ${f.status}`);
  const where = sql<SqlBool>`${sql.join(conds, sql` and `)}`;
  const pageSize = f.pageSize ?? 20;
  const page = f.page ?? 1;
  const [items, total] = await Promise.all([
    countsOf(db)
      .where(where)
      .orderBy('e.starts_at', 'desc')
      .orderBy('e.id', 'desc')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    db
      .selectFrom('exam as e')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(where)
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}
