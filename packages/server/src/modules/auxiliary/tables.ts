import type { Generated } from 'kysely';

/** Table types of this module; see migration 20261129T110000-auxiliary. */
interface Base {
  id: string;
  city_code: string;
  created_at: string;
}

export interface AuxRuleTable extends Base {
  rule_set: string;
  jurisdiction: string;
  effective_from: string;
  /** JSON of the rule set's value schema (core auxiliary/rules.ts). */
  value: string;
  evidence: 'V' | 'S' | 'U';
  source: string | null;
  note: string | null;
  created_by: string | null;
}

export type ContractStatus = 'active' | 'renewed' | 'ended';
export interface AuxContractTable extends Base {
  person_id: string;
  kind: string;
  start_date: string;
  end_date: string | null;
  sequence: number;
  previous_id: string | null;
  status: ContractStatus;
  ended_date: string | null;
  end_reason: string | null;
  note: string | null;
  updated_at: string;
  probation_end: string | null;
  /** Comma-separated 劳动合同法 第十四条 reasons found at signing ('tenYears', 'twoFixedTerms'). */
  open_ended_reasons: string | null;
  worker_chose_fixed: Generated<number>;
}

export interface AuxAssessmentMonthTable extends Base {
  org_id: string;
  month: string;
  fund_fen: number;
  status: 'draft' | 'confirmed';
  /** The grade table used, frozen at confirmation (JSON with its version id and date). */
  grade_table: string | null;
  total_fen: number | null;
  confirmed_by: string | null;
  confirmed_by_name: string | null;
  confirmed_at: string | null;
  updated_at: string;
}

export interface AuxAssessmentEntryTable extends Base {
  month_id: string;
  person_id: string;
  grade: string | null;
  score: number | null;
  /** Frozen at confirmation; drafts compute it from the grade table in force. */
  amount_fen: number | null;
  note: string | null;
  updated_at: string;
}

export interface AuxPayGradeTable extends Base {
  person_id: string;
  grade: string;
  personal_adjust_fen: number;
  start_date: string;
  /** Exclusive: the day the next row starts. */
  end_date: string | null;
  adjustment_id: string | null;
  note: string | null;
}

export interface AuxPayAdjustmentTable extends Base {
  org_id: string | null;
  kind: 'percent' | 'grade' | 'scale';
  change: string;
  filter: string;
  effective_date: string;
  people_count: number;
  before_total_fen: number;
  after_total_fen: number;
  note: string | null;
  created_by: string | null;
  created_by_name: string | null;
}

export interface AuxUniformTable extends Base {
  person_id: string;
  item: string;
  size: string | null;
  quantity: number;
  issue_date: string;
  next_due_date: string | null;
  note: string | null;
}

export interface AuxExitTable extends Base {
  person_id: string;
  kind: string;
  exit_date: string;
  reason: string;
  contract_id: string | null;
  created_by: string | null;
  compensation_months: number | null;
  compensation_fen: number | null;
}

export interface AuxiliaryTables {
  aux_rule: AuxRuleTable;
  aux_contract: AuxContractTable;
  aux_assessment_month: AuxAssessmentMonthTable;
  aux_assessment_entry: AuxAssessmentEntryTable;
  aux_pay_grade: AuxPayGradeTable;
  aux_pay_adjustment: AuxPayAdjustmentTable;
  aux_uniform: AuxUniformTable;
  aux_exit: AuxExitTable;
}
