import {
  defaultPartyRules,
  partyRuleSchemas,
  pickVersion,
  type PartyRuleSet,
  type PartyRuleValues,
  type RuleVersion,
} from '@zhenggong/core';
import { Value } from '@sinclair/typebox/value';
import type { Executor } from '../../db/database.ts';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import type { AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { addRuleVersion, storedRuleVersions, type NewRuleVersion } from '../../platform/rules/dated-rules.ts';

type Version<S extends PartyRuleSet> = RuleVersion<PartyRuleValues[S]>;

const versionsOf = <S extends PartyRuleSet>(db: Executor, set: S): Promise<Version<S>[]> =>
  storedRuleVersions<PartyRuleValues[S]>(db, 'party_rule', set);

/** The version of a party rule set in force on `date` for this instance's city (the built-in default, evidence S, otherwise). */
export async function partyRuleOn<S extends PartyRuleSet>(ctx: AppContext, db: Executor, set: S, date: string): Promise<Version<S>> {
  return pickVersion(await versionsOf(db, set), date, ctx.config.cityCode, defaultPartyRules[set], 'S');
}

export async function listPartyRule<S extends PartyRuleSet>(ctx: AppContext, set: S, date: string) {
  const versions = await versionsOf(ctx.db, set);
  return { set, inForce: pickVersion(versions, date, ctx.config.cityCode, defaultPartyRules[set], 'S'), versions };
}

export type NewPartyRule = NewRuleVersion<unknown>;

/** Rule data applies to the whole city: only a caller with city-wide scope adds a version. */
export async function addPartyRule<S extends PartyRuleSet>(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  set: S,
  body: NewPartyRule,
) {
  if (!scope.all) throw new AppError('PARTY_RULE_SCOPE');
  if (!Value.Check(partyRuleSchemas[set], body.value)) throw new AppError('PARTY_RULE_INVALID', { reason: 'schema', set });
  if (set === 'pipeline') {
    const v = body.value as PartyRuleValues['pipeline'];
    const stages = v.stages.map((s) => s.stage).join(',');
    if (stages !== 'applicant,activist,candidate,probationary') throw new AppError('PARTY_RULE_INVALID', { reason: 'stages' });
  }
  if (set === 'dues') {
    const v = body.value as PartyRuleValues['dues'];
    if (v.brackets.filter((b) => b.upToFen === null).length !== 1) throw new AppError('PARTY_RULE_INVALID', { reason: 'open_bracket' });
  }
  if (set === 'meetings') {
    const v = body.value as PartyRuleValues['meetings'];
    if (new Set(v.kinds.map((k) => k.kind)).size !== v.kinds.length) throw new AppError('PARTY_RULE_INVALID', { reason: 'duplicate_kind' });
  }
  await addRuleVersion(ctx, actor, 'party_rule', set, body, {
    eventType: 'party.rule.create',
    detail: { set, effectiveFrom: body.effectiveFrom },
  });
  return listPartyRule(ctx, set, body.effectiveFrom);
}
