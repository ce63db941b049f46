import {
  gradeEligibility,
  gradeName,
  rankEligibility,
  rankName,
  retirementCategory,
  retirementDate,
  retirementRuleSets,
  type CadreProfileResponse,
  type AppraisalBackfillBody,
  type CreatePromotionBody,
  type PromotionView,
} from '@zhenggong/core';
import { sql } from 'kysely';
import type { Trx } from '../../db/database.ts';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { caseIdsFor, submitCase, type Actor } from '../../platform/workflow/engine.ts';
import type { CaseOutcome } from '../../platform/workflow/registry.ts';
import { promoteGrade, promoteRank, recordAppraisal, scopedPeople, today } from '../personnel/people.ts';
import { promotionRulesOn } from './due-list.ts';
import { presentEligibility } from './present.ts';
import { PROMOTION_KIND } from './promotion-kind.ts';
import { findPromotion } from './promotion-queries.ts';
import { peopleInScope, subjectsOf, unitsOf } from './subjects.ts';
import type { CadrePromotionTable } from './tables.ts';

async function onePerson(ctx: AppContext, scope: ResolvedScope, id: string) {
  const [person] = await peopleInScope(ctx, ctx.db, scope, { ids: [id] });
  if (!person) throw new AppError('CADRES_PERSON_NOT_FOUND');
  const subject = (await subjectsOf(ctx.db, [person])).get(id)!;
  return { person, subject };
}

/** A person's cadre page: eligibility on every track with reasons, retirement date, grade and rank history, appraisals, cases. */
export async function cadreProfile(ctx: AppContext, scope: ResolvedScope, id: string, asOfParam?: string): Promise<CadreProfileResponse> {
  const asOf = asOfParam ?? today(ctx);
  const { person, subject } = await onePerson(ctx, scope, id);
  const rules = promotionRulesOn(asOf);
  const retirementRules = retirementRuleSets[0]!;
  const units = await unitsOf(ctx.db, [person.org_id]);
  const eligibility = [
    gradeEligibility(subject, rules, asOf),
    ...(person.tech_level ? [gradeEligibility(subject, rules, asOf, 'tech')] : []),
    rankEligibility(subject, rules, asOf),
  ].map(presentEligibility);
  return {
    person: {
      id: person.id,
      name: person.name,
      orgId: person.org_id,
      orgName: units.names.get(person.org_id) ?? '',
      sex: person.sex,
      birthDate: person.birth_date,
      post: person.post,
      postLevel: person.post_level,
      officerLevel: person.officer_level,
      levelName: gradeName(person.officer_level),
      levelDate: person.level_date,
      techLevel: person.tech_level,
      rank: person.rank,
      rankName: rankName(person.rank),
      rankDate: person.rank_date,
    },
    asOf,
    eligibility,
    retirement: retirementDate(person.birth_date, retirementCategory(person.sex, person.kind, retirementRules), retirementRules),
    gradeHistory: subject.levels.map((l) => ({
      sequence: l.sequence,
      level: l.level,
      name: gradeName(l.level),
      startDate: l.startDate,
      endDate: l.endDate,
    })),
    rankHistory: subject.ranks.map((r) => ({ rank: r.rank, name: rankName(r.rank), startDate: r.startDate })),
    appraisals: subject.appraisals.map((a) => ({ year: a.year, grade: a.grade })),
    cases: (await listPromotions(ctx, scope, { personId: id })).items,
  };
}

/**
 * Opens a promotion case (晋升) for an eligible person: the reason trace is kept with the case,
 * and the case goes through the workflow — review, public notice (任前公示), approval; the grade
 * or rank history is written when it is approved.
 */
export async function createPromotion(ctx: AppContext, scope: ResolvedScope, actor: Actor, body: CreatePromotionBody) {
  const asOf = body.asOf ?? today(ctx);
  const { person, subject } = await onePerson(ctx, scope, body.personId);
  const rules = promotionRulesOn(asOf);
  const e = body.track === 'rank' ? rankEligibility(subject, rules, asOf) : gradeEligibility(subject, rules, asOf, body.track);
  if (e.status !== 'eligible' || !e.from || !e.to)
    throw new AppError('CADRES_NOT_ELIGIBLE', { reasons: e.reasons.filter((r) => !r.ok).map((r) => r.zh) });
  const id = newId();
  const title = `${person.name} 晋升${e.track === 'rank' ? rankName(e.to) : gradeName(e.to)}`;
  const caseId = await ctx.db.transaction().execute(async (trx) => {
    const open = await trx
      .selectFrom('cadre_promotion')
      .select('id')
      .where('person_id', '=', person.id)
      .where('track', '=', body.track)
      .where('status', '=', 'in_progress')
      .executeTakeFirst();
    if (open) throw new AppError('CADRES_CASE_OPEN');
    await trx
      .insertInto('cadre_promotion')
      .values({
        id,
        person_id: person.id,
        track: body.track,
        from_code: e.from!,
        to_code: e.to!,
        as_of: asOf,
        reasons: JSON.stringify(e.reasons),
        note: body.note ?? null,
        status: 'in_progress',
        decided_on: null,
        created_by: actor.userId,
        city_code: ctx.config.cityCode,
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
    const caseId = await submitCase(trx, ctx, actor, {
      kind: PROMOTION_KIND,
      refId: id,
      title,
      subjectPersonId: person.id,
      subjectName: person.name,
      subjectOrgId: person.org_id,
    });
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'cadres.promotion.submit',
      objectType: 'cadre_promotion',
      objectId: id,
      detail: { personId: person.id, track: body.track, from: e.from, to: e.to, asOf },
    });
    return caseId;
  });
  return { id, caseId };
}

