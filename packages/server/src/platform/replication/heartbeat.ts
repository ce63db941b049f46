import type { AnyDb } from './catalogue.ts';

/** The heartbeat row of a city: a fixed id, so every app node of the city beats the same row. */
export const heartbeatId = (cityCode: string): string => `heartbeat-${cityCode}`;

/**
 * Writes "this city was alive at `at`". The row is replicated: at the province, now − beat_at is
 * the staleness of that city's stream even when nothing else changes (replay_lag is NULL while idle).
 */
export async function beat(db: AnyDb, cityCode: string, at: Date): Promise<void> {
  const iso = at.toISOString();
  await db
    .insertInto('replication_heartbeat')
    .values({ id: heartbeatId(cityCode), city_code: cityCode, beat_at: iso, updated_at: iso })
    .onConflict((oc) => oc.column('id').doUpdateSet({ beat_at: iso, updated_at: iso }))
    .execute();
}
