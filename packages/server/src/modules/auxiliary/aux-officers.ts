import { auxMonthBounds, estimatePay, shiftDate, type AuxOfficerQuery, type PayEstimate } from '@zhenggong/core';
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { scopeWhere, type ResolvedScope } from '../../platform/access/data-scope.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { isOnForce, ON_FORCE_STATUSES, scopedPeople, today } from '../personnel/people.ts';
import { ruleInForce } from './aux-rules.ts';

/** One auxiliary officer inside the caller's scope, or 404 (never a hint that it exists elsewhere). */
export async function findOfficer(db: Executor, scope: ResolvedScope, id: string) {
  const row = await db
    .selectFrom(scopedPeople(db, scope).as('p'))
    .innerJoin('org as o', 'o.id', 'p.org_id')
    .select([
      'p.id',
      'p.name',
      'p.org_id',
      'o.name as org_name',
      'p.status',
      'p.status_date',
      'p.id_number_masked',
      'p.sex',
      'p.birth_date',
      'p.aux_category',
      'p.contract_end',
      'p.post',
      'p.city_code',
    ])
    .where('p.id', '=', id)
    .where('p.kind', '=', 'auxiliary')
    .executeTakeFirst();
  if (!row) throw new AppError('AUX_OFFICER_NOT_FOUND');
  return row;
}

export const isServing = isOnForce;

export async function findServingOfficer(db: Executor, scope: ResolvedScope, id: string) {
  const row = await findOfficer(db, scope, id);
  if (!isServing(row.status)) throw new AppError('AUX_NOT_SERVING');
  return row;
}

export interface PayState {
  grade: string | null;
  personalAdjustFen: number;
  startDate: string | null;
}

/** Each person's pay-grade row in force on `date` (rows end exclusively on `end_date`). */
export async function payStates(db: Executor, personIds: readonly string[], date: string): Promise<Map<string, PayState>> {
  const result = new Map<string, PayState>();
  for (let i = 0; i < personIds.length; i += 500) {
    const rows = await db
      .selectFrom('aux_pay_grade')
      .select(['person_id', 'grade', 'personal_adjust_fen', 'start_date', 'end_date'])
      .where('person_id', 'in', personIds.slice(i, i + 500))
      .where('start_date', '<=', date)
      .where((eb) => eb.or([eb('end_date', 'is', null), eb('end_date', '>', date)]))
      .orderBy('start_date')
      .execute();
    for (const r of rows) result.set(r.person_id, { grade: r.grade, personalAdjustFen: r.personal_adjust_fen, startDate: r.start_date });
  }
  return result;
}

/** Confirmed reward/penalty amounts of one month per person. */
export async function monthAssessments(db: Executor, personIds: readonly string[], month: string): Promise<Map<string, number>> {
  const result = new Map<string, number>();
  for (let i = 0; i < personIds.length; i += 500) {
    const rows = await db
      .selectFrom('aux_assessment_entry as e')
      .innerJoin('aux_assessment_month as m', 'm.id', 'e.month_id')
      .select(['e.person_id', 'e.amount_fen'])
      .where('m.month', '=', month)
      .where('m.status', '=', 'confirmed')
      .where('e.person_id', 'in', personIds.slice(i, i + 500))
      .execute();
    for (const r of rows) result.set(r.person_id, (result.get(r.person_id) ?? 0) + (r.amount_fen ?? 0));
  }
  return result;
}

/** Monthly pay estimates on `date` from the scale and insurance rules in force then. */
export async function estimatesFor(
  ctx: AppContext,
  db: Executor,
  personIds: readonly string[],
  date: string,
): Promise<Map<string, PayEstimate>> {
  const [scale, insurance, states, assessed] = await Promise.all([
    ruleInForce(ctx, db, 'payScale', date),
    ruleInForce(ctx, db, 'socialInsurance', date),
    payStates(db, personIds, date),
    monthAssessments(db, personIds, date.slice(0, 7)),
  ]);
  const result = new Map<string, PayEstimate>();
  for (const id of personIds) {
    const s = states.get(id);
    result.set(
      id,
      estimatePay(scale.value, insurance.value, {
        grade: s?.grade ?? null,
        personalAdjustFen: s?.personalAdjustFen ?? 0,
        assessmentFen: assessed.get(id) ?? 0,
      }),
    );
  }
  return result;
}

