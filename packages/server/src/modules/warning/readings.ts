import type { IndicatorReading } from '@zhenggong/core';
import type { Executor } from '../../db/database.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Member } from './population.ts';

/** A person's indicator readings for one month, as the monthly run computes them and the rules, model and cockpit read them. */
export interface PersonReadings {
  readonly member: Member;
  readonly readings: Map<string, IndicatorReading>;
  readonly refs: Map<string, readonly string[]>;
}

/** Readings of everyone as stored in the snapshot of `asOf` (what the rules, the model and the back-test read). */
export async function storedReadings(db: Executor, ctx: AppContext, asOf: string): Promise<Map<string, Map<string, IndicatorReading>>> {
  const rows = await db
    .selectFrom('ew_indicator_snapshot')
    .select(['person_id', 'indicator', 'value', 'peer_key', 'peer_n', 'peer_pct', 'peer_z'])
    .where('as_of', '=', asOf)
    .where('city_code', '=', ctx.config.cityCode)
    .execute();
  const out = new Map<string, Map<string, IndicatorReading>>();
  for (const r of rows) {
    let m = out.get(r.person_id);
    if (!m) out.set(r.person_id, (m = new Map()));
    m.set(r.indicator, {
      value: r.value === null ? null : Number(r.value),
      pct: r.peer_pct === null ? null : Number(r.peer_pct),
      peerKey: r.peer_key,
      peerN: r.peer_n === null ? null : Number(r.peer_n),
      median: null,
      z: r.peer_z === null ? null : Number(r.peer_z),
    });
  }
  return out;
}
