import {
  rankContest,
  type ContestDetail,
  type ContestEntryBody,
  type ContestEntryForBody,
  type ContestEntryView,
  type ContestView,
  type CreateContestBody,
  type JudgingList,
  type MyContestView,
} from '@zhenggong/core';
import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { assertOrgInScope, scopeWhere, type ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import { today } from '../../platform/clock.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { allPeople, assertPeopleInScope } from '../personnel/people.ts';
import { NO_FILE, presentFile, readCultureFile, storeCultureFile } from './culture-files.ts';
import type { Me } from './programme-service.ts';
import type { CultureContestTable, CultureEntryTable } from './tables.ts';

/** How a score and a place are worked out, shown beside the results. */
export const CONTEST_RULE = {
  'zh-CN':
    '每件作品的得分为各评委评分（百分制，保留一位小数）的平均分；评委达 5 人及以上时去掉一个最高分和一个最低分后取平均；得分保留两位小数。同分同名次，其后名次顺延（如 1、1、3）。',
  'en-US':
    "An entry's score is the mean of its judges' scores (out of 100, one decimal); with five judges or more the highest and the lowest are dropped first; scores are kept to two decimals. Equal scores share a place and the next is skipped (1, 1, 3).",
} as const;

const contests = (db: Executor) =>
  db
    .selectFrom('culture_contest as c')
    .innerJoin('org as o', 'o.id', 'c.org_id')
    .selectAll('c')
    .select('o.name as org_name')
    .select((eb) =>
      eb.selectFrom('culture_entry as e').select(eb.fn.countAll<number>().as('n')).whereRef('e.contest_id', '=', 'c.id').as('entries'),
    );
type ContestRow = CultureContestTable & { org_name: string; entries: number | string | null };

async function judgesOf(db: Executor, contestIds: readonly string[]) {
  if (contestIds.length === 0) return new Map<string, { personId: string; name: string }[]>();
  const rows = await db
    .selectFrom('culture_judge as j')
    .innerJoin(allPeople(db).as('p'), 'p.id', 'j.person_id')
    .select(['j.contest_id', 'j.person_id', 'p.name'])
    .where('j.contest_id', 'in', [...contestIds])
    .orderBy('j.sort_order')
    .execute();
  const out = new Map<string, { personId: string; name: string }[]>();
  for (const r of rows) out.set(r.contest_id, [...(out.get(r.contest_id) ?? []), { personId: r.person_id, name: r.name }]);
  return out;
}

async function present(db: Executor, rows: readonly ContestRow[]): Promise<ContestView[]> {
  const judges = await judgesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((c) => ({
    id: c.id,
    title: c.title,
    orgId: c.org_id,
    orgName: c.org_name,
    entryDeadline: c.entry_deadline,
    status: c.status,
    description: c.description,
    judges: judges.get(c.id) ?? [],
    entries: Number(c.entries ?? 0),
    publishedAt: c.published_at,
  }));
}

export async function contestInScope(db: Executor, scope: ResolvedScope, id: string) {
  const row = await contests(db).where('c.id', '=', id).where(scopeWhere(scope, 'c.org_id')).executeTakeFirst();
  if (!row) throw new AppError('CULTURE_CONTEST_NOT_FOUND');
  return row;
}

export async function listContests(ctx: AppContext, scope: ResolvedScope, q: { keyword?: string; page?: number; pageSize?: number }) {
  let base = contests(ctx.db).where(scopeWhere(scope, 'c.org_id'));
  if (q.keyword) base = base.where('c.title', 'like', `%${q.keyword.replace(/[%_\\]/g, '')}%`);
  const pageSize = q.pageSize ?? 20;
  const [rows, count] = await Promise.all([
    base
      .orderBy('c.entry_deadline', 'desc')
      .orderBy('c.id', 'desc')
      .limit(pageSize)
      .offset(((q.page ?? 1) - 1) * pageSize)
      .execute(),
    ctx.db
      .selectFrom('culture_contest as c')
      .where(scopeWhere(scope, 'c.org_id'))
      .$if(q.keyword !== undefined, (b) => b.where('c.title', 'like', `%${(q.keyword ?? '').replace(/[%_\\]/g, '')}%`))
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: await present(ctx.db, rows), total: Number(count.n) };
}

export async function createContest(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, body: CreateContestBody) {
  await assertOrgInScope(ctx.db, scope, body.orgId);
  await assertPeopleInScope(ctx.db, scope, body.judgePersonIds);
  const id = newId();
  const now = ctx.clock.now().toISOString();
  const stamp = { city_code: ctx.config.cityCode, created_at: now };
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('culture_contest')
      .values({
        id,
        org_id: body.orgId,
        title: body.title.trim(),
        entry_deadline: body.entryDeadline,
        description: body.description ?? null,
        status: 'open',
        published_at: null,
        created_by: actor.userId,
        ...stamp,
      })
      .execute();
    await trx
      .insertInto('culture_judge')
      .values(body.judgePersonIds.map((personId, i) => ({ id: newId(), contest_id: id, person_id: personId, sort_order: i, ...stamp })))
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'culture.contest.create',
      objectType: 'culture_contest',
      objectId: id,
      detail: { title: body.title, judges: body.judgePersonIds.length },
    });
  });
  return (await present(ctx.db, [await contestInScope(ctx.db, scope, id)]))[0]!;
}

