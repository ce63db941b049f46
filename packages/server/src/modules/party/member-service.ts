import {
  addMonths,
  advanceRefusal,
  latestExtension,
  nextStep,
  oldEnoughToApply,
  type AdvanceBody,
  type CreateMemberBody,
  type MemberDetail,
  type MemberView,
  type PartyMemberQuery,
  type PipelineValue,
  type TransferBody,
} from '@zhenggong/core';
import type { Executor, Trx } from '../../db/database.ts';
import { scopeWhere, type ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import { today } from '../../platform/clock.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { allPeople, assertPeopleInScope, setPartyStanding } from '../personnel/people.ts';
import { partyOrgInScope } from './org-service.ts';
import { partyRuleOn } from './party-rules.ts';

/** Members joined to their person (current unit: the data scope) and organisation. */
export const membersQuery = (db: Executor, scope: ResolvedScope) =>
  db
    .selectFrom('party_member as m')
    .innerJoin(allPeople(db).as('p'), 'p.id', 'm.person_id')
    .innerJoin('org as o', 'o.id', 'p.org_id')
    .innerJoin('party_org as g', 'g.id', 'm.party_org_id')
    .where(scopeWhere(scope, 'p.org_id'));

const memberColumns = [
  'm.id',
  'm.person_id',
  'm.party_org_id',
  'm.stage',
  'm.since',
  'm.extended_until',
  'p.name',
  'p.birth_date',
  'o.name as org_name',
  'g.name as party_org_name',
] as const;

type MemberRow = Awaited<ReturnType<typeof memberInScope>>;

export async function memberInScope(db: Executor, scope: ResolvedScope, id: string) {
  const row = await membersQuery(db, scope).select(memberColumns).where('m.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('PARTY_MEMBER_NOT_FOUND');
  return row;
}

const present = (rules: PipelineValue, on: string, r: MemberRow): MemberView => ({
  id: r.id,
  personId: r.person_id,
  name: r.name,
  orgName: r.org_name,
  partyOrgId: r.party_org_id,
  partyOrgName: r.party_org_name,
  stage: r.stage,
  since: r.since,
  extendedUntil: r.extended_until,
  next: nextStep(rules, { stage: r.stage, since: r.since, extendedUntil: r.extended_until }, on),
});

export async function listMembers(ctx: AppContext, scope: ResolvedScope, q: PartyMemberQuery) {
  let base = membersQuery(ctx.db, scope);
  if (q.partyOrgId) base = base.where('m.party_org_id', '=', q.partyOrgId);
  if (q.stage) base = base.where('m.stage', '=', q.stage);
  if (q.keyword) base = base.where('p.name', 'like', `%${q.keyword.replace(/[%_\\]/g, '')}%`);
  const pageSize = q.pageSize ?? 20;
  const page = q.page ?? 1;
  const [rows, count] = await Promise.all([
    base
      .select(memberColumns)
      .orderBy('p.name_pinyin')
      .orderBy('m.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const on = today(ctx.clock);
  const rules = (await partyRuleOn(ctx, ctx.db, 'pipeline', on)).value;
  return { items: rows.map((r) => present(rules, on, r)), total: Number(count.n) };
}

export async function getMember(ctx: AppContext, scope: ResolvedScope, id: string): Promise<MemberDetail> {
  const row = await memberInScope(ctx.db, scope, id);
  const on = today(ctx.clock);
  const rules = (await partyRuleOn(ctx, ctx.db, 'pipeline', on)).value;
  const steps = await ctx.db
    .selectFrom('party_member_step')
    .select(['id', 'kind', 'stage', 'date', 'note', 'detail'])
    .where('member_id', '=', id)
    .orderBy('date')
    .orderBy('created_at')
    .execute();
  return { ...present(rules, on, row), steps };
}

/** Members in scope whose next step is overdue or due within `days`, soonest first (the to-do list). */
export async function pipelineDue(ctx: AppContext, scope: ResolvedScope, days = 30) {
  const on = today(ctx.clock);
  const rules = (await partyRuleOn(ctx, ctx.db, 'pipeline', on)).value;
  const rows = await membersQuery(ctx.db, scope).select(memberColumns).where('m.stage', '!=', 'full').execute();
  const items = rows
    .map((r) => present(rules, on, r))
    .filter((m) => m.next?.daysLeft !== null && m.next?.daysLeft !== undefined && m.next.daysLeft <= days)
    .sort((a, b) => (a.next?.due ?? '').localeCompare(b.next?.due ?? ''));
  return { today: on, items };
}

async function addStep(
  trx: Trx,
  ctx: AppContext,
  actor: AuditActor,
  memberId: string,
  s: {
    kind: 'stage' | 'extension' | 'transfer';
    stage: MemberView['stage'] | null;
    date: string;
    note?: string | null | undefined;
    detail?: string | null;
  },
) {
  await trx
    .insertInto('party_member_step')
    .values({
      id: newId(),
      member_id: memberId,
      kind: s.kind,
      stage: s.stage,
      date: s.date,
      note: s.note ?? null,
      detail: s.detail ?? null,
      recorded_by: actor.userId,
      city_code: ctx.config.cityCode,
      created_at: ctx.clock.now().toISOString(),
    })
    .execute();
}

/** Keeps the person's political status in step when the member is admitted or converted. */
async function syncStanding(
  trx: Trx,
  ctx: AppContext,
  personId: string,
  stage: MemberView['stage'],
  since: string,
  admittedOn: string | null,
) {
  if (stage === 'probationary') await setPartyStanding(trx, ctx, personId, { politicalStatus: '02', partyJoinDate: since });
  if (stage === 'full') await setPartyStanding(trx, ctx, personId, { politicalStatus: '01', partyJoinDate: admittedOn ?? since });
}

export async function createMember(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  body: CreateMemberBody,
): Promise<MemberDetail> {
  const [person] = await assertPeopleInScope(ctx.db, scope, [body.personId]);
  await partyOrgInScope(ctx.db, scope, body.partyOrgId);
  const on = today(ctx.clock);
  if (body.since > on) throw new AppError('PARTY_STEP_DATE');
  const rules = (await partyRuleOn(ctx, ctx.db, 'pipeline', body.since)).value;
  if (body.stage === 'applicant') {
    const birth = await ctx.db
      .selectFrom(allPeople(ctx.db).as('p'))
      .select('p.birth_date')
      .where('p.id', '=', body.personId)
      .executeTakeFirstOrThrow();
    if (!oldEnoughToApply(rules, birth.birth_date, body.since)) throw new AppError('PARTY_TOO_YOUNG', { minAge: rules.minAge });
  }
  const exists = await ctx.db.selectFrom('party_member').select('id').where('person_id', '=', body.personId).executeTakeFirst();
  if (exists) throw new AppError('PARTY_MEMBER_EXISTS');
  const id = newId();
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('party_member')
      .values({
        id,
        person_id: body.personId,
        party_org_id: body.partyOrgId,
        stage: body.stage,
        since: body.since,
        extended_until: null,
        admitted_on: body.stage === 'probationary' || body.stage === 'full' ? body.since : null,
        city_code: ctx.config.cityCode,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await addStep(trx, ctx, actor, id, { kind: 'stage', stage: body.stage, date: body.since, note: body.note });
    await syncStanding(trx, ctx, body.personId, body.stage, body.since, null);
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'party.member.create',
      objectType: 'party_member',
      objectId: id,
      detail: { personId: person!.id, stage: body.stage, since: body.since },
    });
  });
  return getMember(ctx, scope, id);
}

/** Moves a member to the next stage on a date, once the rules in force on that date allow it. */
export async function advanceMember(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  id: string,
  body: AdvanceBody,
): Promise<MemberDetail> {
  const m = await memberInScope(ctx.db, scope, id);
  const rules = (await partyRuleOn(ctx, ctx.db, 'pipeline', m.since)).value;
  const refusal = advanceRefusal(
    rules,
    { stage: m.stage, since: m.since, extendedUntil: m.extended_until },
    body.stage,
    body.date,
    today(ctx.clock),
  );
  if (refusal === 'not_next') throw new AppError('PARTY_STEP_NOT_NEXT');
  if (refusal === 'too_early')
    throw new AppError('PARTY_STEP_TOO_EARLY', {
      earliest: addMonths(m.since, rules.stages.find((s) => s.stage === m.stage)?.minMonths ?? 0),
    });
  if (refusal) throw new AppError('PARTY_STEP_DATE');
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('party_member')
      .set({
        stage: body.stage,
        since: body.date,
        extended_until: null,
        ...(body.stage === 'probationary' ? { admitted_on: body.date } : {}),
        updated_at: ctx.clock.now().toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await addStep(trx, ctx, actor, id, { kind: 'stage', stage: body.stage, date: body.date, note: body.note });
    await syncStanding(trx, ctx, m.person_id, body.stage, body.date, m.stage === 'probationary' ? m.since : null);
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'party.member.step',
      objectType: 'party_member',
      objectId: id,
      detail: { from: m.stage, to: body.stage, date: body.date },
    });
  });
  return getMember(ctx, scope, id);
}

/** Extends a probation (延长预备期) once, to a date after the first year and within the maximum. */
export async function extendProbation(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  id: string,
  body: { until: string; note?: string | null | undefined },
) {
  const m = await memberInScope(ctx.db, scope, id);
  const rules = (await partyRuleOn(ctx, ctx.db, 'pipeline', m.since)).value;
  if (
    m.stage !== 'probationary' ||
    m.extended_until !== null ||
    body.until <= addMonths(m.since, 12) ||
    body.until > latestExtension(rules, m.since)
  ) {
    throw new AppError('PARTY_EXTENSION', { latest: latestExtension(rules, m.since) });
  }
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('party_member')
      .set({ extended_until: body.until, updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', id)
      .execute();
    await addStep(trx, ctx, actor, id, { kind: 'extension', stage: null, date: today(ctx.clock), note: body.note, detail: body.until });
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'party.member.extend',
      objectType: 'party_member',
      objectId: id,
      detail: { until: body.until },
    });
  });
  return getMember(ctx, scope, id);
}

/** Transfers party relations (组织关系转接) to another organisation in the caller's scope. */
export async function transferMember(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string, body: TransferBody) {
  const m = await memberInScope(ctx.db, scope, id);
  const target = await partyOrgInScope(ctx.db, scope, body.partyOrgId);
  if (body.date > today(ctx.clock)) throw new AppError('PARTY_STEP_DATE');
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('party_member')
      .set({ party_org_id: target.id, updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', id)
      .execute();
    await addStep(trx, ctx, actor, id, {
      kind: 'transfer',
      stage: null,
      date: body.date,
      note: body.note,
      detail: `${m.party_org_name} → ${target.name}`,
    });
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'party.member.transfer',
      objectType: 'party_member',
      objectId: id,
      detail: { from: m.party_org_id, to: target.id },
    });
  });
  return getMember(ctx, scope, id);
}
