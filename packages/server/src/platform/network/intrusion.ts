import type { AppContext } from '../context.ts';
import { appendAudit, systemActor } from '../audit/audit-service.ts';
import { newId } from '../ids.ts';

/** Audit events that count as failures of one address toward the intrusion threshold. */
const COUNTED = ['auth.login', 'access.denied'] as const;

/** Until when the address is blocked, or null. One primary-key read per API request. */
export async function blockedUntil(ctx: AppContext, ip: string): Promise<string | null> {
  const row = await ctx.db.selectFrom('ip_block').select('blocked_until').where('ip', '=', ip).executeTakeFirst();
  if (!row || Date.parse(row.blocked_until) <= ctx.clock.now().getTime()) return null;
  return row.blocked_until;
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
  return ctx.db.transaction().execute(async (trx) => {
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
}
