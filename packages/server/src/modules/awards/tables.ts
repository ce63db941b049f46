/** Table types of awards, discipline and exemplars; see migration 20261207T010000-awards. */
interface Stamped {
  id: string;
  city_code: string;
  created_at: string;
}

export interface AwardRuleTable extends Stamped {
  rule_set: string;
  jurisdiction: string;
  effective_from: string;
  value: string;
  evidence: 'V' | 'S' | 'U';
  source: string | null;
  note: string | null;
  created_by: string | null;
}

export type AwardStatus = 'in_review' | 'approved' | 'decided' | 'rejected' | 'withdrawn';

export interface AwardCaseTable extends Stamped {
  recipient: 'individual' | 'collective';
  /** The recipient's unit (collective) or the first recipient's unit: scope and approvers follow it. */
  org_id: string;
  level: string;
  title: string;
  deed_title: string;
  deed_date: string;
  deed_summary: string;
  leadership: number;
  fast_track: number;
  batch: number;
  approver_level: string;
  approver_basis: string;
  review_democratic: string;
  review_collective: string;
  /** JSON array of platform file ids (unit review attachments). */
  review_file_ids: string;
  exception_reason: string | null;
  exception_by: string | null;
  exception_by_name: string | null;
  /** JSON array of soft guard refusals set aside by the exception. */
  overridden: string;
  status: AwardStatus;
  case_id: string | null;
  bonus_yuan: number;
  decision_no: string | null;
  decision_date: string | null;
  issuer: string | null;
  delivered_on: string | null;
  delivered_by: string | null;
  delivered_at_home: number | null;
  delivery_note: string | null;
  nominated_by: string;
  updated_at: string;
}

export interface AwardSubjectTable extends Stamped {
  award_id: string;
  person_id: string | null;
  org_id: string;
  name: string;
  deed_key: string;
  /** 1 while the award is in review, approved or decided; 0 once rejected or withdrawn (the deed may be put forward again). */
  active: number;
  person_line_id: string | null;
}

export interface DisciplineRecordTable extends Stamped {
  person_id: string;
  system: 'govt' | 'party';
  kind: string;
  decision_date: string;
  end_date: string | null;
  organ: string;
  doc_no: string;
  facts_enc: string;
  appeal_enc: string | null;
  appeal_result_enc: string | null;
  appeal_status: 'none' | 'pending' | 'upheld' | 'changed' | 'revoked';
  status: 'in_effect' | 'lift_due' | 'lifted' | 'permanent' | 'revoked';
  lifted_on: string | null;
  lift_doc_no: string | null;
  person_line_id: string;
  created_by: string;
  updated_at: string;
}

export interface DisciplineInvestigationTable extends Stamped {
  person_id: string;
  since: string;
  closed_on: string | null;
  note_enc: string;
  created_by: string;
}

export interface ExemplarCampaignTable extends Stamped {
  title: string;
  kind: string;
  year: number;
  criteria: string;
  quota_per_unit: number;
  max_choices: number;
  public_voting: number;
  status: 'nominating' | 'voting' | 'closed' | 'announced';
  org_id: string;
  created_by: string;
  updated_at: string;
}

export interface ExemplarCandidateTable extends Stamped {
  campaign_id: string;
  person_id: string;
  org_id: string;
  quota_org_id: string;
  deeds: string;
  status: 'in_review' | 'approved' | 'rejected';
  case_id: string | null;
  winner: number;
}

export interface ExemplarBallotTable extends Stamped {
  campaign_id: string;
  voter_key: string;
  channel: 'staff' | 'public';
  ip: string | null;
  fingerprint: string | null;
}

export interface ExemplarBallotChoiceTable extends Stamped {
  ballot_id: string;
  campaign_id: string;
  candidate_id: string;
}

export interface ExemplarVoterCodeTable extends Stamped {
  phone_bidx: string;
  code_hash: string;
  attempts: number;
  expires_at: string;
  used_at: string | null;
}

export interface ExemplarTable extends Stamped {
  person_id: string;
  org_id: string;
  campaign_id: string | null;
  title: string;
  year: number;
  deeds: string;
  award_ids: string;
  photo_file_ids: string;
}

export interface AwardsTables {
  award_rule: AwardRuleTable;
  award_case: AwardCaseTable;
  award_subject: AwardSubjectTable;
  discipline_record: DisciplineRecordTable;
  discipline_investigation: DisciplineInvestigationTable;
  exemplar_campaign: ExemplarCampaignTable;
  exemplar_candidate: ExemplarCandidateTable;
  exemplar_ballot: ExemplarBallotTable;
  exemplar_ballot_choice: ExemplarBallotChoiceTable;
  exemplar_voter_code: ExemplarVoterCodeTable;
  exemplar: ExemplarTable;
}
