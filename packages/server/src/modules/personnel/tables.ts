import type { Generated } from 'kysely';
import type { HoursSource } from '@zhenggong/core';
/** Table types of the personnel module (队伍信息); see migration 20261129T010000-personnel. */
export type PersonKind = 'officer' | 'auxiliary';
export type PersonStatus =
  'serving' | 'seconded' | 'transferred_out' | 'retired' | 'resigned' | 'dismissed' | 'deceased' | 'died_on_duty' | 'contract_ended';

export interface PersonTable {
  id: string;
  kind: PersonKind;
  name: string;
  /** Full pinyin without tones or spaces ("zhangwei"); initials ("zw") — for name search. */
  name_pinyin: string;
  name_initials: string;
  /** JSON array of former names (曾用名). */
  former_names: string;
  id_number_enc: string;
  id_number_bidx: string;
  id_number_masked: string;
  /** The 15-digit first-generation number as written, encrypted, when id_number_enc was upgraded from it. */
  id_number_original_enc: string | null;
  sex: '1' | '2';
  birth_date: string;
  ethnicity: string | null;
  political_status: string | null;
  party_join_date: string | null;
  native_place: string | null;
  birthplace: string | null;
  education: string | null;
  degree: string | null;
  phone_enc: string | null;
  phone_masked: string | null;
  photo: string | null;
  work_start_date: string | null;
  police_start_date: string | null;
  police_number: string | null;
  /** The current unit: the column data scope applies to. */
  org_id: string;
  post: string | null;
  rank: string | null;
  rank_date: string | null;
  officer_level: string | null;
  /** 职级任职时间 (YYYY-MM or YYYY-MM-DD). */
  level_date: string | null;
  /** 职务层次 (post level). */
  post_level: string | null;
  tech_level: string | null;
  aux_category: string | null;
  contract_end: string | null;
  status: PersonStatus;
  status_date: string | null;
  city_code: string;
  created_at: string;
  updated_at: string;
}

interface HistoryBase {
  id: string;
  person_id: string;
  city_code: string;
  created_at: string;
}

export interface PersonOrgHistoryTable extends HistoryBase {
  org_id: string;
  post: string | null;
  start_date: string;
  end_date: string | null;
}
export interface PersonRankHistoryTable extends HistoryBase {
  rank: string;
  start_date: string;
  note: string | null;
}
export interface PersonLevelHistoryTable extends HistoryBase {
  sequence: 'officer' | 'tech' | 'admin';
  level: string;
  start_date: string;
  end_date: string | null;
}
export interface PersonPostHistoryTable extends HistoryBase {
  post: string;
  org_id: string | null;
  start_date: string;
  end_date: string | null;
}
export interface PersonStatusHistoryTable extends HistoryBase {
  status: PersonStatus;
  start_date: string;
  note: string | null;
}
export interface PersonEducationTable extends HistoryBase {
  level: string;
  degree: string | null;
  school: string | null;
  major: string | null;
  full_time: number;
  start_date: string | null;
  end_date: string | null;
}
export interface PersonFamilyTable extends HistoryBase {
  relation: string;
  name: string;
  birth_date: string | null;
  political_status: string | null;
  work_unit: string | null;
}
export interface PersonResumeTable extends HistoryBase {
  start_date: string;
  end_date: string | null;
  text: string;
}
export interface PersonAwardTable extends HistoryBase {
  date: string;
  name: string;
  level: string | null;
  issuer: string | null;
}
export interface PersonDisciplineTable extends HistoryBase {
  date: string;
  kind: string;
  reason: string | null;
  end_date: string | null;
}

/** Annual appraisal (年度考核): one row per person and year; grade is a code of the appraisal grades. */
export interface PersonAppraisalTable extends HistoryBase {
  year: number;
  grade: string;
  source: string;
  note: string | null;
}

/** The 学时 ledger (学时台账): one dated line per credit, one decimal, from any source. */
export interface PersonTrainingTable extends HistoryBase {
  date: string;
  course: string;
  hours: number;
  organizer: string | null;
  source: Generated<HoursSource>;
  /** The row that wrote the line (class enrollment, study record), so undoing it removes the line. */
  ref_id: string | null;
}

export interface SavedFilterTable {
  id: string;
  user_id: string;
  module: string;
  name: string;
  filter: string;
  created_at: string;
}
export interface CorrectionRequestTable {
  id: string;
  person_id: string;
  requested_by: string;
  changes: string;
  reason: string | null;
  status: 'pending' | 'approved' | 'rejected' | 'withdrawn';
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
  city_code: string;
  created_at: string;
}

export interface PersonnelTables {
  person: PersonTable;
  person_org_history: PersonOrgHistoryTable;
  person_rank_history: PersonRankHistoryTable;
  person_level_history: PersonLevelHistoryTable;
  person_post_history: PersonPostHistoryTable;
  person_status_history: PersonStatusHistoryTable;
  person_education: PersonEducationTable;
  person_family: PersonFamilyTable;
  person_resume: PersonResumeTable;
  person_award: PersonAwardTable;
  person_discipline: PersonDisciplineTable;
  person_training: PersonTrainingTable;
  person_appraisal: PersonAppraisalTable;
  saved_filter: SavedFilterTable;
  correction_request: CorrectionRequestTable;
}
