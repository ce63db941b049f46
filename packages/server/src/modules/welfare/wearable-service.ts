import { evaluateAlertRule, type AlertListQuery, type IngestBody, type Reading, type RegisterDeviceBody } from '@zhenggong/core';
import { sql } from 'kysely';
import type { Trx } from '../../db/database.ts';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { appendAudit, systemActor, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { nodeCrypto } from '../../platform/crypto.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { notify } from '../../platform/workflow/notifications.ts';
import { holdersInScope } from '../../platform/workflow/recipients.ts';
import { linkedPerson, personBrief, scopedPeople, scopedPeopleOnForce, today } from '../personnel/people.ts';
import { activeConsent, consentsOf } from './consent-service.ts';
import { ruleValue } from './welfare-rules.ts';

const hashToken = (token: string) => nodeCrypto.sha256Hex(`wearable:${token}`);

/** The officer's own page: consents, notice version, devices. */
export async function myWearable(ctx: AppContext, principal: Principal) {
  const me = await linkedPerson(ctx.db, principal);
  const rule = await ruleValue(ctx, ctx.db, 'wearable', today(ctx));
  const devices = await ctx.db
    .selectFrom('wearable_device')
    .select(['id', 'serial', 'model', 'status', 'last_reading_at', 'created_at'])
    .where('person_id', '=', me.id)
    .orderBy('created_at', 'desc')
    .execute();
  return {
    consents: await consentsOf(ctx, me.id),
    noticeVersion: rule.consentNoticeVersion,
    retentionDays: rule.retentionDays,
    devices: devices.map((d) => ({
      id: d.id,
      serial: d.serial,
      model: d.model,
      status: d.status,
      lastReadingAt: d.last_reading_at,
      createdAt: d.created_at,
    })),
  };
}

/** Registers a wristband for a consenting person; the token is shown once and kept only as a hash. */
export async function registerDeviceFor(ctx: AppContext, actor: AuditActor, personId: string, body: RegisterDeviceBody) {
  if (!(await activeConsent(ctx, ctx.db, personId, 'wearable'))) throw new AppError('WEAR_NO_CONSENT');
  const token = nodeCrypto.randomToken(24);
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    const taken = await trx.selectFrom('wearable_device').select('id').where('serial', '=', body.serial).executeTakeFirst();
    if (taken) throw new AppError('WEAR_DEVICE_TAKEN');
    await trx
      .insertInto('wearable_device')
      .values({
        id,
        person_id: personId,
        serial: body.serial,
        model: body.model ?? null,
        token_hash: hashToken(token),
        status: 'active',
        last_reading_at: null,
        retired_at: null,
        city_code: ctx.config.cityCode,
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'welfare.device.register',
      objectType: 'wearable_device',
      objectId: id,
      detail: { serial: body.serial },
    });
  });
  return { id, token };
}

export async function registerMyDevice(ctx: AppContext, principal: Principal, actor: AuditActor, body: RegisterDeviceBody) {
  const me = await linkedPerson(ctx.db, principal);
  return registerDeviceFor(ctx, actor, me.id, body);
}

/**
 * Readings from one device (智能手环), in a batch: the token names the device, the device the
 * person, whose consent must stand. Idempotent by (device, time, kind): a resent reading adds
 * nothing. Alert rules run over the batch and the stored window in the same transaction.
 */
