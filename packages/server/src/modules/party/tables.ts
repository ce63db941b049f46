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
}
