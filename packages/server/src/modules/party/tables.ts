import type { MeetingKind, PartyOrgKind, PartyStage } from '@zhenggong/core';

/** Table types of party building; see migration 20261207T060000-party. */
interface Base {
  id: string;
  city_code: string;
  created_at: string;
}

export interface PartyRuleTable extends Base {
  rule_set: string;
  jurisdiction: string;
  effective_from: string;
  /** JSON of the rule set's value schema (core party/rules.ts). */
  value: string;
  evidence: 'V' | 'S' | 'U';
  source: string | null;
  note: string | null;
  created_by: string | null;
}

export interface PartyOrgTable extends Base {
  /** The org-tree unit the organisation belongs to; data scope follows it. */
  org_id: string;
  kind: PartyOrgKind;
  name: string;
  parent_id: string | null;
  secretary_person_id: string | null;
  term_start: string | null;
  term_end: string | null;
  updated_at: string;
}

export interface PartyMemberTable extends Base {
  person_id: string;
  party_org_id: string;
  stage: PartyStage;
  since: string;
  extended_until: string | null;
  /** Admission as a probationary member (接收预备党员): dues run from this month. */
  admitted_on: string | null;
  updated_at: string;
}

export interface PartyMemberStepTable extends Base {
  member_id: string;
  kind: 'stage' | 'extension' | 'transfer';
  stage: PartyStage | null;
  date: string;
  note: string | null;
  /** Transfer: "from → to" organisation names; extension: the new end date. */
  detail: string | null;
  recorded_by: string | null;
}

export interface PartyMeetingTable extends Base {
  party_org_id: string;
  kind: MeetingKind;
  title: string;
  planned_date: string;
  place: string | null;
  agenda: string | null;
  status: 'planned' | 'held' | 'cancelled';
  held_on: string | null;
  minutes: string | null;
  resolutions: string | null;
  code: string | null;
  code_opens_at: string | null;
  code_closes_at: string | null;
  created_by: string | null;
  updated_at: string;
}

export interface PartyAttendanceTable {
  id: string;
  meeting_id: string;
  person_id: string;
  status: 'present' | 'leave' | 'absent';
  method: 'code' | 'staff';
  reason: string | null;
  marked_by: string | null;
  marked_at: string;
  city_code: string;
  created_at: string;
}

export interface PartyDuesTable extends Base {
  person_id: string;
  party_org_id: string;
  month: string;
  pay_fen: number;
  rate_permille: number;
  due_fen: number;
  paid_fen: number;
  paid_on: string;
  rule_id: string | null;
  recorded_by: string | null;
}

export interface PartySelectionTable extends Base {
  party_org_id: string;
  kind: 'good_member' | 'best_case';
  title: string;
  person_id: string | null;
  reason: string;
  status: 'pending' | 'selected' | 'not_selected';
  created_by: string | null;
  updated_at: string;
  /** The exemplar campaign and candidate the nomination became (migration 20261208T143600). */
  campaign_id: string | null;
  candidate_id: string | null;
}

export interface PartyMeetingFileTable extends Base {
  meeting_id: string;
  file_name: string;
  /** Server-made `<uuid>.<ext>` under DATA_DIR/uploads/party. */
  stored_name: string;
  mime: string;
  size: number;
  sha256: string;
  uploaded_by: string | null;
}

export interface PartyActivityTable extends Base {
  party_org_id: string;
  kind: 'red_visit' | 'cadre_class';
  title: string;
  date: string;
  end_date: string | null;
  place: string | null;
  description: string | null;
  hours_tenths: number;
  status: 'planned' | 'completed';
  created_by: string | null;
  updated_at: string;
}

export interface PartyActivityPersonTable extends Base {
  activity_id: string;
  person_id: string;
  /** The 学时 ledger line written on completion, so undoing removes exactly it. */
  training_id: string | null;
}

export interface PartyEssayContestTable extends Base {
  party_org_id: string;
  /** The competition event that carries entries, scores and published results. */
  event_id: string;
  item_id: string;
  title: string;
  theme: string;
  created_by: string | null;
}

export interface PartyEssayTable extends Base {
  contest_id: string;
  /** The competition entry of this essay. */
  entry_id: string;
  person_id: string;
  title: string;
}

export interface PartyTables {
  party_rule: PartyRuleTable;
  party_org: PartyOrgTable;
  party_member: PartyMemberTable;
  party_member_step: PartyMemberStepTable;
  party_meeting: PartyMeetingTable;
  party_attendance: PartyAttendanceTable;
  party_dues: PartyDuesTable;
  party_selection: PartySelectionTable;
  party_meeting_file: PartyMeetingFileTable;
  party_activity: PartyActivityTable;
  party_activity_person: PartyActivityPersonTable;
  party_essay_contest: PartyEssayContestTable;
  party_essay: PartyEssayTable;
}
