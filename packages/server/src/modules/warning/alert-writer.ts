import { explainHit, indicatorDef, levelWeight, type RuleHit } from '@zhenggong/core';
import type { Trx } from '../../db/database.ts';
import type { AppContext } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { holdersInScope } from '../../platform/workflow/recipients.ts';
import { notify } from '../../platform/workflow/notifications.ts';
import { allPeople, today } from '../personnel/people.ts';
import type { PersonScore } from './model-service.ts';
import type { PersonReadings } from './readings.ts';

/** Alert statuses that are still open: one open alert per person and rule. */
export const OPEN_STATUSES = ['new', 'assigned', 'consulted', 'measures', 'follow_up', 'closing'] as const;
/** Days a new alert may wait for someone to take it before it is escalated (SLA). */
export const ACK_DAYS = 7;

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export function evidenceOf(hit: RuleHit, refs: readonly string[]) {
  const def = hit.indicator ? indicatorDef(hit.indicator) : undefined;
  return {
    indicator: hit.indicator,
    indicatorName: def?.zh ?? null,
    value: hit.value,
    unit: def?.unit ?? null,
    threshold: hit.threshold,
    peerKey: hit.reading?.peerKey ?? null,
    peerN: hit.reading?.peerN ?? null,
    percentile: hit.reading?.pct ?? null,
    median: hit.reading?.median ?? null,
    dimensions: hit.dimensions,
    sources: refs.slice(0, 50),
  };
}

/**
 * Opens an alert for each rule that fired and has no open alert for that person, unless the same
 * rule's last alert was closed within its cooldown; updates the evidence of open ones (a new
 * snapshot never duplicates an alert). The people entitled to handle it hear of it in-app.
 */
export async function openOrUpdateAlerts(
  trx: Trx,
  ctx: AppContext,
  asOf: string,
  people: readonly PersonReadings[],
  hits: ReadonlyMap<string, RuleHit[]>,
  scores: ReadonlyMap<string, PersonScore>,
): Promise<{ opened: number; updated: number }> {
  const city = ctx.config.cityCode;
  const existing = await trx
    .selectFrom('ew_alert')
    .select(['id', 'person_id', 'org_id', 'policy_code', 'status', 'closed_on', 'level', 'sentence', 'policy_version'])
    .where('city_code', '=', city)
    .where((eb) => eb.or([eb('status', 'in', OPEN_STATUSES), eb('closed_on', '>=', addDays(asOf, -730))]))
    .execute();
  const open = new Map<string, string>();
  const openState = new Map<string, string>();
  const lastClosed = new Map<string, string>();
  for (const a of existing) {
    const key = `${a.person_id}|${a.policy_code}`;
    if ((OPEN_STATUSES as readonly string[]).includes(a.status)) {
      open.set(key, a.id);
      openState.set(a.id, `${a.level}|${a.policy_version}|${a.sentence}|${a.org_id ?? ''}`);
    } else if (a.closed_on && (lastClosed.get(key) ?? '') < a.closed_on) lastClosed.set(key, a.closed_on);
  }
  const now = ctx.clock.now().toISOString();
  const day = today(ctx);
  const handlers = new Map<string, string[]>();
  let opened = 0;
  let updated = 0;
  // Open alerts whose evidence reads the same as last month only move their as-of date, in bulk.
  const unchanged: string[] = [];
  for (const p of people) {
    const personHits = hits.get(p.member.personId) ?? [];
    if (personHits.length === 0) continue;
    const score = scores.get(p.member.personId);
    const model = score ? JSON.stringify(score) : null;
    for (const hit of [...personHits].sort((a, b) => levelWeight[b.level] - levelWeight[a.level])) {
      const key = `${p.member.personId}|${hit.policy.code}`;
      const refs = hit.indicator ? (p.refs.get(hit.indicator) ?? []) : [];
      const values = {
        policy_version: hit.policy.version,
        level: hit.level,
        last_as_of: asOf,
        sentence: explainHit(hit),
        evidence: JSON.stringify(evidenceOf(hit, refs)),
        model,
        org_id: p.member.orgId,
        updated_at: now,
      };
      const openId = open.get(key);
      if (openId) {
        if (openState.get(openId) === `${values.level}|${values.policy_version}|${values.sentence}|${values.org_id}`)
          unchanged.push(openId);
        else await trx.updateTable('ew_alert').set(values).where('id', '=', openId).execute();
        updated++;
        continue;
      }
      const closed = lastClosed.get(key);
      if (closed && addDays(closed, hit.policy.cooldownDays) > asOf) continue;
      const id = newId();
      await trx
        .insertInto('ew_alert')
        .values({
          id,
          person_id: p.member.personId,
          policy_code: hit.policy.code,
          first_as_of: asOf,
          status: 'new',
          officer_visible: hit.policy.officerVisible ? 1 : 0,
          assignee_id: null,
          due_on: addDays(day, ACK_DAYS),
          escalated: 0,
          case_id: null,
          outcome: null,
          closed_on: null,
          city_code: city,
          created_at: now,
          ...values,
        })
        .execute();
      await trx
        .insertInto('ew_alert_event')
        .values({
          id: newId(),
          alert_id: id,
          action: 'opened',
          actor_id: null,
          actor_name: '系统',
          note: values.sentence,
          data: null,
          city_code: city,
          created_at: now,
        })
        .execute();
      open.set(key, id);
      opened++;
      let to = handlers.get(p.member.orgId);
      if (!to) handlers.set(p.member.orgId, (to = await holdersInScope(trx, 'warning:handle', p.member.orgId)));
      await notify(
        trx,
        ctx,
        to.map((userId) => ({
          userId,
          kind: 'warning.alert',
          title: `新的队伍质态预警：${p.member.name}（${hit.policy.name}）`,
          link: `/warning/alerts?id=${id}`,
          caseId: null,
        })),
      );
    }
  }
  for (let i = 0; i < unchanged.length; i += 500)
    await trx
      .updateTable('ew_alert')
      .set({ last_as_of: asOf, updated_at: now })
      .where('id', 'in', unchanged.slice(i, i + 500))
      .execute();
  return { opened, updated };
}

/** Alerts nobody took within the SLA: escalated once to the holders of `warning:configure` over the person's unit. */
export async function escalateOverdue(ctx: AppContext): Promise<number> {
  const day = today(ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('ew_alert as a')
      .innerJoin(allPeople(trx).as('p'), 'p.id', 'a.person_id')
      .select(['a.id', 'p.org_id', 'p.name'])
      .where('a.status', '=', 'new')
      .where('a.escalated', '=', 0)
      .where('a.due_on', '<', day)
      .where('a.city_code', '=', ctx.config.cityCode)
      .execute();
    const now = ctx.clock.now().toISOString();
    for (const a of due) {
      await trx.updateTable('ew_alert').set({ escalated: 1, updated_at: now }).where('id', '=', a.id).execute();
      await trx
        .insertInto('ew_alert_event')
        .values({
          id: newId(),
          alert_id: a.id,
          action: 'escalated',
          actor_id: null,
          actor_name: '系统',
          note: `超过 ${ACK_DAYS} 天未分派，已上报`,
          data: null,
          city_code: ctx.config.cityCode,
          created_at: now,
        })
        .execute();
      const to = await holdersInScope(trx, 'warning:configure', a.org_id);
      await notify(
        trx,
        ctx,
        to.map((userId) => ({
          userId,
          kind: 'warning.escalated',
          title: `预警超期未处置：${a.name}`,
          link: `/warning/alerts?id=${a.id}`,
          caseId: null,
        })),
      );
    }
    return due.length;
  });
}
