import { pickWelfareRule, welfareRuleSchemas, type WelfareRuleSet, type WelfareRuleValues, type WelfareRuleVersion } from '@zhenggong/core';
import { Value } from '@sinclair/typebox/value';
import type { Executor } from '../../db/database.ts';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import type { AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { addRuleVersion, storedRuleVersions, type NewRuleVersion } from '../../platform/rules/dated-rules.ts';

export async function ruleVersions<S extends WelfareRuleSet>(db: Executor, ruleSet: S): Promise<WelfareRuleVersion<S>[]> {
  return (await storedRuleVersions<WelfareRuleValues[S]>(db, 'welfare_rule', ruleSet)).map((v) => ({ ...v, ruleSet }));
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

export type NewWelfareRule<S extends WelfareRuleSet> = NewRuleVersion<WelfareRuleValues[S]>;

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
  const id = await addRuleVersion(ctx, actor, 'welfare_rule', ruleSet, body, {
    eventType: 'welfare.rule.create',
    detail: { ruleSet, effectiveFrom: body.effectiveFrom },
  });
  return (await ruleVersions(ctx.db, ruleSet)).find((v) => v.id === id)!; // inserted and committed just above
}