/** Applies the outcome in the deciding transaction: approved → the grade or rank line dated the decision day. */
export async function applyPromotionOutcome(trx: Trx, ctx: AppContext, actor: AuditActor, id: string, outcome: CaseOutcome): Promise<void> {
  const row = await findPromotion(trx, id);
  if (!row || row.status !== 'in_progress') return;
  const decidedOn = today(ctx);
  await trx.updateTable('cadre_promotion').set({ status: outcome, decided_on: decidedOn }).where('id', '=', id).execute();
  if (outcome === 'approved') {
    if (row.track === 'rank')
      await promoteRank(trx, ctx, { personId: row.person_id, rank: row.to_code, date: decidedOn, note: '晋升警衔' });
    else
      await promoteGrade(trx, ctx, {
        personId: row.person_id,
        sequence: row.track === 'tech' ? 'tech' : 'officer',
        level: row.to_code,
        date: decidedOn,
      });
  }
  await appendAudit(trx, ctx.clock, actor, {
    eventType: 'cadres.promotion.decide',
    objectType: 'cadre_promotion',
    objectId: id,
    detail: { outcome, personId: row.person_id, to: row.to_code, date: decidedOn },
  });
}

export function presentPromotion(r: CadrePromotionTable & { name: string; org_name: string }, caseId: string | null): PromotionView {
  const name = r.track === 'rank' ? rankName : gradeName;
  return {
    id: r.id,
    personId: r.person_id,
    personName: r.name,
    orgName: r.org_name,
    track: r.track,
    from: r.from_code,
    fromName: name(r.from_code),
    to: r.to_code,
    toName: name(r.to_code),
    asOf: r.as_of,
    status: r.status,
    caseId,
    decidedOn: r.decided_on,
    createdAt: r.created_at,
  };
}

/** Promotion cases of people in scope, newest first. */
export async function listPromotions(
  ctx: AppContext,
  scope: ResolvedScope,
  q: { status?: string | undefined; personId?: string; page?: number | undefined; pageSize?: number | undefined },
) {
  let base = ctx.db
    .selectFrom('cadre_promotion as c')
    .innerJoin(scopedPeople(ctx.db, scope).as('p'), 'p.id', 'c.person_id')
    .innerJoin('org as o', 'o.id', 'p.org_id');
  if (q.status) base = base.where('c.status', '=', q.status as CadrePromotionTable['status']);
  if (q.personId) base = base.where('c.person_id', '=', q.personId);
  const pageSize = q.pageSize ?? 20;
  const [rows, total] = await Promise.all([
    base
      .selectAll('c')
      .select(['p.name', 'o.name as org_name'])
      .orderBy('c.created_at', 'desc')
      .limit(pageSize)
      .offset(((q.page ?? 1) - 1) * pageSize)
      .execute(),
    base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  const cases = await caseIdsFor(
    ctx.db,
    PROMOTION_KIND,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => presentPromotion(r, cases.get(r.id) ?? null)), total: Number(total.n) };
}

/** One case in scope (404 outside it). */
export async function promotionInScope(ctx: AppContext, scope: ResolvedScope, id: string) {
  const row = await ctx.db
    .selectFrom('cadre_promotion as c')
    .innerJoin(scopedPeople(ctx.db, scope).as('p'), 'p.id', 'c.person_id')
    .innerJoin('org as o', 'o.id', 'p.org_id')
    .selectAll('c')
    .select(['p.name', 'o.name as org_name', 'p.birth_date', 'p.sex', 'p.post'])
    .where('c.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('CADRES_CASE_NOT_FOUND');
  return row;
}

/**
 * A year's appraisal result entered from the paper file (source 'clerk'): years before the
 * platform count toward years in grade only once they are on record. Confirmed years come from
 * the assessment module.
 */
export async function backfillAppraisal(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string, body: AppraisalBackfillBody) {
  await onePerson(ctx, scope, id);
  await ctx.db.transaction().execute(async (trx) => {
    await recordAppraisal(trx, ctx, { personId: id, year: body.year, grade: body.grade, source: 'clerk', note: body.note ?? null });
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'cadres.appraisal.backfill',
      objectType: 'person',
      objectId: id,
      detail: { year: body.year, grade: body.grade },
    });
  });
  return cadreProfile(ctx, scope, id);
}
