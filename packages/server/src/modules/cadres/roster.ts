import { gradeName, rankName, retirementCategory, retirementDate, retirementRuleSets } from '@zhenggong/core';
import ExcelJS from 'exceljs';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { assertOrgInScope } from '../../platform/access/data-scope.ts';
import { auditAlone, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { appraisalLinesOf, today } from '../personnel/people.ts';
import { peopleInScope, unitsOf } from './subjects.ts';

export const rosterHeaders = [
  '序号',
  '姓名',
  '性别',
  '出生年月',
  '单位',
  '职务',
  '职务层次',
  '职级',
  '职级任职时间',
  '警衔',
  '警衔时间',
  '入警时间',
  '退休时间',
  '近三年考核',
] as const;

/** 干部名册: officers of the chosen unit in scope, with grade and its date, post level, rank, retirement and the last three appraisals. */
export async function rosterWorkbook(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, orgId: string | undefined): Promise<Buffer> {
  if (orgId) await assertOrgInScope(ctx.db, scope, orgId);
  const people = await peopleInScope(ctx, ctx.db, scope, { orgId, kinds: ['officer'] });
  const [units, appraisals] = await Promise.all([
    unitsOf(
      ctx.db,
      people.map((p) => p.org_id),
    ),
    appraisalLinesOf(
      ctx.db,
      people.map((p) => p.id),
    ),
  ]);
  const year = Number(today(ctx).slice(0, 4));
  const recent = new Map<string, string[]>();
  for (const a of appraisals) if (a.year >= year - 3) recent.set(a.person_id, [...(recent.get(a.person_id) ?? []), `${a.year}${a.grade}`]);
  const rules = retirementRuleSets[0]!;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Zhenggong';
  const ws = wb.addWorksheet('干部名册', {
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  ws.columns = rosterHeaders.map((h) => ({ header: h, width: h === '单位' ? 22 : h === '近三年考核' ? 26 : 11 }));
  ws.getRow(1).font = { bold: true };
  people.forEach((p, i) =>
    ws.addRow([
      i + 1,
      p.name,
      p.sex === '1' ? '男' : '女',
      p.birth_date.slice(0, 7).replace('-', '.'),
      units.names.get(p.org_id) ?? '',
      p.post ?? '',
      p.post_level ?? '',
      p.officer_level ? gradeName(p.officer_level) : '',
      p.level_date ?? '',
      p.rank ? rankName(p.rank) : '',
      p.rank_date ?? '',
      p.police_start_date ?? '',
      retirementDate(p.birth_date, retirementCategory(p.sex, p.kind, rules), rules).month,
      (recent.get(p.id) ?? []).join('、'),
    ]),
  );
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  await auditAlone(ctx.db, ctx.clock, actor, {
    eventType: 'cadres.roster.export',
    objectType: 'org',
    objectId: orgId,
    detail: { people: people.length },
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
