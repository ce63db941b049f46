/** Table types of the welfare module (从优待警); see migration 20261207T050000-welfare. */
interface Stamp {
  id: string;
  city_code: string;
  created_at: string;
}
export interface WelfareRuleTable extends Stamp {
  rule_set: string;
  jurisdiction: string;
  effective_from: string;
  value: string;
  evidence: string;
  source: string | null;
  note: string | null;
  created_by: string | null;
}
export type LeaveStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn' | 'cancelled';
export interface LeaveApplicationTable extends Stamp {
  person_id: string;
  kind: string;
  start_date: string;
  end_date: string;
  days: number;
  counting: string;
  year: number;
  reason: string;
  home_visit_option: string | null;
  home_visit_relation: string | null;
  status: LeaveStatus;
  decided_at: string | null;
  cancelled_at: string | null;
  created_by: string | null;
  updated_at: string;
}
export interface LeaveLedgerEntryTable extends Stamp {
  person_id: string;
  year: number;
  kind: 'carry_over' | 'payout';
  days: number;
  note: string | null;
  created_by: string | null;
}
export interface WelfareConsentTable extends Stamp {
  person_id: string;
  category: 'wearable' | 'health' | 'psych';
  notice_version: string;
  granted_at: string;
  withdrawn_at: string | null;
}
export interface WearableDeviceTable extends Stamp {
  person_id: string;
  serial: string;
  model: string | null;
  token_hash: string;
  status: 'active' | 'retired';
  last_reading_at: string | null;
  retired_at: string | null;
}
export interface WearableReadingTable extends Stamp {
  device_id: string;
  person_id: string;
  kind: 'heart_rate' | 'blood_pressure' | 'steps';
  measured_at: string;
  /** Encrypted JSON [value, value2]. */
  value_enc: string;
}
export interface WearableAlertTable extends Stamp {
  person_id: string;
  device_id: string | null;
  rule_code: string;
  rule_name: string;
  severity: string;
  status: 'open' | 'acknowledged' | 'closed';
  peak: number | null;
  samples: number;
  matched: number;
  raised_at: string;
  acknowledged_by: string | null;
  acknowledged_by_name: string | null;
  acknowledged_at: string | null;
  closed_at: string | null;
  note: string | null;
}
export interface PsychCaseTable extends Stamp {
  person_id: string;
  source: 'self' | 'referral';
  risk: 'low' | 'medium' | 'high';
  status: 'open' | 'crisis' | 'closed';
  summary_enc: string;
  opened_by: string | null;
  opened_at: string;
  next_date: string | null;
  closed_at: string | null;
  outcome_enc: string | null;
  updated_at: string;
}
export interface PsychEntryTable extends Stamp {
  case_id: string;
  kind: 'session' | 'escalation';
  date: string;
  note_enc: string;
  next_date: string | null;
  by_user: string | null;
  by_name: string | null;
}
export interface CareRecordTable extends Stamp {
  kind: string;
  org_id: string;
  person_id: string | null;
  date: string;
  title: string;
  detail_enc: string | null;
  amount_fen: number | null;
  deadline: string | null;
  status: 'pending' | 'open' | 'done' | 'rejected';
  created_by: string | null;
  updated_at: string;
}
export interface HealthCheckupTable extends Stamp {
  person_id: string;
  date: string;
  hospital: string | null;
  /** Encrypted JSON list of {item, result, unit, range, abnormal}. */
  items_enc: string;
  abnormal_count: number;
  follow_up: 'none' | 'open' | 'done';
  created_by: string | null;
}

export interface WelfareTables {
  welfare_rule: WelfareRuleTable;
  leave_application: LeaveApplicationTable;
  leave_ledger_entry: LeaveLedgerEntryTable;
  welfare_consent: WelfareConsentTable;
  wearable_device: WearableDeviceTable;
  wearable_reading: WearableReadingTable;
  wearable_alert: WearableAlertTable;
  psych_case: PsychCaseTable;
  psych_entry: PsychEntryTable;
  care_record: CareRecordTable;
  health_checkup: HealthCheckupTable;
}
