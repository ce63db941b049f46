import {
  AlignmentType,
  ImageRun,
  BorderStyle,
  Document,
  Footer,
  HeightRule,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ISectionOptions,
} from 'docx';
import type { AppointmentForm } from './appointment-form.ts';
import type { Watermark } from './watermark.ts';
import { resumeLine, yearMonth } from './form-format.ts';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/*
 * Layout of the 干部任免审批表 (中组部 2015 form, the one the 任免审批表 3.0 software prints):
 * page 1 holds the personal items, 学历学位, 现任/拟任/拟免职务 and 简历; page 2 奖惩情况,
 * 年度考核结果, 任免理由, 家庭主要成员及重要社会关系, 呈报单位 and the two approval boxes.
 * The 8-column grid (twips) is the one widely used templates of the form share: a narrow label
 * column, a sliver that lets 学历学位 sit beside 全日制教育, four item columns and the photo column.
 */
const GRID = [784, 236, 1305, 1063, 1302, 1315, 1330, 2058] as const;
const FONT = { eastAsia: '宋体', ascii: 'Times New Roman', hAnsi: 'Times New Roman' };
const SIZE = 24; // 小四 (12 pt), in half-points
const LINE = { line: 300, lineRule: LineRuleType.EXACT } as const;

type CellOpts = { span?: number; rows?: number; align?: 'center' | 'left'; vAlign?: 'top' | 'center' | 'bottom'; size?: number };

const para = (text: string, opts: { align?: 'center' | 'left' | 'right'; size?: number; indent?: number } = {}) =>
  new Paragraph({
    alignment: opts.align === 'left' ? AlignmentType.LEFT : opts.align === 'right' ? AlignmentType.RIGHT : AlignmentType.CENTER,
    spacing: LINE,
    ...(opts.indent ? { indent: { left: opts.indent, hanging: opts.indent } } : {}),
    children: [new TextRun({ text, font: FONT, size: opts.size ?? SIZE })],
  });

function cell(lines: string | readonly string[], o: CellOpts = {}): TableCell {
  const list = typeof lines === 'string' ? [lines] : lines.length > 0 ? lines : [''];
  return new TableCell({
    columnSpan: o.span ?? 1,
    rowSpan: o.rows ?? 1,
    verticalAlign:
      o.vAlign === 'top' ? VerticalAlignTable.TOP : o.vAlign === 'bottom' ? VerticalAlignTable.BOTTOM : VerticalAlignTable.CENTER,
    margins: { left: 60, right: 60, top: 30, bottom: 30 },
    children: list.map((t) => para(t, { align: o.align ?? 'center', ...(o.size ? { size: o.size } : {}) })),
  });
}

/** A label written down the narrow column, `perLine` characters a line ("奖\n惩\n情\n况"). */
function vLabel(text: string, perLine: number, o: CellOpts = {}): TableCell {
  const lines: string[] = [];
  for (let i = 0; i < text.length; i += perLine) lines.push(text.slice(i, i + perLine));
  return cell(lines, o);
}

const row = (height: number, cells: TableCell[], exact = false) =>
  new TableRow({ height: { value: height, rule: exact ? HeightRule.EXACT : HeightRule.ATLEAST }, cantSplit: true, children: cells });

const table = (rows: TableRow[]) =>
  new Table({
    rows,
    columnWidths: [...GRID],
    width: { size: GRID.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: {
      top: { style: BorderStyle.SINGLE, size: 12, color: '000000' },
      bottom: { style: BorderStyle.SINGLE, size: 12, color: '000000' },
      left: { style: BorderStyle.SINGLE, size: 12, color: '000000' },
      right: { style: BorderStyle.SINGLE, size: 12, color: '000000' },
      insideHorizontal: { style: BorderStyle.SINGLE, size: 6, color: '000000' },
      insideVertical: { style: BorderStyle.SINGLE, size: 6, color: '000000' },
    },
  });

const education = (e: AppointmentForm['fullTime']) => [e.education, e.degree].filter((x) => x !== '');
const stamp = ['', '', '（盖章）', '年    月    日'];

export interface FormPhoto {
  readonly type: 'image/jpeg' | 'image/png';
  readonly body: Buffer;
}

/** The photo cell: the picture at the form's 2-inch-photo size, or the printed placeholder. */
function photoCell(f: AppointmentForm, photo: FormPhoto | undefined): TableCell {
  if (!photo) return cell(f.hasPhoto ? '' : '照  片', { rows: 4 });
  const image = new ImageRun({
    type: photo.type === 'image/png' ? 'png' : 'jpg',
    data: photo.body,
    transformation: { width: 96, height: 128 },
  });
  return new TableCell({
    rowSpan: 4,
    verticalAlign: VerticalAlignTable.CENTER,
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [image] })],
  });
}

