import {
  auxMonthBounds,
  computePayouts,
  excellentQuota,
  fundUse,
  type AssessmentGrade,
  type GradeEntriesBody,
  type GradeTableValue,
  type OpenMonthBody,
} from '@zhenggong/core';
import type { Executor } from '../../db/database.ts';
import { assertOrgInScope, scopeWhere, type ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { allPeople, membersDuring, scopedPeople } from '../personnel/people.ts';
import { payStates } from './aux-officers.ts';
import { ruleInForce } from './aux-rules.ts';

/**
 * Monthly assessment (月度考核) of a unit's auxiliary officers and its reward/penalty fund (奖惩金),
 * paid the same month. Drafts use the grade table in force on the month's first day; confirming
 * freezes that table and every amount, so later edits to the table never change a paid month.
 */
interface FrozenTable {
  versionId: string | null;
  effectiveFrom: string;
  value: GradeTableValue;
}

export async function openMonth(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, body: OpenMonthBody) {
  await assertOrgInScope(ctx.db, scope, body.orgId);
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    const org = await trx.selectFrom('org').select(['status']).where('id', '=', body.orgId).executeTakeFirst();
    if (!org) throw new AppError('ORG_NOT_FOUND');
    const existing = await trx
      .selectFrom('aux_assessment_month')
      .select('id')
      .where('org_id', '=', body.orgId)
      .where('month', '=', body.month)
      .executeTakeFirst();
    if (existing) throw new AppError('AUX_MONTH_EXISTS', { id: existing.id });
    const now = ctx.clock.now().toISOString();
    await trx
      .insertInto('aux_assessment_month')
      .values({
        id,
        org_id: body.orgId,
        month: body.month,
        fund_fen: body.fundFen,
        status: 'draft',
        grade_table: null,
        total_fen: null,
        confirmed_by: null,
        confirmed_by_name: null,
        confirmed_at: null,
        city_code: ctx.config.cityCode,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'auxiliary.assessment.open',
      objectType: 'aux_assessment_month',
      objectId: id,
      detail: { orgId: body.orgId, month: body.month, fundFen: body.fundFen },
    });
  });
  return { id };
}

export async function listMonths(ctx: AppContext, scope: ResolvedScope, q: { month?: string | undefined; orgId?: string | undefined }) {
  let query = ctx.db
    .selectFrom('aux_assessment_month as m')
    .innerJoin('org as o', 'o.id', 'm.org_id')
    .select([
      'm.id',
      'm.org_id',
      'o.name as org_name',
      'm.month',
      'm.fund_fen',
      'm.status',
      'm.total_fen',
      'm.confirmed_by_name',
      'm.confirmed_at',
    ])
    .where(scopeWhere(scope, 'm.org_id'));
  if (q.month) query = query.where('m.month', '=', q.month);
  if (q.orgId) query = query.where('m.org_id', '=', q.orgId);
  const rows = await query.orderBy('m.month', 'desc').orderBy('o.name').limit(500).execute();
  return rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    month: r.month,
    fundFen: r.fund_fen,
    status: r.status,
    totalFen: r.total_fen,
    confirmedByName: r.confirmed_by_name,
    confirmedAt: r.confirmed_at,
  }));
}

async function findMonth(db: Executor, scope: ResolvedScope, id: string) {
  const row = await db
    .selectFrom('aux_assessment_month as m')
    .innerJoin('org as o', 'o.id', 'm.org_id')
    .selectAll('m')
    .select('o.name as org_name')
    .where('m.id', '=', id)
    .where(scopeWhere(scope, 'm.org_id'))
    .executeTakeFirst();
  if (!row) throw new AppError('AUX_MONTH_NOT_FOUND');
  return row;
}

type MonthRow = Awaited<ReturnType<typeof findMonth>>;

/**
 * The month's roster: auxiliary officers in the caller's scope who belonged to the unit's subtree
 * at some day of the month (from the membership history, so a leaver of the 20th is graded and a
 * newcomer of next month is not), and who are not already graded for the month by another unit —
 * a branch and its station both opening the month must not grade or pay anyone twice.
 */
