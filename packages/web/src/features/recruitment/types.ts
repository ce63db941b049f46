/** Shapes of the staff recruitment API (docs/api-recruitment.md, `/api/v1/recruitment`). */
export type ApplicationStatus = 'submitted' | 'approved' | 'rejected' | 'shortlisted' | 'publicized' | 'hired' | 'withdrawn';
export const APPLICATION_STATUSES: ApplicationStatus[] = [
  'submitted',
  'approved',
  'rejected',
  'shortlisted',
  'publicized',
  'hired',
  'withdrawn',
];

export interface Requirements {
  ageMin?: number | null;
  ageMax?: number | null;
  ageReferenceDate?: string | null;
  sex?: '1' | '2' | null;
  educationMin?: string | null;
  politicalStatus?: string[] | null;
  householdRegions?: string[] | null;
  other?: string | null;
}

export interface AnnouncementRow {
  id: string;
  title: string;
  orgId: string;
  orgName: string;
  status: 'draft' | 'published';
  applyFrom: string;
  applyUntil: string;
  publishedAt: string | null;
  postCount: number;
  applied: number;
}

export interface Post {
  id: string;
  code: string;
  name: string;
  orgId: string;
  orgName?: string;
  headcount: number;
  requirements: Requirements;
}

export interface Weights {
  written: number;
  interview: number;
  physical: number;
  background: number;
  physicalGate: boolean;
  backgroundGate: boolean;
}

export interface Announcement extends AnnouncementRow {
  body: string;
  summary?: string | null;
  examAt?: string | null;
  examPlace?: string | null;
  posts: Post[];
  weights?: Weights | null;
  scoresPublishedAt?: string | null;
  publicity?: { from: string; until: string } | null;
}

export interface AnnouncementInput {
  title: string;
  orgId: string;
  body: string;
  applyFrom: string;
  applyUntil: string;
  examAt?: string;
  examPlace?: string;
  summary?: string;
}

export interface PostInput {
  code: string;
  name: string;
  orgId: string;
  headcount: number;
  requirements: Requirements;
}

export interface PostCount {
  postId: string;
  postName: string;
  headcount: number;
  applied: number;
  approved: number;
  rejected: number;
  ratio: number;
}

export interface ApplicationRow {
  id: string;
  announcementId: string;
  postId: string;
  postName: string;
  name: string;
  idNumberMasked: string;
  phoneMasked: string;
  sex: '1' | '2' | null;
  age: number | null;
  education: string;
  status: ApplicationStatus;
  submittedAt: string | null;
  reviewedAt: string | null;
  rejectReason: string | null;
  ticketNumber: string | null;
}

export interface ApplicationFile {
  id: string;
  category: 'id_card' | 'diploma' | 'household' | 'other';
  name: string;
  size: number;
  type?: string;
  uploadedAt?: string;
}

export interface ApplicationEvent {
  at: string;
  kind: string;
  actor?: string | null;
  detail?: { reason?: string } & Record<string, unknown>;
}

export interface Scores {
  written?: number | null;
  interview?: number | null;
  physical?: number | null;
  background?: number | null;
  total?: number | null;
}

export interface ApplicationDetail extends ApplicationRow {
  announcementTitle?: string;
  birthDate?: string | null;
  politicalStatus: string;
  householdRegion: string;
  address?: string | null;
  school?: string | null;
  major?: string | null;
  resume?: string | null;
  hasPhoto?: boolean;
  personId?: string | null;
  files: ApplicationFile[];
  scores?: Scores | null;
  events?: ApplicationEvent[];
}

export interface RankEntry {
  rank: number | null;
  applicationId: string;
  name: string;
  ticketNumber: string | null;
  written: number | null;
  interview: number | null;
  physical: number | null;
  background: number | null;
  total: number | null;
  eligible: boolean;
  status: ApplicationStatus;
}

export interface RankingGroup {
  postId: string;
  postName: string;
  headcount: number;
  entries: RankEntry[];
}

export interface RankingAnswer {
  weights: Weights;
  /** Score at or above which a pass/fail item passes. */
  gatePass: number;
  posts: RankingGroup[];
}

export interface ScoreProblem {
  row: number;
  column: string;
  code: string;
  value?: string;
  message?: string;
}