function pageOne(f: AppointmentForm, photo?: FormPhoto): Table {
  const birth = [yearMonth(f.birthDate), f.age === null ? '' : `（${f.age}岁）`];
  // Resume lines hang after the dates so wrapped text lines up with the first line's text.
  const resume = new TableCell({
    columnSpan: 7,
    verticalAlign: VerticalAlignTable.TOP,
    margins: { left: 100, right: 100, top: 100, bottom: 100 },
    children: (f.resume.length > 0 ? f.resume : [{ start: '', end: null, text: '' }]).map((r) =>
      para(r.start ? resumeLine(r.start, r.end, r.text) : '', { align: 'left', indent: 2160 }),
    ),
  });
  return table([
    row(
      709,
      [
        cell('姓  名', { span: 2 }),
        cell(f.name),
        cell('性  别'),
        cell(f.sex),
        cell(['出生年月', '（  岁）']),
        cell(birth),
        photoCell(f, photo),
      ],
      true,
    ),
    row(
      709,
      [cell('民  族', { span: 2 }), cell(f.ethnicity), cell('籍  贯'), cell(f.nativePlace), cell('出 生 地'), cell(f.birthplace)],
      true,
    ),
    row(
      709,
      [
        cell(['入  党', '时  间'], { span: 2 }),
        cell(yearMonth(f.partyJoinDate)),
        cell(['参加工', '作时间']),
        cell(yearMonth(f.workStartDate)),
        cell('健康状况'),
        cell(f.health),
      ],
      true,
    ),
    row(
      709,
      [
        cell(['专业技', '术职务'], { span: 2 }),
        cell(f.techTitle, { span: 2 }),
        cell(['熟悉专业', '有何专长']),
        cell(f.specialty, { span: 2 }),
      ],
      true,
    ),
    row(709, [
      cell(['学  历', '学  位'], { span: 2, rows: 2 }),
      cell(['全日制', '教  育']),
      cell(education(f.fullTime), { span: 2 }),
      cell(['毕业院校', '系及专业']),
      cell(f.fullTime.school, { span: 2, align: 'left' }),
    ]),
    row(709, [
      cell(['在  职', '教  育']),
      cell(education(f.partTime), { span: 2 }),
      cell(['毕业院校', '系及专业']),
      cell(f.partTime.school, { span: 2, align: 'left' }),
    ]),
    row(567, [cell('现 任 职 务', { span: 3 }), cell(f.currentPost, { span: 5, align: 'left' })]),
    row(567, [
      cell('现 任 职 级', { span: 3 }),
      cell(f.grade, { span: 2, align: 'left' }),
      cell('职务层次'),
      cell(f.postLevel, { span: 2 }),
    ]),
    row(567, [cell('拟 任 职 务', { span: 3 }), cell(f.proposedPost, { span: 5, align: 'left' })]),
    row(567, [cell('拟 免 职 务', { span: 3 }), cell(f.proposedRemoval, { span: 5, align: 'left' })]),
    row(6800, [vLabel('简历', 1), resume]),
  ]);
}

function pageTwo(f: AppointmentForm): Table {
  const members = [...f.family];
  const blankRows = Math.max(0, 7 - members.length);
  const familyRows = members.map((m) =>
    row(
      560,
      [
        cell(m.relation, { span: 2 }),
        cell(m.name),
        cell(m.age === null ? '' : String(m.age)),
        cell(m.political),
        cell(m.workUnit, { span: 2, align: 'left', size: 21 }),
      ],
      true,
    ),
  );
  for (let i = 0; i < blankRows; i++)
    familyRows.push(row(560, [cell('', { span: 2 }), cell(''), cell(''), cell(''), cell('', { span: 2 })], true));
  return table([
    row(2000, [vLabel('奖惩情况', 1), cell(f.rewards.length > 0 ? f.rewards : ['无'], { span: 7, align: 'left', vAlign: 'top' })]),
    row(1100, [vLabel('年度考核结果', 2), cell(f.assessment, { span: 7, align: 'left', vAlign: 'top' })]),
    row(1100, [vLabel('任免理由', 1), cell(f.reason, { span: 7, align: 'left', vAlign: 'top' })]),
    row(
      600,
      [
        vLabel('家庭主要成员及重要社会关系', 2, { rows: familyRows.length + 1 }),
        cell('称  谓', { span: 2 }),
        cell('姓  名'),
        cell('年龄'),
        cell(['政  治', '面  貌']),
        cell('工 作 单 位 及 职 务', { span: 2 }),
      ],
      true,
    ),
    ...familyRows,
    row(1600, [vLabel('呈报单位', 1), cell([f.reportingUnit, ...stamp.slice(1)], { span: 7, align: 'left', vAlign: 'top' })]),
    row(2400, [
      vLabel('审批机关意见', 2),
      cell(stamp, { span: 3, vAlign: 'top' }),
      vLabel('行政机关任免意见', 4),
      cell(stamp, { span: 3, vAlign: 'top' }),
    ]),
  ]);
}

/** The 干部任免审批表 as a Word document; the exporter and time go into every page footer (L3-CES1-35). */
export async function appointmentDocx(f: AppointmentForm, mark: Watermark, photo?: FormPhoto): Promise<Buffer> {
  const footer = new Footer({ children: [para(mark.line, { size: 16 })] });
  const page = { size: { width: 11906, height: 16838 }, margin: { top: 1304, bottom: 1134, left: 1304, right: 1191, footer: 567 } };
  const section = (children: ISectionOptions['children']): ISectionOptions => ({
    properties: { page },
    footers: { default: footer },
    children,
  });
  const doc = new Document({
    creator: mark.username,
    lastModifiedBy: mark.username,
    title: `干部任免审批表（${f.name}）`,
    description: mark.line,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
    sections: [
      section([
        new Paragraph({
          alignment: AlignmentType.CENTER,
          spacing: { after: 200 },
          children: [
            new TextRun({
              text: '干部任免审批表',
              font: { eastAsia: '方正小标宋简体', ascii: 'Times New Roman' },
              size: 44,
              bold: true,
              characterSpacing: 120,
            }),
          ],
        }),
        pageOne(f, photo),
      ]),
      section([pageTwo(f), para(`填表人：${mark.displayName}`, { align: 'right' })]),
    ],
  });
  return Packer.toBuffer(doc);
}
