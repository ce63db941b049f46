import type { ProgrammeKind } from '@zhenggong/core';

/** Table types of police culture (警营文化); see migration 20261208T143500-culture. */
interface Base {
  id: string;
  city_code: string;
  created_at: string;
}
/** A file that passed the platform intake, stored under a server-made name. */
interface FileColumns {
  file_name: string | null;
  file_type: string | null;
  file_size: number | null;
  stored_name: string | null;
}

export interface CultureProgrammeTable extends Base {
  /** The organising unit: the programme's data scope. */
  org_id: string;
  title: string;
  kind: ProgrammeKind;
  start_date: string;
  end_date: string;
  deadline: string;
  capacity: number | null;
  /** The target person set (NormalizedPersonSet as JSON). */
  target: string;
  description: string | null;
  status: 'draft' | 'published';
  created_by: string | null;
  updated_at: string;
}
export interface CultureRegistrationTable extends Base {
  programme_id: string;
  person_id: string;
  registered_at: string;
  /** 1 attended, 0 absent, null not yet recorded. */
  attended: number | null;
  /** Hours (reading) or kilometres (fitness) in tenths. */
  amount_tenths: number | null;
  recorded_by: string | null;
  recorded_at: string | null;
}
export interface CultureContestTable extends Base {
  org_id: string;
  title: string;
  entry_deadline: string;
  description: string | null;
  status: 'open' | 'published';
  published_at: string | null;
  created_by: string | null;
}
export interface CultureJudgeTable extends Base {
  contest_id: string;
  person_id: string;
  sort_order: number;
}
export interface CultureEntryTable extends Base, FileColumns {
  contest_id: string;
  person_id: string;
  title: string;
  body: string | null;
}
export interface CultureScoreTable extends Base {
  entry_id: string;
  judge_person_id: string;
  /** Tenths of a point, 0–1000. */
  score_tenths: number;
  updated_at: string;
}
export interface CultureCollectionTable extends Base {
  org_id: string;
  title: string;
  description: string | null;
  status: 'open' | 'closed';
  created_by: string | null;
}
export interface CultureWorkTable extends Base, FileColumns {
  collection_id: string;
  person_id: string;
  title: string;
  body: string | null;
  status: 'submitted' | 'accepted' | 'returned';
  review_note: string | null;
  reviewed_by: string | null;
  reviewed_at: string | null;
}

export interface CultureTables {
  culture_programme: CultureProgrammeTable;
  culture_registration: CultureRegistrationTable;
  culture_contest: CultureContestTable;
  culture_judge: CultureJudgeTable;
  culture_entry: CultureEntryTable;
  culture_score: CultureScoreTable;
  culture_collection: CultureCollectionTable;
  culture_work: CultureWorkTable;
}
