import type {
  ApplicationStatus as CoreApplicationStatus,
  CountsByPostResponse,
  CreateAnnouncementBody,
  CreateAnnouncementResponse,
  CreatePostBody,
  CreatePostResponse,
  FileCategory,
  FileView,
  ListAnnouncementsResponse,
  ListApplicationsResponse,
  PostRequirements,
  RankingResponse,
  RecruitScoresBody,
  ViewApplicationResponse,
  ApplicationStagesResponse,
  WeightsBody,
} from '@zhenggong/core';

/**
 * Shapes of the staff recruitment API (docs/api-recruitment.md, `/api/v1/recruitment`): aliases
 * of core's schema types (erased at build), plus the import report the web keeps itself.
 */
export type ApplicationStatus = CoreApplicationStatus;
export const APPLICATION_STATUSES = [
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

export type Requirements = PostRequirements;

export type AnnouncementRow = ListAnnouncementsResponse[number];

/** The server stores a post's requirements as validated on write (PostRequirements) and sends them back as is. */
export type Post = Omit<CreatePostResponse, 'requirements'> & { requirements: Requirements };

export type Weights = WeightsBody;

export type Announcement = Omit<CreateAnnouncementResponse, 'posts'> & { posts: Post[] };

export type AnnouncementInput = CreateAnnouncementBody;

export type PostInput = CreatePostBody;

export type PostCount = CountsByPostResponse[number];

export type ApplicationRow = ListApplicationsResponse['items'][number];

export type ApplicationFile = FileView;

export type ApplicationDetail = ViewApplicationResponse;
export type ApplicationEvent = ApplicationDetail['events'][number];

export type Scores = RecruitScoresBody;

export type RankingAnswer = RankingResponse;
export type RankingGroup = RankingResponse['posts'][number];
export type RankEntry = RankingGroup['entries'][number];

/** One refused cell of a score import (the error's details). */
export interface ScoreProblem {
  row: number;
  column: string;
  code: string;
  value?: string;
  message?: string;
}

/**
 * Status, file category and event detail arrive untyped (plain strings, unknown JSON); these
 * narrow them for labels, with null (or undefined) for anything the web has no label for.
 */
export const asApplicationStatus = (status: string): ApplicationStatus | null => APPLICATION_STATUSES.find((s) => s === status) ?? null;
export const FILE_CATEGORIES = ['id_card', 'diploma', 'household', 'other'] as const satisfies readonly FileCategory[];
export const asFileCategory = (category: string): FileCategory | null => FILE_CATEGORIES.find((c) => c === category) ?? null;
export const eventReason = (detail: unknown): string | undefined =>
  typeof detail === 'object' && detail !== null && 'reason' in detail && typeof detail.reason === 'string' ? detail.reason : undefined;

export type ApplicationStages = ApplicationStagesResponse;
