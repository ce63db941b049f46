import type { OpenPsychCaseBody, PsychSessionBody, SelfReferralBody } from '@zhenggong/core';
import { sql } from 'kysely';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { notify } from '../../platform/workflow/notifications.ts';
import { holdersInScope } from '../../platform/workflow/recipients.ts';
import { linkedPerson, scopedPeople, today } from '../personnel/people.ts';

/**
 * Psychological support (心理健康): cases visible only to holders of `psych:care`, narrative
 * fields encrypted, every view audited. Statistics get counts only (welfare-stats.ts).
 */

const casesIn = (ctx: AppContext, scope: ResolvedScope) =>
  ctx.db
    .selectFrom('psych_case as c')
    .innerJoin(scopedPeople(ctx.db, scope).as('p'), 'p.id', 'c.person_id')
    .innerJoin('org as o', 'o.id', 'p.org_id');

async function insertCase(
  ctx: AppContext,
  actor: AuditActor,
  personId: string,
  orgId: string,
  source: 'self' | 'referral',
  risk: 'low' | 'medium' | 'high',
  summary: string,
  by: string,
) {
  const id = newId();
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('psych_case')
      .values({
        id,
        person_id: personId,
        source,
        risk,
        status: risk === 'high' ? 'crisis' : 'open',
        summary_enc: ctx.fieldCrypto.encrypt(summary),
        opened_by: by,
        opened_at: now,
        next_date: null,
        closed_at: null,
        outcome_enc: null,
        city_code: ctx.config.cityCode,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'welfare.psych.open',
      objectType: 'psych_case',
      objectId: id,
      detail: { source, risk },
    });
    // Only the psychological-care role hears of it; the notice names no one.
    const users = await holdersInScope(trx, 'psych:care', orgId);
    await notify(
      trx,
      ctx,
      users.map((userId) => ({
        userId,
        kind: 'welfare.psych-case',
        title: '有新的心理支持个案待跟进',
        link: `/welfare/psych?case=${id}`,
        caseId: null,
      })),
    );
  });
  return { id };
}

export async function openPsychCase(
  ctx: AppContext,
  scope: ResolvedScope,
  principal: Principal,
  actor: AuditActor,
  body: OpenPsychCaseBody,
) {
  const p = await scopedPeople(ctx.db, scope).where('id', '=', body.personId).select(['id', 'org_id']).executeTakeFirst();
  if (!p) throw new AppError('PERSON_NOT_FOUND');
  return insertCase(ctx, actor, p.id, p.org_id, 'referral', body.risk, body.summary, principal.userId);
}

/** An officer asks for support themself; they see only that it was received. */
export async function selfReferral(ctx: AppContext, principal: Principal, actor: AuditActor, body: SelfReferralBody) {
  const me = await linkedPerson(ctx.db, principal);
  const summary = body.preferredContact ? `${body.summary}\n联系方式：${body.preferredContact}` : body.summary;
  await insertCase(ctx, actor, me.id, me.org_id, 'self', 'low', summary, principal.userId);
  return { id: me.id };
}

export async function listPsychCases(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  q: { status?: string | undefined; page?: number | undefined; pageSize?: number | undefined },
) {
  let base = casesIn(ctx, scope);
  if (q.status) base = base.where('c.status', '=', q.status as 'open');
  const pageSize = q.pageSize ?? 20;
  const page = q.page ?? 1;
  const rows = await base
    .select(['c.id', 'c.person_id', 'p.name', 'o.name as org_name', 'c.source', 'c.risk', 'c.status', 'c.opened_at', 'c.next_date'])
    .orderBy('c.opened_at', 'desc')
    .orderBy('c.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const total = await base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  await ctx.db.transaction().execute((trx) =>
    appendAudit(trx, ctx.clock, actor, {
      eventType: 'welfare.psych.view',
      objectType: 'psych_case',
      detail: { list: rows.map((r) => r.id) },
    }),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      personId: r.person_id,
      name: r.name,
      orgName: r.org_name,
      source: r.source,
      risk: r.risk,
      status: r.status,
      openedAt: r.opened_at,
      nextDate: r.next_date,
    })),
    total: Number(total.n),
  };
}