async function eligiblePeople(db: Executor, scope: ResolvedScope, month: Pick<MonthRow, 'id' | 'org_id' | 'month'>) {
  const { first, last } = auxMonthBounds(month.month);
  return db
    .selectFrom(scopedPeople(db, scope).as('p'))
    .innerJoin('org as o', 'o.id', 'p.org_id')
    .select(['p.id', 'p.name', 'p.name_pinyin', 'p.id_number_masked', 'o.name as org_name'])
    .where('p.kind', '=', 'auxiliary')
    .where('p.id', 'in', membersDuring(db, month.org_id, first, last))
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('aux_assessment_entry as x')
            .innerJoin('aux_assessment_month as xm', 'xm.id', 'x.month_id')
            .select('x.id')
            .whereRef('x.person_id', '=', 'p.id')
            .where('xm.month', '=', month.month)
            .where('xm.id', '!=', month.id),
        ),
      ),
    )
    .execute();
}

/** The units that already graded these people for the month (another month row than this one). */
async function gradedElsewhere(db: Executor, month: Pick<MonthRow, 'id' | 'month'>, personIds: readonly string[]) {
  if (personIds.length === 0) return new Map<string, string>();
  const rows = await db
    .selectFrom('aux_assessment_entry as x')
    .innerJoin('aux_assessment_month as xm', 'xm.id', 'x.month_id')
    .innerJoin('org as o', 'o.id', 'xm.org_id')
    .select(['x.person_id', 'o.name'])
    .where('xm.month', '=', month.month)
    .where('xm.id', '!=', month.id)
    .where('x.person_id', 'in', [...personIds])
    .execute();
  return new Map(rows.map((r) => [r.person_id, r.name]));
}

async function gradeTableOf(ctx: AppContext, db: Executor, month: MonthRow): Promise<FrozenTable> {
  if (month.grade_table) return JSON.parse(month.grade_table) as FrozenTable;
  const v = await ruleInForce(ctx, db, 'gradeTable', auxMonthBounds(month.month).first);
  return { versionId: v.id, effectiveFrom: v.effectiveFrom, value: v.value };
}

/**
 * The grid: everyone eligible now plus anyone already graded (who may have left since), their
 * grade or score, and the amount it earns. Confirmed months show the frozen amounts.
 */
