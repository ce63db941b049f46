import { AWARD_LEVELS, type AwardStats } from '@zhenggong/core';
import ExcelJS from 'exceljs';
import { scopeWhere, type ResolvedScope } from '../../platform/access/data-scope.ts';
import { auditAlone, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { subjectsOf } from './nominations.ts';
import { anchorsOf, orgName } from './org-levels.ts';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Decided awards in scope (by decision year when given), with their recipients. */
async function decided(ctx: AppContext, scope: ResolvedScope, year?: number) {
  let q = ctx.db.selectFrom('award_case').selectAll().where('status', '=', 'decided').where(scopeWhere(scope, 'org_id'));
  if (year) q = q.where('decision_date', '>=', `${year}-01-01`).where('decision_date', '<=', `${year}-12-31`);
  const awards = await q.orderBy('decision_date', 'desc').orderBy('id').execute();
  const subjects = await subjectsOf(
    ctx.db,
    awards.map((a) => a.id),
  );
  return { awards, subjects };
}

const countBy = (keys: readonly string[]) => {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return [...m.entries()].map(([key, count]) => ({ key, count }));
};

/**
 * Statistics of decided awards by level, unit (the recipient's branch), decision year and kind;
 * each recipient counts once (a batch of 12 is 12 awards), a collective award once.
 */
export async function awardStats(ctx: AppContext, scope: ResolvedScope, year?: number): Promise<AwardStats> {
  const { awards, subjects } = await decided(ctx, scope, year);
  const all = year ? await decided(ctx, scope) : { awards, subjects };
  const levelOf = new Map(awards.map((a) => [a.id, a]));
  const branchNames = new Map<string, string>();
  for (const s of subjects) {
    if (branchNames.has(s.org_id)) continue;
    const { branch } = await anchorsOf(ctx.db, s.org_id);
    branchNames.set(s.org_id, await orgName(ctx.db, branch));
  }
  const kindOf = (id: string) => {
    const a = levelOf.get(id)!; // subjects were read for these awards
    if (a.recipient === 'collective') return '集体';
    if (a.fast_track === 1) return '快速通道';
    return a.batch === 1 ? '批量' : '个人';
  };
  const byLevel = countBy(subjects.map((s) => levelOf.get(s.award_id)!.level));
  const allLevel = new Map(all.awards.map((a) => [a.id, a]));
  return {
    year: year ?? null,
    total: subjects.length,
    byLevel: AWARD_LEVELS.map((l) => ({ key: l, count: byLevel.find((b) => b.key === l)?.count ?? 0 })),
    byUnit: countBy(subjects.map((s) => branchNames.get(s.org_id) ?? '')).sort((a, b) => b.count - a.count),
    byYear: countBy(all.subjects.map((s) => (allLevel.get(s.award_id)!.decision_date ?? '').slice(0, 4))).sort((a, b) =>
      a.key.localeCompare(b.key),
    ),
    byKind: countBy(subjects.map((s) => kindOf(s.award_id))),
    decisions: awards.map((a) => {
      const names = subjects.filter((s) => s.award_id === a.id).map((s) => s.name);
      return {
        id: a.id,
        decisionNo: a.decision_no ?? '',
        decisionDate: a.decision_date ?? '',
        level: a.level,
        title: a.title,
        recipients: names.length > 3 ? `${names.slice(0, 3).join('、')}等${names.length}人` : names.join('、'),
        issuer: a.issuer,
      };
    }),
  };
}

export const registerColumns = [
  '序号',
  '受奖对象',
  '单位',
  '奖励等级',
  '奖励名称',
  '决定文号',
  '批准机关',
  '决定日期',
  '事迹',
  '奖金（元）',
  '颁奖情况',
] as const;

/** The awards register (奖励登记册) as xlsx: one row per recipient of every decided award in scope. */
export async function awardRegister(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, year?: number) {
  const { awards, subjects } = await decided(ctx, scope, year);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Zhenggong';
  const ws = wb.addWorksheet('奖励登记');
  ws.columns = [6, 14, 22, 10, 26, 22, 18, 12, 40, 10, 24].map((width) => ({ width }));
  ws.mergeCells(1, 1, 1, registerColumns.length);
  ws.getCell(1, 1).value = `奖励登记册${year ? `（${year}年）` : ''}`;
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.getRow(2).values = [...registerColumns];
  ws.getRow(2).font = { bold: true };
  let n = 0;
  for (const a of awards)
    for (const s of subjects.filter((x) => x.award_id === a.id)) {
      n += 1;
      const delivery = a.delivered_on ? `${a.delivered_on} ${a.delivered_at_home ? '送奖到家' : '颁奖'}（${a.delivered_by ?? ''}）` : '';
      const perHead =
        a.recipient === 'individual'
          ? Math.round(a.bonus_yuan / Math.max(1, subjects.filter((x) => x.award_id === a.id).length))
          : a.bonus_yuan;
      ws.getRow(2 + n).values = [
        n,
        s.name,
        s.org_name,
        a.level,
        a.title,
        a.decision_no ?? '',
        a.issuer ?? '',
        a.decision_date ?? '',
        a.deed_summary,
        perHead,
        delivery,
      ];
    }
  const body = Buffer.from(await wb.xlsx.writeBuffer());
  await auditAlone(ctx.db, ctx.clock, actor, {
    eventType: 'awards.register.export',
    objectType: 'award_case',
    detail: { year: year ?? null, rows: n },
  });
  return body;
}
