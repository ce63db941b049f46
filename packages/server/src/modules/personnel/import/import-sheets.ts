import type { Writable } from 'node:stream';
import { makeIdNumber, type Locale } from '@zhenggong/core';
import { educationReadings } from '@zhenggong/core/dict/education';
import { rosterColumns } from '@zhenggong/core/personnel/roster-columns';
import ExcelJS from 'exceljs';
import type { Executor } from '../../../db/database.ts';
import type { ResolvedScope } from '../../../platform/access/data-scope.ts';
import type { ImportJob } from './import-jobs.ts';
import { allOrgs, orgIdsInScope } from './import-queries.ts';
import { noteMessage, problemMessage } from './import-presenter.ts';

// Moved to the platform; re-exported for the personnel routes that import them from here.
export { attachment, XLSX_MIME } from '../../../platform/files/attachment.ts';

const bold = { bold: true } as const;

/**
 * The import template: a title row and a note row above the header (the importer finds the
 * header below them), one example row marked 示例 (skipped on import), ID number, police number
 * and phone columns formatted as text so Excel cannot turn them into numbers, and a sheet listing
 * the units the user may import into, written the way the importer reads them.
 */
export async function templateXlsx(db: Executor, scope: ResolvedScope): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Zhenggong 智慧政工';
  const ws = wb.addWorksheet('人员名册', { views: [{ state: 'frozen', ySplit: 3 }] });
  ws.columns = rosterColumns.map((c) => ({ width: c.width, style: c.text ? { numFmt: '@' } : {} }));
  ws.mergeCells(1, 1, 1, rosterColumns.length);
  ws.getCell(1, 1).value = '人员信息导入表';
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.mergeCells(2, 1, 2, rosterColumns.length);
  ws.getCell(2, 1).value =
    '带 * 的列必填。身份证号、警号、联系电话请保持文本格式。日期可写 1985-03-15、1985.03、1985年3月 或 198503。单位填写“单位列表”中的名称；重名的单位写上级/本级或机构代码。示例行导入时自动跳过。';
  ws.getCell(2, 1).alignment = { wrapText: true };
  ws.getRow(2).height = 36;
  const header = ws.getRow(3);
  rosterColumns.forEach((c, i) => {
    header.getCell(i + 1).value = `${c.required ? '*' : ''}${c.headers[0]}`;
  });
  header.font = bold;
  const example = ws.getRow(4);
  rosterColumns.forEach((c, i) => {
    // A valid synthetic number, so the example shows the shape without being anyone's.
    example.getCell(i + 1).value = c.field === 'idNumber' ? makeIdNumber('330102', '1985-03-15', 123) : c.example;
  });
  example.font = { color: { argb: 'FF888888' } };

  const units = wb.addWorksheet('单位列表', { views: [{ state: 'frozen', ySplit: 1 }] });
  units.columns = [
    { header: '单位（填写方式）', width: 34 },
    { header: '全称', width: 40 },
    { header: '机构代码', width: 16 },
  ];
  units.getRow(1).font = bold;
  for (const u of await unitsForTemplate(db, scope)) units.addRow([u.write, u.name, u.code ?? '']);

  const help = wb.addWorksheet('填写说明');
  help.columns = [
    { header: '列名', width: 16 },
    { header: '也可写作', width: 40 },
    { header: '必填', width: 6 },
  ];
  help.getRow(1).font = bold;
  for (const c of rosterColumns) help.addRow([c.headers[0], c.headers.slice(1).join('、'), c.required ? '是' : '']);
  help.addRow([]);
  help.addRow(['人员类别', '民警 或 辅警（也可在导入时指定默认类别）']);
  help.addRow([]);
  help.addRow(['学历常见写法', '按 GB/T 4658 读作（“研究生”按硕士读，博士请写“博士”）']).font = bold;
  for (const r of educationReadings) help.addRow([r.word, `${r.name}（${r.code}）`]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Active units in scope, each with the shortest name the importer resolves to exactly that unit. */
async function unitsForTemplate(db: Executor, scope: ResolvedScope) {
  const [orgs, inScope] = await Promise.all([allOrgs(db), orgIdsInScope(db, scope)]);
  const visible = orgs.filter((o) => o.status === 'active' && (inScope === 'all' || inScope.has(o.id)));
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const label = (o: { name: string; short_name: string | null }) => o.short_name ?? o.name;
  const uses = new Map<string, number>();
  for (const o of visible) for (const k of new Set([o.name, label(o)])) uses.set(k, (uses.get(k) ?? 0) + 1);
  return visible.map((o) => {
    const parent = o.parent_id ? byId.get(o.parent_id) : undefined;
    const own = label(o);
    const write = (uses.get(own) ?? 0) > 1 && parent ? `${label(parent)}/${own}` : own;
    return { write, name: o.name, code: o.code };
  });
}

/** The error report: every kept problem with sheet row, column letter and header, value and message. */
export async function writeReportXlsx(out: Writable, job: ImportJob, locale: Locale): Promise<void> {
  const zh = locale === 'zh-CN';
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  wb.creator = 'Zhenggong 智慧政工';
  const ws = wb.addWorksheet(zh ? '问题清单' : 'Problems', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = (
    zh
      ? [
          ['行号', 8],
          ['列', 6],
          ['列名', 14],
          ['单元格内容', 24],
          ['问题', 60],
          ['问题代码', 26],
        ]
      : [
          ['Row', 8],
          ['Column', 8],
          ['Header', 14],
          ['Value', 24],
          ['Problem', 60],
          ['Code', 26],
        ]
  ).map(([header, width]) => ({ header: String(header), width: Number(width) }));
  ws.getRow(1).font = bold;
  ws.getRow(1).commit();
  for (const p of job.problems) {
    // Text cells throughout, so the report cannot repeat the ID-number-as-number damage.
    ws.addRow([p.row, p.column, p.header, p.value, problemMessage(p, locale), p.code]).commit();
  }
  ws.commit();
  const notes = job.notes ?? [];
  if (notes.length > 0) {
    const ns = wb.addWorksheet(zh ? '导入备注' : 'Notes', { views: [{ state: 'frozen', ySplit: 1 }] });
    ns.columns = (zh ? ['行号', '列', '列名', '单元格内容', '备注', '备注代码'] : ['Row', 'Column', 'Header', 'Value', 'Note', 'Code']).map(
      (header, i) => ({ header, width: [8, 8, 14, 24, 60, 26][i] }),
    );
    ns.getRow(1).font = bold;
    ns.getRow(1).commit();
    for (const n of notes) ns.addRow([n.row, n.column, n.header, n.value, noteMessage(n, locale), n.code]).commit();
    ns.commit();
  }
  const about = wb.addWorksheet(zh ? '说明' : 'About');
  about.columns = [{ width: 18 }, { width: 60 }];
  const lines: [string, string | number][] = zh
    ? [
        ['文件', job.fileName],
        ['数据行数', job.totalRows],
        ['无问题的行', job.validRows],
        ['问题总数', job.problemCount],
        ['本表列出', job.problems.length],
      ]
    : [
        ['File', job.fileName],
        ['Data rows', job.totalRows],
        ['Rows without problems', job.validRows],
        ['Problems', job.problemCount],
        ['Listed here', job.problems.length],
      ];
  for (const l of lines) about.addRow(l).commit();
  about.commit();
  await wb.commit();
}
