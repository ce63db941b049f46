/** Shapes of /api/v1/personnel/me and /corrections (server `person-self-service.ts`). */

/** Fields a person may ask to have corrected (server `correctableFields`). */
export const CORRECTABLE_FIELDS = [
  'phone',
  'formerNames',
  'ethnicity',
  'politicalStatus',
  'partyJoinDate',
  'nativePlace',
  'birthplace',
  'education',
  'degree',
  'workStartDate',
] as const;
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];

export type CorrectionStatus = 'pending' | 'approved' | 'rejected' | 'withdrawn';

export interface CorrectionRequest {
  id: string;
  personId: string;
  /** Field → requested value (codes for code-table fields; former names comma-separated). */
  changes: Record<string, string>;
  reason: string | null;
  status: CorrectionStatus;
  decidedAt: string | null;
  decisionNote: string | null;
  createdAt: string;
  /** The workflow case that decides the request (审批流). */
  caseId: string | null;
}

/** A request as the approver sees it. */
export interface PendingCorrection extends CorrectionRequest {
  personName: string;
}

/** The part of the own record the page shows (GET /me returns the full profile). */
export interface OwnProfile {
  id: string;
  kind: 'officer' | 'auxiliary';
  name: string;
  formerNames: string[];
  sex: string;
  birthDate: string;
  age: number;
  idNumberMasked: string;
  phoneMasked: string | null;
  policeNumber: string | null;
  orgName: string;
  post: string | null;
  rank: string | null;
  officerLevel: string | null;
  techLevel: string | null;
  ethnicity: string | null;
  politicalStatus: string | null;
  partyJoinDate: string | null;
  nativePlace: string | null;
  birthplace: string | null;
  education: string | null;
  degree: string | null;
  workStartDate: string | null;
  policeStartDate: string | null;
  status: string;
}
