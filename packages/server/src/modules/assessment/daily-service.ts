import type { CareContactBody, DailyEntryBody, DailyListQuery, TalkBody, TalkIntervalBody } from '@zhenggong/core';
import type { Executor } from '../../db/database.ts';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, auditAlone, type AuditActor } from '../../platform/audit/audit-service.ts';
import { today } from '../../platform/clock.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { assertPeopleInScope, scopedPeople, scopedPeopleOnForce } from '../personnel/people.ts';

/**
 * Daily management (日常管理): daily-assessment entries by the unit leader, talks (谈心谈话) and
 * care contacts with families (家访、送奖进家门、家属进警营). Only things that took place are
 * recorded; nothing here watches anyone's private life.
 */

const notFuture = (ctx: AppContext, date: string) => {
  if (date > today(ctx.clock)) throw new AppError('ASM_DATE_FUTURE');
};
const personMissing = () => new AppError('PERSON_NOT_FOUND');

/** Rows of a table joined to the people in scope (a transfer moves visibility with the person). */
function scoped<T extends 'asm_daily_entry' | 'asm_talk' | 'asm_care_contact'>(
  db: Executor,
  scope: ResolvedScope,
  table: T,
  q: DailyListQuery,
) {
  let query = db
    .selectFrom(`${table} as x` as 'asm_daily_entry as x')
    .innerJoin(scopedPeople(db, scope).as('p'), 'p.id', 'x.person_id')
    .innerJoin('org as o', 'o.id', 'p.org_id');
  if (q.personId) query = query.where('x.person_id', '=', q.personId);
  if (q.orgId) query = query.where('p.org_id', '=', q.orgId);
  if (q.from) query = query.where('x.date', '>=', q.from);
  if (q.to) query = query.where('x.date', '<=', q.to);
  return query;
}

export async function listEntries(ctx: AppContext, scope: ResolvedScope, q: DailyListQuery) {
  const rows = await scoped(ctx.db, scope, 'asm_daily_entry', q)
    .selectAll('x')
    .select(['p.name as person_name', 'o.name as org_name'])
    .orderBy('x.date', 'desc')
    .orderBy('x.id')
    .limit(1000)
    .execute();
  return {
    items: rows.map((r) => ({
      id: r.id,
      personId: r.person_id,
      personName: r.person_name,
      orgName: r.org_name,
      date: r.date,
      kind: r.kind,
      category: r.category,
      reason: r.reason,
      score: r.score === null ? null : Number(r.score),
      recordedByName: r.recorded_by_name,
    })),
  };
}

export async function addEntry(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, body: DailyEntryBody) {
  notFuture(ctx, body.date);
  await assertPeopleInScope(ctx.db, scope, [body.personId], personMissing);
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('asm_daily_entry')
      .values({
        id,
        person_id: body.personId,
        date: body.date,
        kind: body.kind,
        category: body.category,
        reason: body.reason,
        score: body.score ?? null,
        recorded_by: actor.userId,
        recorded_by_name: actor.username ?? '',
        city_code: ctx.config.cityCode,
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'assessment.daily.add',
      objectType: 'asm_daily_entry',
      objectId: id,
      detail: { personId: body.personId, kind: body.kind, category: body.category, score: body.score ?? null },
    });
  });
  return { id };
}

/** Talks are restricted: listed only to holders of assessment:daily in scope, every view audited, content decrypted here. */
export async function listTalks(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, q: DailyListQuery) {
  const rows = await scoped(ctx.db, scope, 'asm_talk', q)
    .selectAll('x')
    .select(['p.name as person_name', 'o.name as org_name'])
    .orderBy('x.date', 'desc')
    .orderBy('x.id')
    .limit(1000)
    .execute();
  await auditAlone(ctx.db, ctx.clock, actor, {
    eventType: 'assessment.talk.view',
    objectType: 'asm_talk',
    objectId: q.personId,
    detail: { count: rows.length, filter: q },
  });
  const dec = (v: string | null) => (v === null ? null : ctx.fieldCrypto.decrypt(v));
  return {
    items: rows.map((r) => {
      const t = r as unknown as import('./tables.ts').AsmTalkTable & { person_name: string; org_name: string };
      return {
        id: t.id,
        personId: t.person_id,
        personName: t.person_name,
        orgName: t.org_name,
        date: t.date,
        talker: t.talker,
        topic: ctx.fieldCrypto.decrypt(t.topic_enc),
        followUp: dec(t.follow_up_enc),
        agreedNote: dec(t.agreed_note_enc),
        officerAgreed: t.officer_agreed === 1,
      };
    }),
  };
}

