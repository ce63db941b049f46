import type { FactKind } from '@zhenggong/core';
import type { Trx } from '../../db/database.ts';
import type { AppContext } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';

export interface RecordedFact {
  readonly personId: string;
  readonly kind: FactKind;
  readonly eventDate: string;
  /** When the platform learnt of it; the indicators of an earlier month never see it. */
  readonly knownDate: string;
  readonly value: number;
  readonly note?: string | null;
}

/** Writes recorded facts (`ew_fact`) in the caller's transaction, in batches; returns their ids. */
export async function recordFacts(
  trx: Trx,
  ctx: AppContext,
  facts: readonly RecordedFact[],
  createdBy: string | null = null,
): Promise<string[]> {
  const now = ctx.clock.now().toISOString();
  const rows = facts.map((f) => ({
    id: newId(),
    person_id: f.personId,
    kind: f.kind,
    event_date: f.eventDate,
    known_date: f.knownDate,
    value: f.value,
    voided: 0,
    note: f.note ?? null,
    created_by: createdBy,
    city_code: ctx.config.cityCode,
    created_at: now,
  }));
  for (let i = 0; i < rows.length; i += 500)
    await trx
      .insertInto('ew_fact')
      .values(rows.slice(i, i + 500))
      .execute();
  return rows.map((r) => r.id);
}
