/** Shapes of the public portal API (docs/api-recruitment.md, `/api/v1/portal`). */
export type ApplicationStatus = 'submitted' | 'approved' | 'rejected' | 'shortlisted' | 'publicized' | 'hired' | 'withdrawn';

export interface Applicant {
  id: string;
  phoneMasked: string;
}

export interface PortalSession {
  applicant: Applicant;
  csrf: string;
}

export interface AnnouncementSummary {
  id: string;
  title: string;
  publishedAt: string | null;
  applyFrom: string;
  applyUntil: string;
  postCount: number;
  summary?: string | null;
}

export interface PostRequirements {
  ageMin?: number | null;
  ageMax?: number | null;
  ageReferenceDate?: string | null;
  sex?: '1' | '2' | null;
  educationMin?: string | null;
  politicalStatus?: string[] | null;
  householdRegions?: string[] | null;
  other?: string | null;
}

export interface Post {
  id: string;
  code: string;
  name: string;
  orgName: string;
  headcount: number;
  requirements: PostRequirements;
}

export interface Announcement extends AnnouncementSummary {
  body?: string | null;
  examAt?: string | null;
  examPlace?: string | null;
  posts: Post[];
}

export interface MyApplication {
  id: string;
  announcementId: string;
  announcementTitle: string;
  postId: string;
  postName: string;
  status: ApplicationStatus;
  rejectReason: string | null;
  submittedAt: string | null;
  reviewedAt: string | null;
  updatedAt: string;
  ticketNumber?: string | null;
}

export type FileCategory = 'id_card' | 'diploma' | 'household' | 'other';

export interface ApplicationFile {
  id: string;
  category: FileCategory;
  name: string;
  size: number;
  type?: string;
  uploadedAt?: string;
}

export interface ApplicationInput {
  postId: string;
  name: string;
  idNumber: string;
  phone: string;
  education: string;
  politicalStatus: string;
  householdRegion: string;
  address?: string;
  school?: string;
  major?: string;
  resume?: string;
}

export interface ApplicationDetail extends MyApplication {
  name: string;
  idNumber: string;
  idNumberMasked?: string;
  phone: string;
  sex?: '1' | '2';
  birthDate?: string;
  age?: number;
  education: string;
  politicalStatus: string;
  householdRegion: string;
  address?: string | null;
  school?: string | null;
  major?: string | null;
  resume?: string | null;
  hasPhoto?: boolean;
  ticketNumber?: string | null;
  applyUntil?: string;
  files: ApplicationFile[];
}

export interface ScoreResult {
  written?: number | null;
  interview?: number | null;
  physical?: number | null;
  background?: number | null;
  /** As a pass/fail gate (合格/不合格): passed or not; null when weighted instead, or not scored yet. */
  physicalGate?: boolean | null;
  backgroundGate?: boolean | null;
  total?: number | null;
  rank?: number | null;
}

export interface PublicityRow {
  nameMasked: string;
  postName: string;
  total: number | null;
}

export interface Publicity {
  from: string;
  until: string;
  entries: PublicityRow[];
}