export async function addTalk(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, body: TalkBody) {
  notFuture(ctx, body.date);
  if (body.agreedNote && !body.officerAgreed) throw new AppError('ASM_TALK_CONSENT');
  await assertPeopleInScope(ctx.db, scope, [body.personId], personMissing);
  const id = newId();
  const enc = (v: string | null | undefined) => (v ? ctx.fieldCrypto.encrypt(v) : null);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('asm_talk')
      .values({
        id,
        person_id: body.personId,
        date: body.date,
        talker: body.talker,
        topic_enc: ctx.fieldCrypto.encrypt(body.topic),
        follow_up_enc: enc(body.followUp),
        agreed_note_enc: body.officerAgreed ? enc(body.agreedNote) : null,
        officer_agreed: body.officerAgreed ? 1 : 0,
        recorded_by: actor.userId,
        city_code: ctx.config.cityCode,
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'assessment.talk.add',
      objectType: 'asm_talk',
      objectId: id,
      detail: { personId: body.personId },
    });
  });
  return { id };
}

export async function listCareContacts(ctx: AppContext, scope: ResolvedScope, q: DailyListQuery) {
  const rows = await scoped(ctx.db, scope, 'asm_care_contact', q)
    .selectAll('x')
    .select(['p.name as person_name', 'o.name as org_name'])
    .orderBy('x.date', 'desc')
    .orderBy('x.id')
    .limit(1000)
    .execute();
  return {
    items: rows.map((r) => {
      const c = r as unknown as import('./tables.ts').AsmCareContactTable & { person_name: string; org_name: string };
      return {
        id: c.id,
        personId: c.person_id,
        personName: c.person_name,
        orgName: c.org_name,
        date: c.date,
        kind: c.kind,
        participants: c.participants,
        note: c.note,
      };
    }),
  };
}

export async function addCareContact(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, body: CareContactBody) {
  notFuture(ctx, body.date);
  await assertPeopleInScope(ctx.db, scope, [body.personId], personMissing);
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('asm_care_contact')
      .values({
        id,
        person_id: body.personId,
        date: body.date,
        kind: body.kind,
        participants: body.participants,
        note: body.note ?? null,
        recorded_by: actor.userId,
        city_code: ctx.config.cityCode,
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'assessment.care.add',
      objectType: 'asm_care_contact',
      objectId: id,
      detail: { personId: body.personId, kind: body.kind },
    });
  });
  return { id };
}

/** The talk interval in force (rule set assessment.talkInterval); the shipped default is 90 days, evidence U. */
export async function talkInterval(db: Executor, ctx: AppContext): Promise<{ days: number; evidence: string }> {
  const row = await db
    .selectFrom('asm_rule')
    .select(['value', 'evidence'])
    .where('rule_set', '=', 'assessment.talkInterval')
    .where('city_code', '=', ctx.config.cityCode)
    .where('effective_from', '<=', today(ctx.clock))
    .orderBy('effective_from', 'desc')
    .orderBy('created_at', 'desc')
    .executeTakeFirst();
  return row ? { days: (JSON.parse(row.value) as { days: number }).days, evidence: row.evidence } : { days: 90, evidence: 'U' };
}

export async function setTalkInterval(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, body: TalkIntervalBody) {
  if (!scope.all) throw new AppError('ASM_SCHEME_SCOPE');
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('asm_rule')
      .values({
        id,
        rule_set: 'assessment.talkInterval',
        effective_from: body.effectiveFrom,
        value: JSON.stringify({ days: body.days }),
        evidence: body.evidence,
        source: body.source,
        created_by: actor.userId,
        city_code: ctx.config.cityCode,
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'assessment.rule.create',
      objectType: 'asm_rule',
      objectId: id,
      detail: { days: body.days, effectiveFrom: body.effectiveFrom },
    });
  });
  return { id };
}

const dayMs = 86_400_000;
const daysBetween = (a: string, b: string) => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / dayMs);

/** People on the force in scope whom nobody has talked with for the interval (or ever), longest first. */
export async function talkReminders(ctx: AppContext, scope: ResolvedScope, orgId?: string) {
  const { days, evidence } = await talkInterval(ctx.db, ctx);
  const now = today(ctx.clock);
  let q = ctx.db
    .selectFrom(scopedPeopleOnForce(ctx.db, scope).as('p'))
    .innerJoin('org as o', 'o.id', 'p.org_id')
    .leftJoin(
      ctx.db
        .selectFrom('asm_talk')
        .select(['person_id'])
        .select((eb) => eb.fn.max('date').as('last'))
        .groupBy('person_id')
        .as('t'),
      't.person_id',
      'p.id',
    )
    .select(['p.id', 'p.name', 'p.org_id', 'o.name as org_name', 't.last']);
  if (orgId) q = q.where('p.org_id', '=', orgId);
  const rows = await q.orderBy('p.name_pinyin').limit(5000).execute();
  const items = rows
    .map((r) => ({
      personId: r.id,
      name: r.name,
      orgId: r.org_id,
      orgName: r.org_name,
      lastTalk: r.last ?? null,
      daysSince: r.last ? daysBetween(r.last, now) : null,
    }))
    .filter((r) => r.daysSince === null || r.daysSince >= days)
    .sort((a, b) => (b.daysSince ?? Infinity) - (a.daysSince ?? Infinity));
  return { days, evidence, items };
}
