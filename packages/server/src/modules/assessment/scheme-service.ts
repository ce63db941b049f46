import { schemeProblems, type CreateSchemeBody, type SchemeBody, type SchemeView } from '@zhenggong/core';
import type { Executor } from '../../db/database.ts';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import type { AsmSchemeTable } from './tables.ts';

/** Schemes are city-wide rule data (no person in them): readable by every holder of assessment:read. */

export const schemeBodyOf = (row: Pick<AsmSchemeTable, 'body'>): SchemeBody => JSON.parse(row.body) as SchemeBody;

export const presentScheme = (r: AsmSchemeTable): SchemeView => ({
  id: r.id,
  code: r.code,
  version: r.version,
  name: r.name,
  subject: r.subject,
  personKind: r.person_kind,
  periodKind: r.period_kind,
  effectiveFrom: r.effective_from,
  evidence: r.evidence,
  source: r.source,
  status: r.status,
  publishedAt: r.published_at,
  body: schemeBodyOf(r),
});

export async function loadScheme(db: Executor, id: string): Promise<AsmSchemeTable> {
  const row = await db.selectFrom('asm_scheme').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('ASM_SCHEME_NOT_FOUND');
  return row;
}

export async function listSchemes(ctx: AppContext) {
  const rows = await ctx.db
    .selectFrom('asm_scheme')
    .selectAll()
    .where('city_code', '=', ctx.config.cityCode)
    .orderBy('code')
    .orderBy('version', 'desc')
    .execute();
  return { items: rows.map(presentScheme) };
}

export const getScheme = async (ctx: AppContext, id: string) => presentScheme(await loadScheme(ctx.db, id));

/** Problems in words for the error message, e.g. "neng: 子项合计 25，应为 30". */
function describe(problems: ReturnType<typeof schemeProblems>): string {
  const words: Record<string, string> = {
    duplicate: '编码重复',
    unknown_parent: '上级指标不存在',
    group_sum: '子项分值合计',
    root_sum: '一级指标合计',
    leaf_without_rule: '末级指标缺少计分规则',
    group_with_rule: '有子项的指标不能有计分规则',
    cycle: '上下级循环',
    grade_band: '等次分档不在等次列表中',
  };
  return problems
    .map((p) => `${p.key || '方案'}：${words[p.problem]}${p.actual !== undefined ? ` ${p.actual}，应为 ${p.expected}` : ''}`)
    .join('；');
}

/** A draft scheme; an existing code gets the next version, so published versions never change. */
export async function createScheme(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, body: CreateSchemeBody) {
  if (!scope.all) throw new AppError('ASM_SCHEME_SCOPE');
  const problems = schemeProblems(body.body);
  if (problems.length > 0) throw new AppError('ASM_SCHEME_INVALID', { problems: describe(problems), list: problems });
  return ctx.db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('asm_scheme')
      .select('version')
      .where('code', '=', body.code)
      .where('city_code', '=', ctx.config.cityCode)
      .orderBy('version', 'desc')
      .executeTakeFirst();
    const row: AsmSchemeTable = {
      id: newId(),
      code: body.code,
      version: (last?.version ?? 0) + 1,
      name: body.name,
      subject: body.subject,
      person_kind: body.subject === 'individual' ? body.personKind : null,
      period_kind: body.periodKind,
      effective_from: body.effectiveFrom,
      evidence: body.evidence,
      source: body.source,
      body: JSON.stringify(body.body),
      status: 'draft',
      created_by: actor.userId,
      published_at: null,
      city_code: ctx.config.cityCode,
      created_at: ctx.clock.now().toISOString(),
    };
    await trx.insertInto('asm_scheme').values(row).execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'assessment.scheme.create',
      objectType: 'asm_scheme',
      objectId: row.id,
      detail: { code: row.code, version: row.version },
    });
    return presentScheme(row);
  });
}

export async function publishScheme(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string) {
  if (!scope.all) throw new AppError('ASM_SCHEME_SCOPE');
  return ctx.db.transaction().execute(async (trx) => {
    const row = await loadScheme(trx, id);
    if (row.status === 'published') throw new AppError('ASM_SCHEME_PUBLISHED');
    const now = ctx.clock.now().toISOString();
    await trx.updateTable('asm_scheme').set({ status: 'published', published_at: now }).where('id', '=', id).execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'assessment.scheme.publish',
      objectType: 'asm_scheme',
      objectId: id,
      detail: { code: row.code, version: row.version },
    });
    return presentScheme({ ...row, status: 'published', published_at: now });
  });
}
