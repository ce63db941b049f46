import { getDict, type DictItem } from '@zhenggong/core';

/**
 * Formatting shared by the printed and exchanged forms (任免审批表 docx/lrmx, print page, xlsx):
 * codes become the names the standards print, dates become the "1985.03" the form uses.
 */

const itemMaps = new Map<string, Map<string, DictItem>>();

/** The item of dictionary `dict` with this exact code (stored values are codes). */
export function dictItem(dict: string, code: string | null | undefined): DictItem | undefined {
  if (!code) return undefined;
  let map = itemMaps.get(dict);
  if (!map) {
    map = new Map((getDict(dict)?.items ?? []).map((i) => [i.code, i]));
    itemMaps.set(dict, map);
  }
  return map.get(code);
}

/** Name of a code, or the stored text itself when it is not a code of the table (free-text legacy values). */
export const dictName = (dict: string, code: string | null | undefined): string => (code ? (dictItem(dict, code)?.name ?? code) : '');

/** 政治面貌 as forms write it: the customary short form (中共党员) where the standard name is long. */
export function politicalShort(code: string | null | undefined): string {
  const item = dictItem('political_status', code);
  if (!item) return code ?? '';
  return item.name.length > 4 ? (item.synonyms?.[0] ?? item.name) : item.name;
}

/** "1985-03-15" → "1985.03", the year-month form of the 任免审批表; '' for no date. */
export const yearMonth = (date: string | null | undefined): string =>
  date && /^\d{4}-\d{2}/.test(date) ? `${date.slice(0, 4)}.${date.slice(5, 7)}` : '';

/** "1985-03-15" → "198503", the 6-digit form the .lrmx file carries. */
export const compactYearMonth = (date: string | null | undefined): string =>
  date && /^\d{4}-\d{2}/.test(date) ? `${date.slice(0, 4)}${date.slice(5, 7)}` : '';

/** Whole years from `from` to `to` (ISO dates). */
export function ageOn(from: string | null | undefined, to: string): number | null {
  if (!from || !/^\d{4}-\d{2}-\d{2}$/.test(from)) return null;
  // Both are YYYY-MM-DD (checked above; `to` is the clock's date), so each split has three parts.
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

const PROVINCE_SUFFIX = /(省|市|特别行政区|壮族自治区|回族自治区|维吾尔自治区|自治区)$/u;
const PLACE_SUFFIX = /(市|地区|盟|县|区|旗|自治州|自治县|自治旗|林区|特区)$/u;
const MUNICIPALITIES = new Set(['110000', '120000', '310000', '500000']);

/** Drops the ethnic-autonomy part of a name: 恩施土家族苗族自治州 → 恩施. */
function withoutAutonomy(name: string): string {
  if (!/自治(州|县|旗)$/u.test(name)) return name.replace(PLACE_SUFFIX, '');
  const ethnic = getDict('ethnicity')?.items ?? [];
  let cut = name.length;
  for (const e of ethnic) {
    const at = name.indexOf(e.name.replace(/族$/u, ''));
    if (at > 0 && at < cut) cut = at;
  }
  return name.slice(0, cut);
}

/**
 * 籍贯/出生地 as the 任免审批表 writes them (中组部 填写说明: province and city or county,
 * without 省/市/县 — "河北邯郸", "山西临猗"; municipalities by their own name — "上海").
 * Input is a GB/T 2260 code; unknown codes are returned as given.
 */
export function placeName(code: string | null | undefined): string {
  const item = dictItem('admin_division', code);
  if (!item) return code ?? '';
  const chain: DictItem[] = [item];
  for (let p = item.parentCode; p; p = dictItem('admin_division', p)?.parentCode) {
    const parent = dictItem('admin_division', p);
    if (!parent) break;
    chain.unshift(parent);
  }
  // The chain starts with the item itself, so it has at least one element (the province).
  const [province, city, county] = chain as [DictItem, DictItem | undefined, DictItem | undefined];
  const prov = province.name.replace(PROVINCE_SUFFIX, '');
  if (MUNICIPALITIES.has(province.code) || !city) return prov;
  // A county or county-level city names the place more exactly than its prefecture; a city district does not.
  const local = county && !/区$/u.test(county.name) ? county : city;
  return `${prov}${withoutAutonomy(local.name)}`;
}

/** One resume line of the form: "1985.09—1989.07  XX大学XX专业学生"; an open period leaves the end blank. */
export function resumeLine(start: string, end: string | null, text: string, dash = '—'): string {
  const to = end ? yearMonth(end) : ' '.repeat(7);
  return `${yearMonth(start)}${dash}${to}  ${text}`;
}

/** Removes characters XML 1.0 cannot carry (C0 controls other than tab/newline/CR, lone surrogates, U+FFFE/F). */
export const xmlSafe = (s: string): string => s.replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '');
