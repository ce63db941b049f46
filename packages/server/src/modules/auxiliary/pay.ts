import { applyPayChange, estimatePay, type PayAdjustmentBody, type PayAdjustmentPreviewBody, type SetPayGradeBody } from '@zhenggong/core';
import type { Executor, Trx } from '../../db/database.ts';
import { assertOrgInScope, scopeWhere, type ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { peopleInSet, type PersonBrief } from '../personnel/people.ts';
import { findServingOfficer, payStates } from './aux-officers.ts';
import { assertCityWide, insertAuxRuleVersion, ruleInForce } from './aux-rules.ts';

/** Latest pay-grade start per person: a new row must start after it (history is appended, never rewritten). */
async function latestStarts(db: Executor, personIds: readonly string[]): Promise<Map<string, string>> {
  const result = new Map<string, string>();
  for (let i = 0; i < personIds.length; i += 500) {
    const rows = await db
      .selectFrom('aux_pay_grade')
      .select(['person_id', 'start_date'])
      .where('person_id', 'in', personIds.slice(i, i + 500))
      .execute();
    for (const r of rows) if ((result.get(r.person_id) ?? '') < r.start_date) result.set(r.person_id, r.start_date);
  }
  return result;
}

async function appendPayRow(
  trx: Trx,
  ctx: AppContext,
  row: {
    personId: string;
    grade: string;
    personalAdjustFen: number;
    startDate: string;
    adjustmentId: string | null;
    note: string | null;
    cityCode: string;
  },
) {
  await trx
    .updateTable('aux_pay_grade')
    .set({ end_date: row.startDate })
    .where('person_id', '=', row.personId)
    .where('end_date', 'is', null)
    .execute();
  await trx
    .insertInto('aux_pay_grade')
    .values({
      id: newId(),
      person_id: row.personId,
      grade: row.grade,
      personal_adjust_fen: row.personalAdjustFen,
      start_date: row.startDate,
      end_date: null,
      adjustment_id: row.adjustmentId,
      note: row.note,
      city_code: row.cityCode,
      created_at: ctx.clock.now().toISOString(),
    })
    .execute();
}

/** Sets one person's pay grade (薪级) from a date; the personal adjustment carries over unless given. */
export async function setPayGrade(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, personId: string, body: SetPayGradeBody) {
  await ctx.db.transaction().execute(async (trx) => {
    const person = await findServingOfficer(trx, scope, personId);
    const scale = await ruleInForce(ctx, trx, 'payScale', body.startDate);
    if (!scale.value.grades.some((g) => g.code === body.grade)) throw new AppError('AUX_PAY_GRADE_UNKNOWN', { grade: body.grade });
    const latest = (await latestStarts(trx, [personId])).get(personId);
    if (latest && latest >= body.startDate) throw new AppError('AUX_PAY_DATE', { latest });
    const before = (await payStates(trx, [personId], body.startDate)).get(personId);
    const personalAdjustFen = body.personalAdjustFen ?? before?.personalAdjustFen ?? 0;
    await appendPayRow(trx, ctx, {
      personId,
      grade: body.grade,
      personalAdjustFen,
      startDate: body.startDate,
      adjustmentId: null,
      note: body.note ?? null,
      cityCode: person.city_code,
    });
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'auxiliary.pay.grade',
      objectType: 'person',
      objectId: personId,
      detail: { before: before ?? null, after: { grade: body.grade, personalAdjustFen }, startDate: body.startDate },
    });
  });
  return { ok: true };
}

/**
 * Auxiliary officers on the force in scope matching the bulk filter: a person set (the unit and
 * below, kind 辅警) narrowed to the named people when given; by unit, then name.
 */
async function filteredPeople(ctx: AppContext, db: Executor, scope: ResolvedScope, filter: PayAdjustmentPreviewBody['filter']) {
  if (filter.orgId) await assertOrgInScope(db, scope, filter.orgId);
  const people = await peopleInSet(ctx, db, scope, { kinds: ['auxiliary'], orgIds: filter.orgId ? [filter.orgId] : [] }, filter.personIds);
  const byUnitThenName = (a: PersonBrief, b: PersonBrief) =>
    a.org_name < b.org_name ? -1 : a.org_name > b.org_name ? 1 : a.name_pinyin < b.name_pinyin ? -1 : a.name_pinyin > b.name_pinyin ? 1 : 0;
  return people.sort(byUnitThenName).slice(0, 10_000);
}

/**
 * Before/after per person and totals for a bulk change taking effect on `effectiveDate`. The
 * same computation runs again inside the confirming transaction.
 */
