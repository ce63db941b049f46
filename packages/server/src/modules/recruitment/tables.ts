/** Table types of this module; see migration 20261129T100000-recruitment. */
export interface RecruitAnnouncementTable {
  id: string;
  org_id: string;
  title: string;
  body: string;
  summary: string;
  apply_from: string;
  apply_until: string;
  exam_at: string | null;
  exam_place: string | null;
  status: 'draft' | 'published';
  published_at: string | null;
  /** JSON of core `Weights`. */
  weights: string;
  scores_published_at: string | null;
  publicity_from: string | null;
  publicity_until: string | null;
  /** Last day a drop-out may be replaced from the ranking (递补); null: no deadline. */
  replacement_until: string | null;
  city_code: string;
  created_at: string;
  updated_at: string;
}

export interface RecruitPostTable {
  id: string;
  announcement_id: string;
  code: string;
  name: string;
  org_id: string;
  headcount: number;
  /** JSON of core `PostRequirements`. */
  requirements: string;
  city_code: string;
  created_at: string;
  updated_at: string;
}

export interface RecruitApplicantTable {
  id: string;
  phone_bidx: string;
  phone_enc: string;
  phone_masked: string;
  password_hash: string;
  city_code: string;
  created_at: string;
  last_login_at: string | null;
}

export interface RecruitPortalSessionTable {
  id: string;
  applicant_id: string;
  csrf: string;
  expires_at: string;
  absolute_expires_at: string;
  created_at: string;
}

export interface RecruitCaptchaTable {
  id: string;
  answer_hash: string;
  expires_at: string;
}

export interface RecruitVerificationCodeTable {
  id: string;
  phone_bidx: string;
  code_hash: string;
  attempts: number;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

export interface RecruitApplicationTable {
  id: string;
  announcement_id: string;
  post_id: string;
  applicant_id: string;
  org_id: string;
  idempotency_key: string;
  status: string;
  name: string;
  id_number_enc: string;
  id_number_bidx: string;
  id_number_masked: string;
  sex: string;
  birth_date: string;
  phone_enc: string;
  phone_masked: string;
  education: string;
  political_status: string;
  household_region: string;
  address: string;
  school: string | null;
  major: string | null;
  resume: string | null;
  photo: string | null;
  reject_reason: string | null;
  submitted_at: string;
  reviewed_at: string | null;
  reviewed_by: string | null;
  ticket_number: string | null;
  written: number | null;
  interview: number | null;
  physical: number | null;
  background: number | null;
  person_id: string | null;
  /** 体检: 'pass' (合格), 'fail' (不合格), 'recheck' (复检); null until recorded. */
  medical_result: 'pass' | 'fail' | 'recheck' | null;
  medical_date: string | null;
  medical_institution: string | null;
  medical_note: string | null;
  /** Why a chosen applicant left the road: withdrew, medical_failed, objection_upheld, gave_up. */
  drop_kind: string | null;
  drop_reason: string | null;
  dropped_at: string | null;
  /** 递补: the dropped application this one replaces, and why. */
  replaces_id: string | null;
  replacement_reason: string | null;
  city_code: string;
  created_at: string;
  updated_at: string;
}

export interface RecruitFileTable {
  id: string;
  application_id: string;
  category: string;
  name: string;
  size: number;
  type: string;
  stored: string;
  city_code: string;
  created_at: string;
}

export interface RecruitApplicationEventTable {
  id: string;
  application_id: string;
  kind: string;
  actor: string;
  detail: string;
  city_code: string;
  created_at: string;
}

export interface RecruitmentTables {
  recruit_announcement: RecruitAnnouncementTable;
  recruit_post: RecruitPostTable;
  recruit_applicant: RecruitApplicantTable;
  recruit_portal_session: RecruitPortalSessionTable;
  recruit_captcha: RecruitCaptchaTable;
  recruit_verification_code: RecruitVerificationCodeTable;
  recruit_application: RecruitApplicationTable;
  recruit_file: RecruitFileTable;
  recruit_application_event: RecruitApplicationEventTable;
}