/** Every entry of a contest with each judge's score, its score by the rule and its place. */
async function rankedEntries(db: Executor, contest: ContestView) {
  const entries = await db
    .selectFrom('culture_entry as e')
    .innerJoin(allPeople(db).as('p'), 'p.id', 'e.person_id')
    .innerJoin('org as o', 'o.id', 'p.org_id')
    .selectAll('e')
    .select(['p.name', 'o.name as org_name'])
    .where('e.contest_id', '=', contest.id)
    .execute();
  const scores = entries.length
    ? await db
        .selectFrom('culture_score')
        .select(['entry_id', 'judge_person_id', 'score_tenths'])
        .where(
          'entry_id',
          'in',
          entries.map((e) => e.id),
        )
        .execute()
    : [];
  const byEntry = new Map<string, Map<string, number>>();
  for (const s of scores) byEntry.set(s.entry_id, (byEntry.get(s.entry_id) ?? new Map()).set(s.judge_person_id, s.score_tenths));
  const placed = rankContest(entries.map((e) => ({ ...e, scores: [...(byEntry.get(e.id)?.values() ?? [])] })));
  const views: ContestEntryView[] = placed.map(({ entry: e, score, rank }) => ({
    id: e.id,
    contestId: e.contest_id,
    personId: e.person_id,
    name: e.name,
    orgName: e.org_name,
    title: e.title,
    text: e.body,
    ...presentFile(e),
    submittedAt: e.created_at,
    scores: contest.judges.map((j) => {
      const s = byEntry.get(e.id)?.get(j.personId);
      return s === undefined ? null : s / 10;
    }),
    score,
    rank,
  }));
  const complete = views.length > 0 && views.every((v) => v.scores.every((s) => s !== null));
  return { views, complete };
}

export async function contestDetail(ctx: AppContext, scope: ResolvedScope, id: string): Promise<ContestDetail> {
  const [contest] = await present(ctx.db, [await contestInScope(ctx.db, scope, id)]);
  const { views, complete } = await rankedEntries(ctx.db, contest!);
  return { contest: contest!, entries: views, rule: CONTEST_RULE, complete };
}

/** Publishes the ranking once every judge has scored every entry; the contest then takes no more entries or scores. */
export async function publishContest(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string) {
  const detail = await contestDetail(ctx, scope, id);
  if (detail.contest.status !== 'open') throw new AppError('CULTURE_CONTEST_CLOSED');
  if (!detail.complete) throw new AppError('CULTURE_SCORES_MISSING');
  await ctx.db.transaction().execute(async (trx) => {
    const at = ctx.clock.now().toISOString();
    await trx.updateTable('culture_contest').set({ status: 'published', published_at: at }).where('id', '=', id).execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'culture.contest.publish',
      objectType: 'culture_contest',
      objectId: id,
      detail: { entries: detail.entries.length },
    });
  });
  return contestDetail(ctx, scope, id);
}

