import type { AppContext } from '../context.ts';
import { appendAudit, systemActor } from '../audit/audit-service.ts';
import { newId } from '../ids.ts';

/** Audit events that count as failures of one address toward the intrusion threshold. */
const COUNTED = ['auth.login', 'access.denied'] as const;

/**
 * Addresses blocked now, per database, re-read at most every few seconds: the guard asks on every
 * API request, and a round trip each time cost a fifth of a list request on PostgreSQL. A block
 * written here is seen here at once; another app node sees it within BLOCK_LIST_TTL_MS.
 */
const BLOCK_LIST_TTL_MS = 5_000;
const blockLists = new WeakMap<object, { readAt: number; until: Map<string, string> }>();

async function blockList(ctx: AppContext): Promise<Map<string, string>> {
  const cached = blockLists.get(ctx.db);
  if (cached && performance.now() - cached.readAt < BLOCK_LIST_TTL_MS) return cached.until;
  const rows = await ctx.db
    .selectFrom('ip_block')
    .select(['ip', 'blocked_until'])
    .where('blocked_until', '>', ctx.clock.now().toISOString())
    .execute();
  const until = new Map(rows.map((r) => [r.ip, r.blocked_until]));
  blockLists.set(ctx.db, { readAt: performance.now(), until });
  return until;
}

/** Until when the address is blocked, or null. */
export async function blockedUntil(ctx: AppContext, ip: string): Promise<string | null> {
  const until = (await blockList(ctx)).get(ip);
  if (!until || Date.parse(until) <= ctx.clock.now().getTime()) return null;
  return until;
}

/**
 * After a refused request: counts the address's failed logins and authorisation denials in the
 * window (from the audit log, so every app node counts the same) and, at the threshold, raises
 * one `security_alert`, writes a `security.alert` audit row and blocks the address for a while
 * (GB/T 22239 L3-CES1-22). An address already blocked raises nothing new, so one attack is one alert.
 */
export async function noteFailure(ctx: AppContext, ip: string): Promise<boolean> {
  const { maxFailures, windowMinutes, blockMinutes } = ctx.config.intrusion;
  if (maxFailures === 0) return false;
  const now = ctx.clock.now();
  const since = new Date(now.getTime() - windowMinutes * 60_000).toISOString();
  const row = await ctx.db
    .selectFrom('audit_log')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('src_ip', '=', ip)
    .where('ts', '>=', since)
    .where('outcome', '=', 'failure')
    .where('event_type', 'in', COUNTED)
    .executeTakeFirstOrThrow();
  const failures = Number(row.n);
  if (failures < maxFailures) return false;
  const blocked = await ctx.db.transaction().execute(async (trx) => {
    const current = await trx.selectFrom('ip_block').select('blocked_until').where('ip', '=', ip).executeTakeFirst();
    if (current && Date.parse(current.blocked_until) > now.getTime()) return false;
    const alertId = newId();
    const nowIso = now.toISOString();
    const blocked = new Date(now.getTime() + blockMinutes * 60_000).toISOString();
    const detail = { failures, windowMinutes, blockedUntil: blocked };
    await trx
      .insertInto('security_alert')
      .values({
        id: alertId,
        kind: 'auth_failures',
        src_ip: ip,
        detail: JSON.stringify(detail),
        city_code: ctx.config.cityCode,
        created_at: nowIso,
      })
      .execute();
    await trx.deleteFrom('ip_block').where('ip', '=', ip).execute();
    await trx
      .insertInto('ip_block')
      .values({ ip, blocked_until: blocked, alert_id: alertId, city_code: ctx.config.cityCode, created_at: nowIso })
      .execute();
    await appendAudit(
      trx,
      ctx.clock,
      { ...systemActor, ip },
      {
        eventType: 'security.alert',
        objectType: 'security_alert',
        objectId: alertId,
        outcome: 'failure',
        detail: { kind: 'auth_failures', ...detail },
      },
    );
    return true;
  });
  if (blocked) blockLists.delete(ctx.db);
  return blocked;
}
