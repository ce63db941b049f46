import type { ExamineeListQuery } from '@zhenggong/core';
import { sql, type SqlBool } from 'kysely';
import { scopeWhere, type ResolvedScope } from '../../platform/access/data-scope.ts';
import type { AppContext } from '../../platform/context.ts';
import { allPeople } from '../personnel/people.ts';
import { loadExam } from './exam-service.ts';
import { finaliseDueOf } from './finalise.ts';

/**
 * The proctor view (监考): each examinee's latest attempt — progress, last autosave, focus-loss
 * count — limited to examinees whose unit lies inside the caller's scope.
 */
export async function listExaminees(ctx: AppContext, scope: ResolvedScope, examId: string, q: ExamineeListQuery) {
  await loadExam(ctx, scope, examId);
  await finaliseDueOf(ctx, examId);
  const conds = [sql<SqlBool>`x.exam_id = ${examId}`, scopeWhere(scope, 'x.org_id')];
  if (q.orgId) conds.push(sql<SqlBool>`x.org_id in (select descendant_id from org_closure where ancestor_id = ${q.orgId})`);
  if (q.status === 'not_started') conds.push(sql<SqlBool>`s.id is null`);
  else if (q.status) conds.push(sql<SqlBool>`s.status = ${q.status}`);
  const where = sql<SqlBool>`${sql.join(conds, sql` and `)}`;
  const base = ctx.db
    .selectFrom('exam_examinee as x')
    .innerJoin(allPeople(ctx.db).as('p'), 'p.id', 'x.person_id')
    .innerJoin('org as o', 'o.id', 'x.org_id')
    .leftJoin('exam_session as s', (j) =>
      j
        .onRef('s.exam_id', '=', 'x.exam_id')
        .onRef('s.person_id', '=', 'x.person_id')
        .on('s.attempt', '=', (eb) =>
          eb
            .selectFrom('exam_session as s2')
            .select((m) => m.fn.max('s2.attempt').as('a'))
            .whereRef('s2.exam_id', '=', 'x.exam_id')
            .whereRef('s2.person_id', '=', 'x.person_id'),
        ),
    )
    .where(where);
  const pageSize = q.pageSize ?? 20;
  const page = q.page ?? 1;
  const [rows, total] = await Promise.all([
    base
      .select([
        'x.person_id',
        'p.name',
        'x.org_id',
        'o.name as org_name',
        's.id as session_id',
        's.status',
        's.attempt',
        's.started_at',
        's.item_count',
        's.focus_loss_count',
        's.submitted_at',
        's.finalised_by',
      ])
      .orderBy('o.name')
      .orderBy('p.name')
      .orderBy('x.person_id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const sessionIds = rows.map((r) => r.session_id).filter((id): id is string => id !== null);
  const progress = new Map(
    sessionIds.length === 0
      ? []
      : (
          await ctx.db
            .selectFrom('exam_answer')
            .select((eb) => ['session_id', eb.fn.countAll<number>().as('answered'), eb.fn.max('saved_at').as('last_saved_at')])
            .where('session_id', 'in', sessionIds)
            .groupBy('session_id')
            .execute()
        ).map((a) => [a.session_id, a]),
  );
  const personIds = rows.map((r) => r.person_id);
  const best = new Map(
    personIds.length === 0
      ? []
      : (
          await ctx.db
            .selectFrom('exam_session')
            .select((eb) => ['person_id', eb.fn.max('score').as('best')])
            .where('exam_id', '=', examId)
            .where('status', '=', 'graded')
            .where('person_id', 'in', personIds)
            .groupBy('person_id')
            .execute()
        ).map((b) => [b.person_id, b.best]),
  );
  return {
    items: rows.map((r) => {
      const p = r.session_id ? progress.get(r.session_id) : undefined;
      return {
        personId: r.person_id,
        name: r.name,
        orgId: r.org_id,
        orgName: r.org_name,
        status: r.status ?? 'not_started',
        attempt: r.attempt ?? 0,
        startedAt: r.started_at ?? null,
        lastSavedAt: p?.last_saved_at ?? null,
        answeredCount: Number(p?.answered ?? 0),
        itemCount: r.item_count ?? null,
        focusLossCount: r.focus_loss_count ?? 0,
        submittedAt: r.submitted_at ?? null,
        finalisedBy: r.finalised_by ?? null,
        score: best.get(r.person_id) ?? null,
      };
    }),
    total: Number(total.n),
  };
}
