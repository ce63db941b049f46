import type { Executor, Trx } from '../../db/database.ts';
import { appendAudit, type AuditActor } from '../audit/audit-service.ts';
import type { AppContext } from '../context.ts';
import { newId } from '../ids.ts';

/**
 * The modules' dated rule tables (rules are versioned data: ../shared/DOMAIN-RULES.md). Each module
 * keeps its own table, all with the same columns, and reads and writes them through here; what a
 * value may hold and who may add one stay with the module.
 */
export type DatedRuleTable = 'award_rule' | 'aux_rule' | 'party_rule' | 'publicity_rule' | 'welfare_rule';

/** One stored version, as the core's rule pickers take it. */
export interface StoredRuleVersion<V> {
  id: string;
  jurisdiction: string;
  effectiveFrom: string;
  value: V;
  evidence: 'V' | 'S' | 'U';
  source: string | null;
  note: string | null;
}

/** What a caller adds: the value checked by its module; jurisdiction defaults to this city. */
export interface NewRuleVersion<V> {
  effectiveFrom: string;
  jurisdiction?: string | undefined;
  value: V;
  evidence?: 'V' | 'S' | 'U' | undefined;
  source?: string | null | undefined;
  note?: string | null | undefined;
}

// The tables share their columns, so one of them stands for all in Kysely's types.
const asTable = (table: DatedRuleTable) => table as 'award_rule';

/** Versions of one rule set, newest effective date (then newest entry) first. */
export async function storedRuleVersions<V>(db: Executor, table: DatedRuleTable, ruleSet: string): Promise<StoredRuleVersion<V>[]> {
  const rows = await db
    .selectFrom(asTable(table))
    .selectAll()
    .where('rule_set', '=', ruleSet)
    .orderBy('effective_from', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    jurisdiction: r.jurisdiction,
    effectiveFrom: r.effective_from,
    value: JSON.parse(r.value) as V,
    evidence: r.evidence,
    source: r.source,
    note: r.note,
  }));
}

/** Inserts a version inside the caller's transaction and returns its id. */
export async function insertRuleVersion<V>(
  trx: Executor,
  ctx: AppContext,
  actor: AuditActor,
  table: DatedRuleTable,
  ruleSet: string,
  body: NewRuleVersion<V>,
): Promise<string> {
  const id = newId();
  await trx
    .insertInto(asTable(table))
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

/** Adds a version and its audit row (`eventType`, object type = the table) in one transaction. */
export async function addRuleVersion<V>(
  ctx: AppContext,
  actor: AuditActor,
  table: DatedRuleTable,
  ruleSet: string,
  body: NewRuleVersion<V>,
  audit: { eventType: string; detail: Record<string, unknown> },
): Promise<string> {
  return ctx.db.transaction().execute(async (trx: Trx) => {
    const id = await insertRuleVersion(trx, ctx, actor, table, ruleSet, body);
    await appendAudit(trx, ctx.clock, actor, { eventType: audit.eventType, objectType: table, objectId: id, detail: audit.detail });
    return id;
  });
}
