import { AlignmentType, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx';
import type { ReportView } from '@zhenggong/core';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const FIGURE_ZH: Record<string, string> = {
  people: '在岗人员（人）',
  officers: '民警（人）',
  auxiliaries: '辅警（人）',
  trainingCoveragePct: '培训覆盖率（%）',
  examAverage: '考试均分（分）',
  awards: '本季度奖励（人次）',
  discipline: '本季度处分（人次）',
  alertsOpened: '新生成预警（条）',
  alertsClosed: '处置结案（条）',
  alertsOpen: '季末在办预警（条）',
};
const FONT = { eastAsia: '仿宋', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
const text = (t: string, bold = false) => new TextRun({ text: t, bold, font: FONT, size: 28 });
const body = (t: string) =>
  t.split('\n').map((line) => new Paragraph({ children: [text(line)], indent: { firstLine: 560 }, spacing: { line: 560 } }));

/** The branch report as an editable Word document (仿宋 三号-ish body, a figures table). */
export async function reportDocx(r: ReportView): Promise<Buffer> {
  const year = r.quarter.slice(0, 4);
  const q = r.quarter.slice(5);
  const cell = (t: string) =>
    new TableCell({ children: [new Paragraph({ children: [text(t)] })], width: { size: 50, type: WidthType.PERCENTAGE } });
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: Object.entries(r.figures).map(([k, v]) => new TableRow({ children: [cell(FIGURE_ZH[k] ?? k), cell(String(v))] })),
  });
  const heading = (t: string) =>
    new Paragraph({
      children: [new TextRun({ text: t, bold: true, font: { eastAsia: '黑体' }, size: 32 })],
      spacing: { before: 240, after: 120 },
    });
  const doc = new Document({
    sections: [
      {
        children: [
          new Paragraph({
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.CENTER,
            children: [
              new TextRun({
                text: `${r.orgName}${year}年第${q}季度队伍质态分析报告`,
                bold: true,
                font: { eastAsia: '方正小标宋简体' },
                size: 44,
              }),
            ],
          }),
          heading('一、队伍基本情况'),
          ...body(r.sections.overview),
          table,
          heading('二、预警处置情况'),
          ...body(r.sections.warnings),
          heading('三、发现的问题'),
          ...body(r.sections.problems),
          heading('四、采取的措施'),
          ...body(r.sections.measures),
          new Paragraph({ children: [text('说明：预警仅用于关心关爱和谈心谈话，不作为处分依据。')] }),
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
