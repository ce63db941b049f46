/** Table types of the cadres module; see migration 20261207T030000-cadres. */
interface Base {
  id: string;
  city_code: string;
  created_at: string;
}
export interface CadreRuleSetTable extends Base {
  rule_id: string;
  kind: 'conversion';
  name: string;
  effective_from: string;
  based_on: string | null;
  /** The whole rule set as JSON (ConversionRuleSet). */
  data: string;
  created_by: string | null;
}
export type PromotionStatus = 'in_progress' | 'approved' | 'rejected' | 'withdrawn';
export interface CadrePromotionTable extends Base {
  person_id: string;
  track: 'grade' | 'tech' | 'rank';
  from_code: string;
  to_code: string;
  as_of: string;
  /** The reason trace at submission, JSON. */
  reasons: string;
  note: string | null;
  status: PromotionStatus;
  decided_on: string | null;
  created_by: string | null;
}
export interface CadreConversionBatchTable extends Base {
  rule_set_id: string;
  date: string;
  org_id: string;
  people: number;
  status: PromotionStatus;
  created_by: string | null;
}
export interface CadreConversionLineTable extends Base {
  batch_id: string;
  person_id: string;
  sequence: string;
  from_code: string;
  to_code: string;
}
export interface CadreRecordTable extends Base {
  person_id: string;
  kind: string;
  date: string;
  end_date: string | null;
  title: string;
  doc_no: string | null;
  host_unit: string | null;
  result: string | null;
  detail_enc: string | null;
  created_by: string | null;
}
export interface CadrePostTable extends Base {
  org_id: string;
  title: string;
  seat_order: number;
  person_id: string | null;
  since: string | null;
  doc_no: string | null;
}
export interface CadreTeamTargetTable extends Base {
  org_id: string;
  targets: string;
}
export interface CadreTeamEvaluationTable extends Base {
  org_id: string;
  date: string;
  title: string;
  items: string;
  followups: string;
}
export interface CadreYoungTable extends Base {
  person_id: string;
  entered_on: string;
  plan: string;
  status: string;
  rotations: string;
}

export interface CadresTables {
  cadre_rule_set: CadreRuleSetTable;
  cadre_promotion: CadrePromotionTable;
  cadre_conversion_batch: CadreConversionBatchTable;
  cadre_conversion_line: CadreConversionLineTable;
  cadre_record: CadreRecordTable;
  cadre_post: CadrePostTable;
  cadre_team_target: CadreTeamTargetTable;
  cadre_team_evaluation: CadreTeamEvaluationTable;
  cadre_young: CadreYoungTable;
}
