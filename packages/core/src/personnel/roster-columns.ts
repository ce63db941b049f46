/**
 * Column headers of personnel rosters (人员花名册) as departments really write them, mapped to the
 * fields of a person record. The table drives the import (header recognition), the downloadable
 * template (first variant is the template's header) and the error report (column names).
 */
export type RosterField =
  | 'seq'
  | 'name'
  | 'formerNames'
  | 'idNumber'
  | 'sex'
  | 'birthDate'
  | 'ethnicity'
  | 'politicalStatus'
  | 'partyJoinDate'
  | 'nativePlace'
  | 'birthplace'
  | 'education'
  | 'degree'
  | 'phone'
  | 'workStartDate'
  | 'policeStartDate'
  | 'policeNumber'
  | 'unit'
  | 'post'
  | 'rank'
  | 'rankDate'
  | 'officerLevel'
  | 'levelDate'
  | 'postLevel'
  | 'techLevel'
  | 'kind'
  | 'auxCategory'
  | 'contractEnd';

export interface RosterColumn {
  readonly field: RosterField;
  /** Header variants; the first is what the template prints. */
  readonly headers: readonly string[];
  readonly headerEn: string;
  readonly required?: boolean;
  /** Cells Excel must keep as text (leading zeros, 18-digit numbers): the template formats them '@'. */
  readonly text?: boolean;
  readonly example: string;
  readonly width: number;
}

export const rosterColumns: readonly RosterColumn[] = [
  { field: 'seq', headers: ['序号', '编号'], headerEn: 'No.', example: '示例', width: 6 },
  { field: 'name', headers: ['姓名'], headerEn: 'Name', required: true, example: '张三', width: 10 },
  {
    field: 'idNumber',
    headers: ['身份证号', '公民身份号码', '身份证号码', '身份证'],
    headerEn: 'ID number',
    required: true,
    text: true,
    example: '330102198503151234',
    width: 21,
  },
  { field: 'sex', headers: ['性别'], headerEn: 'Sex', example: '男', width: 6 },
  { field: 'birthDate', headers: ['出生日期', '出生年月'], headerEn: 'Date of birth', example: '1985.03', width: 12 },
  { field: 'kind', headers: ['人员类别', '人员类型', '类别'], headerEn: 'Category', example: '民警', width: 9 },
  {
    field: 'unit',
    headers: ['单位', '所在单位', '工作单位', '单位名称', '部门', '所在部门'],
    headerEn: 'Unit',
    required: true,
    example: '上城分局/清波派出所',
    width: 24,
  },
  { field: 'post', headers: ['职务', '现任职务', '岗位'], headerEn: 'Post', example: '副所长', width: 12 },
  { field: 'policeNumber', headers: ['警号'], headerEn: 'Police number', text: true, example: '012345', width: 9 },
  { field: 'rank', headers: ['警衔', '现警衔'], headerEn: 'Rank', example: '一级警司', width: 10 },
  { field: 'rankDate', headers: ['警衔时间', '授衔时间', '晋衔时间'], headerEn: 'Rank date', example: '2015.07', width: 11 },
  { field: 'officerLevel', headers: ['职级', '警员职级', '现职级'], headerEn: 'Officer level', example: '四级高级警长', width: 13 },
  {
    field: 'levelDate',
    headers: ['职级时间', '职级任职时间', '任现职级时间', '现职级时间'],
    headerEn: 'Grade since',
    example: '2021.06',
    width: 11,
  },
  { field: 'postLevel', headers: ['职务层次', '职务级别'], headerEn: 'Post level', example: '乡科级副职', width: 11 },
  { field: 'techLevel', headers: ['警务技术职务', '技术职务', '专业技术职务'], headerEn: 'Technical level', example: '', width: 13 },
  { field: 'ethnicity', headers: ['民族'], headerEn: 'Ethnicity', example: '汉', width: 7 },
  { field: 'politicalStatus', headers: ['政治面貌'], headerEn: 'Political status', example: '中共党员', width: 10 },
  { field: 'partyJoinDate', headers: ['入党时间', '入党日期', '入党年月'], headerEn: 'Party join date', example: '2006.07', width: 11 },
  { field: 'nativePlace', headers: ['籍贯'], headerEn: 'Native place', example: '杭州市', width: 10 },
  { field: 'birthplace', headers: ['出生地'], headerEn: 'Birthplace', example: '上城区', width: 10 },
  { field: 'education', headers: ['学历', '最高学历', '文化程度'], headerEn: 'Education', example: '大学本科', width: 10 },
  { field: 'degree', headers: ['学位', '最高学位'], headerEn: 'Degree', example: '学士', width: 8 },
  {
    field: 'phone',
    headers: ['联系电话', '手机', '手机号码', '手机号', '电话', '联系方式'],
    headerEn: 'Phone',
    text: true,
    example: '13800138000',
    width: 14,
  },
  {
    field: 'workStartDate',
    headers: ['参加工作时间', '参加工作日期', '工作时间'],
    headerEn: 'Work start date',
    example: '2007.07',
    width: 12,
  },
  {
    field: 'policeStartDate',
    headers: ['入警时间', '参加公安工作时间', '入警日期', '参加公安工作日期'],
    headerEn: 'Police start date',
    example: '2007-08-01',
    width: 12,
  },
  { field: 'auxCategory', headers: ['辅警岗位类别', '岗位类别', '辅警类别'], headerEn: 'Auxiliary post category', example: '', width: 12 },
  {
    field: 'contractEnd',
    headers: ['合同到期', '合同到期时间', '合同到期日期', '合同终止日期'],
    headerEn: 'Contract end',
    example: '',
    width: 12,
  },
  { field: 'formerNames', headers: ['曾用名'], headerEn: 'Former names', example: '', width: 10 },
];

