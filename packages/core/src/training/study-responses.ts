import { Type, type Static } from '@sinclair/typebox';
import { Page } from '../schemas/common.ts';
import { NormalizedTargetSchema } from './training-responses.ts';

/** Response schemas of the study routes (materials, records, campaigns, self-service); types are Static<> of them. */

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([Type.Null(), schema]);

/** A study material (学习资料): a link or a stored document. */
export const StudyMaterial = Type.Object({
  id: Type.String(),
  title: Type.String(),
  kind: Type.Union([Type.Literal('link'), Type.Literal('document')]),
  orgId: Type.String(),
  orgName: Type.String(),
  url: Nullable(Type.String()),
  fileName: Nullable(Type.String()),
  fileSize: Nullable(Type.Number()),
  hours: Type.Number(),
  minReadMinutes: Type.Number(),
  description: Nullable(Type.String()),
  campaignId: Nullable(Type.String()),
  createdAt: Type.String(),
});
export type StudyMaterial = Static<typeof StudyMaterial>;

/** A study-hours record (学时), declared by the officer or earned by reading a material. */
export const StudyRecord = Type.Object({
  id: Type.String(),
  personId: Type.String(),
  /** Present in staff lists; absent in the officer's own list. */
  name: Type.Optional(Type.String()),
  orgName: Type.Optional(Type.String()),
  date: Type.String(),
  hours: Type.Number(),
  title: Type.String(),
  note: Nullable(Type.String()),
  source: Type.Union([Type.Literal('self'), Type.Literal('material')]),
  campaignId: Nullable(Type.String()),
  status: Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('rejected')]),
  decidedAt: Nullable(Type.String()),
  decisionNote: Nullable(Type.String()),
});
export type StudyRecord = Static<typeof StudyRecord>;

/** A study campaign (学习活动) with its target group. */
export const StudyCampaign = Type.Object({
  id: Type.String(),
  title: Type.String(),
  orgId: Type.String(),
  orgName: Type.String(),
  startDate: Type.String(),
  endDate: Type.String(),
  requiredHours: Type.Number(),
  description: Nullable(Type.String()),
  target: NormalizedTargetSchema,
});
export type StudyCampaign = Static<typeof StudyCampaign>;

export const ListMaterialsResponse = Page(StudyMaterial);
export type ListMaterialsResponse = Static<typeof ListMaterialsResponse>;
export const CreateMaterialResponse = StudyMaterial;
export type CreateMaterialResponse = StudyMaterial;

export const ListRecordsResponse = Page(StudyRecord);
export type ListRecordsResponse = Static<typeof ListRecordsResponse>;

/** Declarations waiting for the approver, each with the workflow case that decides it. */
export const PendingRecordsResponse = Page(Type.Composite([StudyRecord, Type.Object({ caseId: Nullable(Type.String()) })]));
export type PendingRecordsResponse = Static<typeof PendingRecordsResponse>;

export const ListCampaignsResponse = Type.Array(StudyCampaign);
export type ListCampaignsResponse = Static<typeof ListCampaignsResponse>;
export const CreateCampaignResponse = StudyCampaign;
export type CreateCampaignResponse = StudyCampaign;

/** A campaign's completion by unit and by person. */
export const CampaignProgressResponse = Type.Object({
  campaign: StudyCampaign,
  total: Type.Number(),
  completed: Type.Number(),
  units: Type.Array(
    Type.Object({
      branchId: Type.String(),
      branchName: Type.String(),
      total: Type.Number(),
      completed: Type.Number(),
      rate: Type.Number(),
    }),
  ),
  people: Type.Array(
    Type.Object({
      personId: Type.String(),
      name: Type.String(),
      orgName: Type.String(),
      branchId: Type.String(),
      branchName: Type.String(),
      hours: Type.Number(),
      completed: Type.Boolean(),
    }),
  ),
});
export type CampaignProgressResponse = Static<typeof CampaignProgressResponse>;

/** The officer's own study year: hours, records, campaigns and materials. */
export const MyStudyResponse = Type.Object({
  year: Type.Number(),
  approvedHours: Type.Number(),
  pending: Type.Number(),
  records: Type.Array(StudyRecord),
  campaigns: Type.Array(Type.Composite([StudyCampaign, Type.Object({ myHours: Type.Number(), completed: Type.Boolean() })])),
  materials: Type.Array(
    Type.Composite([StudyMaterial, Type.Object({ openedAt: Nullable(Type.String()), acknowledgedAt: Nullable(Type.String()) })]),
  ),
});
export type MyStudyResponse = Static<typeof MyStudyResponse>;

export const DeclareStudyResponse = Type.Object({ id: Type.String() });
export type DeclareStudyResponse = Static<typeof DeclareStudyResponse>;

export const OpenMaterialResponse = Type.Object({ openedAt: Type.String() });
export type OpenMaterialResponse = Static<typeof OpenMaterialResponse>;

/** `recordId` is null when the hours were already earned (a second acknowledgement). */
export const AcknowledgeMaterialResponse = Type.Object({ recordId: Nullable(Type.String()), hours: Type.Number() });
export type AcknowledgeMaterialResponse = Static<typeof AcknowledgeMaterialResponse>;