/** Active contracts' end dates per person (open-ended contracts have none). */
async function activeContracts(db: Executor, personIds: readonly string[]) {
  const result = new Map<string, { id: string; endDate: string | null; kind: string }>();
  if (personIds.length === 0) return result;
  const rows = await db
    .selectFrom('aux_contract')
    .select(['id', 'person_id', 'end_date', 'kind'])
    .where('person_id', 'in', personIds)
    .where('status', '=', 'active')
    .execute();
  for (const r of rows) result.set(r.person_id, { id: r.id, endDate: r.end_date, kind: r.kind });
  return result;
}

const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Auxiliary officers (personnel kind 'auxiliary') in scope, with contract end, pay grade and pay estimate. */
export async function listOfficers(ctx: AppContext, scope: ResolvedScope, q: AuxOfficerQuery) {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  let base = ctx.db
    .selectFrom(scopedPeople(ctx.db, scope).as('p'))
    .innerJoin('org as o', 'o.id', 'p.org_id')
    .where('p.kind', '=', 'auxiliary');
  if (q.orgId) {
    const orgId = q.orgId;
    base = base.where('p.org_id', 'in', (eb) => eb.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', orgId));
  }
  const status = q.status ?? 'serving';
  if (status === 'serving') base = base.where('p.status', 'in', [...ON_FORCE_STATUSES]);
  if (status === 'left') base = base.where('p.status', 'not in', [...ON_FORCE_STATUSES]);
  const kw = q.keyword?.normalize('NFKC').trim();
  if (kw) {
    const like = `%${likeEscape(kw)}%`;
    const lower = `${likeEscape(kw.toLowerCase())}%`;
    base = base.where((eb) =>
      eb.or([
        sql<boolean>`p.name like ${like} escape '\\'`,
        sql<boolean>`p.name_pinyin like ${lower} escape '\\'`,
        sql<boolean>`p.name_initials like ${lower} escape '\\'`,
      ]),
    );
  }
  const { total } = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow();
  const rows = await base
    .select([
      'p.id',
      'p.name',
      'p.org_id',
      'o.name as org_name',
      'p.status',
      'p.id_number_masked',
      'p.sex',
      'p.birth_date',
      'p.aux_category',
      'p.contract_end',
    ])
    .orderBy('p.name_pinyin')
    .orderBy('p.id')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const ids = rows.map((r) => r.id);
  const day = today(ctx);
  const [estimates, contracts, settings] = await Promise.all([
    estimatesFor(ctx, ctx.db, ids, day),
    activeContracts(ctx.db, ids),
    ruleInForce(ctx, ctx.db, 'settings', day),
  ]);
  // The same window and the same end date as 到期提醒 and the daily reminder (contractReminders).
  const reminderDays = settings.value.contractReminderDays;
  const until = shiftDate(day, reminderDays);
  return {
    total: Number(total),
    reminderDays,
    items: rows.map((r) => {
      const e = estimates.get(r.id);
      const c = contracts.get(r.id);
      const end = c ? c.endDate : r.contract_end;
      // No pay grade on record (未定级): no estimate rather than 0.00 that looks like a wage.
      const priced = e !== undefined && e.grade !== null && !e.gradeUnknown;
      return {
        id: r.id,
        name: r.name,
        orgId: r.org_id,
        orgName: r.org_name,
        status: r.status,
        idNumberMasked: r.id_number_masked,
        sex: r.sex,
        birthDate: r.birth_date,
        auxCategory: r.aux_category,
        contractEnd: end,
        contractKind: c?.kind ?? null,
        payGrade: e?.grade ?? null,
        grossFen: priced ? e.grossFen : null,
        netBeforeTaxFen: priced ? e.netBeforeTaxFen : null,
        contractDue: end !== null && isOnForce(r.status) && end <= until,
      };
    }),
  };
}

/** One officer with contracts, pay history and estimate, uniforms, assessments and exits. */
export async function getOfficer(ctx: AppContext, scope: ResolvedScope, id: string) {
  const p = await findOfficer(ctx.db, scope, id);
  const day = today(ctx);
  const [contracts, payGrades, uniforms, exits, assessments, estimates] = await Promise.all([
    ctx.db.selectFrom('aux_contract').selectAll().where('person_id', '=', id).orderBy('sequence', 'desc').execute(),
    ctx.db.selectFrom('aux_pay_grade').selectAll().where('person_id', '=', id).orderBy('start_date', 'desc').execute(),
    ctx.db.selectFrom('aux_uniform').selectAll().where('person_id', '=', id).orderBy('issue_date', 'desc').execute(),
    ctx.db.selectFrom('aux_exit').selectAll().where('person_id', '=', id).orderBy('exit_date', 'desc').execute(),
    ctx.db
      .selectFrom('aux_assessment_entry as e')
      .innerJoin('aux_assessment_month as m', 'm.id', 'e.month_id')
      .innerJoin('org as o', 'o.id', 'm.org_id')
      .select(['m.id as month_id', 'm.month', 'o.name as org_name', 'm.status', 'e.grade', 'e.score', 'e.amount_fen'])
      .where('e.person_id', '=', id)
      .where(scopeWhere(scope, 'm.org_id'))
      .orderBy('m.month', 'desc')
      .limit(24)
      .execute(),
    estimatesFor(ctx, ctx.db, [id], day),
  ]);
  const { first } = auxMonthBounds(day.slice(0, 7));
  return {
    id: p.id,
    name: p.name,
    orgId: p.org_id,
    orgName: p.org_name,
    status: p.status,
    statusDate: p.status_date,
    idNumberMasked: p.id_number_masked,
    sex: p.sex,
    birthDate: p.birth_date,
    auxCategory: p.aux_category,
    post: p.post,
    contractEnd: p.contract_end,
    contracts: contracts.map((c) => ({
      id: c.id,
      kind: c.kind,
      startDate: c.start_date,
      endDate: c.end_date,
      sequence: c.sequence,
      previousId: c.previous_id,
      status: c.status,
      endedDate: c.ended_date,
      endReason: c.end_reason,
      note: c.note,
      probationEnd: c.probation_end,
      openEndedReasons: c.open_ended_reasons ? c.open_ended_reasons.split(',') : [],
      workerChoseFixedTerm: c.worker_chose_fixed === 1,
    })),
    payGrades: payGrades.map((g) => ({
      id: g.id,
      grade: g.grade,
      personalAdjustFen: g.personal_adjust_fen,
      startDate: g.start_date,
      endDate: g.end_date,
      adjustmentId: g.adjustment_id,
      note: g.note,
    })),
    uniforms: uniforms.map((u) => ({
      id: u.id,
      item: u.item,
      size: u.size,
      quantity: u.quantity,
      issueDate: u.issue_date,
      nextDueDate: u.next_due_date,
      note: u.note,
    })),
    exits: exits.map((x) => ({
      id: x.id,
      kind: x.kind,
      exitDate: x.exit_date,
      reason: x.reason,
      compensationMonths: x.compensation_months,
      compensationFen: x.compensation_fen,
    })),
    assessments: assessments.map((a) => ({
      monthId: a.month_id,
      month: a.month,
      orgName: a.org_name,
      status: a.status,
      grade: a.grade,
      score: a.score,
      amountFen: a.amount_fen,
    })),
    payEstimate: { month: first.slice(0, 7), ...estimates.get(id)! },
  };
}
