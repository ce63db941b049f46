// 警衔: 中华人民共和国人民警察警衔条例 (1992, amended 2009-08-27) Art. 7 — five tiers, 13 ranks.
// English names follow the NPC translation of the regulations (Commissioner-General …
// Constable). "专业技术一级警督" etc. (Art. 7 para. 2: the 专业技术 prefix for officers in
// technical posts) is the same grade, so the prefixed form is accepted as a synonym.
//
// Codes are Zhenggong codes, NOT the GA/T 964-2011 警衔与文职级别代码 codes: that standard exists
// (4-digit hierarchical codes, first digit separating armed police from people's police), but
// its people's-police rows could not be confirmed from any source available to us. Map to
// GA/T 964 at the data-exchange boundary once the customer supplies the table.
// Our codes are sequential and equal the ordinal of DOMAIN-RULES 2.5 (01 = lowest, 二级警员;
// 13 = highest, 总警监), as a comparable public police HR code base numbers its 警衔级别 field,
// so rank comparisons can use `policeRankOrdinal`.
import type { Dict } from './types.ts';

/** [code, name, nameEn]; low → high. */
const rows: readonly (readonly [string, string, string])[] = [
  ['01', '二级警员', 'Constable, Second Class'],
  ['02', '一级警员', 'Constable, First Class'],
  ['03', '三级警司', 'Superintendent, Third Class'],
  ['04', '二级警司', 'Superintendent, Second Class'],
  ['05', '一级警司', 'Superintendent, First Class'],
  ['06', '三级警督', 'Supervisor, Third Class'],
  ['07', '二级警督', 'Supervisor, Second Class'],
  ['08', '一级警督', 'Supervisor, First Class'],
  ['09', '三级警监', 'Commissioner, Third Class'],
  ['10', '二级警监', 'Commissioner, Second Class'],
  ['11', '一级警监', 'Commissioner, First Class'],
  ['12', '副总警监', 'Deputy Commissioner-General'],
  ['13', '总警监', 'Commissioner-General'],
];

/** Ranks open to officers in technical posts (Art. 9: 初级 from 一级警员 up to 高级 一级警监). */
const hasTechnicalForm = (code: string): boolean => Number(code) >= 2 && Number(code) <= 11;

export const policeRankDict: Dict = {
  code: 'police_rank',
  name: '警衔',
  nameEn: 'Police rank',
  standard: '人民警察警衔条例 (2009) Art. 7; Zhenggong sequential codes (GA/T 964-2011 codes unconfirmed)',
  items: rows.map(([code, name, nameEn]) => ({
    code,
    name,
    nameEn,
    ...(hasTechnicalForm(code) ? { synonyms: [`专业技术${name}`] } : {}),
  })),
};

/** Ordinal of a rank, 1 = 二级警员 … 13 = 总警监 (DOMAIN-RULES 2.5); undefined for unknown codes. */
export function policeRankOrdinal(code: string): number | undefined {
  return rows.some(([c]) => c === code) ? Number(code) : undefined;
}
