import {
  checkAwardGuards,
  type AnnounceBody,
  type BallotBody,
  type CampaignBody,
  type CampaignDetail,
  type CampaignRow,
  type CandidateBody,
} from '@zhenggong/core';
import { sql } from 'kysely';
import type { Executor, Trx } from '../../db/database.ts';
import { isUniqueViolation } from '../../platform/access/db-errors.ts';
import { assertOrgInScope, orgInScope, type ResolvedScope } from '../../platform/access/data-scope.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { submitCase } from '../../platform/workflow/engine.ts';
import { registerCaseKind } from '../../platform/workflow/registry.ts';
import { assertPeopleInScope, disciplineLinesOf, personBriefs, today } from '../personnel/people.ts';
import { awardRule } from './award-rules.ts';
import { openInvestigations } from './discipline-queries.ts';
import { anchorsOf } from './org-levels.ts';
import type { ExemplarCampaignTable } from './tables.ts';

/**
 * Exemplar campaigns (典型选树: 最美警察, 忠诚卫士, 铁军警队, 十佳辅警, 辅警之星): nominations within
 * a quota per branch, eligibility by the award guards (investigation, discipline periods),
 * review on the workflow, voting (staff once per account; the public once per verified phone),
 * announcement, and the exemplar library.
 */
registerCaseKind({
  kind: 'exemplars.nomination',
  module: 'awards',
  defaultSteps: [
    { name: '推荐评审', type: 'approval', permission: 'exemplars:manage', orgLevel: 'city', mode: 'any', deadlineWorkingDays: 10 },
  ],
  onDecided: async (h) => {
    if (h.outcome === 'withdrawn') {
      await h.trx.deleteFrom('exemplar_candidate').where('id', '=', h.caseRow.ref_id).execute();
      return;
    }
    await h.trx.updateTable('exemplar_candidate').set({ status: h.outcome }).where('id', '=', h.caseRow.ref_id).execute();
  },
});

/** A campaign is visible to whoever has its unit in scope, and to everyone below the unit that runs it (a city campaign to the whole city). */
async function campaignVisible(db: Executor, scope: ResolvedScope, principal: Principal, id: string): Promise<ExemplarCampaignTable> {
  const c = await db.selectFrom('exemplar_campaign').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c) throw new AppError('EXEMPLAR_CAMPAIGN_NOT_FOUND');
  if (await orgInScope(db, scope, c.org_id)) return c;
  const below = await db
    .selectFrom('org_closure')
    .select('ancestor_id')
    .where('ancestor_id', '=', c.org_id)
    .where('descendant_id', '=', principal.orgId)
    .executeTakeFirst();
  if (!below) throw new AppError('EXEMPLAR_CAMPAIGN_NOT_FOUND');
  return c;
}

async function campaignManaged(db: Executor, scope: ResolvedScope, id: string): Promise<ExemplarCampaignTable> {
  const c = await db.selectFrom('exemplar_campaign').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c || !(await orgInScope(db, scope, c.org_id))) throw new AppError('EXEMPLAR_CAMPAIGN_NOT_FOUND');
  return c;
}

export async function createCampaign(ctx: AppContext, scope: ResolvedScope, actor: AuditActor & { userId: string }, body: CampaignBody) {
  await assertOrgInScope(ctx.db, scope, body.orgId);
  const id = newId();
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('exemplar_campaign')
      .values({
        id,
        title: body.title,
        kind: body.kind,
        year: body.year,
        criteria: body.criteria,
        quota_per_unit: body.quotaPerUnit,
        max_choices: body.maxChoices,
        public_voting: body.publicVoting ? 1 : 0,
        status: 'nominating',
        org_id: body.orgId,
        created_by: actor.userId,
        city_code: ctx.config.cityCode,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'exemplars.campaign.create',
      objectType: 'exemplar_campaign',
      objectId: id,
      detail: { title: body.title, kind: body.kind },
    });
  });
  return { id };
}

async function counts(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return { candidates: new Map<string, number>(), ballots: new Map<string, number>() };
  const cand = await db
    .selectFrom('exemplar_candidate')
    .select(['campaign_id', (eb) => eb.fn.countAll().as('n')])
    .where('campaign_id', 'in', ids)
    .where('status', '=', 'approved')
    .groupBy('campaign_id')
    .execute();
  const ballots = await db
    .selectFrom('exemplar_ballot')
    .select(['campaign_id', (eb) => eb.fn.countAll().as('n')])
    .where('campaign_id', 'in', ids)
    .groupBy('campaign_id')
    .execute();
  return {
    candidates: new Map(cand.map((r) => [r.campaign_id, Number(r.n)])),
    ballots: new Map(ballots.map((r) => [r.campaign_id, Number(r.n)])),
  };
}

