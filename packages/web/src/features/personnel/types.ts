/** Shapes of /api/v1/personnel (core `schemas/person.ts`, server `person-presenter.ts`). */
import type { PersonKind, PersonListItem, PersonStatus } from '@zhenggong/core';

export type { PersonKind, PersonListItem, PersonStatus } from '@zhenggong/core';

// Values stay here (the web takes only types from core); `satisfies` keeps them in step with core's.
export const PERSON_KINDS = ['officer', 'auxiliary'] as const satisfies readonly PersonKind[];
export const PERSON_STATUSES = [
  'serving',
  'seconded',
  'transferred_out',
  'retired',
  'resigned',
  'dismissed',
  'deceased',
  'died_on_duty',
  'contract_ended',
] as const satisfies readonly PersonStatus[];

/** History rows come back with the column names of the tables (snake_case), oldest first. */
export interface OrgHistoryRow {
  id: string;
  org_id: string;
  org_name: string;
  post: string | null;
  start_date: string;
  end_date: string | null;
}
export interface RankHistoryRow {
  id: string;
  rank: string;
  start_date: string;
  note: string | null;
}
export interface LevelHistoryRow {
  id: string;
  sequence: 'officer' | 'tech' | 'admin';
  level: string;
  start_date: string;
  end_date: string | null;
}
export interface PostHistoryRow {
  id: string;
  post: string;
  org_id: string | null;
  start_date: string;
  end_date: string | null;
}
export interface StatusHistoryRow {
  id: string;
  status: PersonStatus;
  start_date: string;
  note: string | null;
}
export type EducationRow = {
  id: string;
  level: string;
  degree: string | null;
  school: string | null;
  major: string | null;
  full_time: boolean;
  start_date: string | null;
  end_date: string | null;
};
export type FamilyRow = {
  id: string;
  relation: string;
  name: string;
  birth_date: string | null;
  political_status: string | null;
  work_unit: string | null;
};
export type ResumeRow = {
  id: string;
  start_date: string;
  end_date: string | null;
  text: string;
};
export type AwardRow = {
  id: string;
  date: string;
  name: string;
  level: string | null;
  issuer: string | null;
};
export type DisciplineRow = {
  id: string;
  date: string;
  kind: string;
  reason: string | null;
  end_date: string | null;
};

export type TrainingRow = {
  id: string;
  date: string;
  course: string;
  hours: number;
  organizer: string | null;
};

export interface PersonHistory {
  orgs: OrgHistoryRow[];
  ranks: RankHistoryRow[];
  levels: LevelHistoryRow[];
  posts: PostHistoryRow[];
  statuses: StatusHistoryRow[];
  education: EducationRow[];
  family: FamilyRow[];
  resume: ResumeRow[];
  awards: AwardRow[];
  discipline: DisciplineRow[];
  training: TrainingRow[];
  /** 年度考核结果 by year (written when assessment grades are confirmed). */
  appraisals: { id: string; year: number; grade: string; source: string }[];
}

export interface PersonProfile extends PersonListItem {
  /** Sum of the training records' hours. */
  trainingHours: number;
  formerNames: string[];
  ethnicity: string | null;
  partyJoinDate: string | null;
  nativePlace: string | null;
  birthplace: string | null;
  degree: string | null;
  workStartDate: string | null;
  rankDate: string | null;
  /** 职级任职时间: since when the current grade is held (YYYY-MM or YYYY-MM-DD). */
  levelDate: string | null;
  /** 职务层次 (e.g. 乡科级副职), printed on the 任免审批表. */
  postLevel: string | null;
  techLevel: string | null;
  auxCategory: string | null;
  contractEnd: string | null;
  statusDate: string | null;
  hasPhoto: boolean;
  updatedAt: string;
  history: PersonHistory;
}

/** GET /people/:id/sensitive (audited on the server). */
export interface PersonSensitive {
  idNumber: string;
  phone: string | null;
  /** The 15-digit first-generation number the 18-digit one was upgraded from. */
  idNumberOriginal?: string;
}

/** Filters of GET /people (core `PersonSearchQuery` without paging). */
export interface PersonFilter {
  keyword?: string;
  kind?: PersonKind;
  orgId?: string;
  includeSub?: boolean;
  rank?: string;
  officerLevel?: string;
  education?: string;
  politicalStatus?: string;
  status?: PersonStatus;
  sex?: '1' | '2';
  ageMin?: number;
  ageMax?: number;
  serviceYearsMin?: number;
  serviceYearsMax?: number;
  /** YYYY-MM-DD: who belonged to the unit on that date. */
  asOf?: string;
}

export interface PersonListQuery extends PersonFilter {
  page: number;
  pageSize: number;
  sort?: string;
}

export interface SavedFilter {
  id: string;
  name: string;
  filter: Record<string, string | number | boolean>;
}

/** Body of POST /people (core `CreatePersonBody`); code-table fields take codes. */
export interface PersonInput {
  kind: PersonKind;
  name: string;
  idNumber: string;
  orgId: string;
  formerNames?: string[];
  ethnicity?: string;
  politicalStatus?: string;
  partyJoinDate?: string;
  nativePlace?: string;
  birthplace?: string;
  education?: string;
  degree?: string;
  phone?: string;
  workStartDate?: string;
  policeStartDate?: string;
  policeNumber?: string;
  post?: string;
  rank?: string;
  rankDate?: string;
  officerLevel?: string;
  levelDate?: string;
  postLevel?: string;
  techLevel?: string;
  auxCategory?: string;
  contractEnd?: string;
  status?: PersonStatus;
}

/** Body of PATCH /people/:id: kind and ID number never change; `effectiveDate` dates the history rows. */
export type PersonUpdate = Partial<Omit<PersonInput, 'kind' | 'idNumber'>> & { effectiveDate?: string };

/** `details.problems` of a PERSON_INVALID error (core `PersonProblem`). */
export interface PersonProblem {
  field: string;
  code: string;
  value?: string;
}
