export interface Material {
  id: string;
  title: string;
  kind: 'document' | 'link';
  orgId: string;
  orgName: string;
  url: string | null;
  fileName: string | null;
  fileSize: number | null;
  hours: number;
  minReadMinutes: number;
  description: string | null;
  campaignId: string | null;
  createdAt: string;
}
export interface StudyRecord {
  id: string;
  personId: string;
  name: string;
  orgName: string;
  date: string;
  hours: number;
  title: string;
  note: string | null;
  source: 'self' | 'material';
  campaignId: string | null;
  status: 'pending' | 'approved' | 'rejected';
  decidedAt: string | null;
  decisionNote: string | null;
  /** In the approvals queue: the workflow case that decides the declaration. */
  caseId?: string | null;
}
export interface Campaign {
  id: string;
  title: string;
  orgId: string;
  orgName: string;
  startDate: string;
  endDate: string;
  requiredHours: number;
  description: string | null;
}
export interface CampaignProgress {
  campaign: Campaign;
  total: number;
  completed: number;
  units: { branchId: string; branchName: string; total: number; completed: number; rate: number }[];
  people: { personId: string; name: string; orgName: string; branchName: string; hours: number; completed: boolean }[];
}
