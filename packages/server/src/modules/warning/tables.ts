/** Table types of this module; see migration 20261207T040000-warning. */
interface Base {
  id: string;
  city_code: string;
  created_at: string;
}

/** A dated fact recorded here for a source whose owning module has not landed (complaints, overtime, leave, wearables, care contacts, outcomes). */
export interface EwFactTable extends Base {
  person_id: string;
  kind: string;
  event_date: string;
  known_date: string;
  value: number;
  /** 1 when an upheld appeal struck it out. */
  voided: number;
  note: string | null;
  created_by: string | null;
}

export interface EwIndicatorSnapshotTable {
  as_of: string;
  person_id: string;
  indicator: string;
  value: number | null;
  peer_key: string | null;
  peer_n: number | null;
  peer_pct: number | null;
  peer_z: number | null;
  /** JSON string[] of fact refs. */
  refs: string;
  run_id: string;
  city_code: string;
}

export interface EwPolicyTable extends Base {
  code: string;
  version: number;
  effective_from: string;
  /** JSON PolicyBody (core warning/rules.ts). */
  body: string;
  evidence: 'V' | 'S' | 'U';
  created_by: string | null;
}

export interface EwRunTable extends Base {
  as_of: string;
  people: number;
  snapshots: number;
  /** sha256 of the snapshot rows and alerts: equal inputs give equal hashes. */
  hash: string;
  finished_at: string;
}

export interface EwAlertTable extends Base {
  person_id: string;
  /** The person's unit when the alert was last written (the monthly run refreshes open alerts). */
  org_id: string | null;
  policy_code: string;
  policy_version: number;
  level: string;
  status: string;
  first_as_of: string;
  last_as_of: string;
  sentence: string;
  evidence: string;
  model: string | null;
  officer_visible: number;
  assignee_id: string | null;
  due_on: string | null;
  escalated: number;
  case_id: string | null;
  outcome: string | null;
  closed_on: string | null;
  updated_at: string;
}

export interface EwAlertEventTable extends Base {
  alert_id: string;
  action: string;
  actor_id: string | null;
  actor_name: string;
  note: string | null;
  data: string | null;
}

export interface EwAppealTable extends Base {
  person_id: string;
  fact_ref: string;
  reason: string;
  status: string;
  reviewer_id: string | null;
  answer: string | null;
  decided_at: string | null;
}

export interface EwModelTable extends Base {
  version: string;
  trained_through: string;
  body: string;
  metrics: string;
}

export interface EwModelScoreTable {
  as_of: string;
  person_id: string;
  score: number;
  rank_pct: number;
  city_code: string;
}

export interface EwCockpitFigureTable {
  as_of: string;
  org_id: string;
  figure: string;
  bucket: string;
  value: number;
  city_code: string;
}

export interface EwCockpitMemberTable {
  as_of: string;
  person_id: string;
  org_id: string;
  kind: string;
  age_band: string;
  rank: string | null;
  city_code: string;
}

export interface EwReportTable extends Base {
  org_id: string;
  quarter: string;
  status: string;
  figures: string;
  sections: string;
  case_id: string | null;
  created_by: string | null;
  updated_at: string;
}

export interface WarningTables {
  ew_fact: EwFactTable;
  ew_indicator_snapshot: EwIndicatorSnapshotTable;
  ew_policy: EwPolicyTable;
  ew_run: EwRunTable;
  ew_alert: EwAlertTable;
  ew_alert_event: EwAlertEventTable;
  ew_appeal: EwAppealTable;
  ew_model: EwModelTable;
  ew_model_score: EwModelScoreTable;
  ew_cockpit_figure: EwCockpitFigureTable;
  ew_cockpit_member: EwCockpitMemberTable;
  /** ew_cockpit_figure summed over each org's subtree (migration 20261208T151500-cockpit-totals). */
  ew_cockpit_total: EwCockpitFigureTable;
  ew_report: EwReportTable;
}