async function buildGrid(ctx: AppContext, db: Executor, scope: ResolvedScope, month: MonthRow) {
  const table = await gradeTableOf(ctx, db, month);
  const [eligible, entries] = await Promise.all([
    month.status === 'draft' ? eligiblePeople(db, scope, month) : Promise.resolve([]),
    db
      .selectFrom('aux_assessment_entry as e')
      .innerJoin(allPeople(db).as('p'), 'p.id', 'e.person_id')
      .innerJoin('org as o', 'o.id', 'p.org_id')
      .select([
        'e.person_id',
        'e.grade',
        'e.score',
        'e.amount_fen',
        'e.note',
        'p.name',
        'p.name_pinyin',
        'p.id_number_masked',
        'o.name as org_name',
      ])
      .where('e.month_id', '=', month.id)
      .execute(),
  ]);
  const byPerson = new Map(entries.map((e) => [e.person_id, e]));
  const people = new Map<string, { id: string; name: string; pinyin: string; idNumberMasked: string; orgName: string }>();
  for (const p of eligible)
    people.set(p.id, { id: p.id, name: p.name, pinyin: p.name_pinyin, idNumberMasked: p.id_number_masked, orgName: p.org_name });
  for (const e of entries)
    if (!people.has(e.person_id))
      people.set(e.person_id, {
        id: e.person_id,
        name: e.name,
        pinyin: e.name_pinyin,
        idNumberMasked: e.id_number_masked,
        orgName: e.org_name,
      });
  const list = [...people.values()].sort(
    (a, b) => a.orgName.localeCompare(b.orgName, 'zh-CN') || a.pinyin.localeCompare(b.pinyin) || a.id.localeCompare(b.id),
  );
  const payouts = computePayouts(
    table.value,
    list.map((p) => ({
      personId: p.id,
      grade: (byPerson.get(p.id)?.grade as AssessmentGrade | null | undefined) ?? null,
      score: byPerson.get(p.id)?.score ?? null,
    })),
  );
  const { first } = auxMonthBounds(month.month);
  const states = await payStates(
    db,
    list.map((p) => p.id),
    first,
  );
  const rows = list.map((p, i) => {
    const e = byPerson.get(p.id);
    const computed = payouts[i]!;
    const confirmed = month.status === 'confirmed';
    return {
      personId: p.id,
      name: p.name,
      idNumberMasked: p.idNumberMasked,
      orgName: p.orgName,
      payGrade: states.get(p.id)?.grade ?? null,
      grade: confirmed ? ((e?.grade as AssessmentGrade | null) ?? null) : computed.grade,
      gradeEntered: (e?.grade ?? null) !== null,
      score: e?.score ?? null,
      amountFen: confirmed ? (e?.amount_fen ?? null) : computed.amountFen,
      note: e?.note ?? null,
    };
  });
  const use = fundUse(
    month.fund_fen,
    rows.map((r) => r.amountFen),
    table.value.fundMode,
  );
  const quota = excellentQuota(
    table.value,
    rows.map((r) => r.grade),
  );
  return {
    id: month.id,
    orgId: month.org_id,
    orgName: month.org_name,
    month: month.month,
    status: month.status,
    fundFen: month.fund_fen,
    confirmedByName: month.confirmed_by_name,
    confirmedAt: month.confirmed_at,
    gradeTable: table,
    rows,
    missing: rows.filter((r) => r.grade === null).length,
    fund: use,
    fundMode: table.value.fundMode ?? 'separate',
    quota,
  };
}

export async function getMonth(ctx: AppContext, scope: ResolvedScope, id: string) {
  return buildGrid(ctx, ctx.db, scope, await findMonth(ctx.db, scope, id));
}

function assertDraft(month: MonthRow): void {
  if (month.status !== 'draft') throw new AppError('AUX_MONTH_CONFIRMED');
}

export async function setFund(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string, fundFen: number) {
  await ctx.db.transaction().execute(async (trx) => {
    const month = await findMonth(trx, scope, id);
    assertDraft(month);
    await trx
      .updateTable('aux_assessment_month')
      .set({ fund_fen: fundFen, updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'auxiliary.assessment.fund',
      objectType: 'aux_assessment_month',
      objectId: id,
      detail: { before: month.fund_fen, after: fundFen },
    });
  });
  return getMonth(ctx, scope, id);
}

/** Saves grades or scores for people of the unit; a person outside it refuses the whole batch. */
export async function saveEntries(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string, body: GradeEntriesBody) {
  await ctx.db.transaction().execute(async (trx) => {
    const month = await findMonth(trx, scope, id);
    assertDraft(month);
    const eligible = new Set((await eligiblePeople(trx, scope, month)).map((p) => p.id));
    const elsewhere = await gradedElsewhere(
      trx,
      month,
      body.entries.map((e) => e.personId),
    );
    const twice = body.entries.find((e) => elsewhere.has(e.personId));
    if (twice) throw new AppError('AUX_GRADED_ELSEWHERE', { personId: twice.personId, orgName: elsewhere.get(twice.personId) });
    const existing = new Map(
      (await trx.selectFrom('aux_assessment_entry').select(['id', 'person_id']).where('month_id', '=', id).execute()).map((e) => [
        e.person_id,
        e.id,
      ]),
    );
    const now = ctx.clock.now().toISOString();
    for (const e of body.entries) {
      if (!eligible.has(e.personId) && !existing.has(e.personId)) throw new AppError('AUX_PERSON_NOT_IN_UNIT', { personId: e.personId });
      const values = { grade: e.grade, score: e.score, note: e.note ?? null, amount_fen: null, updated_at: now };
      const entryId = existing.get(e.personId);
      if (entryId) await trx.updateTable('aux_assessment_entry').set(values).where('id', '=', entryId).execute();
      else {
        const newEntry = newId();
        await trx
          .insertInto('aux_assessment_entry')
          .values({ id: newEntry, month_id: id, person_id: e.personId, ...values, city_code: month.city_code, created_at: now })
          .execute();
        existing.set(e.personId, newEntry);
      }
    }
    await trx.updateTable('aux_assessment_month').set({ updated_at: now }).where('id', '=', id).execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'auxiliary.assessment.grade',
      objectType: 'aux_assessment_month',
      objectId: id,
      detail: { entries: body.entries.map((e) => ({ personId: e.personId, grade: e.grade, score: e.score })) },
    });
  });
  return getMonth(ctx, scope, id);
}