export async function ingestReadings(ctx: AppContext, token: string, body: IngestBody) {
  const device = await ctx.db
    .selectFrom('wearable_device')
    .select(['id', 'person_id', 'status'])
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst();
  if (!device || device.status !== 'active') throw new AppError('WEAR_DEVICE_TOKEN');
  if (!(await activeConsent(ctx, ctx.db, device.person_id, 'wearable'))) throw new AppError('WEAR_NO_CONSENT');
  const rule = await ruleValue(ctx, ctx.db, 'wearable', today(ctx));
  if (body.readings.length > rule.maxBatch) throw new AppError('WEAR_BATCH_TOO_LARGE', { maxBatch: rule.maxBatch });
  for (const r of body.readings) {
    const bad = (r.kind === 'blood_pressure') !== (r.value2 !== undefined && r.value2 !== null) || (r.kind !== 'steps' && r.value > 400);
    if (bad) throw new AppError('WEAR_READING_INVALID', { at: r.at, kind: r.kind });
  }
  const now = ctx.clock.now().toISOString();
  const rows = body.readings.map((r) => ({
    id: newId(),
    device_id: device.id,
    person_id: device.person_id,
    kind: r.kind,
    measured_at: new Date(r.at).toISOString(),
    value_enc: ctx.fieldCrypto.encrypt(JSON.stringify([r.value, r.value2 ?? null])),
    city_code: ctx.config.cityCode,
    created_at: now,
  }));
  return ctx.db.transaction().execute(async (trx) => {
    let accepted = 0;
    for (let i = 0; i < rows.length; i += 500) {
      const inserted = await trx
        .insertInto('wearable_reading')
        .values(rows.slice(i, i + 500))
        .onConflict((oc) => oc.columns(['device_id', 'measured_at', 'kind']).doNothing())
        .returning('id')
        .execute();
      accepted += inserted.length;
    }
    const latest = rows.reduce((m, r) => (r.measured_at > m ? r.measured_at : m), '');
    await trx.updateTable('wearable_device').set({ last_reading_at: latest }).where('id', '=', device.id).execute();
    const alerts = accepted > 0 ? await evaluateAlerts(trx, ctx, device, new Set(rows.map((r) => r.kind)), latest) : 0;
    return { accepted, duplicates: rows.length - accepted, alerts };
  });
}

