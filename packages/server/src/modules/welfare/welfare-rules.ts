import { pickWelfareRule, welfareRuleSchemas, type WelfareRuleSet, type WelfareRuleValues, type WelfareRuleVersion } from '@zhenggong/core';
import { Value } from '@sinclair/typebox/value';
import type { Executor } from '../../db/database.ts';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';

export async function ruleVersions<S extends WelfareRuleSet>(db: Executor, ruleSet: S): Promise<WelfareRuleVersion<S>[]> {
  const rows = await db
    .selectFrom('welfare_rule')
    .selectAll()
    .where('rule_set', '=', ruleSet)
    .orderBy('effective_from', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    ruleSet,
    jurisdiction: r.jurisdiction,
    effectiveFrom: r.effective_from,
    value: JSON.parse(r.value) as WelfareRuleValues[S],
    evidence: r.evidence,
    source: r.source,
    note: r.note,
  }));
}

/** The value of a rule set in force on `date` for this instance's city (a built-in default when none was added). */
export async function ruleValue<S extends WelfareRuleSet>(
  ctx: AppContext,
  db: Executor,
  ruleSet: S,
  date: string,
): Promise<WelfareRuleValues[S]> {
  return pickWelfareRule(ruleSet, await ruleVersions(db, ruleSet), date, ctx.config.cityCode).value;
}

export async function listWelfareRule<S extends WelfareRuleSet>(ctx: AppContext, ruleSet: S, date: string) {
  const versions = await ruleVersions(ctx.db, ruleSet);
  return { inForce: pickWelfareRule(ruleSet, versions, date, ctx.config.cityCode), versions };
}

export interface NewWelfareRule<S extends WelfareRuleSet> {
  effectiveFrom: string;
  jurisdiction?: string | undefined;
  value: WelfareRuleValues[S];
  evidence?: 'V' | 'S' | 'U' | undefined;
  source?: string | null | undefined;
  note?: string | null | undefined;
}

/** Rule data applies to the whole city: only a caller whose scope is the whole instance may add a version. */
export async function addWelfareRule<S extends WelfareRuleSet>(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  ruleSet: S,
  body: NewWelfareRule<S>,
) {
  if (!scope.all) throw new AppError('WELFARE_RULE_SCOPE');
  if (!Value.Check(welfareRuleSchemas[ruleSet], body.value)) throw new AppError('WELFARE_RULE_INVALID', { reason: 'schema' });
  if (ruleSet === 'leaveKinds') {
    const codes = (body.value as WelfareRuleValues['leaveKinds']).kinds.map((k) => k.code);
    if (new Set(codes).size !== codes.length) throw new AppError('WELFARE_RULE_INVALID', { reason: 'duplicate_kind' });
  }
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('welfare_rule')
      .values({
        id,
        rule_set: ruleSet,
        jurisdiction: body.jurisdiction ?? ctx.config.cityCode,
        effective_from: body.effectiveFrom,
        value: JSON.stringify(body.value),
        evidence: body.evidence ?? 'U',
        source: body.source ?? null,
        note: body.note ?? null,
        created_by: actor.userId,
        city_code: ctx.config.cityCode,
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'welfare.rule.create',
      objectType: 'welfare_rule',
      objectId: id,
      detail: { ruleSet, effectiveFrom: body.effectiveFrom },
    });
  });
  return (await ruleVersions(ctx.db, ruleSet)).find((v) => v.id === id)!; // inserted and committed just above
}
