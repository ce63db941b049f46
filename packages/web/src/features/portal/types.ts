import type {
  ApplicantView,
  ApplicantViewResponse,
  ApplicationBody,
  ApplicationStatus as CoreApplicationStatus,
  FileCategory as CoreFileCategory,
  GetPublishedResponse,
  ListOwnApplicationsResponse,
  ListPublishedResponse,
  OwnScoresResponse,
  PublicityListResponse,
  SubmitApplicationResponse,
} from '@zhenggong/core';

/**
 * Shapes of the public portal API (docs/api-recruitment.md, `/api/v1/portal`): aliases of core's
 * schema types, erased at build.
 */
export type ApplicationStatus = CoreApplicationStatus;
const APPLICATION_STATUSES = [
  'submitted',
  'approved',
  'rejected',
  'shortlisted',
  'publicized',
  'hired',
  'withdrawn',
  'medical_passed',
  'dropped',
] as const satisfies readonly ApplicationStatus[];
/** The server sends the status as a plain string; null for one the portal has no label for. */
export const asApplicationStatus = (status: string): ApplicationStatus | null => APPLICATION_STATUSES.find((s) => s === status) ?? null;

export type Applicant = ApplicantView;

/** `/me` answers without a CSRF token when the session predates it; register and login always carry one. */
export type PortalSession = ApplicantViewResponse;

export type AnnouncementSummary = ListPublishedResponse[number];

export type Announcement = GetPublishedResponse;
export type Post = Announcement['posts'][number];
export type PostRequirements = Post['requirements'];

export type MyApplication = ListOwnApplicationsResponse[number];

export type FileCategory = CoreFileCategory;
const FILE_CATEGORIES = ['id_card', 'diploma', 'household', 'other'] as const satisfies readonly FileCategory[];
export const asFileCategory = (category: string): FileCategory | null => FILE_CATEGORIES.find((c) => c === category) ?? null;

export type ApplicationFile = SubmitApplicationResponse['files'][number];

export type ApplicationInput = ApplicationBody;

/** The applicant's own application: always the revealed view (full ID number and phone), never the masked one staff get. */
export type ApplicationDetail = Extract<SubmitApplicationResponse, { idNumber: string }>;

export type ScoreResult = OwnScoresResponse;

export type Publicity = PublicityListResponse;
export type PublicityRow = PublicityListResponse['entries'][number];
