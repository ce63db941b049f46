import {
  gradeName,
  simulateConversion,
  type ConversionRun,
  type ConversionSubject,
  type SimulationBody,
  type SimulationItem,
  type SimulationResponse,
} from '@zhenggong/core';
import ExcelJS from 'exceljs';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { auditAlone, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { assertOrgInScope } from '../../platform/access/data-scope.ts';
import { conversionRuleSet } from './cadre-rules.ts';
import { peopleInScope, subjectsOf, unitsOf, type CadrePerson } from './subjects.ts';

export interface SimulationData {
  readonly people: CadrePerson[];
  readonly runA: ConversionRun;
  readonly runB: ConversionRun | null;
  readonly unitNames: Map<string, string>;
}

/** Runs one or two conversion rule sets over the officers of the chosen set; writes nothing. */
export async function simulate(
  ctx: AppContext,
  scope: ResolvedScope,
  body: Pick<SimulationBody, 'ruleSetId' | 'compareWith' | 'orgId' | 'date'>,
): Promise<SimulationData> {
  if (body.orgId) await assertOrgInScope(ctx.db, scope, body.orgId);
  const rulesA = await conversionRuleSet(ctx.db, body.ruleSetId);
  const rulesB = body.compareWith ? await conversionRuleSet(ctx.db, body.compareWith) : null;
  const people = await peopleInScope(ctx, ctx.db, scope, { orgId: body.orgId, kinds: ['officer'] });
  const [subjects, units] = await Promise.all([
    subjectsOf(ctx.db, people),
    unitsOf(
      ctx.db,
      people.map((p) => p.org_id),
    ),
  ]);
  const unitNames = new Map<string, string>();
  const input: ConversionSubject[] = people.map((p) => {
    const branch = units.branch.get(p.org_id) ?? { id: p.org_id, name: units.names.get(p.org_id) ?? '' };
    unitNames.set(branch.id, branch.name);
    return { ...subjects.get(p.id)!, unitId: branch.id, name: p.name };
  });
  const runA = simulateConversion(input, rulesA, body.date ?? rulesA.effectiveFrom);
  const runB = rulesB ? simulateConversion(input, rulesB, body.date ?? rulesB.effectiveFrom) : null;
  return { people, runA, runB, unitNames };
}

const tally = (run: ConversionRun) => {
  const t: Record<string, number> = { converted: 0, fallback: 0, quota: 0, deferred: 0, no_source: 0 };
  for (const r of run.results) t[r.status] = (t[r.status] ?? 0) + 1;
  return t;
};

function items(d: SimulationData): SimulationItem[] {
  return d.runA.results.map((r, i) => {
    const b = d.runB?.results[i];
    return {
      personId: r.personId,
      name: d.people[i]!.name,
      unitName: d.unitNames.get(r.unitId) ?? '',
      from: r.from,
      fromName: gradeName(r.from),
      to: r.to,
      toName: gradeName(r.to),
      status: r.status,
      reasons: [...r.reasons],
      ...(b ? { toB: b.to, toBName: gradeName(b.to), statusB: b.status } : {}),
    };
  });
}

export async function runSimulation(ctx: AppContext, scope: ResolvedScope, body: SimulationBody): Promise<SimulationResponse> {
  const d = await simulate(ctx, scope, body);
  let list = items(d);
  if (body.status === 'changed') list = list.filter((x) => x.toB !== undefined && x.toB !== x.to);
  else if (body.status) list = list.filter((x) => x.status === body.status);
  const page = body.page ?? 1;
  const pageSize = body.pageSize ?? 20;
  const summary = tally(d.runA);
  if (d.runB) summary.changed = d.runA.results.filter((r, i) => r.to !== d.runB!.results[i]!.to).length;
  return {
    ruleSetId: d.runA.ruleSetId,
    compareWith: d.runB?.ruleSetId ?? null,
    date: d.runA.date,
    people: d.people.length,
    summary,
    summaryB: d.runB ? tally(d.runB) : null,
    usage: d.runA.usage.map((u) => ({ ...u, unitName: d.unitNames.get(u.unitId) ?? '' })),
    items: list.slice((page - 1) * pageSize, page * pageSize),
    total: list.length,
  };
}

const statusWords: Record<string, string> = {
  converted: '套改',
  fallback: '按兜底套改',
  quota: '职数受限',
  deferred: '处分期内',
  no_source: '不参加',
};

/** The what-if as a workbook: every person with the rule applied and the reasons, then quota usage per unit. */
export async function simulationWorkbook(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, body: SimulationBody): Promise<Buffer> {
  const d = await simulate(ctx, scope, body);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Zhenggong';
  const ws = wb.addWorksheet('测算结果');
  const compare = d.runB !== null;
  ws.columns = [
    { header: '序号', width: 6 },
    { header: '姓名', width: 10 },
    { header: '单位', width: 18 },
    { header: '原职务', width: 14 },
    { header: `套改结果（${d.runA.ruleSetId}）`, width: 16 },
    { header: '状态', width: 10 },
    ...(compare
      ? [
          { header: `对比（${d.runB!.ruleSetId}）`, width: 16 },
          { header: '对比状态', width: 10 },
        ]
      : []),
    { header: '依据与原因', width: 90 },
  ];
  ws.getRow(1).font = { bold: true };
  items(d).forEach((x, i) => {
    ws.addRow([
      i + 1,
      x.name,
      x.unitName,
      x.fromName,
      x.toName,
      statusWords[x.status] ?? x.status,
      ...(compare ? [x.toBName ?? '', statusWords[x.statusB ?? ''] ?? ''] : []),
      x.reasons.map((r) => r.zh).join('；'),
    ]);
  });
  const usage = wb.addWorksheet('职数使用');
  usage.columns = [
    { header: '单位', width: 18 },
    { header: '职数规则', width: 20 },
    { header: '已用', width: 8 },
    { header: '限额', width: 8 },
  ];
  usage.getRow(1).font = { bold: true };
  for (const u of d.runA.usage) usage.addRow([d.unitNames.get(u.unitId) ?? '', u.name, u.used, u.limit]);
  await auditAlone(ctx.db, ctx.clock, actor, {
    eventType: 'cadres.simulation.export',
    objectType: 'cadre_rule_set',
    objectId: d.runA.ruleSetId,
    detail: { compareWith: d.runB?.ruleSetId ?? null, orgId: body.orgId ?? null, people: d.people.length },
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}
