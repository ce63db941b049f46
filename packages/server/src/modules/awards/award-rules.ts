import {
  awardRuleSchemas,
  pickAwardRule,
  type AwardRuleBody,
  type AwardRuleSet,
  type AwardRuleValues,
  type AwardRuleVersion,
} from '@zhenggong/core';
import { Value } from '@sinclair/typebox/value';
import type { Executor } from '../../db/database.ts';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import type { AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { addRuleVersion, storedRuleVersions } from '../../platform/rules/dated-rules.ts';

/** Versions of an award rule set, newest first. */
export async function awardRuleVersions<S extends AwardRuleSet>(db: Executor, ruleSet: S): Promise<AwardRuleVersion<S>[]> {
  return (await storedRuleVersions<AwardRuleValues[S]>(db, 'award_rule', ruleSet)).map((v) => ({ ...v, ruleSet }));
}

/** The version of a set in force on `date` for this instance's city (a built-in default when none was added). */
export async function awardRule<S extends AwardRuleSet>(
  ctx: AppContext,
  db: Executor,
  ruleSet: S,
  date: string,
): Promise<AwardRuleValues[S]> {
  return pickAwardRule(ruleSet, await awardRuleVersions(db, ruleSet), date, ctx.config.cityCode).value;
}

export async function listAwardRule<S extends AwardRuleSet>(ctx: AppContext, ruleSet: S, date: string) {
  const versions = await awardRuleVersions(ctx.db, ruleSet);
  return { inForce: pickAwardRule(ruleSet, versions, date, ctx.config.cityCode), versions };
}

/**
 * Adds a dated version. Rule data applies to the whole instance, so only a caller whose scope is
 * the whole city may add one; the value must fit the set's schema.
 */
export async function addAwardRuleVersion(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  ruleSet: AwardRuleSet,
  body: AwardRuleBody,
) {
  if (!scope.all) throw new AppError('AWARD_RULE_SCOPE');
  const schema = awardRuleSchemas[ruleSet];
  if (!Value.Check(schema, body.value)) {
    const first = [...Value.Errors(schema, body.value)][0];
    throw new AppError('AWARD_RULE_INVALID', { reason: first ? `${first.path || '/'} ${first.message}` : 'schema' });
  }
  await addRuleVersion(ctx, actor, 'award_rule', ruleSet, body, {
    eventType: 'awards.rule.create',
    detail: { ruleSet, effectiveFrom: body.effectiveFrom, jurisdiction: body.jurisdiction ?? ctx.config.cityCode },
  });
  return listAwardRule(ctx, ruleSet, body.effectiveFrom);
}