async function computePreview(ctx: AppContext, db: Executor, scope: ResolvedScope, body: PayAdjustmentPreviewBody) {
  const date = body.effectiveDate;
  const [scale, insurance, people] = await Promise.all([
    ruleInForce(ctx, db, 'payScale', date),
    ruleInForce(ctx, db, 'socialInsurance', date),
    filteredPeople(ctx, db, scope, body.filter),
  ]);
  if (body.change.kind === 'grade') {
    const grade = body.change.grade;
    if (!scale.value.grades.some((g) => g.code === grade)) throw new AppError('AUX_PAY_GRADE_UNKNOWN', { grade });
  }
  const states = await payStates(
    db,
    people.map((p) => p.id),
    date,
  );
  const grades = body.filter.grades;
  const rows = people
    .filter((p) => !grades || grades.includes(states.get(p.id)?.grade ?? ''))
    // A percentage needs a pay grade to be a percentage of; people without one are left out.
    .filter((p) => body.change.kind !== 'percent' || states.has(p.id))
    .map((p) => {
      const state = states.get(p.id) ?? { grade: null, personalAdjustFen: 0 };
      const before = estimatePay(scale.value, insurance.value, { ...state, assessmentFen: 0 });
      const next = applyPayChange(scale.value, insurance.value, state, body.change);
      const after = estimatePay(next.scale, insurance.value, { ...next.state, assessmentFen: 0 });
      return {
        personId: p.id,
        name: p.name,
        orgName: p.org_name,
        cityCode: p.city_code,
        gradeBefore: state.grade,
        gradeAfter: next.state.grade,
        personalAdjustBeforeFen: state.personalAdjustFen,
        personalAdjustAfterFen: next.state.personalAdjustFen,
        grossBeforeFen: before.grossFen,
        grossAfterFen: after.grossFen,
        employerCostBeforeFen: before.employerCostFen,
        employerCostAfterFen: after.employerCostFen,
      };
    });
  const sum = (k: 'grossBeforeFen' | 'grossAfterFen' | 'employerCostBeforeFen' | 'employerCostAfterFen') =>
    rows.reduce((s, r) => s + r[k], 0);
  return {
    effectiveDate: date,
    scaleVersion: { id: scale.id, effectiveFrom: scale.effectiveFrom },
    rows,
    totals: {
      people: rows.length,
      beforeFen: sum('grossBeforeFen'),
      afterFen: sum('grossAfterFen'),
      employerCostBeforeFen: sum('employerCostBeforeFen'),
      employerCostAfterFen: sum('employerCostAfterFen'),
    },
  };
}

export async function previewAdjustment(ctx: AppContext, scope: ResolvedScope, body: PayAdjustmentPreviewBody) {
  const p = await computePreview(ctx, ctx.db, scope, body);
  return { ...p, rows: p.rows.map(({ cityCode: _c, ...r }) => r) };
}

/**
 * Applies a previewed bulk change in one transaction: new pay-grade rows from the effective date
 * (percent, grade) or a new pay-scale version (scale, which binds the whole city and so needs
 * city-wide scope). Refused when the after-total differs from the preview the person confirmed.
 */
export async function applyAdjustment(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, body: PayAdjustmentBody) {
  const { expectedAfterTotalFen, ...request } = body;
  if (body.change.kind === 'scale') assertCityWide(scope);
  return ctx.db.transaction().execute(async (trx) => {
    const preview = await computePreview(ctx, trx, scope, request);
    if (preview.rows.length === 0) throw new AppError('AUX_ADJUST_EMPTY');
    if (preview.totals.afterFen !== expectedAfterTotalFen)
      throw new AppError('AUX_PREVIEW_STALE', { expected: expectedAfterTotalFen, actual: preview.totals.afterFen });
    const id = newId();
    if (body.change.kind === 'scale') {
      await insertAuxRuleVersion(trx, ctx, actor, 'payScale', {
        effectiveFrom: body.effectiveDate,
        value: body.change.scale,
        note: body.note ?? null,
      });
    } else {
      const latest = await latestStarts(
        trx,
        preview.rows.map((r) => r.personId),
      );
      for (const r of preview.rows) {
        const last = latest.get(r.personId);
        if (last && last >= body.effectiveDate) throw new AppError('AUX_PAY_DATE', { latest: last, name: r.name });
        await appendPayRow(trx, ctx, {
          personId: r.personId,
          grade: r.gradeAfter as string,
          personalAdjustFen: r.personalAdjustAfterFen,
          startDate: body.effectiveDate,
          adjustmentId: id,
          note: body.note ?? null,
          cityCode: r.cityCode,
        });
      }
    }
    await trx
      .insertInto('aux_pay_adjustment')
      .values({
        id,
        org_id: body.filter.orgId ?? null,
        kind: body.change.kind,
        change: JSON.stringify(body.change),
        filter: JSON.stringify(body.filter),
        effective_date: body.effectiveDate,
        people_count: preview.rows.length,
        before_total_fen: preview.totals.beforeFen,
        after_total_fen: preview.totals.afterFen,
        note: body.note ?? null,
        created_by: actor.userId,
        created_by_name: actor.username,
        city_code: ctx.config.cityCode,
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'auxiliary.pay.adjust',
      objectType: 'aux_pay_adjustment',
      objectId: id,
      detail: {
        kind: body.change.kind,
        effectiveDate: body.effectiveDate,
        filter: body.filter,
        people: preview.rows.length,
        beforeFen: preview.totals.beforeFen,
        afterFen: preview.totals.afterFen,
      },
    });
    return { id, people: preview.rows.length, beforeFen: preview.totals.beforeFen, afterFen: preview.totals.afterFen };
  });
}

/** Adjustments made for orgs in scope; city-wide ones (no org) only to city-wide callers. */
export async function listAdjustments(ctx: AppContext, scope: ResolvedScope) {
  let q = ctx.db.selectFrom('aux_pay_adjustment as a').selectAll('a');
  q = scope.all ? q : q.where('a.org_id', 'is not', null).where(scopeWhere(scope, 'a.org_id'));
  const rows = await q.orderBy('a.created_at', 'desc').limit(200).execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    change: JSON.parse(r.change) as unknown,
    effectiveDate: r.effective_date,
    people: r.people_count,
    beforeFen: r.before_total_fen,
    afterFen: r.after_total_fen,
    note: r.note,
    createdByName: r.created_by_name,
    createdAt: r.created_at,
  }));
}
