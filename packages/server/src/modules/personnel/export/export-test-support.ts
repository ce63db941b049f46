import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { AppContext } from '../../../platform/context.ts';
import { newId } from '../../../platform/ids.ts';

/** Text of a .docx part with paragraphs as lines ("张伟", "1985.03" …), for assertions. */
export async function docxText(bytes: Buffer, part = 'word/document.xml'): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file(part)?.async('string');
  if (xml === undefined) throw new Error(`${part} missing from the docx`);
  return xml
    .replace(/<\/w:p>/g, '\n')
    .replace(/<w:tab\/>/g, '\t')
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

export async function docxParts(bytes: Buffer): Promise<string[]> {
  return Object.keys((await JSZip.loadAsync(bytes)).files);
}

/** A (small, trusted) xlsx produced by the export, read back with ExcelJS. */
export async function readXlsx(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // ExcelJS's load() typing predates Node's generic Buffer.
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
}

export function sheetRows(sheet: ExcelJS.Worksheet): unknown[][] {
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

/**
 * History rows written straight into the module's tables: the write APIs for resume, family,
 * awards and education are another feature's, and these tests only need rows to exist.
 */
export async function addHistory(ctx: AppContext, personId: string) {
  const base = { person_id: personId, city_code: ctx.config.cityCode, created_at: ctx.clock.now().toISOString() };
  await ctx.db
    .insertInto('person_resume')
    .values([
      { ...base, id: newId(), start_date: '2003-09-01', end_date: '2007-07-01', text: '中国人民公安大学侦查学专业学生' },
      { ...base, id: newId(), start_date: '2007-07-01', end_date: '2015-03-01', text: '示例市公安局上城分局清波派出所民警' },
      { ...base, id: newId(), start_date: '2015-03-01', end_date: null, text: '示例市公安局上城分局清波派出所副所长<script>x</script>' },
    ])
    .execute();
  await ctx.db
    .insertInto('person_family')
    .values([
      {
        ...base,
        id: newId(),
        relation: '妻子',
        name: '李芳',
        birth_date: '1987-05-20',
        political_status: '01',
        work_unit: '示例市第一医院护士',
      },
      { ...base, id: newId(), relation: '父亲', name: '张建国', birth_date: '1958-11-02', political_status: '13', work_unit: '已退休' },
    ])
    .execute();
  await ctx.db
    .insertInto('person_award')
    .values({ ...base, id: newId(), date: '2019-12-20', name: '记个人三等功', level: '3', issuer: '示例市公安局' })
    .execute();
  await ctx.db
    .insertInto('person_discipline')
    .values({ ...base, id: newId(), date: '2012-04-01', kind: '警告', reason: '执勤迟到', end_date: '2012-10-01' })
    .execute();
  await ctx.db
    .insertInto('person_education')
    .values([
      {
        ...base,
        id: newId(),
        level: '21',
        degree: '法学学士',
        school: '中国人民公安大学',
        major: '侦查学',
        full_time: 1,
        start_date: '2003-09-01',
        end_date: '2007-07-01',
      },
      {
        ...base,
        id: newId(),
        level: '14',
        degree: '法律硕士',
        school: '浙江大学',
        major: '法律',
        full_time: 0,
        start_date: '2012-09-01',
        end_date: '2015-06-30',
      },
    ])
    .execute();
}