/**
 * A person confirms and locks the month. Refused while anyone is ungraded or while the rewards
 * exceed the unit's fund (no silent scaling); on success every amount and the grade table are frozen.
 */
export async function confirmMonth(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const month = await findMonth(trx, scope, id);
    assertDraft(month);
    const grid = await buildGrid(ctx, trx, scope, month);
    if (grid.rows.length === 0 || grid.missing > 0)
      throw new AppError('AUX_MONTH_INCOMPLETE', { missing: grid.missing, people: grid.rows.length });
    const twice = await gradedElsewhere(
      trx,
      month,
      grid.rows.map((r) => r.personId),
    );
    if (twice.size > 0) throw new AppError('AUX_GRADED_ELSEWHERE', { orgName: [...new Set(twice.values())].join('、') });
    if (!grid.quota.fits)
      throw new AppError('AUX_EXCELLENT_QUOTA', {
        allowed: grid.quota.allowed,
        count: grid.quota.count,
        summary: `${grid.quota.count} > ${grid.quota.allowed}`,
      });
    if (!grid.fund.fits) {
      const yuan = (fen: number) => (fen / 100).toFixed(2);
      throw new AppError('AUX_FUND_EXCEEDED', {
        drawnFen: grid.fund.drawnFen,
        fundFen: grid.fund.fundFen,
        overFen: grid.fund.overFen,
        summary: `${yuan(grid.fund.drawnFen)} > ${yuan(grid.fund.fundFen)}`,
      });
    }
    const now = ctx.clock.now().toISOString();
    for (const r of grid.rows) {
      await trx
        .updateTable('aux_assessment_entry')
        .set({ grade: r.grade, amount_fen: r.amountFen, updated_at: now })
        .where('month_id', '=', id)
        .where('person_id', '=', r.personId)
        .execute();
    }
    const locked = await trx
      .updateTable('aux_assessment_month')
      .set({
        status: 'confirmed',
        grade_table: JSON.stringify(grid.gradeTable),
        total_fen: grid.fund.netFen,
        confirmed_by: actor.userId,
        confirmed_by_name: actor.username,
        confirmed_at: now,
        updated_at: now,
      })
      .where('id', '=', id)
      .where('status', '=', 'draft')
      .executeTakeFirst();
    if (Number(locked.numUpdatedRows) !== 1) throw new AppError('AUX_MONTH_CONFIRMED');
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'auxiliary.assessment.confirm',
      objectType: 'aux_assessment_month',
      objectId: id,
      detail: {
        orgId: month.org_id,
        month: month.month,
        fundFen: month.fund_fen,
        drawnFen: grid.fund.drawnFen,
        netFen: grid.fund.netFen,
        people: grid.rows.length,
        gradeTableVersion: grid.gradeTable.versionId,
      },
    });
  });
  return getMonth(ctx, scope, id);
}

/** The confirmed month as the payout sheet sees it (audited by the caller). */
export async function confirmedMonth(ctx: AppContext, scope: ResolvedScope, id: string) {
  const grid = await getMonth(ctx, scope, id);
  if (grid.status !== 'confirmed') throw new AppError('AUX_MONTH_NOT_CONFIRMED');
  return grid;
}