/** Whether a person's unit lies under (or is) an organising unit: who may take part in its contest or collection. */
export async function underOrg(db: Executor, orgId: string, personOrgId: string): Promise<boolean> {
  const hit = await db
    .selectFrom('org_closure')
    .select('ancestor_id')
    .where('ancestor_id', '=', orgId)
    .where('descendant_id', '=', personOrgId)
    .executeTakeFirst();
  return hit !== undefined;
}

async function insertEntry(ctx: AppContext, actor: AuditActor, contest: CultureContestTable, personId: string, body: ContestEntryBody) {
  if (contest.status !== 'open' || today(ctx.clock) > contest.entry_deadline) throw new AppError('CULTURE_CONTEST_CLOSED');
  // A judge who entered could not score their own work, and the panel would never be complete.
  if (await judgeOf(ctx.db, { contest_id: contest.id }, { id: personId })) throw new AppError('CULTURE_JUDGE_OWN');
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('culture_entry')
      .values({
        id,
        contest_id: contest.id,
        person_id: personId,
        title: body.title.trim(),
        body: body.text ?? null,
        ...NO_FILE,
        city_code: ctx.config.cityCode,
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'culture.entry.submit',
      objectType: 'culture_entry',
      objectId: id,
      detail: { contestId: contest.id, title: body.title },
    });
  });
  return id;
}

/** A manager enters a work for someone in scope and under the organising unit. */
export async function addEntryFor(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, contestId: string, body: ContestEntryForBody) {
  const contest = await contestInScope(ctx.db, scope, contestId);
  const [person] = await assertPeopleInScope(ctx.db, scope, [body.personId]);
  if (!(await underOrg(ctx.db, contest.org_id, person!.org_id))) throw new AppError('CULTURE_NOT_ELIGIBLE');
  const id = await insertEntry(ctx, actor, contest, body.personId, body);
  return (await contestDetail(ctx, scope, contestId)).entries.find((e) => e.id === id)!;
}

/** Contests open to the officer (organised by their unit or one above it), with their entries and, once published, the ranking. */
export async function myContests(ctx: AppContext, me: Me): Promise<{ items: MyContestView[] }> {
  const rows = await contests(ctx.db)
    .where('c.org_id', 'in', ctx.db.selectFrom('org_closure').select('ancestor_id').where('descendant_id', '=', me.org_id))
    .orderBy('c.entry_deadline', 'desc')
    .limit(50)
    .execute();
  const items: MyContestView[] = [];
  for (const contest of await present(ctx.db, rows)) {
    const { views } = await rankedEntries(ctx.db, contest);
    const published = contest.status === 'published';
    items.push({
      contest,
      // Judges' individual scores stay with the organisers; the entrant sees the score and place once published.
      mine: views
        .filter((v) => v.personId === me.id)
        .map((v) => ({ ...v, scores: [], score: published ? v.score : null, rank: published ? v.rank : null })),
      results: published ? views.map((v) => ({ rank: v.rank, name: v.name, orgName: v.orgName, title: v.title, score: v.score })) : [],
    });
  }
  return { items };
}

export async function submitMyEntry(ctx: AppContext, actor: AuditActor, me: Me, contestId: string, body: ContestEntryBody) {
  const contest = await contests(ctx.db).where('c.id', '=', contestId).executeTakeFirst();
  if (!contest || !(await underOrg(ctx.db, contest.org_id, me.org_id))) throw new AppError('CULTURE_CONTEST_NOT_FOUND');
  const id = await insertEntry(ctx, actor, contest, me.id, body);
  return (await myContests(ctx, me)).items.find((i) => i.contest.id === contestId)!.mine.find((e) => e.id === id)!;
}

async function myEntry(db: Executor, me: Me, id: string) {
  const row = await db
    .selectFrom('culture_entry as e')
    .innerJoin('culture_contest as c', 'c.id', 'e.contest_id')
    .selectAll('e')
    .select(['c.status', 'c.entry_deadline'])
    .where('e.id', '=', id)
    .where('e.person_id', '=', me.id)
    .executeTakeFirst();
  if (!row) throw new AppError('CULTURE_ENTRY_NOT_FOUND');
  return row;
}

