import type { QuestionListQuery, QuestionType } from '@zhenggong/core';
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { visibleWhere } from './bank-scope.ts';

export interface QuestionListItem {
  readonly id: string;
  readonly bankId: string;
  readonly bankName: string;
  readonly type: QuestionType;
  readonly stem: string;
  readonly policeCategory: string | null;
  readonly subject: string | null;
  readonly difficulty: number;
  readonly sourceLaw: string | null;
  readonly versionNo: number;
  readonly currentVersionId: string;
  readonly status: 'active' | 'retired';
  readonly updatedAt: string;
}

/** `column` contains `text` literally (wildcards escaped; SQLite has no default LIKE escape). */
export const containsText = (column: string, text: string): Expression<SqlBool> =>
  sql<SqlBool>`${sql.ref(column)} like ${`%${text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`} escape '\\'`;
const sortColumns = {
  updatedAt: 'q.updated_at',
  difficulty: 'q.difficulty',
  type: 'q.type',
  stem: 'q.stem',
  createdAt: 'q.created_at',
} as const;

/** Questions of the banks the caller can read, filtered by bank, type, tags, difficulty and a stem keyword. */
export async function listQuestions(
  db: Executor,
  scope: ResolvedScope,
  query: QuestionListQuery,
): Promise<{ items: QuestionListItem[]; total: number }> {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const status = query.status ?? 'active';
  const base = db
    .selectFrom('qb_question as q')
    .innerJoin('qb_bank as b', 'b.id', 'q.bank_id')
    .where(visibleWhere(scope, 'q.org_id'))
    .$if(status !== 'all', (w) => w.where('q.status', '=', status as 'active' | 'retired').where('b.status', '=', 'active'))
    .$if(query.bankId !== undefined, (w) => w.where('q.bank_id', '=', query.bankId as string))
    .$if(query.type !== undefined, (w) => w.where('q.type', '=', query.type as QuestionType))
    .$if(query.difficulty !== undefined, (w) => w.where('q.difficulty', '=', query.difficulty as number))
    .$if(!!query.policeCategory, (w) => w.where('q.police_category', '=', query.policeCategory as string))
    .$if(!!query.subject, (w) => w.where('q.subject', '=', query.subject as string))
    .$if(!!query.sourceLaw, (w) => w.where('q.source_law', '=', query.sourceLaw as string))
    .$if(!!query.q?.trim(), (w) => w.where(containsText('q.stem', (query.q as string).trim())));
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const desc = query.sort?.startsWith('-') ?? true;
  const key = (query.sort?.replace(/^-/, '') ?? 'updatedAt') as keyof typeof sortColumns;
  const column = sortColumns[key] ?? sortColumns.updatedAt;
  const rows = await base
    .select([
      'q.id',
      'q.bank_id',
      'b.name as bank_name',
      'q.type',
      'q.stem',
      'q.police_category',
      'q.subject',
      'q.difficulty',
      'q.source_law',
      'q.version_no',
      'q.current_version_id',
      'q.status',
      'q.updated_at',
    ])
    .orderBy(column, desc ? 'desc' : 'asc')
    .orderBy('q.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      bankId: r.bank_id,
      bankName: r.bank_name,
      type: r.type,
      stem: r.stem,
      policeCategory: r.police_category,
      subject: r.subject,
      difficulty: r.difficulty,
      sourceLaw: r.source_law,
      versionNo: r.version_no,
      currentVersionId: r.current_version_id,
      status: r.status,
      updatedAt: r.updated_at,
    })),
  };
}

/** Tag values in use (for filter and rule pickers), over the active questions the caller can read. */
export async function listTags(
  db: Executor,
  scope: ResolvedScope,
  bankIds?: readonly string[],
): Promise<{ policeCategories: string[]; subjects: string[]; sourceLaws: string[] }> {
  const distinct = async (column: 'q.police_category' | 'q.subject' | 'q.source_law') => {
    const rows = await db
      .selectFrom('qb_question as q')
      .innerJoin('qb_bank as b', 'b.id', 'q.bank_id')
      .select(`${column} as v` as 'q.subject as v')
      .distinct()
      .where(visibleWhere(scope, 'q.org_id'))
      .where('q.status', '=', 'active')
      .where('b.status', '=', 'active')
      .where(column, 'is not', null)
      .$if(bankIds !== undefined && bankIds.length > 0, (w) => w.where('q.bank_id', 'in', [...(bankIds as string[])]))
      .orderBy('v')
      .limit(500)
      .execute();
    return rows.map((r) => r.v as string);
  };
  return {
    policeCategories: await distinct('q.police_category'),
    subjects: await distinct('q.subject'),
    sourceLaws: await distinct('q.source_law'),
  };
}