export async function getPsychCase(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string) {
  const c = await casesIn(ctx, scope).selectAll('c').select(['p.name', 'o.name as org_name']).where('c.id', '=', id).executeTakeFirst();
  if (!c) throw new AppError('PSYCH_CASE_NOT_FOUND');
  const entries = await ctx.db
    .selectFrom('psych_entry')
    .selectAll()
    .where('case_id', '=', id)
    .orderBy('date')
    .orderBy('created_at')
    .execute();
  await ctx.db
    .transaction()
    .execute((trx) => appendAudit(trx, ctx.clock, actor, { eventType: 'welfare.psych.view', objectType: 'psych_case', objectId: id }));
  return {
    id: c.id,
    personId: c.person_id,
    name: c.name,
    orgName: c.org_name,
    source: c.source,
    risk: c.risk,
    status: c.status,
    summary: ctx.fieldCrypto.decrypt(c.summary_enc),
    openedAt: c.opened_at,
    closedAt: c.closed_at,
    outcome: c.outcome_enc ? ctx.fieldCrypto.decrypt(c.outcome_enc) : null,
    sessions: entries
      .filter((e) => e.kind === 'session')
      .map((e) => ({
        id: e.id,
        date: e.date,
        note: ctx.fieldCrypto.decrypt(e.note_enc),
        nextDate: e.next_date,
        counsellorName: e.by_name,
      })),
    escalations: entries
      .filter((e) => e.kind === 'escalation')
      .map((e) => ({ at: e.created_at, note: ctx.fieldCrypto.decrypt(e.note_enc), byName: e.by_name })),
  };
}

async function openCase(ctx: AppContext, scope: ResolvedScope, id: string) {
  const c = await casesIn(ctx, scope).select(['c.id', 'c.status', 'p.org_id']).where('c.id', '=', id).executeTakeFirst();
  if (!c) throw new AppError('PSYCH_CASE_NOT_FOUND');
  if (c.status === 'closed') throw new AppError('PSYCH_CASE_CLOSED');
  return c;
}

/** A counselling session (辅导记录) with the next appointment. */
export async function addSession(
  ctx: AppContext,
  scope: ResolvedScope,
  principal: Principal,
  actor: AuditActor,
  id: string,
  body: PsychSessionBody,
) {
  await openCase(ctx, scope, id);
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('psych_entry')
      .values({
        id: newId(),
        case_id: id,
        kind: 'session',
        date: body.date,
        note_enc: ctx.fieldCrypto.encrypt(body.note),
        next_date: body.nextDate ?? null,
        by_user: principal.userId,
        by_name: principal.displayName,
        city_code: ctx.config.cityCode,
        created_at: now,
      })
      .execute();
    await trx
      .updateTable('psych_case')
      .set({ next_date: body.nextDate ?? null, updated_at: now })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'welfare.psych.session',
      objectType: 'psych_case',
      objectId: id,
      detail: { date: body.date },
    });
  });
  return getPsychCase(ctx, scope, actor, id);
}

/**
 * Crisis escalation path (危机干预): the case becomes a crisis and every psych:care holder up to
 * the city hears of it at once; the chain of command is not told from here.
 */
export async function escalate(ctx: AppContext, scope: ResolvedScope, principal: Principal, actor: AuditActor, id: string, note: string) {
  const c = await openCase(ctx, scope, id);
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('psych_entry')
      .values({
        id: newId(),
        case_id: id,
        kind: 'escalation',
        date: today(ctx),
        note_enc: ctx.fieldCrypto.encrypt(note),
        next_date: null,
        by_user: principal.userId,
        by_name: principal.displayName,
        city_code: ctx.config.cityCode,
        created_at: now,
      })
      .execute();
    await trx.updateTable('psych_case').set({ status: 'crisis', risk: 'high', updated_at: now }).where('id', '=', id).execute();
    await appendAudit(trx, ctx.clock, actor, { eventType: 'welfare.psych.escalate', objectType: 'psych_case', objectId: id });
    const users = (await holdersInScope(trx, 'psych:care', c.org_id)).filter((u) => u !== principal.userId);
    await notify(
      trx,
      ctx,
      users.map((userId) => ({
        userId,
        kind: 'welfare.psych-crisis',
        title: '心理危机个案已升级，请立即跟进',
        link: `/welfare/psych?case=${id}`,
        caseId: null,
      })),
    );
  });
  return getPsychCase(ctx, scope, actor, id);
}

export async function closePsychCase(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string, outcome: string) {
  await openCase(ctx, scope, id);
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('psych_case')
      .set({ status: 'closed', closed_at: now, outcome_enc: ctx.fieldCrypto.encrypt(outcome), updated_at: now })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx.clock, actor, { eventType: 'welfare.psych.close', objectType: 'psych_case', objectId: id });
  });
  return getPsychCase(ctx, scope, actor, id);
}
