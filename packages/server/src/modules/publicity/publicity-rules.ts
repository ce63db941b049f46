import { defaultScoring, defaultSync, pickVersion, ScoringValue, SyncValue, type RuleVersion } from '@zhenggong/core';
import { Value } from '@sinclair/typebox/value';
import type { Executor } from '../../db/database.ts';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';

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

async function versionsOf<S extends Set>(db: Executor, set: S): Promise<RuleVersion<Values[S]>[]> {
  const rows = await db
    .selectFrom('publicity_rule')
    .selectAll()
    .where('rule_set', '=', set)
    .orderBy('effective_from', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    jurisdiction: r.jurisdiction,
    effectiveFrom: r.effective_from,
    value: JSON.parse(r.value) as Values[S],
    evidence: r.evidence,
    source: r.source,
    note: r.note,
  }));
}

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
  if (!Value.Check(schemas[set], body.value)) throw new AppError('PARTY_RULE_INVALID', { set });
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('publicity_rule')
      .values({
        id,
        rule_set: set,
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
      eventType: 'publicity.rule.create',
      objectType: 'publicity_rule',
      objectId: id,
      detail: { set, effectiveFrom: body.effectiveFrom },
    });
  });
  return listPublicityRule(ctx, set, body.effectiveFrom);
}
