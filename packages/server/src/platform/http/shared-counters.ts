import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

/**
 * Fixed-window counters in the database (table rate_counter), so every app node behind a load
 * balancer counts the same requests: login and second-factor throttles, the portal's per-IP and
 * per-phone limits, wrong sign-in codes (ADR 027). One upsert per hit, atomic on both dialects:
 * PostgreSQL locks the conflicting row, SQLite holds its write lock.
 */
export async function hitCounter(db: Db, key: string, windowMs: number, nowMs: number): Promise<{ count: number; expiresAt: number }> {
  const now = new Date(nowMs).toISOString();
  const expires = new Date(nowMs + windowMs).toISOString();
  const row = await db
    .insertInto('rate_counter')
    .values({ key, count: 1, expires_at: expires })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: sql<number>`case when rate_counter.expires_at <= ${now} then 1 else rate_counter.count + 1 end`,
        expires_at: sql<string>`case when rate_counter.expires_at <= ${now} then ${expires} else rate_counter.expires_at end`,
      }),
    )
    .returning(['count', 'expires_at'])
    .executeTakeFirstOrThrow();
  return { count: Number(row.count), expiresAt: Date.parse(row.expires_at) };
}

/** The live count of a key (0 once its window has passed). */
export async function peekCounter(db: Db, key: string, nowMs: number): Promise<number> {
  const row = await db.selectFrom('rate_counter').select(['count', 'expires_at']).where('key', '=', key).executeTakeFirst();
  return row && Date.parse(row.expires_at) > nowMs ? Number(row.count) : 0;
}

export async function clearCounter(db: Db, key: string): Promise<void> {
  await db.deleteFrom('rate_counter').where('key', '=', key).execute();
}

export async function removeExpiredCounters(db: Db, nowMs: number): Promise<{ removed: number }> {
  const res = await db.deleteFrom('rate_counter').where('expires_at', '<=', new Date(nowMs).toISOString()).executeTakeFirst();
  return { removed: Number(res.numDeletedRows) };
}

/**
 * @fastify/rate-limit store over hitCounter. Its default store is an LRU inside one process: two
 * nodes would each allow the full limit. Each route's child store prefixes its keys with the
 * route, as the per-route LRUs kept them apart. Windows follow the wall clock, like the default.
 */
export function databaseRateLimitStore(db: Db): FastifyRateLimitStoreCtor {
  class DatabaseStore implements FastifyRateLimitStore {
    constructor(
      _options: unknown,
      private readonly prefix = 'rl',
    ) {}

    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number): void {
      const now = Date.now();
      hitCounter(db, `${this.prefix}:${key}`, timeWindow, now).then(
        (r) => callback(null, { current: r.count, ttl: Math.max(0, r.expiresAt - now) }),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }

    // The plugin passes the route under `routeInfo`; without it every limited route would share one counter per address.
    child(params: Parameters<FastifyRateLimitStore['child']>[0]): FastifyRateLimitStore {
      const route = (params as { routeInfo?: { method?: string | string[]; url?: string; path?: string } }).routeInfo ?? {};
      const method = Array.isArray(route.method) ? route.method.join(',') : (route.method ?? '');
      return new DatabaseStore(undefined, `rl:${method}:${route.url ?? route.path ?? ''}`);
    }
  }
  return DatabaseStore as unknown as FastifyRateLimitStoreCtor; // the plugin constructs it with its options, which this store ignores
}
