/** Table types of the study module (学习教育); see migration 20261129T070000-study. */
export interface StudyCampaignTable {
  id: string;
  title: string;
  org_id: string;
  start_date: string;
  end_date: string;
  required_hours: number;
  description: string | null;
  target: string;
  created_by: string | null;
  city_code: string;
  created_at: string;
}
export interface StudyMaterialTable {
  id: string;
  title: string;
  kind: 'document' | 'link';
  org_id: string;
  url: string | null;
  file_name: string | null;
  file_type: string | null;
  file_size: number | null;
  stored_name: string | null;
  hours: number;
  min_read_minutes: number;
  description: string | null;
  campaign_id: string | null;
  created_by: string | null;
  city_code: string;
  created_at: string;
}
export interface StudyMaterialReadTable {
  material_id: string;
  person_id: string;
  opened_at: string;
  acknowledged_at: string | null;
  city_code: string;
}
export interface StudyRecordTable {
  id: string;
  person_id: string;
  date: string;
  hours: number;
  title: string;
  note: string | null;
  source: 'self' | 'material';
  material_id: string | null;
  campaign_id: string | null;
  status: 'pending' | 'approved' | 'rejected';
  decided_by: string | null;
  decided_at: string | null;
  decision_note: string | null;
  created_by: string | null;
  city_code: string;
  created_at: string;
}

export interface StudyTables {
  study_campaign: StudyCampaignTable;
  study_material: StudyMaterialTable;
  study_material_read: StudyMaterialReadTable;
  study_record: StudyRecordTable;
}