async function evaluateAlerts(trx: Trx, ctx: AppContext, device: { id: string; person_id: string }, kinds: Set<string>, at: string) {
  const rules = (await ruleValue(ctx, trx, 'alertRules', today(ctx))).rules.filter((r) => r.enabled && kinds.has(r.kind));
  let raised = 0;
  for (const rule of rules) {
    const from = new Date(Date.parse(at) - rule.windowMinutes * 60_000).toISOString();
    const stored = await trx
      .selectFrom('wearable_reading')
      .select(['kind', 'measured_at', 'value_enc'])
      .where('person_id', '=', device.person_id)
      .where('kind', '=', rule.kind)
      .where('measured_at', '>', from)
      .where('measured_at', '<=', at)
      .orderBy('measured_at', 'desc')
      .limit(2000)
      .execute();
    const readings: Reading[] = stored.map((s) => {
      const [value, value2] = JSON.parse(ctx.fieldCrypto.decrypt(s.value_enc)) as [number, number | null];
      return { kind: s.kind, at: s.measured_at, value, value2 };
    });
    const last = await trx
      .selectFrom('wearable_alert')
      .select(sql<string | null>`max(raised_at)`.as('t'))
      .where('person_id', '=', device.person_id)
      .where('rule_code', '=', rule.code)
      .executeTakeFirst();
    const decision = evaluateAlertRule(rule, readings, at, last?.t ?? null);
    if (!decision.fire) continue;
    const id = newId();
    await trx
      .insertInto('wearable_alert')
      .values({
        id,
        person_id: device.person_id,
        device_id: device.id,
        rule_code: rule.code,
        rule_name: rule.name,
        severity: rule.severity,
        status: 'open',
        peak: decision.peak,
        samples: decision.samples,
        matched: decision.matched,
        raised_at: at,
        acknowledged_by: null,
        acknowledged_by_name: null,
        acknowledged_at: null,
        closed_at: null,
        note: null,
        city_code: ctx.config.cityCode,
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
    await appendAudit(trx, ctx.clock, systemActor, {
      eventType: 'welfare.alert.raise',
      objectType: 'wearable_alert',
      objectId: id,
      detail: { rule: rule.code, severity: rule.severity },
    });
    // The unit's care contacts (health:alert with the person's unit in scope), not the chain of command.
    const person = await personBrief(trx, device.person_id);
    if (person) {
      const users = await holdersInScope(trx, 'health:alert', person.org_id);
      const title = `健康提示（筛查提示，非诊断）：${person.name}（${person.org_name}）${rule.name}`;
      await notify(
        trx,
        ctx,
        users.map((userId) => ({ userId, kind: 'welfare.health-alert', title, link: `/welfare/alerts?alert=${id}`, caseId: null })),
      );
    }
    raised += 1;
  }
  return raised;
}

const alertColumns = [
  'a.id',
  'a.person_id',
  'a.rule_code',
  'a.rule_name',
  'a.severity',
  'a.status',
  'a.peak',
  'a.samples',
  'a.matched',
  'a.raised_at',
  'a.acknowledged_at',
  'a.acknowledged_by_name',
  'a.closed_at',
  'a.note',
  'p.name',
  'o.name as org_name',
] as const;

type AlertRow = {
  id: string;
  person_id: string;
  rule_code: string;
  rule_name: string;
  severity: string;
  status: string;
  peak: number | null;
  samples: number;
  matched: number;
  raised_at: string;
  acknowledged_at: string | null;
  acknowledged_by_name: string | null;
  closed_at: string | null;
  note: string | null;
  name: string;
  org_name: string;
};
const presentAlert = (a: AlertRow) => ({
  id: a.id,
  personId: a.person_id,
  name: a.name,
  orgName: a.org_name,
  ruleCode: a.rule_code,
  ruleName: a.rule_name,
  severity: a.severity,
  status: a.status,
  peak: a.peak === null ? null : Number(a.peak),
  samples: Number(a.samples),
  matched: Number(a.matched),
  raisedAt: a.raised_at,
  acknowledgedAt: a.acknowledged_at,
  acknowledgedByName: a.acknowledged_by_name,
  closedAt: a.closed_at,
  note: a.note,
});

const alertsIn = (ctx: AppContext, scope: ResolvedScope) =>
  ctx.db
    .selectFrom('wearable_alert as a')
    .innerJoin(scopedPeople(ctx.db, scope).as('p'), 'p.id', 'a.person_id')
    .innerJoin('org as o', 'o.id', 'p.org_id');

/** Alerts of people in the care contact's scope; the view of health data is audited. */
export async function listAlerts(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, q: AlertListQuery) {
  let base = alertsIn(ctx, scope);
  if (q.status) base = base.where('a.status', '=', q.status);
  const pageSize = q.pageSize ?? 20;
  const page = q.page ?? 1;
  const rows = await base
    .select(alertColumns)
    .orderBy('a.raised_at', 'desc')
    .orderBy('a.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const total = await base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  await ctx.db.transaction().execute((trx) =>
    appendAudit(trx, ctx.clock, actor, {
      eventType: 'welfare.alert.view',
      objectType: 'wearable_alert',
      detail: { ids: rows.map((r) => r.id), status: q.status ?? null },
    }),
  );
  return { items: rows.map(presentAlert), total: Number(total.n) };
}

/** Acknowledge (已知悉，已联系) or close an alert; 404 outside the scope. */
export async function actOnAlert(
  ctx: AppContext,
  scope: ResolvedScope,
  principal: Principal,
  actor: AuditActor,
  id: string,
  action: 'ack' | 'close',
  note: string | null,
) {
  const row = await alertsIn(ctx, scope).select(['a.id', 'a.status']).where('a.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('WEAR_ALERT_NOT_FOUND');
  const allowed = action === 'ack' ? row.status === 'open' : row.status !== 'closed';
  if (!allowed) throw new AppError('WEAR_ALERT_STATE');
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('wearable_alert')
      .set(
        action === 'ack'
          ? {
              status: 'acknowledged',
              acknowledged_at: now,
              acknowledged_by: principal.userId,
              acknowledged_by_name: principal.displayName,
              note,
            }
          : { status: 'closed', closed_at: now, ...(note ? { note } : {}) },
      )
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: action === 'ack' ? 'welfare.alert.ack' : 'welfare.alert.close',
      objectType: 'wearable_alert',
      objectId: id,
      detail: { note },
    });
  });
  const out = await alertsIn(ctx, scope).select(alertColumns).where('a.id', '=', id).executeTakeFirstOrThrow();
  return presentAlert(out);
}

