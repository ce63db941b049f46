import type { Executor } from '../../../db/database.ts';
import type { ResolvedScope } from '../../../platform/access/data-scope.ts';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { personHistory, findPersonInScope } from '../person-queries.ts';
import { today } from '../person-rows.ts';
import type { PersonTable } from '../tables.ts';
import { orgPathNames } from './export-queries.ts';
import { ageOn, dictName, placeName, politicalShort, yearMonth } from './form-format.ts';

/** One 学历学位 line of the form: 全日制教育 or 在职教育. */
export interface EducationLine {
  readonly education: string;
  readonly degree: string;
  /** 毕业院校系及专业 */
  readonly school: string;
}

export interface FamilyLine {
  readonly relation: string;
  readonly name: string;
  /** ISO birth date when known (the .lrmx carries it; the form shows the age). */
  readonly birthDate: string | null;
  readonly age: number | null;
  readonly political: string;
  readonly workUnit: string;
}

export interface ResumeEntry {
  readonly start: string;
  readonly end: string | null;
  readonly text: string;
}

/** What the 干部任免审批表 prints, as display strings, built once and rendered as docx, .lrmx or HTML. */
export interface AppointmentForm {
  readonly personId: string;
  readonly name: string;
  readonly sex: string;
  readonly birthDate: string;
  readonly age: number | null;
  readonly ethnicity: string;
  readonly nativePlace: string;
  readonly birthplace: string;
  readonly partyJoinDate: string | null;
  readonly workStartDate: string | null;
  readonly health: string;
  /** 专业技术职务 */
  readonly techTitle: string;
  /** 熟悉专业有何专长 */
  readonly specialty: string;
  readonly fullTime: EducationLine;
  readonly partTime: EducationLine;
  readonly currentPost: string;
  /** 现职级 with its 职级任职时间, and 职务层次 (post level). */
  readonly grade: string;
  readonly postLevel: string;
  readonly proposedPost: string;
  readonly proposedRemoval: string;
  readonly resume: readonly ResumeEntry[];
  /** 奖惩情况, one line per award or discipline. */
  readonly rewards: readonly string[];
  readonly assessment: string;
  readonly reason: string;
  readonly family: readonly FamilyLine[];
  readonly reportingUnit: string;
  /** The date ages are computed on (计算年龄时间), ISO. */
  readonly ageAsOf: string;
  readonly hasPhoto: boolean;
}

/** Items a caller may fill in for this submission; the record has no place for them. */
export interface AppointmentExtras {
  readonly proposedPost?: string | undefined;
  readonly proposedRemoval?: string | undefined;
  readonly reason?: string | undefined;
  readonly reportingUnit?: string | undefined;
  readonly health?: string | undefined;
}

/** The form's 学历 wording: the level, not the completion status (GB/T 4658 first digit). */
const LEVEL_WORDS: Record<string, string> = { '1': '研究生', '2': '大学', '3': '大专', '4': '中专', '6': '高中', '7': '初中', '8': '小学' };
const educationWord = (code: string): string => LEVEL_WORDS[code.charAt(0)] ?? dictName('education', code);
const schoolText = (school: string | null, major: string | null): string =>
  `${school ?? ''}${major ? (major.endsWith('专业') ? major : `${major}专业`) : ''}`;

type History = Awaited<ReturnType<typeof personHistory>>;
const EMPTY_EDUCATION: EducationLine = { education: '', degree: '', school: '' };

/** Highest level (lowest GB/T 4658 code), the latest of equals. */
function educationLine(rows: History['education'], fullTime: boolean): EducationLine | undefined {
  const best = rows
    .filter((e) => e.full_time === fullTime)
    .sort((a, b) => a.level.localeCompare(b.level) || (b.end_date ?? '').localeCompare(a.end_date ?? ''))[0];
  return best && { education: educationWord(best.level), degree: best.degree ?? '', school: schoolText(best.school, best.major) };
}

