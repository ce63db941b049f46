import type { CaseStatus } from '@zhenggong/core';

/** Table types of the approvals workflow; see migration 20261206T010000-workflow. */
export interface WfDefinitionTable {
  id: string;
  kind: string;
  version: number;
  /** First Beijing date on which new cases use this version; cases keep the version they started with. */
  effective_from: string;
  /** JSON array of StepDef. */
  steps: string;
  city_code: string;
  created_at: string;
}

export interface WfCaseTable {
  id: string;
  kind: string;
  module: string;
  definition_id: string;
  /** The module's own row (a correction request, a study record …). */
  ref_id: string;
  title: string;
  subject_person_id: string | null;
  /** The subject's name as the module gave it: platform code never reads personnel's tables. */
  subject_name: string;
  /** The subject's unit at submission: approvers and data scope are resolved from it. */
  subject_org_id: string;
  submitted_by: string;
  status: CaseStatus;
  current_step: number | null;
  step_due_on: string | null;
  notice_ends_on: string | null;
  link: string;
  city_code: string;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
}

export interface WfTaskTable {
  id: string;
  case_id: string;
  step: number;
  user_id: string;
  status: 'pending' | 'approved' | 'void';
  due_on: string | null;
  reminded_at: string | null;
  decided_at: string | null;
  city_code: string;
  created_at: string;
}

export interface WfActionTable {
  id: string;
  case_id: string;
  step: number | null;
  action: string;
  actor_id: string | null;
  /** The approver a delegate acted for (代理). */
  on_behalf_of: string | null;
  note: string | null;
  city_code: string;
  created_at: string;
}

export interface WfObjectionTable {
  id: string;
  case_id: string;
  step: number;
  text: string;
  raised_by: string;
  status: 'open' | 'resolved';
  resolution: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
  city_code: string;
  created_at: string;
}

export interface WfDelegationTable {
  id: string;
  from_user_id: string;
  to_user_id: string;
  starts_on: string;
  ends_on: string;
  reason: string | null;
  revoked_at: string | null;
  city_code: string;
  created_at: string;
}

export interface NotificationTable {
  id: string;
  user_id: string;
  kind: string;
  title: string;
  link: string | null;
  case_id: string | null;
  read_at: string | null;
  city_code: string;
  created_at: string;
}

export interface WorkCalendarTable {
  id: string;
  year: number;
  version: number;
  /** JSON arrays of YYYY-MM-DD. */
  holidays: string;
  workdays: string;
  source: string;
  note: string | null;
  created_by: string | null;
  city_code: string;
  created_at: string;
}

export interface WorkflowTables {
  wf_definition: WfDefinitionTable;
  wf_case: WfCaseTable;
  wf_task: WfTaskTable;
  wf_action: WfActionTable;
  wf_objection: WfObjectionTable;
  wf_delegation: WfDelegationTable;
  notification: NotificationTable;
  work_calendar: WorkCalendarTable;
}