const toCampaignRow = (c: ExemplarCampaignTable, n: Awaited<ReturnType<typeof counts>>): CampaignRow => ({
  id: c.id,
  title: c.title,
  kind: c.kind,
  year: c.year,
  status: c.status,
  quotaPerUnit: c.quota_per_unit,
  maxChoices: c.max_choices,
  publicVoting: c.public_voting === 1,
  candidates: n.candidates.get(c.id) ?? 0,
  ballots: n.ballots.get(c.id) ?? 0,
});

export async function listCampaigns(ctx: AppContext, scope: ResolvedScope, principal: Principal) {
  const all = await ctx.db.selectFrom('exemplar_campaign').selectAll().orderBy('year', 'desc').orderBy('created_at', 'desc').execute();
  const visible: ExemplarCampaignTable[] = [];
  for (const c of all) {
    try {
      visible.push(await campaignVisible(ctx.db, scope, principal, c.id));
    } catch {
      // not visible to this caller
    }
  }
  const n = await counts(
    ctx.db,
    visible.map((c) => c.id),
  );
  return { items: visible.map((c) => toCampaignRow(c, n)) };
}

export async function campaignDetail(ctx: AppContext, scope: ResolvedScope, principal: Principal, id: string): Promise<CampaignDetail> {
  const c = await campaignVisible(ctx.db, scope, principal, id);
  const n = await counts(ctx.db, [id]);
  const candidates = await ctx.db
    .selectFrom('exemplar_candidate as k')
    .innerJoin('org as o', 'o.id', 'k.org_id')
    .select(['k.id', 'k.person_id', 'k.deeds', 'k.status', 'k.case_id', 'k.winner', 'o.name as org_name'])
    .where('k.campaign_id', '=', id)
    .orderBy('k.created_at')
    .execute();
  const names = await personBriefs(
    ctx.db,
    candidates.map((k) => k.person_id),
  );
  const votes = await ctx.db
    .selectFrom('exemplar_ballot_choice')
    .select(['candidate_id', (eb) => eb.fn.countAll().as('n')])
    .where('campaign_id', '=', id)
    .groupBy('candidate_id')
    .execute();
  const tally = new Map(votes.map((v) => [v.candidate_id, Number(v.n)]));
  const mine = await ctx.db
    .selectFrom('exemplar_ballot')
    .select('id')
    .where('campaign_id', '=', id)
    .where('voter_key', '=', `user:${principal.userId}`)
    .executeTakeFirst();
  const manager = await orgInScope(ctx.db, scope, c.org_id);
  // Voters see approved candidates; the organisers also see nominations in review or rejected.
  const shown = candidates.filter((k) => manager || k.status === 'approved');
  return {
    ...toCampaignRow(c, n),
    criteria: c.criteria,
    myBallot: mine !== undefined,
    items: shown
      .map((k) => ({
        id: k.id,
        personId: k.person_id,
        name: names.get(k.person_id)?.name ?? '',
        orgName: k.org_name,
        deeds: k.deeds,
        status: k.status,
        caseId: k.case_id,
        votes: tally.get(k.id) ?? 0,
        winner: k.winner === 1,
      }))
      .sort((a, b) => b.votes - a.votes || a.name.localeCompare(b.name)),
  };
}

