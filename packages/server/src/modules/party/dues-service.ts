import { lastDayOfMonth, monthlyDues, monthRange, type DuesPaymentBody, type DuesSheetView } from '@zhenggong/core';
import ExcelJS from 'exceljs';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, auditAlone, type AuditActor } from '../../platform/audit/audit-service.ts';
import { today } from '../../platform/clock.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { assertPeopleInScope } from '../personnel/people.ts';
import { membersQuery } from './member-service.ts';
import { expectedMembers } from './meeting-service.ts';
import { partyOrgInScope } from './org-service.ts';
import { partyRuleOn } from './party-rules.ts';

const thisMonth = (ctx: AppContext) => today(ctx.clock).slice(0, 7);

/**
 * Records a month's dues (党费) for a member: the amount due is computed from the month's pay after
 * tax by the brackets in force on the month's first day; a second record for the month replaces
 * the first (a correction), both in the audit chain.
 */
export async function recordPayment(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, body: DuesPaymentBody) {
  await assertPeopleInScope(ctx.db, scope, [body.personId]);
  const member = await ctx.db
    .selectFrom('party_member')
    .select(['id', 'party_org_id', 'stage'])
    .where('person_id', '=', body.personId)
    .executeTakeFirst();
  if (!member || (member.stage !== 'probationary' && member.stage !== 'full')) throw new AppError('PARTY_NOT_A_MEMBER');
  if (body.paidOn > today(ctx.clock)) throw new AppError('PARTY_STEP_DATE');
  const rule = await partyRuleOn(ctx, ctx.db, 'dues', `${body.month}-01`);
  const { ratePermille, amountFen } = monthlyDues(rule.value, body.payFen);
  const paidFen = body.paidFen ?? amountFen;
  const id = newId();
  const row = {
    party_org_id: member.party_org_id,
    pay_fen: body.payFen,
    rate_permille: ratePermille,
    due_fen: amountFen,
    paid_fen: paidFen,
    paid_on: body.paidOn,
    rule_id: rule.id,
    recorded_by: actor.userId,
  };
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('party_dues')
      .values({
        id,
        person_id: body.personId,
        month: body.month,
        ...row,
        city_code: ctx.config.cityCode,
        created_at: ctx.clock.now().toISOString(),
      })
      .onConflict((oc) => oc.columns(['person_id', 'month']).doUpdateSet(row))
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'party.dues.pay',
      objectType: 'party_member',
      objectId: member.id,
      detail: { month: body.month, dueFen: amountFen, paidFen },
    });
  });
  const saved = await ctx.db
    .selectFrom('party_dues')
    .selectAll()
    .where('person_id', '=', body.personId)
    .where('month', '=', body.month)
    .executeTakeFirstOrThrow();
  return {
    id: saved.id,
    personId: saved.person_id,
    month: saved.month,
    payFen: saved.pay_fen,
    ratePermille: saved.rate_permille,
    dueFen: saved.due_fen,
    paidFen: saved.paid_fen,
    paidOn: saved.paid_on,
  };
}

/** One organisation's dues sheet for a month: every member due that month, with what was recorded. */
export async function duesSheet(ctx: AppContext, scope: ResolvedScope, partyOrgId: string, month = thisMonth(ctx)): Promise<DuesSheetView> {
  const g = await partyOrgInScope(ctx.db, scope, partyOrgId);
  const members = await expectedMembers(ctx.db, partyOrgId);
  const admitted = await ctx.db
    .selectFrom('party_member')
    .select(['person_id', 'admitted_on'])
    .where('party_org_id', '=', partyOrgId)
    .execute();
  const admittedOn = new Map(admitted.map((s) => [s.person_id, s.admitted_on ?? '']));
  const due = members.filter((m) => (admittedOn.get(m.person_id) ?? '') <= lastDayOfMonth(month));
  const payments = await ctx.db
    .selectFrom('party_dues')
    .selectAll()
    .where('month', '=', month)
    .where('person_id', 'in', due.length ? due.map((m) => m.person_id) : [''])
    .execute();
  const byPerson = new Map(payments.map((p) => [p.person_id, p]));
  const rows = due.map((m) => {
    const p = byPerson.get(m.person_id);
    return {
      personId: m.person_id,
      name: m.name,
      stage: m.stage,
      payFen: p?.pay_fen ?? null,
      ratePermille: p?.rate_permille ?? null,
      dueFen: p?.due_fen ?? null,
      paidFen: p?.paid_fen ?? null,
      paidOn: p?.paid_on ?? null,
    };
  });
  return {
    partyOrgId,
    partyOrgName: g.name,
    month,
    rows,
    totalDueFen: rows.reduce((s, r) => s + (r.dueFen ?? 0), 0),
    totalPaidFen: rows.reduce((s, r) => s + (r.paidFen ?? 0), 0),
    unpaid: rows.filter((r) => r.paidFen === null).length,
  };
}

