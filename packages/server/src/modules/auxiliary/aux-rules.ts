import { auxRuleSchemas, pickRule, type AuxRuleSet, type AuxRuleValues, type AuxRuleVersion } from '@zhenggong/core';
import { Value } from '@sinclair/typebox/value';
import type { Executor } from '../../db/database.ts';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';

export async function ruleVersions<S extends AuxRuleSet>(db: Executor, ruleSet: S): Promise<AuxRuleVersion<S>[]> {
  const rows = await db
    .selectFrom('aux_rule')
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
    value: JSON.parse(r.value) as AuxRuleValues[S],
    evidence: r.evidence,
    source: r.source,
    note: r.note,
  }));
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

export interface NewRuleVersion<S extends AuxRuleSet> {
  effectiveFrom: string;
  jurisdiction?: string | undefined;
  value: AuxRuleValues[S];
  evidence?: 'V' | 'S' | 'U' | undefined;
  source?: string | null | undefined;
  note?: string | null | undefined;
}

/**
 * Rule data applies to the whole city, so only a caller whose scope for the permission is the
 * whole instance may add a version; a branch would otherwise change every other branch's pay.
 */
export function assertCityWide(scope: ResolvedScope): void {
  if (!scope.all) throw new AppError('AUX_RULE_SCOPE');
}

export async function insertRuleVersion<S extends AuxRuleSet>(
  trx: Executor,
  ctx: AppContext,
  actor: AuditActor,
  ruleSet: S,
  body: NewRuleVersion<S>,
): Promise<string> {
  checkRuleValue(ruleSet, body.value);
  const id = newId();
  await trx
    .insertInto('aux_rule')
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
  return id;
}

export async function addRuleVersion<S extends AuxRuleSet>(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  ruleSet: S,
  body: NewRuleVersion<S>,
) {
  assertCityWide(scope);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const newIdValue = await insertRuleVersion(trx, ctx, actor, ruleSet, body);
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'auxiliary.rule.create',
      objectType: 'aux_rule',
      objectId: newIdValue,
      detail: { ruleSet, effectiveFrom: body.effectiveFrom, value: body.value },
    });
    return newIdValue;
  });
  const versions = await ruleVersions(ctx.db, ruleSet);
  // The version was inserted and committed just above, so the list holds it.
  return versions.find((v) => v.id === id)!;
}