/**
 * Who in scope is monitored: a person without consent or device shows "no data" (无数据), never
 * "no alerts", so nobody reads silence as health.
 */
export async function wearableRoster(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, page: number, pageSize: number) {
  const base = ctx.db.selectFrom(scopedPeopleOnForce(ctx.db, scope).as('p')).innerJoin('org as o', 'o.id', 'p.org_id');
  const people = await base
    .select(['p.id', 'p.name', 'o.name as org_name'])
    .orderBy('p.name_pinyin')
    .orderBy('p.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const total = await base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  const ids = people.map((p) => p.id);
  const monitored = new Set<string>();
  const openAlerts = new Map<string, number>();
  if (ids.length > 0) {
    const devices = await ctx.db
      .selectFrom('wearable_device')
      .select('person_id')
      .where('person_id', 'in', ids)
      .where('status', '=', 'active')
      .execute();
    for (const d of devices) if (await activeConsent(ctx, ctx.db, d.person_id, 'wearable')) monitored.add(d.person_id);
    const counts = await ctx.db
      .selectFrom('wearable_alert')
      .select(['person_id', sql<number>`count(*)`.as('n')])
      .where('person_id', 'in', ids)
      .where('status', '!=', 'closed')
      .groupBy('person_id')
      .execute();
    for (const c of counts) openAlerts.set(c.person_id, Number(c.n));
  }
  await ctx.db.transaction().execute((trx) =>
    appendAudit(trx, ctx.clock, actor, {
      eventType: 'welfare.wearable.roster',
      objectType: 'person',
      detail: { count: ids.length, page },
    }),
  );
  return {
    items: people.map((p) => ({
      personId: p.id,
      name: p.name,
      orgName: p.org_name,
      state: monitored.has(p.id) ? ('monitored' as const) : ('no_data' as const),
      openAlerts: openAlerts.get(p.id) ?? 0,
    })),
    total: Number(total.n),
  };
}

/**
 * Retention (PIPL Art. 47): raw readings older than the retention period go, and those of people
 * who withdrew consent go once the withdrawal period has passed. Alerts (the care record) stay.
 */
export async function purgeReadings(ctx: AppContext): Promise<{ deleted: number }> {
  const rule = await ruleValue(ctx, ctx.db, 'wearable', today(ctx));
  const nowMs = ctx.clock.now().getTime();
  const oldest = new Date(nowMs - rule.retentionDays * 86_400_000).toISOString();
  const withdrawnBefore = new Date(nowMs - rule.withdrawalRetentionDays * 86_400_000).toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const byAge = await trx.deleteFrom('wearable_reading').where('measured_at', '<', oldest).executeTakeFirst();
    const withdrawn = trx
      .selectFrom('welfare_consent as c')
      .select('c.person_id')
      .where('c.category', '=', 'wearable')
      .where('c.withdrawn_at', '<', withdrawnBefore)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('welfare_consent as n')
              .select('n.id')
              .whereRef('n.person_id', '=', 'c.person_id')
              .where('n.category', '=', 'wearable')
              .where('n.withdrawn_at', 'is', null),
          ),
        ),
      );
    const byWithdrawal = await trx.deleteFrom('wearable_reading').where('person_id', 'in', withdrawn).executeTakeFirst();
    const deleted = Number(byAge.numDeletedRows) + Number(byWithdrawal.numDeletedRows);
    if (deleted > 0) {
      await appendAudit(trx, ctx.clock, systemActor, {
        eventType: 'welfare.wearable.purge',
        objectType: 'wearable_reading',
        detail: { deleted },
      });
    }
    return { deleted };
  });
}