/** Members in scope with months of the year up to `month` without a dues record (欠缴), from the month they joined. */
export async function arrears(ctx: AppContext, scope: ResolvedScope, month = thisMonth(ctx), partyOrgId?: string) {
  let q = membersQuery(ctx.db, scope)
    .select(['m.person_id', 'm.admitted_on', 'p.name', 'g.name as party_org_name'])
    .where('m.stage', 'in', ['probationary', 'full']);
  if (partyOrgId) q = q.where('m.party_org_id', '=', partyOrgId);
  const members = await q.orderBy('p.name_pinyin').execute();
  const from = `${month.slice(0, 4)}-01`;
  const paid = await ctx.db
    .selectFrom('party_dues')
    .select(['person_id', 'month'])
    .where('month', '>=', from)
    .where('month', '<=', month)
    .where('person_id', 'in', members.length ? members.map((m) => m.person_id) : [''])
    .execute();
  const paidSet = new Set(paid.map((p) => `${p.person_id}:${p.month}`));
  const items = members
    .map((m) => {
      const joined = (m.admitted_on ?? '').slice(0, 7);
      const start = joined > from ? joined : from;
      return {
        personId: m.person_id,
        name: m.name,
        partyOrgName: m.party_org_name,
        months: monthRange(start, month).filter((x) => !paidSet.has(`${m.person_id}:${x}`)),
      };
    })
    .filter((m) => m.months.length > 0);
  return { month, items };
}

const yuan = (fen: number | null) => (fen === null ? '' : Number((fen / 100).toFixed(2)));
const stageLabel = {
  applicant: '入党申请人',
  activist: '入党积极分子',
  candidate: '发展对象',
  probationary: '预备党员',
  full: '正式党员',
} as const;

/** The dues sheet as xlsx (党费收缴表), amounts in yuan; the export is audited. */
export async function duesXlsx(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, partyOrgId: string, month?: string) {
  const sheet = await duesSheet(ctx, scope, partyOrgId, month);
  await auditAlone(ctx.db, ctx.clock, actor, {
    eventType: 'party.dues.export',
    objectType: 'party_org',
    objectId: partyOrgId,
    detail: { month: sheet.month, rows: sheet.rows.length },
  });
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('党费收缴');
  ws.addRow([`${sheet.partyOrgName} ${sheet.month} 党费收缴表`]).font = { bold: true, size: 14 };
  ws.addRow(['序号', '姓名', '类别', '税后月工资(元)', '比例(%)', '应缴(元)', '实缴(元)', '缴纳日期']).font = { bold: true };
  sheet.rows.forEach((r, i) =>
    ws.addRow([
      i + 1,
      r.name,
      stageLabel[r.stage],
      yuan(r.payFen),
      r.ratePermille === null ? '' : r.ratePermille / 10,
      yuan(r.dueFen),
      yuan(r.paidFen),
      r.paidOn ?? '未缴',
    ]),
  );
  ws.addRow(['合计', '', '', '', '', yuan(sheet.totalDueFen), yuan(sheet.totalPaidFen), `未缴 ${sheet.unpaid} 人`]).font = { bold: true };
  ws.columns.forEach((c, i) => (c.width = i === 1 ? 14 : 16));
  return { name: `${sheet.partyOrgName}-${sheet.month}-党费收缴表.xlsx`, body: Buffer.from(await wb.xlsx.writeBuffer()) };
}
