import { sql } from 'kysely';
import pg from 'pg';
import { subscriptionName, type AnyDb } from './catalogue.ts';
import { heartbeatId } from './heartbeat.ts';
import { cityLinks, parseConninfo, type CityLink } from './province-subscriptions.ts';

export interface CityStatus {
  readonly cityCode: string;
  readonly name: string;
  /** subscribed and enabled / disabled (by an operator) / missing. */
  readonly subscription: 'enabled' | 'disabled' | 'missing';
  /** The apply worker is running. */
  readonly running: boolean;
  readonly tablesCopying: number;
  readonly applyErrors: number;
  readonly syncErrors: number;
  /** Province clock − the city's last replicated heartbeat, in seconds; null before the first. */
  readonly lagSeconds: number | null;
  /** The city's slot as the city sees it; null when the city could not be reached. */
  readonly slot: { readonly walStatus: string | null; readonly heldBytes: number; readonly active: boolean } | null;
  /** Why this city needs an operator, or null. */
  readonly lastError: string | null;
}

/** Per-city replication state, read at the province (and at each city, for its slot). */
export async function replicationStatus(db: AnyDb, now: Date, options: { staleSeconds?: number } = {}): Promise<CityStatus[]> {
  const stale = options.staleSeconds ?? 300;
  const out: CityStatus[] = [];
  for (const link of await cityLinks(db)) {
    const name = subscriptionName(link.cityCode);
    const sub = (
      await sql<{ enabled: boolean; running: boolean; copying: number; apply_errors: number; sync_errors: number }>`
        select s.subenabled as enabled,
               exists (select 1 from pg_stat_subscription w where w.subid = s.oid and w.pid is not null and w.relid is null) as running,
               (select count(*)::int from pg_subscription_rel r where r.srsubid = s.oid and r.srsubstate <> 'r') as copying,
               coalesce(st.apply_error_count, 0)::int as apply_errors, coalesce(st.sync_error_count, 0)::int as sync_errors
        from pg_subscription s left join pg_stat_subscription_stats st on st.subid = s.oid
        where s.subname = ${name}`.execute(db)
    ).rows[0];
    const hb = await db
      .selectFrom('replication_heartbeat')
      .select('beat_at')
      .where('id', '=', heartbeatId(link.cityCode))
      .executeTakeFirst();
    const lagSeconds = hb ? Math.max(0, (now.getTime() - Date.parse(hb.beat_at as string)) / 1000) : null;
    const slot = await citySlot(link);
    const problems = [
      !sub ? 'no subscription' : null,
      sub && !sub.enabled ? 'subscription disabled (ALTER SUBSCRIPTION … ENABLE, or resync-city)' : null,
      sub && sub.enabled && !sub.running && sub.apply_errors > 0
        ? `apply worker stopped after ${sub.apply_errors} errors (see the province log)`
        : null,
      slot === null ? 'city unreachable' : null,
      slot && slot.walStatus === 'lost' ? 'slot lost: run resync-city' : null,
      lagSeconds !== null && lagSeconds > stale ? `heartbeat ${Math.round(lagSeconds)} s old` : null,
    ].filter((p): p is string => p !== null);
    out.push({
      cityCode: link.cityCode,
      name: link.name,
      subscription: !sub ? 'missing' : sub.enabled ? 'enabled' : 'disabled',
      running: sub?.running ?? false,
      tablesCopying: sub?.copying ?? 0,
      applyErrors: sub?.apply_errors ?? 0,
      syncErrors: sub?.sync_errors ?? 0,
      lagSeconds,
      slot,
      lastError: problems.length > 0 ? problems.join('; ') : null,
    });
  }
  return out;
}

async function citySlot(link: CityLink): Promise<CityStatus['slot']> {
  const client = new pg.Client({ ...parseConninfo(link.conninfo), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    const r = await client.query<{ wal_status: string | null; held: string | null; active: boolean }>(
      `select wal_status, pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)::bigint as held, active
       from pg_replication_slots where slot_name = $1`,
      [subscriptionName(link.cityCode)],
    );
    const row = r.rows[0];
    return row
      ? { walStatus: row.wal_status, heldBytes: Number(row.held ?? 0), active: row.active }
      : { walStatus: null, heldBytes: 0, active: false };
  } catch {
    return null;
  } finally {
    await client.end().catch(() => {});
  }
}
