import type { Explanation } from '@zhenggong/core';
import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import ExcelJS from 'exceljs';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { auditAlone, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { roundDetail } from './round-service.ts';
import { loadRound, resultsOf } from './round-queries.ts';
import { schemeBodyOf } from './scheme-service.ts';

/** The period report of a round (考核结果汇总): ranking with each top-level indicator, as xlsx or docx; audited. */

const STATUS = { open: '评分中', review: '审核公示中', published: '已公布', final: '已确定' } as const;

async function reportData(ctx: AppContext, scope: ResolvedScope, id: string) {
  const detail = await roundDetail(ctx, scope, id);
  const l = await loadRound(ctx.db, scope, id);
  const roots = schemeBodyOf(l.scheme).indicators.filter((i) => i.parent === undefined);
  const explanations = new Map(
    (await resultsOf(ctx.db, id)).map((r) => [r.id, r.explanation ? (JSON.parse(r.explanation) as Explanation) : null]),
  );
  const header = ['名次', '姓名', ...roots.map((r) => `${r.name}（${r.maxPoints}）`), '加分', '扣分', '总分', '等次'];
  const rows = detail.results.map((r) => [
    r.rank,
    r.name,
    ...roots.map((root) => explanations.get(r.id)?.lines.find((x) => x.key === root.key)?.points ?? 0),
    r.bonus,
    r.deduction,
    r.total,
    r.grade ?? r.suggestedGrade ?? '',
  ]);
  const title = `${detail.round.orgName}${detail.round.period}${l.scheme.name}考核结果`;
  return { detail, header, rows, title };
}

export async function roundReport(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string, format: 'xlsx' | 'docx') {
  const { detail, header, rows, title } = await reportData(ctx, scope, id);
  await auditAlone(ctx.db, ctx.clock, actor, {
    eventType: 'assessment.report.export',
    objectType: 'asm_round',
    objectId: id,
    detail: { format, rows: rows.length },
  });
  const meta = `考核期间 ${detail.round.startDate} 至 ${detail.round.endDate}；状态：${STATUS[detail.round.status]}；计算截至 ${detail.round.asOf ?? ''}；平均分 ${detail.round.meanTotal ?? ''}`;
  if (format === 'xlsx') {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('考核结果');
    ws.addRow([title]);
    ws.addRow([meta]);
    ws.addRow(header).font = { bold: true };
    for (const r of rows) ws.addRow(r);
    ws.columns.forEach((c, i) => (c.width = i === 1 ? 12 : 10));
    return { title, body: Buffer.from(await wb.xlsx.writeBuffer()) };
  }
  const cell = (v: string | number, bold = false) =>
    new TableCell({
      children: [
        new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: String(v), bold, font: '仿宋', size: 21 })] }),
      ],
    });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.HEADING_1,
            alignment: AlignmentType.CENTER,
            children: [new TextRun({ text: title, font: '方正小标宋简体' })],
          }),
          new Paragraph({ children: [new TextRun({ text: meta, font: '仿宋', size: 21 })] }),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            rows: [
              new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }),
              ...rows.map((r) => new TableRow({ children: r.map((v) => cell(v)) })),
            ],
          }),
        ],
      },
    ],
  });
  return { title, body: await Packer.toBuffer(doc) };
}