/** The entrant attaches the work's file (docx, pdf or a photograph) while the contest takes entries. */
export async function saveMyEntryFile(ctx: AppContext, actor: AuditActor, me: Me, id: string, request: FastifyRequest) {
  const entry = await myEntry(ctx.db, me, id);
  if (entry.status !== 'open' || today(ctx.clock) > entry.entry_deadline) throw new AppError('CULTURE_CONTEST_CLOSED');
  await storeCultureFile(ctx, request, actor, 'culture_entry', entry);
  return (await myContests(ctx, me)).items.flatMap((i) => i.mine).find((e) => e.id === id)!;
}

/** An entry's file for the organisers (in scope through the contest) or for one of the contest's judges. */
export async function entryFile(ctx: AppContext, scope: ResolvedScope | null, me: Me | null, id: string) {
  const row = await ctx.db.selectFrom('culture_entry').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('CULTURE_ENTRY_NOT_FOUND');
  if (scope) await contestInScope(ctx.db, scope, row.contest_id).catch(() => Promise.reject(new AppError('CULTURE_ENTRY_NOT_FOUND')));
  if (me && !(await judgeOf(ctx.db, row, me))) throw new AppError('CULTURE_ENTRY_NOT_FOUND');
  return readCultureFile(ctx, row);
}

async function judgeOf(db: Executor, entry: Pick<CultureEntryTable, 'contest_id'>, me: Pick<Me, 'id'>) {
  return db
    .selectFrom('culture_judge')
    .select('id')
    .where('contest_id', '=', entry.contest_id)
    .where('person_id', '=', me.id)
    .executeTakeFirst();
}

/** A named judge scores an entry (again, to correct it) until the results are published; never their own. */
export async function scoreEntry(ctx: AppContext, actor: AuditActor, me: Me, id: string, score: number) {
  const entry = await ctx.db.selectFrom('culture_entry').selectAll().where('id', '=', id).executeTakeFirst();
  if (!entry || !(await judgeOf(ctx.db, entry, me))) throw new AppError('CULTURE_NOT_JUDGE');
  if (entry.person_id === me.id) throw new AppError('CULTURE_JUDGE_OWN');
  const contest = await ctx.db.selectFrom('culture_contest').select('status').where('id', '=', entry.contest_id).executeTakeFirstOrThrow();
  if (contest.status !== 'open') throw new AppError('CULTURE_CONTEST_CLOSED');
  const tenths = Math.round(score * 10);
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const n = await trx
      .updateTable('culture_score')
      .set({ score_tenths: tenths, updated_at: now })
      .where('entry_id', '=', id)
      .where('judge_person_id', '=', me.id)
      .executeTakeFirst();
    if (Number(n.numUpdatedRows) === 0)
      await trx
        .insertInto('culture_score')
        .values({
          id: newId(),
          entry_id: id,
          judge_person_id: me.id,
          score_tenths: tenths,
          updated_at: now,
          city_code: ctx.config.cityCode,
          created_at: now,
        })
        .execute();
    await appendAudit(trx, ctx.clock, actor, { eventType: 'culture.score', objectType: 'culture_entry', objectId: id, detail: { score } });
  });
  return myJudging(ctx, me);
}

/** A judge's worklist: the open and published contests they judge, each entry with their own score. */
export async function myJudging(ctx: AppContext, me: Me): Promise<JudgingList> {
  const rows = await contests(ctx.db)
    .where('c.id', 'in', ctx.db.selectFrom('culture_judge').select('contest_id').where('person_id', '=', me.id))
    .orderBy('c.entry_deadline', 'desc')
    .limit(50)
    .execute();
  const items: JudgingList['items'] = [];
  for (const contest of await present(ctx.db, rows)) {
    const entries = await ctx.db
      .selectFrom('culture_entry as e')
      .leftJoin('culture_score as s', (j) => j.onRef('s.entry_id', '=', 'e.id').on('s.judge_person_id', '=', me.id))
      .selectAll('e')
      .select('s.score_tenths')
      .where('e.contest_id', '=', contest.id)
      .where('e.person_id', '!=', me.id)
      .orderBy('e.created_at')
      .orderBy('e.id')
      .execute();
    items.push({
      contest,
      entries: entries.map((e) => ({
        id: e.id,
        title: e.title,
        text: e.body,
        ...presentFile(e),
        myScore: e.score_tenths === null ? null : e.score_tenths / 10,
      })),
    });
  }
  return { items };
}
