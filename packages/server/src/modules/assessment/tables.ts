/** Table types of assessment; see migration 20261207T020000-assessment. */
interface Base {
  id: string;
  city_code: string;
  created_at: string;
}

export interface AsmSchemeTable extends Base {
  code: string;
  version: number;
  name: string;
  subject: 'unit' | 'team' | 'individual';
  person_kind: 'officer' | 'auxiliary' | null;
  period_kind: 'monthly' | 'quarterly' | 'annual' | 'wartime';
  effective_from: string;
  evidence: 'V' | 'S' | 'U';
  source: string | null;
  /** JSON of core's SchemeBody. */
  body: string;
  status: 'draft' | 'published';
  created_by: string | null;
  published_at: string | null;
}

export type RoundStatus = 'open' | 'review' | 'published' | 'final';
export interface AsmRoundTable extends Base {
  scheme_id: string;
  org_id: string;
  period: string;
  start_date: string;
  end_date: string;
  status: RoundStatus;
  /** The review-and-notice case on the workflow. */
  case_id: string | null;
  /** The date the results were last computed as of. */
  as_of: string | null;
  created_by: string | null;
  updated_at: string;
}

export interface AsmResultTable extends Base {
  round_id: string;
  /** Null for unit and team subjects. */
  person_id: string | null;
  subject_org_id: string;
  subject_name: string;
  /** JSON: key → { points, evidence } entered by the unit (indicators and manual adjustments). */
  manual: string;
  /** JSON: { scores: key → { points, note }, summary } from the person's self-assessment. */
  self: string | null;
  /** JSON of core's Explanation as last computed. */
  explanation: string | null;
  base: number;
  bonus: number;
  deduction: number;
  total: number;
  complete: number;
  suggested_grade: string | null;
  grade: string | null;
  updated_at: string;
}

export interface AsmAppealTable extends Base {
  result_id: string;
  round_id: string;
  person_id: string;
  indicator_key: string | null;
  reason_enc: string;
  status: 'open' | 'upheld' | 'dismissed';
  /** JSON { indicatorKey, points } the reviewer decided, applied when the case closes approved. */
  proposal: string | null;
  decision_note: string | null;
  change: string | null;
  case_id: string | null;
  created_by: string | null;
  decided_at: string | null;
}

export interface AsmDailyEntryTable extends Base {
  person_id: string;
  date: string;
  kind: 'positive' | 'negative';
  category: 'daily' | 'onsite';
  reason: string;
  score: number | null;
  recorded_by: string | null;
  recorded_by_name: string;
}

export interface AsmTalkTable extends Base {
  person_id: string;
  date: string;
  talker: string;
  topic_enc: string;
  follow_up_enc: string | null;
  agreed_note_enc: string | null;
  officer_agreed: number;
  recorded_by: string | null;
}

export interface AsmCareContactTable extends Base {
  person_id: string;
  date: string;
  kind: 'home_visit' | 'award_home' | 'family_open_day';
  participants: string;
  note: string | null;
  recorded_by: string | null;
}

export interface AsmRuleTable extends Base {
  rule_set: string;
  effective_from: string;
  value: string;
  evidence: 'V' | 'S' | 'U';
  source: string | null;
  created_by: string | null;
}

export interface AssessmentTables {
  asm_scheme: AsmSchemeTable;
  asm_round: AsmRoundTable;
  asm_result: AsmResultTable;
  asm_appeal: AsmAppealTable;
  asm_daily_entry: AsmDailyEntryTable;
  asm_talk: AsmTalkTable;
  asm_care_contact: AsmCareContactTable;
  asm_rule: AsmRuleTable;
}
