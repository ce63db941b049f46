import type { OutletLevel, OutputKind } from '@zhenggong/core';

/** Table types of publicity; see migration 20261207T061000-publicity. */
interface Base {
  id: string;
  city_code: string;
  created_at: string;
}

export interface PublicityRuleTable extends Base {
  rule_set: 'scoring' | 'sync';
  jurisdiction: string;
  effective_from: string;
  value: string;
  evidence: 'V' | 'S' | 'U';
  source: string | null;
  note: string | null;
  created_by: string | null;
}

export interface PublicityReporterTable extends Base {
  person_id: string;
  role: 'full_time' | 'part_time';
  since: string;
  until: string | null;
  note: string | null;
  updated_at: string;
}

export interface PublicityOutputTable extends Base {
  person_id: string;
  /** The reporter's establishment unit when submitted: the unit the points are credited to. */
  unit_id: string;
  kind: OutputKind;
  title: string;
  outlet: string;
  level: OutletLevel;
  published_on: string;
  url: string | null;
  lead: number;
  status: 'submitted' | 'verified' | 'rejected';
  /** Tenths of a point, by the scoring rule in force on the publication date (rule_id). */
  points: number | null;
  rule_id: string | null;
  submitted_by: string | null;
  verified_by: string | null;
  verified_by_name: string | null;
  verified_at: string | null;
  reject_reason: string | null;
  updated_at: string;
}

export interface OfficialAccountTable extends Base {
  org_id: string;
  platform: string;
  name: string;
  operator_person_id: string | null;
  reviewer_person_id: string | null;
  verified: number;
  active: number;
  updated_at: string;
}

export interface PublicityIncidentTable extends Base {
  org_id: string;
  title: string;
  occurred_at: string;
  created_by: string | null;
}

export interface PublicityReleaseTable extends Base {
  incident_id: string;
  kind: 'first' | 'update' | 'closure';
  at: string;
  account_id: string | null;
  summary: string;
}

export interface PublicityTables {
  publicity_rule: PublicityRuleTable;
  publicity_reporter: PublicityReporterTable;
  publicity_output: PublicityOutputTable;
  official_account: OfficialAccountTable;
  publicity_incident: PublicityIncidentTable;
  publicity_release: PublicityReleaseTable;
}