/** A unit's nomination: within its branch's quota, eligible by the award guards, reviewed on the workflow. */
export async function nominateCandidate(
  ctx: AppContext,
  scope: ResolvedScope,
  principal: Principal,
  actor: AuditActor,
  campaignId: string,
  body: CandidateBody,
) {
  const c = await campaignVisible(ctx.db, scope, principal, campaignId);
  if (c.status !== 'nominating') throw new AppError('EXEMPLAR_WRONG_STATE');
  const [person] = await assertPeopleInScope(ctx.db, scope, [body.personId]);
  const p = person!; // assertPeopleInScope refuses when the person is missing
  const on = today(ctx);
  const [lines, investigations, guards] = await Promise.all([
    disciplineLinesOf(ctx.db, [p.id]),
    openInvestigations(ctx.db, [p.id]),
    awardRule(ctx, ctx.db, 'guards', on),
  ]);
  const checked = checkAwardGuards(
    {
      level: '嘉奖',
      onDate: on,
      sameDeed: [],
      priorAwards: [],
      discipline: lines.map((l) => ({ kind: l.kind, date: l.date, endDate: l.end_date })),
      investigationSince: investigations.get(p.id) ?? null,
      proposerOrgLevel: 'city_organ',
      hasApprovingOrgan: true,
      guards,
    },
    false,
  );
  if (checked.refusals.length > 0)
    throw new AppError('AWARD_GUARD_REFUSED', {
      reasonZh: checked.refusals.map((r) => r.zh).join('；'),
      reasonEn: checked.refusals.map((r) => r.en).join('; '),
      refusals: checked.refusals,
    });
  const { branch } = await anchorsOf(ctx.db, p.org_id);
  const id = newId();
  const caseId = await ctx.db.transaction().execute(async (trx) => {
    const used = await trx
      .selectFrom('exemplar_candidate')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('campaign_id', '=', campaignId)
      .where('quota_org_id', '=', branch)
      .where('status', '!=', 'rejected')
      .executeTakeFirst();
    if (Number(used?.n ?? 0) >= c.quota_per_unit) throw new AppError('EXEMPLAR_QUOTA_FULL', { quota: c.quota_per_unit });
    try {
      await trx
        .insertInto('exemplar_candidate')
        .values({
          id,
          campaign_id: campaignId,
          person_id: p.id,
          org_id: p.org_id,
          quota_org_id: branch,
          deeds: body.deeds,
          status: 'in_review',
          case_id: null,
          winner: 0,
          city_code: ctx.config.cityCode,
          created_at: ctx.clock.now().toISOString(),
        })
        .execute();
    } catch (e) {
      if (isUniqueViolation(e)) throw new AppError('EXEMPLAR_ALREADY_NOMINATED');
      throw e;
    }
    const cid = await submitCase(
      trx,
      ctx,
      { ...actor, userId: principal.userId },
      {
        kind: 'exemplars.nomination',
        refId: id,
        title: `${c.title}：推荐 ${p.name}`,
        subjectPersonId: p.id,
        subjectName: p.name,
        subjectOrgId: p.org_id,
      },
    );
    await trx.updateTable('exemplar_candidate').set({ case_id: cid }).where('id', '=', id).execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'exemplars.nominate',
      objectType: 'exemplar_candidate',
      objectId: id,
      detail: { campaignId, personId: p.id },
    });
    return cid;
  });
  return { id, caseId };
}

const NEXT: Record<string, { from: ExemplarCampaignTable['status']; to: ExemplarCampaignTable['status'] }> = {
  'open-voting': { from: 'nominating', to: 'voting' },
  'close-voting': { from: 'voting', to: 'closed' },
};

