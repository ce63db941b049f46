import { auxRuleSchemas, pickRule, type AuxRuleSet, type AuxRuleValues, type AuxRuleVersion } from '@zhenggong/core';
import { Value } from '@sinclair/typebox/value';
import type { Executor } from '../../db/database.ts';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import type { AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import {
  addRuleVersion as addPlatformRuleVersion,
  insertRuleVersion,
  storedRuleVersions,
  type NewRuleVersion,
} from '../../platform/rules/dated-rules.ts';

export async function ruleVersions<S extends AuxRuleSet>(db: Executor, ruleSet: S): Promise<AuxRuleVersion<S>[]> {
  return (await storedRuleVersions<AuxRuleValues[S]>(db, 'aux_rule', ruleSet)).map((v) => ({ ...v, ruleSet }));
}

/** The version of a rule set in force on `date` for this instance's city. */
export async function ruleInForce<S extends AuxRuleSet>(
  ctx: AppContext,
  db: Executor,
  ruleSet: S,
  date: string,
): Promise<AuxRuleVersion<S>> {
  return pickRule(ruleSet, await ruleVersions(db, ruleSet), date, ctx.config.cityCode);
}

/** Every version, newest first, plus the one in force today (a built-in default when none was added). */
export async function listRule<S extends AuxRuleSet>(ctx: AppContext, ruleSet: S, date: string) {
  const versions = await ruleVersions(ctx.db, ruleSet);
  return { inForce: pickRule(ruleSet, versions, date, ctx.config.cityCode), versions };
}

/** Checks the schema cannot express: unique codes, all four grades, a sane base range. */
export function checkRuleValue<S extends AuxRuleSet>(ruleSet: S, value: AuxRuleValues[S]): void {
  if (!Value.Check(auxRuleSchemas[ruleSet], value)) throw new AppError('AUX_RULE_INVALID', { reason: 'schema' });
  const unique = (codes: string[]) => new Set(codes).size === codes.length;
  if (ruleSet === 'gradeTable') {
    const v = value as AuxRuleValues['gradeTable'];
    if (!unique(v.grades.map((g) => g.code))) throw new AppError('AUX_RULE_INVALID', { reason: 'duplicate_grade' });
  }
  if (ruleSet === 'payScale') {
    const v = value as AuxRuleValues['payScale'];
    if (!unique(v.grades.map((g) => g.code))) throw new AppError('AUX_RULE_INVALID', { reason: 'duplicate_grade' });
  }
  if (ruleSet === 'socialInsurance') {
    const v = value as AuxRuleValues['socialInsurance'];
    if (v.baseMinFen > v.baseMaxFen) throw new AppError('AUX_RULE_INVALID', { reason: 'base_range' });
  }
}

export type NewAuxRuleVersion<S extends AuxRuleSet> = NewRuleVersion<AuxRuleValues[S]>;

/**
 * Rule data applies to the whole city, so only a caller whose scope for the permission is the
 * whole instance may add a version; a branch would otherwise change every other branch's pay.
 */
export function assertCityWide(scope: ResolvedScope): void {
  if (!scope.all) throw new AppError('AUX_RULE_SCOPE');
}

/** Inserts a checked version inside the caller's transaction (the monthly adjustment adds one with its audit). */
export async function insertAuxRuleVersion<S extends AuxRuleSet>(
  trx: Executor,
  ctx: AppContext,
  actor: AuditActor,
  ruleSet: S,
  body: NewAuxRuleVersion<S>,
): Promise<string> {
  checkRuleValue(ruleSet, body.value);
  return insertRuleVersion(trx, ctx, actor, 'aux_rule', ruleSet, body);
}

export async function addRuleVersion<S extends AuxRuleSet>(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  ruleSet: S,
  body: NewAuxRuleVersion<S>,
) {
  assertCityWide(scope);
  checkRuleValue(ruleSet, body.value);
  const id = await addPlatformRuleVersion(ctx, actor, 'aux_rule', ruleSet, body, {
    eventType: 'auxiliary.rule.create',
    detail: { ruleSet, effectiveFrom: body.effectiveFrom, value: body.value },
  });
  const versions = await ruleVersions(ctx.db, ruleSet);
  // The version was inserted and committed just above, so the list holds it.
  return versions.find((v) => v.id === id)!;
}
