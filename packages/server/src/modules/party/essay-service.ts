import type { CreateEssayContestBody, EssayContestDetail, EssayContestView, EssayEntryBody, EssayScoresBody } from '@zhenggong/core';
import type { Executor } from '../../db/database.ts';
import { scopeWhere, type ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { addEntry, addItem, createEvent, getEvent } from '../competitions/event-service.ts';
import { eventRankings, publishEvent } from '../competitions/ranking-service.ts';
import { saveScores } from '../competitions/score-service.ts';
import { assertPeopleInScope } from '../personnel/people.ts';
import { partyOrgInScope } from './org-service.ts';

/**
 * Essay contests (征文比赛) on the competitions machinery: a contest is a competition event of the
 * party organisation's unit with one individual item (征文, higher score is better); an essay is a
 * competition entry of its author, judged by scores out of 100, ranked by the competitions'
 * ranking rule (ties share a place) and published as competition results (which the profile and
 * talent pool read). The party keeps the contest's theme and each essay's title.
 */
const contests = (db: Executor, scope: ResolvedScope) =>
  db
    .selectFrom('party_essay_contest as c')
    .innerJoin('party_org as g', 'g.id', 'c.party_org_id')
    .where(scopeWhere(scope, 'g.org_id'))
    .selectAll('c')
    .select('g.name as party_org_name');

async function contestInScope(db: Executor, scope: ResolvedScope, id: string) {
  const row = await contests(db, scope).where('c.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('PARTY_ESSAY_CONTEST_NOT_FOUND');
  return row;
}

type ContestRow = Awaited<ReturnType<typeof contestInScope>>;

async function view(
  ctx: AppContext,
  scope: ResolvedScope,
  c: ContestRow,
): Promise<EssayContestView & { event: Awaited<ReturnType<typeof getEvent>> }> {
  const event = await getEvent(ctx, scope, c.event_id);
  return {
    id: c.id,
    partyOrgId: c.party_org_id,
    partyOrgName: c.party_org_name,
    eventId: c.event_id,
    title: c.title,
    theme: c.theme,
    startDate: event.startDate,
    endDate: event.endDate,
    status: event.status,
    entries: event.entries.length,
    event,
  };
}

export async function listEssayContests(ctx: AppContext, scope: ResolvedScope): Promise<{ items: EssayContestView[] }> {
  const rows = await contests(ctx.db, scope).orderBy('c.created_at', 'desc').limit(200).execute();
  const items: EssayContestView[] = [];
  for (const r of rows) {
    const { event: _event, ...v } = await view(ctx, scope, r);
    items.push(v);
  }
  return { items };
}

export async function getEssayContest(ctx: AppContext, scope: ResolvedScope, id: string): Promise<EssayContestDetail> {
  const c = await contestInScope(ctx.db, scope, id);
  const { event, ...v } = await view(ctx, scope, c);
  const essays = await ctx.db.selectFrom('party_essay').selectAll().where('contest_id', '=', id).orderBy('created_at').execute();
  const ranked = new Map((await eventRankings(ctx, scope, c.event_id)).items.flatMap((i) => i.entries.map((e) => [e.entryId, e.rank])));
  const entries = new Map(event.entries.map((e) => [e.id, e]));
  return {
    ...v,
    essays: essays
      .map((e) => {
        const entry = entries.get(e.entry_id);
        return {
          id: e.id,
          personId: e.person_id,
          name: entry?.people[0]?.name ?? '',
          orgName: entry?.orgName ?? '',
          title: e.title,
          score: entry?.score ?? null,
          rank: ranked.get(e.entry_id) ?? null,
        };
      })
      .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity)),
  };
}

export async function createEssayContest(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, body: CreateEssayContestBody) {
  const g = await partyOrgInScope(ctx.db, scope, body.partyOrgId);
  const event = await createEvent(ctx, scope, actor, {
    title: body.title,
    level: 'unit',
    orgId: g.org_id,
    startDate: body.startDate,
    endDate: body.endDate,
    description: body.theme,
  });
  const item = await addItem(ctx, scope, actor, event.id, { name: '征文', kind: 'individual', direction: 'higher', unit: '分' });
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('party_essay_contest')
      .values({
        id,
        party_org_id: g.id,
        event_id: event.id,
        item_id: item.id,
        title: body.title,
        theme: body.theme,
        created_by: actor.userId,
        city_code: ctx.config.cityCode,
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'party.essay.contest.create',
      objectType: 'party_essay_contest',
      objectId: id,
      detail: { title: body.title, eventId: event.id },
    });
  });
  return getEssayContest(ctx, scope, id);
}

/** An essay of a person in scope: a competition entry for their own unit (one essay per person and contest). */
export async function submitEssay(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, contestId: string, body: EssayEntryBody) {
  const c = await contestInScope(ctx.db, scope, contestId);
  const [person] = await assertPeopleInScope(ctx.db, scope, [body.personId]);
  const entry = await addEntry(ctx, scope, actor, c.event_id, { itemId: c.item_id, orgId: person!.org_id, personIds: [person!.id] });
  await ctx.db.transaction().execute(async (trx) => {
    const id = newId();
    await trx
      .insertInto('party_essay')
      .values({
        id,
        contest_id: contestId,
        entry_id: entry.id,
        person_id: person!.id,
        title: body.title,
        city_code: ctx.config.cityCode,
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'party.essay.submit',
      objectType: 'party_essay_contest',
      objectId: contestId,
      detail: { essayId: id, personId: person!.id, title: body.title },
    });
  });
  return getEssayContest(ctx, scope, contestId);
}

/** Judging: scores of the contest's essays, saved as the competition entries' scores. */
export async function scoreEssays(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, contestId: string, body: EssayScoresBody) {
  const c = await contestInScope(ctx.db, scope, contestId);
  const essays = await ctx.db.selectFrom('party_essay').select(['id', 'entry_id']).where('contest_id', '=', contestId).execute();
  const entryOf = new Map(essays.map((e) => [e.id, e.entry_id]));
  const scores = body.scores.map((s) => {
    const entryId = entryOf.get(s.essayId);
    if (!entryId) throw new AppError('PARTY_ESSAY_NOT_FOUND');
    return { entryId, score: s.score };
  });
  await saveScores(ctx, scope, actor, c.event_id, { scores });
  await ctx.db.transaction().execute((trx) =>
    appendAudit(trx, ctx.clock, actor, {
      eventType: 'party.essay.score',
      objectType: 'party_essay_contest',
      objectId: contestId,
      detail: { scored: scores.length },
    }),
  );
  return getEssayContest(ctx, scope, contestId);
}

/** Results (评选结果): the competition event is published and frozen; entrants get their result rows. */
export async function publishEssayContest(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, contestId: string) {
  const c = await contestInScope(ctx.db, scope, contestId);
  await publishEvent(ctx, scope, actor, c.event_id);
  await ctx.db
    .transaction()
    .execute((trx) =>
      appendAudit(trx, ctx.clock, actor, { eventType: 'party.essay.publish', objectType: 'party_essay_contest', objectId: contestId }),
    );
  return getEssayContest(ctx, scope, contestId);
}
