import {
  conversionRuleSets,
  getDict,
  promotionRuleSets,
  retirementRuleSets,
  type ConversionRuleCopyBody,
  type ConversionRuleSet,
  formerPosts,
  police2016Posts,
} from '@zhenggong/core';
import type { Executor } from '../../db/database.ts';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';

/**
 * Rule sets in force: the shipped defaults (core, evidence-tagged) plus edited copies of the
 * conversion rules a province saved (cadre_rule_set). A copy never changes the default: it is a
 * new id the what-if and the batch name.
 */
export async function conversionRuleSet(db: Executor, id: string): Promise<ConversionRuleSet> {
  const shipped = conversionRuleSets.find((r) => r.id === id);
  if (shipped) return shipped;
  const row = await db.selectFrom('cadre_rule_set').select('data').where('rule_id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('CADRES_RULE_NOT_FOUND');
  return JSON.parse(row.data) as ConversionRuleSet;
}

export async function listRuleSets(ctx: AppContext) {
  const copies = await ctx.db
    .selectFrom('cadre_rule_set')
    .select(['rule_id', 'name', 'effective_from', 'based_on', 'data'])
    .orderBy('created_at')
    .execute();
  return {
    items: [
      ...promotionRuleSets.map((r) => ({
        id: r.id,
        kind: 'promotion',
        name: r.name,
        effectiveFrom: r.effectiveFrom,
        evidence: r.grade.meta.evidence,
        source: r.grade.meta.source,
        note: r.grade.meta.note ?? null,
        editable: false,
        basedOn: null,
      })),
      ...conversionRuleSets.map((r) => ({
        id: r.id,
        kind: 'conversion',
        name: r.name,
        effectiveFrom: r.effectiveFrom,
        evidence: r.meta.evidence,
        source: r.meta.source,
        note: r.meta.note ?? null,
        editable: false,
        basedOn: null,
      })),
      ...copies.map((c) => {
        const data = JSON.parse(c.data) as ConversionRuleSet;
        return {
          id: c.rule_id,
          kind: 'conversion',
          name: c.name,
          effectiveFrom: c.effective_from,
          evidence: data.meta.evidence,
          source: data.meta.source,
          note: data.meta.note ?? null,
          editable: true,
          basedOn: c.based_on,
        };
      }),
      ...retirementRuleSets.map((r) => ({
        id: r.id,
        kind: 'retirement',
        name: '渐进式延迟法定退休年龄',
        effectiveFrom: r.effectiveFrom,
        evidence: r.evidence,
        source: r.source,
        note: null,
        editable: false,
        basedOn: null,
      })),
    ],
  };
}

const knownCodes = new Set([
  ...(getDict('police_officer_level')?.items ?? []).map((i) => i.code),
  ...Object.keys(police2016Posts),
  ...Object.keys(formerPosts),
]);

/** Saves an edited copy of a conversion rule set; rule data is city-wide, so only a city-wide scope may. */
export async function copyConversionRuleSet(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor & { userId: string | null },
  body: ConversionRuleCopyBody,
) {
  if (!scope.all) throw new AppError('CADRES_RULE_SCOPE');
  const base = await conversionRuleSet(ctx.db, body.basedOn);
  const rows = body.rows ?? base.rows;
  const quotas = body.quotas ?? base.quotas;
  const codes = rows.flatMap((r) => [r.from, r.fallback, ...r.options.map((o) => o.to)]);
  const ids = new Set(quotas.map((q) => q.id));
  if (
    codes.some((c) => !knownCodes.has(c)) ||
    quotas.some((q) => q.grades.some((g) => !knownCodes.has(g)) || (q.of !== 'establishment' && !ids.has(q.of)))
  )
    throw new AppError('CADRES_RULE_INVALID');
  const id = `${base.id.split('~')[0]}~${newId().slice(-8)}`;
  const data: ConversionRuleSet = {
    ...base,
    id,
    name: body.name,
    effectiveFrom: body.effectiveFrom,
    rows,
    quotas,
    disciplineFallback: body.disciplineFallback ?? base.disciplineFallback,
    meta: { ...base.meta, note: `编辑副本，基于${base.id} / edited copy of ${base.id}` },
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('cadre_rule_set')
      .values({
        id: newId(),
        rule_id: id,
        kind: 'conversion',
        name: body.name,
        effective_from: body.effectiveFrom,
        based_on: base.id,
        data: JSON.stringify(data),
        created_by: actor.userId,
        city_code: ctx.config.cityCode,
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'cadres.rules.copy',
      objectType: 'cadre_rule_set',
      objectId: id,
      detail: { basedOn: base.id },
    });
  });
  return { id };
}
