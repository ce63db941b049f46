import { defaultScoring, defaultSync, pickVersion, ScoringValue, SyncValue, type RuleVersion } from '@zhenggong/core';
import { Value } from '@sinclair/typebox/value';
import type { Executor } from '../../db/database.ts';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import type { AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { addRuleVersion, storedRuleVersions } from '../../platform/rules/dated-rules.ts';

interface Values {
  scoring: ScoringValue;
  sync: SyncValue;
}
type Set = keyof Values;
const defaults: { [S in Set]: { value: Values[S]; evidence: 'S' | 'U' } } = {
  scoring: { value: defaultScoring, evidence: 'U' },
  sync: { value: defaultSync, evidence: 'S' },
};
const schemas = { scoring: ScoringValue, sync: SyncValue };

const versionsOf = <S extends Set>(db: Executor, set: S): Promise<RuleVersion<Values[S]>[]> =>
  storedRuleVersions<Values[S]>(db, 'publicity_rule', set);

/** The scoring or release-timing rule in force on `date` for this city (an editable default otherwise). */
export async function publicityRuleOn<S extends Set>(ctx: AppContext, db: Executor, set: S, date: string): Promise<RuleVersion<Values[S]>> {
  return pickVersion(await versionsOf(db, set), date, ctx.config.cityCode, defaults[set].value, defaults[set].evidence);
}

export async function listPublicityRule<S extends Set>(ctx: AppContext, set: S, date: string) {
  const versions = await versionsOf(ctx.db, set);
  return { inForce: pickVersion(versions, date, ctx.config.cityCode, defaults[set].value, defaults[set].evidence), versions };
}

export async function addPublicityRule<S extends Set>(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  set: S,
  body: {
    effectiveFrom: string;
    jurisdiction?: string | undefined;
    value: Values[S];
    evidence?: 'V' | 'S' | 'U' | undefined;
    source?: string | null | undefined;
    note?: string | null | undefined;
  },
) {
  if (!scope.all) throw new AppError('PUB_RULE_SCOPE');
  if (!Value.Check(schemas[set], body.value)) throw new AppError('PUB_RULE_INVALID', { set });
  await addRuleVersion(ctx, actor, 'publicity_rule', set, body, {
    eventType: 'publicity.rule.create',
    detail: { set, effectiveFrom: body.effectiveFrom },
  });
  return listPublicityRule(ctx, set, body.effectiveFrom);
}