export async function moveCampaign(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  id: string,
  step: 'open-voting' | 'close-voting',
) {
  const move = NEXT[step]!;
  await ctx.db.transaction().execute(async (trx) => {
    const c = await campaignManaged(trx, scope, id);
    if (c.status !== move.from) throw new AppError('EXEMPLAR_WRONG_STATE');
    await trx
      .updateTable('exemplar_campaign')
      .set({ status: move.to, updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx.clock, actor, { eventType: `exemplars.campaign.${move.to}`, objectType: 'exemplar_campaign', objectId: id });
  });
  return { id };
}

/** Checks a ballot: 1 to max distinct candidates, `approved` of them approved candidates of this campaign. */
export function assertChoices(c: ExemplarCampaignTable, ids: readonly string[], approved: number): void {
  const unique = new Set(ids);
  if (unique.size !== ids.length || ids.length === 0 || ids.length > c.max_choices || approved !== unique.size)
    throw new AppError('EXEMPLAR_CHOICES_INVALID', { max: c.max_choices });
}

/** `ids` for an IN list: never empty (an empty list is refused by assertChoices anyway). */
export const choiceList = (ids: readonly string[]): string[] => (ids.length > 0 ? [...new Set(ids)] : ['']);

async function checkChoices(db: Executor, c: ExemplarCampaignTable, ids: readonly string[]): Promise<void> {
  const found = await db
    .selectFrom('exemplar_candidate')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('campaign_id', '=', c.id)
    .where('status', '=', 'approved')
    .where('id', 'in', choiceList(ids))
    .executeTakeFirstOrThrow();
  assertChoices(c, ids, Number(found.n));
}

/** One ballot per voter key, enforced by the unique index so a burst of duplicates keeps exactly one. */
export async function castBallot(
  trx: Trx,
  ctx: AppContext,
  c: ExemplarCampaignTable,
  voterKey: string,
  channel: 'staff' | 'public',
  choices: readonly string[],
  ip: string | null,
  fingerprint: string | null,
): Promise<string> {
  const id = newId();
  const now = ctx.clock.now().toISOString();
  // The unique index decides; a repeat (the double click of a burst) inserts nothing rather than
  // raising a driver error and aborting the transaction.
  const inserted = await trx
    .insertInto('exemplar_ballot')
    .values({ id, campaign_id: c.id, voter_key: voterKey, channel, ip, fingerprint, city_code: ctx.config.cityCode, created_at: now })
    .onConflict((oc) => oc.columns(['campaign_id', 'voter_key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) throw new AppError('EXEMPLAR_ALREADY_VOTED');
  await trx
    .insertInto('exemplar_ballot_choice')
    .values(
      choices.map((candidate_id) => ({
        id: newId(),
        ballot_id: id,
        campaign_id: c.id,
        candidate_id,
        city_code: ctx.config.cityCode,
        created_at: now,
      })),
    )
    .execute();
  return id;
}

/** A staff ballot: once per account (the account is the verified identity). */
export async function staffVote(ctx: AppContext, scope: ResolvedScope, principal: Principal, ip: string, id: string, body: BallotBody) {
  const c = await campaignVisible(ctx.db, scope, principal, id);
  if (c.status !== 'voting') throw new AppError('EXEMPLAR_WRONG_STATE');
  await checkChoices(ctx.db, c, body.candidateIds);
  const ballotId = await ctx.db
    .transaction()
    .execute((trx) => castBallot(trx, ctx, c, `user:${principal.userId}`, 'staff', body.candidateIds, ip, null));
  return { id: ballotId };
}

/** Announcement (公布): winners among the approved candidates; each goes into the exemplar library with their decided awards linked. */
export async function announce(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string, body: AnnounceBody) {
  await ctx.db.transaction().execute(async (trx) => {
    const c = await campaignManaged(trx, scope, id);
    if (c.status !== 'closed') throw new AppError('EXEMPLAR_WRONG_STATE');
    const winners = await trx
      .selectFrom('exemplar_candidate')
      .selectAll()
      .where('campaign_id', '=', id)
      .where('status', '=', 'approved')
      .where('id', 'in', body.winnerIds)
      .execute();
    if (winners.length !== new Set(body.winnerIds).size) throw new AppError('EXEMPLAR_WINNERS_INVALID');
    const now = ctx.clock.now().toISOString();
    for (const w of winners) {
      const awards = await trx
        .selectFrom('award_subject as s')
        .innerJoin('award_case as a', 'a.id', 's.award_id')
        .select('a.id')
        .where('s.person_id', '=', w.person_id)
        .where('a.status', '=', 'decided')
        .execute();
      await trx.updateTable('exemplar_candidate').set({ winner: 1 }).where('id', '=', w.id).execute();
      await trx
        .insertInto('exemplar')
        .values({
          id: newId(),
          person_id: w.person_id,
          org_id: w.org_id,
          campaign_id: id,
          title: `${c.year}年度“${c.kind}”`,
          year: c.year,
          deeds: w.deeds,
          award_ids: JSON.stringify(awards.map((a) => a.id)),
          photo_file_ids: '[]',
          city_code: ctx.config.cityCode,
          created_at: now,
        })
        .execute();
    }
    await trx.updateTable('exemplar_campaign').set({ status: 'announced', updated_at: now }).where('id', '=', id).execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'exemplars.announce',
      objectType: 'exemplar_campaign',
      objectId: id,
      detail: { winners: body.winnerIds },
    });
  });
  return { id };
}

export const ballotTimes = (db: Executor, campaignId: string) =>
  db
    .selectFrom('exemplar_ballot')
    .select(['ip', 'fingerprint', 'created_at'])
    .where('campaign_id', '=', campaignId)
    .orderBy('created_at')
    .execute();

/**
 * Suspicious patterns: many ballots from one address or one device fingerprint within a short
 * window. A report for people to look at — nothing is disqualified automatically.
 */
export async function suspiciousReport(ctx: AppContext, scope: ResolvedScope, id: string, windowMinutes: number, threshold: number) {
  await campaignManaged(ctx.db, scope, id);
  const ballots = await ballotTimes(ctx.db, id);
  const groups: { by: 'ip' | 'fingerprint'; value: string; votes: number; from: string; to: string }[] = [];
  for (const by of ['ip', 'fingerprint'] as const) {
    const byValue = new Map<string, string[]>();
    for (const b of ballots) {
      const v = b[by];
      if (!v) continue;
      byValue.set(v, [...(byValue.get(v) ?? []), b.created_at]);
    }
    for (const [value, times] of byValue) {
      let best = { n: 0, from: '', to: '' };
      let start = 0;
      for (let end = 0; end < times.length; end++) {
        while (Date.parse(times[end]!) - Date.parse(times[start]!) > windowMinutes * 60_000) start++;
        if (end - start + 1 > best.n) best = { n: end - start + 1, from: times[start]!, to: times[end]! };
      }
      if (best.n >= threshold) groups.push({ by, value, votes: best.n, from: best.from, to: best.to });
    }
  }
  return {
    windowMinutes,
    threshold,
    note: '仅供人工核查，系统不会自动作废任何选票 / For review by people; no ballot is disqualified automatically',
    groups: groups.sort((a, b) => b.votes - a.votes),
  };
}

export const ballotCount = async (db: Executor, campaignId: string) =>
  Number(
    (
      await db
        .selectFrom('exemplar_ballot')
        .select(sql<number>`count(*)`.as('n'))
        .where('campaign_id', '=', campaignId)
        .executeTakeFirst()
    )?.n ?? 0,
  );