/** Without resume lines of its own, a resume is derived from the dated unit-and-post history. */
function resumeOf(h: History): ResumeEntry[] {
  if (h.resume.length > 0) return h.resume.map((r) => ({ start: r.start_date, end: r.end_date, text: r.text }));
  return h.orgs.map((o) => ({ start: o.start_date, end: o.end_date, text: `${o.org_name}${o.post ?? ''}` }));
}

const disciplineText = (kind: string): string => (/处分|处理|追究/u.test(kind) ? kind : `受${kind}处分`);

function rewardsOf(h: History): string[] {
  const lines = [
    ...h.awards.map((a) => ({ date: a.date, text: `${a.name}${a.issuer ? `（${a.issuer}）` : ''}` })),
    ...h.discipline.map((d) => ({ date: d.date, text: `${disciplineText(d.kind)}${d.reason ? `（${d.reason}）` : ''}` })),
  ].sort((a, b) => a.date.localeCompare(b.date));
  return lines.map((l) => `${yearMonth(l.date)}  ${l.text}`);
}

/** 年度考核结果 of the last three years on record, oldest first: "2023年度称职；2024年度优秀；2025年度优秀". */
export function assessmentOf(h: Pick<History, 'appraisals'>): string {
  return [...h.appraisals]
    .sort((a, b) => b.year - a.year)
    .slice(0, 3)
    .reverse()
    .map((a) => `${a.year}年度${a.grade}`)
    .join('；');
}

export function buildAppointmentForm(
  row: PersonTable,
  h: History,
  orgPath: readonly string[],
  asOf: string,
  extras: AppointmentExtras,
): AppointmentForm {
  return {
    personId: row.id,
    name: row.name,
    sex: dictName('sex', row.sex),
    birthDate: row.birth_date,
    age: ageOn(row.birth_date, asOf),
    ethnicity: dictName('ethnicity', row.ethnicity),
    nativePlace: placeName(row.native_place),
    birthplace: placeName(row.birthplace),
    partyJoinDate: row.party_join_date,
    workStartDate: row.work_start_date,
    // The record keeps no health verdict (check-up findings are not one): the submitting unit states it.
    health: extras.health ?? '',
    techTitle: dictName('police_tech_level', row.tech_level),
    specialty: '',
    fullTime:
      educationLine(h.education, true) ??
      (row.education ? { education: educationWord(row.education), degree: row.degree ?? '', school: '' } : EMPTY_EDUCATION),
    partTime: educationLine(h.education, false) ?? EMPTY_EDUCATION,
    currentPost: `${orgPath.join('')}${row.post ?? ''}`,
    grade: row.officer_level
      ? `${dictName('police_officer_level', row.officer_level)}${row.level_date ? `（${yearMonth(row.level_date)}任）` : ''}`
      : '',
    postLevel: row.post_level ?? '',
    proposedPost: extras.proposedPost ?? '',
    proposedRemoval: extras.proposedRemoval ?? '',
    resume: resumeOf(h),
    rewards: rewardsOf(h),
    assessment: assessmentOf(h),
    reason: extras.reason ?? '',
    family: h.family.map((f) => ({
      relation: f.relation,
      name: f.name,
      birthDate: f.birth_date,
      age: ageOn(f.birth_date, asOf),
      political: politicalShort(f.political_status),
      workUnit: f.work_unit ?? '',
    })),
    reportingUnit: extras.reportingUnit ?? '',
    ageAsOf: asOf,
    hasPhoto: row.photo !== null,
  };
}

export interface LoadedPerson {
  readonly row: PersonTable & { org_name: string };
  readonly history: History;
  readonly form: AppointmentForm;
}

/** Loads one person inside the caller's scope (404 outside it, as for every read) with everything the forms show. */
export async function loadPersonForms(
  ctx: AppContext,
  scope: ResolvedScope,
  id: string,
  extras: AppointmentExtras = {},
): Promise<LoadedPerson> {
  const db: Executor = ctx.db;
  const row = await findPersonInScope(db, scope, id);
  if (!row) throw new AppError('PERSON_NOT_FOUND');
  const [history, orgPath] = await Promise.all([personHistory(db, id), orgPathNames(db, row.org_id)]);
  return { row, history, form: buildAppointmentForm(row, history, orgPath, today(ctx), extras) };
}