export const rosterColumnOf = new Map(rosterColumns.map((c) => [c.field, c]));

/**
 * Header text as a lookup key: full-width folded (NFKC), whitespace and line breaks removed,
 * required-field stars and notes in brackets dropped ("*出生日期（如1985.03）" → "出生日期").
 */
export function headerKey(raw: string): string {
  return raw
    .normalize('NFKC')
    .replace(/\s+/gu, '')
    .replace(/[*※]/g, '')
    .replace(/\([^)]*\)|\[[^\]]*\]|【[^】]*】|<[^>]*>/g, '')
    .replace(/[:：]$/, '')
    .toLowerCase();
}

const fieldByHeader = new Map<string, RosterField>();
for (const c of rosterColumns) for (const h of c.headers) fieldByHeader.set(headerKey(h), c.field);

export function fieldOfHeader(raw: string): RosterField | undefined {
  return fieldByHeader.get(headerKey(raw));
}

/** A1-style column letters: 1 → A, 27 → AA. */
export function columnLetter(index: number): string {
  let n = index;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export interface MappedColumn {
  /** 1-based column index in the sheet. */
  readonly index: number;
  readonly letter: string;
  /** The header as written in the file. */
  readonly header: string;
  readonly field: RosterField;
}

export interface HeaderMapping {
  readonly columns: readonly MappedColumn[];
  /** Non-empty headers that name no known field (ignored on import; shown in the preview). */
  readonly ignored: readonly { readonly letter: string; readonly header: string }[];
  readonly missingRequired: readonly RosterField[];
}

/** The header row must be within the first rows and name at least this many known columns. */
export const HEADER_SEARCH_ROWS = 10;
export const MIN_HEADER_MATCHES = 3;

/**
 * Reads a candidate header row (cell texts by 1-based column). Returns undefined unless it names
 * at least MIN_HEADER_MATCHES known columns — title rows ("某某分局民警花名册") and note rows
 * above the header never do. A field named twice keeps its first column; the second is ignored.
 */
export function mapHeaderRow(texts: readonly (string | undefined)[]): HeaderMapping | undefined {
  const columns: MappedColumn[] = [];
  const ignored: { letter: string; header: string }[] = [];
  const seen = new Set<RosterField>();
  texts.forEach((text, index) => {
    if (index === 0 || text === undefined || text.trim() === '') return;
    const field = fieldOfHeader(text);
    const letter = columnLetter(index);
    if (field === undefined || seen.has(field)) ignored.push({ letter, header: text.trim() });
    else {
      seen.add(field);
      columns.push({ index, letter, header: text.trim(), field });
    }
  });
  if (columns.filter((c) => c.field !== 'seq').length < MIN_HEADER_MATCHES) return undefined;
  const missingRequired = rosterColumns.filter((c) => c.required && !seen.has(c.field)).map((c) => c.field);
  return { columns, ignored, missingRequired };
}
