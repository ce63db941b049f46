import {
  ageOn,
  checkRequirements,
  describeRequirementProblem,
  applicationCodeProblem,
  maskIdNumber,
  maskMobile,
  parseIdNumber,
  type ApplicationBody,
  type Locale,
  type PostRequirements,
} from '@zhenggong/core';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { RecruitApplicationTable } from './tables.ts';
import { today as beijingToday } from '../../platform/clock.ts';

/** Beijing's date (see platform/clock.ts). */
export const today = (ctx: AppContext): string => beijingToday(ctx.clock);

/** The applicant-supplied columns of an application row, checked and with sensitive values encrypted. */
export type ApplicationFacts = Pick<
  RecruitApplicationTable,
  | 'name'
  | 'id_number_enc'
  | 'id_number_bidx'
  | 'id_number_masked'
  | 'sex'
  | 'birth_date'
  | 'phone_enc'
  | 'phone_masked'
  | 'education'
  | 'political_status'
  | 'household_region'
  | 'address'
  | 'school'
  | 'major'
  | 'resume'
>;

/**
 * Checks the form: the ID number (GB 11643) gives sex and birth date; codes must exist in their
 * tables; then the post's requirements, answered as sentences in the caller's language.
 */
export function toApplicationFacts(
  ctx: AppContext,
  body: ApplicationBody,
  requirements: PostRequirements,
  locale: Locale,
  /** The announcement's registration deadline: age counts on it unless the post names its own date. */
  applyUntil: string,
): ApplicationFacts {
  const parsed = parseIdNumber(body.idNumber, ctx.clock.now());
  if (!parsed.ok) throw new AppError('RECRUIT_ID_INVALID', { problem: parsed.problem });
  const field = applicationCodeProblem(body);
  if (field) throw new AppError('RECRUIT_FIELD_INVALID', { field });
  const info = parsed.info;
  const sex = info.sex === 'male' ? '1' : '2';
  const problems = checkRequirements(
    {
      birthDate: info.birthDate,
      sex,
      education: body.education,
      politicalStatus: body.politicalStatus,
      householdRegion: body.householdRegion,
    },
    requirements,
    // One reference date for the whole window, so eligibility never changes while it is open.
    applyUntil,
  );
  if (problems.length > 0) {
    const reasons = problems.map((p) => describeRequirementProblem(p, locale));
    throw new AppError('RECRUIT_REQUIREMENT_NOT_MET', { summary: reasons.join(locale === 'zh-CN' ? '；' : '; '), reasons, problems });
  }
  const { fieldCrypto } = ctx;
  return {
    name: body.name.trim(),
    id_number_enc: fieldCrypto.encrypt(info.value),
    id_number_bidx: fieldCrypto.blindIndex('id_number', info.value),
    id_number_masked: maskIdNumber(info.value),
    sex,
    birth_date: info.birthDate,
    phone_enc: fieldCrypto.encrypt(body.phone),
    phone_masked: maskMobile(body.phone),
    education: body.education,
    political_status: body.politicalStatus,
    household_region: body.householdRegion,
    address: body.address.trim(),
    school: body.school ?? null,
    major: body.major ?? null,
    resume: body.resume ?? null,
  };
}

/** The form as the applicant filled it (to merge a PATCH). */
export function factsToBody(ctx: AppContext, row: RecruitApplicationTable): ApplicationBody {
  return {
    postId: row.post_id,
    name: row.name,
    idNumber: ctx.fieldCrypto.decrypt(row.id_number_enc),
    phone: ctx.fieldCrypto.decrypt(row.phone_enc),
    education: row.education,
    politicalStatus: row.political_status,
    householdRegion: row.household_region,
    address: row.address,
    ...(row.school !== null ? { school: row.school } : {}),
    ...(row.major !== null ? { major: row.major } : {}),
    ...(row.resume !== null ? { resume: row.resume } : {}),
  };
}

export interface FileView {
  id: string;
  category: string;
  name: string;
  size: number;
  type: string;
  uploadedAt: string;
}

/** What both sides see of an application; `reveal` adds the full ID number and phone (the applicant's own view). */
export function presentApplication(
  ctx: AppContext,
  row: RecruitApplicationTable,
  names: { announcementTitle: string; postName: string },
  files: FileView[],
  reveal: boolean,
) {
  return {
    id: row.id,
    announcementId: row.announcement_id,
    announcementTitle: names.announcementTitle,
    postId: row.post_id,
    postName: names.postName,
    status: row.status,
    name: row.name,
    idNumberMasked: row.id_number_masked,
    ...(reveal
      ? { idNumber: ctx.fieldCrypto.decrypt(row.id_number_enc), phone: ctx.fieldCrypto.decrypt(row.phone_enc) }
      : { phoneMasked: row.phone_masked }),
    sex: row.sex,
    birthDate: row.birth_date,
    age: ageOn(row.birth_date, today(ctx)),
    education: row.education,
    politicalStatus: row.political_status,
    householdRegion: row.household_region,
    address: row.address,
    school: row.school,
    major: row.major,
    resume: row.resume,
    rejectReason: row.status === 'dropped' ? row.drop_reason : row.reject_reason,
    submittedAt: row.submitted_at,
    reviewedAt: row.reviewed_at,
    updatedAt: row.updated_at,
    ticketNumber: row.ticket_number,
    hasPhoto: row.photo !== null,
    files,
  };
}
