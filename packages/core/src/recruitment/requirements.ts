import { findDivision } from '../dict/admin-division.ts';
import { educationDict } from '../dict/education.ts';
import { politicalStatusDict } from '../dict/political-status.ts';
import type { Locale } from '../platform/error-codes.ts';
import type { PostRequirements } from './schemas.ts';

/** What the requirement check needs to know of an applicant (derived from the form and the ID number). */
export interface ApplicantFacts {
  /** YYYY-MM-DD, from the ID number. */
  readonly birthDate: string;
  /** '1' male, '2' female (GB/T 2261.1), from the ID number. */
  readonly sex: '1' | '2';
  readonly education: string;
  readonly politicalStatus: string;
  readonly householdRegion: string;
}

export type RequirementProblem =
  | { code: 'age_below'; params: { age: number; min: number; date: string } }
  | { code: 'age_above'; params: { age: number; max: number; date: string } }
  | { code: 'sex'; params: { required: '1' | '2' } }
  | { code: 'education'; params: { required: string } }
  | { code: 'political_status'; params: { accepted: string[] } }
  | { code: 'household_region'; params: { accepted: string[] } };

/** Full years of age on `date` (a birthday counts on the day itself; 29 Feb birthdays count on 1 Mar). */
export function ageOn(birthDate: string, date: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age--;
  return age;
}

/**
 * GB/T 4658 level of a code, lower is higher schooling: 1 postgraduate, 2 undergraduate, 3 junior
 * college, 4 secondary vocational, 6 senior high, 7 junior high, 8 primary, 9 other. Only a
 * graduation (毕业) counts for its level; 结业/肄业 count as the level below.
 */
export function educationLevel(code: string): number {
  const level = Number(code[0]);
  const status = Number(code[1]);
  if (code === '10' || code === '20' || code === '30' || code === '40' || code === '60' || code === '70' || code === '80') return level;
  // GB/T 4658 gives three graduating programmes at levels 1 (博士 11, 硕士 14, 研究生班 17) and 4
  // (中专 41, 职高 44, 技校 47): all are graduates of their level, so 职高/技校 meet "中专及以上".
  const graduated = level === 1 || level === 4 ? [1, 4, 7].includes(status) : status === 1 || (level === 2 && status === 8);
  return graduated ? level : level + 1;
}

/** Checks an applicant against a post's requirements; an empty list means every condition is met. */
export function checkRequirements(facts: ApplicantFacts, req: PostRequirements, today: string): RequirementProblem[] {
  const problems: RequirementProblem[] = [];
  const date = req.ageReferenceDate ?? today;
  const age = ageOn(facts.birthDate, date);
  if (req.ageMin !== null && age < req.ageMin) problems.push({ code: 'age_below', params: { age, min: req.ageMin, date } });
  if (req.ageMax !== null && age > req.ageMax) problems.push({ code: 'age_above', params: { age, max: req.ageMax, date } });
  if (req.sex !== null && facts.sex !== req.sex) problems.push({ code: 'sex', params: { required: req.sex } });
  if (req.educationMin !== null && educationLevel(facts.education) > educationLevel(req.educationMin)) {
    problems.push({ code: 'education', params: { required: req.educationMin } });
  }
  if (req.politicalStatus !== null && !req.politicalStatus.includes(facts.politicalStatus)) {
    problems.push({ code: 'political_status', params: { accepted: req.politicalStatus } });
  }
  if (req.householdRegions !== null && !req.householdRegions.some((p) => facts.householdRegion.startsWith(p))) {
    problems.push({ code: 'household_region', params: { accepted: req.householdRegions } });
  }
  return problems;
}

/** Problems in the requirements themselves (staff side), as field names. */
export function requirementsProblems(req: PostRequirements): string[] {
  const out: string[] = [];
  if (req.ageMin !== null && req.ageMax !== null && req.ageMin > req.ageMax) out.push('ageMin>ageMax');
  if (req.educationMin !== null && !educationDict.items.some((i) => i.code === req.educationMin)) out.push('educationMin');
  if (req.politicalStatus?.some((c) => !politicalStatusDict.items.some((i) => i.code === c))) out.push('politicalStatus');
  return out;
}

const dictName = (items: readonly { code: string; name: string; nameEn?: string }[], code: string, locale: Locale) => {
  const item = items.find((i) => i.code === code);
  return item ? (locale === 'zh-CN' ? item.name : (item.nameEn ?? item.name)) : code;
};
const regionName = (prefix: string, locale: Locale): string => {
  const d = findDivision(prefix);
  return d ? (locale === 'zh-CN' ? d.name : (d.nameEn ?? d.name)) : prefix;
};
const sexName = (s: '1' | '2', locale: Locale) => (locale === 'zh-CN' ? (s === '1' ? '男性' : '女性') : s === '1' ? 'men' : 'women');

/** A sentence an applicant understands, in zh-CN or en-US. */
export function describeRequirementProblem(p: RequirementProblem, locale: Locale): string {
  const zh = locale === 'zh-CN';
  const sep = zh ? '、' : ', ';
  switch (p.code) {
    case 'age_below':
      return zh
        ? `年龄不符：截至 ${p.params.date} 您 ${p.params.age} 周岁，岗位要求不低于 ${p.params.min} 周岁`
        : `Age: on ${p.params.date} you are ${p.params.age}; the post requires at least ${p.params.min}`;
    case 'age_above':
      return zh
        ? `年龄不符：截至 ${p.params.date} 您 ${p.params.age} 周岁，岗位要求不超过 ${p.params.max} 周岁`
        : `Age: on ${p.params.date} you are ${p.params.age}; the post allows at most ${p.params.max}`;
    case 'sex':
      return zh
        ? `性别不符：岗位限${sexName(p.params.required, locale)}报考`
        : `Sex: the post is open to ${sexName(p.params.required, locale)} only`;
    case 'education': {
      const name = dictName(educationDict.items, p.params.required, locale);
      return zh ? `学历不符：岗位要求${name}及以上学历` : `Education: the post requires ${name} or higher`;
    }
    case 'political_status': {
      const names = p.params.accepted.map((c) => dictName(politicalStatusDict.items, c, locale)).join(sep);
      return zh ? `政治面貌不符：岗位要求为${names}` : `Political status: the post requires ${names}`;
    }
    case 'household_region': {
      const names = p.params.accepted.map((c) => regionName(c, locale)).join(sep);
      return zh ? `户籍不符：岗位要求户籍在${names}` : `Household registration: the post requires registration in ${names}`;
    }
  }
}

/** The first form field whose code is not in its table (GB/T 4658, GB/T 4762, GB/T 2260), if any. */
export function applicationCodeProblem(f: { education: string; politicalStatus: string; householdRegion: string }): string | undefined {
  if (!educationDict.items.some((i) => i.code === f.education)) return 'education';
  if (!politicalStatusDict.items.some((i) => i.code === f.politicalStatus)) return 'politicalStatus';
  if (!/^\d{6}$/.test(f.householdRegion) || !findDivision(f.householdRegion)) return 'householdRegion';
  return undefined;
}
