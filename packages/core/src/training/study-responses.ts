import { Type, type Static } from '@sinclair/typebox';
import { ReadonlyList } from '../schemas/common.ts';

/** Response schemas of the study routes (materials, records, campaigns, self-service); types are Static<> of them. */
export const ListMaterialsResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      kind: Type.Union([Type.Literal('link'), Type.Literal('document')]),
      orgId: Type.String(),
      orgName: Type.String(),
      url: Type.Union([Type.Null(), Type.String()]),
      fileName: Type.Union([Type.Null(), Type.String()]),
      fileSize: Type.Union([Type.Null(), Type.Number()]),
      hours: Type.Number(),
      minReadMinutes: Type.Number(),
      description: Type.Union([Type.Null(), Type.String()]),
      campaignId: Type.Union([Type.Null(), Type.String()]),
      createdAt: Type.String(),
    }),
  ),
  total: Type.Number(),
});
export type ListMaterialsResponse = Static<typeof ListMaterialsResponse>;

export const CreateMaterialResponse = Type.Object({
  id: Type.String(),
  title: Type.String(),
  kind: Type.Union([Type.Literal('link'), Type.Literal('document')]),
  orgId: Type.String(),
  orgName: Type.String(),
  url: Type.Union([Type.Null(), Type.String()]),
  fileName: Type.Union([Type.Null(), Type.String()]),
  fileSize: Type.Union([Type.Null(), Type.Number()]),
  hours: Type.Number(),
  minReadMinutes: Type.Number(),
  description: Type.Union([Type.Null(), Type.String()]),
  campaignId: Type.Union([Type.Null(), Type.String()]),
  createdAt: Type.String(),
});
export type CreateMaterialResponse = Static<typeof CreateMaterialResponse>;

export const ListRecordsResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      date: Type.String(),
      hours: Type.Number(),
      title: Type.String(),
      note: Type.Union([Type.Null(), Type.String()]),
      source: Type.Union([Type.Literal('self'), Type.Literal('material')]),
      campaignId: Type.Union([Type.Null(), Type.String()]),
      status: Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('rejected')]),
      decidedAt: Type.Union([Type.Null(), Type.String()]),
      decisionNote: Type.Union([Type.Null(), Type.String()]),
      name: Type.Optional(Type.String()),
      orgName: Type.Optional(Type.String()),
      id: Type.String(),
      personId: Type.String(),
    }),
  ),
  total: Type.Number(),
});
export type ListRecordsResponse = Static<typeof ListRecordsResponse>;

export const NormalizedTargetSchema2 = Type.Object({
  orgIds: ReadonlyList(Type.String()),
  ranks: ReadonlyList(Type.String()),
  levels: ReadonlyList(Type.String()),
  posts: ReadonlyList(Type.String()),
  personIds: ReadonlyList(Type.String()),
});

export const ListCampaignsResponse = Type.Array(
  Type.Object({
    id: Type.String(),
    title: Type.String(),
    orgId: Type.String(),
    orgName: Type.String(),
    startDate: Type.String(),
    endDate: Type.String(),
    requiredHours: Type.Number(),
    description: Type.Union([Type.Null(), Type.String()]),
    target: NormalizedTargetSchema2,
  }),
);
export type ListCampaignsResponse = Static<typeof ListCampaignsResponse>;

export const CreateCampaignResponse = Type.Object({
  id: Type.String(),
  title: Type.String(),
  orgId: Type.String(),
  orgName: Type.String(),
  startDate: Type.String(),
  endDate: Type.String(),
  requiredHours: Type.Number(),
  description: Type.Union([Type.Null(), Type.String()]),
  target: NormalizedTargetSchema2,
});
export type CreateCampaignResponse = Static<typeof CreateCampaignResponse>;

export const CampaignProgressResponse = Type.Object({
  campaign: Type.Object({
    id: Type.String(),
    title: Type.String(),
    orgId: Type.String(),
    orgName: Type.String(),
    startDate: Type.String(),
    endDate: Type.String(),
    requiredHours: Type.Number(),
    description: Type.Union([Type.Null(), Type.String()]),
    target: NormalizedTargetSchema2,
  }),
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
      completed: Type.Boolean(),
      personId: Type.String(),
      name: Type.String(),
      orgName: Type.String(),
      branchId: Type.String(),
      branchName: Type.String(),
      hours: Type.Number(),
    }),
  ),
});
export type CampaignProgressResponse = Static<typeof CampaignProgressResponse>;

export const MyStudyResponse = Type.Object({
  year: Type.Number(),
  approvedHours: Type.Number(),
  pending: Type.Number(),
  records: Type.Array(
    Type.Object({
      date: Type.String(),
      hours: Type.Number(),
      title: Type.String(),
      note: Type.Union([Type.Null(), Type.String()]),
      source: Type.Union([Type.Literal('self'), Type.Literal('material')]),
      campaignId: Type.Union([Type.Null(), Type.String()]),
      status: Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('rejected')]),
      decidedAt: Type.Union([Type.Null(), Type.String()]),
      decisionNote: Type.Union([Type.Null(), Type.String()]),
      name: Type.Optional(Type.String()),
      orgName: Type.Optional(Type.String()),
      id: Type.String(),
      personId: Type.String(),
    }),
  ),
  campaigns: Type.Array(
    Type.Object({
      myHours: Type.Number(),
      completed: Type.Boolean(),
      id: Type.String(),
      title: Type.String(),
      orgId: Type.String(),
      orgName: Type.String(),
      startDate: Type.String(),
      endDate: Type.String(),
      requiredHours: Type.Number(),
      description: Type.Union([Type.Null(), Type.String()]),
      target: NormalizedTargetSchema2,
    }),
  ),
  materials: Type.Array(
    Type.Object({
      openedAt: Type.Union([Type.Null(), Type.String()]),
      acknowledgedAt: Type.Union([Type.Null(), Type.String()]),
      id: Type.String(),
      title: Type.String(),
      kind: Type.Union([Type.Literal('link'), Type.Literal('document')]),
      orgId: Type.String(),
      orgName: Type.String(),
      url: Type.Union([Type.Null(), Type.String()]),
      fileName: Type.Union([Type.Null(), Type.String()]),
      fileSize: Type.Union([Type.Null(), Type.Number()]),
      hours: Type.Number(),
      minReadMinutes: Type.Number(),
      description: Type.Union([Type.Null(), Type.String()]),
      campaignId: Type.Union([Type.Null(), Type.String()]),
      createdAt: Type.String(),
    }),
  ),
});
export type MyStudyResponse = Static<typeof MyStudyResponse>;

export const DeclareStudyResponse = Type.Object({ id: Type.String() });
export type DeclareStudyResponse = Static<typeof DeclareStudyResponse>;

export const OpenMaterialResponse = Type.Object({ openedAt: Type.String() });
export type OpenMaterialResponse = Static<typeof OpenMaterialResponse>;

export const AcknowledgeMaterialResponse = Type.Union([
  Type.Object({ recordId: Type.Null(), hours: Type.Number() }),
  Type.Object({ recordId: Type.String(), hours: Type.Number() }),
]);
export type AcknowledgeMaterialResponse = Static<typeof AcknowledgeMaterialResponse>;
