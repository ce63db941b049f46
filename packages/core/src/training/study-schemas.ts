import { Type, type Static } from '@sinclair/typebox';
import { Id, PageQuery, Strict } from '../schemas/common.ts';
import { PersonSet } from '../personnel/person-set.ts';
import { DecimalHours } from './hours-ledger.ts';

const DateStr = Type.String({ format: 'date' });
/** Study hours (学时) with one decimal, like every line of the 学时 ledger. */
const Hours = DecimalHours(200);

export const CreateMaterialBody = Strict({
  title: Type.String({ minLength: 1, maxLength: 200 }),
  kind: Type.Union([Type.Literal('document'), Type.Literal('link')]),
  orgId: Id,
  url: Type.Optional(Type.String({ pattern: '^https?://', maxLength: 1000 })),
  hours: Hours,
  /** Minutes a reader must have the material open before acknowledging it as studied. */
  minReadMinutes: Type.Integer({ minimum: 0, maximum: 600 }),
  description: Type.Optional(Type.String({ maxLength: 2000 })),
  campaignId: Type.Optional(Type.Union([Id, Type.Null()])),
});
export type CreateMaterialBody = Static<typeof CreateMaterialBody>;

export const MaterialListQuery = Strict({
  ...PageQuery,
  keyword: Type.Optional(Type.String({ maxLength: 50 })),
  campaignId: Type.Optional(Id),
});
export type MaterialListQuery = Static<typeof MaterialListQuery>;

/** A self-declared record (自主学习申报): pending until someone with study:approve decides. */
export const DeclareStudyBody = Strict({
  date: DateStr,
  hours: Hours,
  title: Type.String({ minLength: 1, maxLength: 200 }),
  note: Type.Optional(Type.String({ maxLength: 1000 })),
  campaignId: Type.Optional(Type.Union([Id, Type.Null()])),
});
export type DeclareStudyBody = Static<typeof DeclareStudyBody>;

export const RecordListQuery = Strict({
  ...PageQuery,
  status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('rejected')])),
  keyword: Type.Optional(Type.String({ maxLength: 50 })),
});
export type RecordListQuery = Static<typeof RecordListQuery>;

export const StudyDecisionBody = Strict({ approve: Type.Boolean(), note: Type.Optional(Type.String({ maxLength: 500 })) });

/** 主题教育活动: participants and the hours each must earn within the dates. */
export const CreateCampaignBody = Strict({
  title: Type.String({ minLength: 1, maxLength: 200 }),
  orgId: Id,
  startDate: DateStr,
  endDate: DateStr,
  requiredHours: Hours,
  description: Type.Optional(Type.String({ maxLength: 4000 })),
  target: PersonSet,
});
export type CreateCampaignBody = Static<typeof CreateCampaignBody>;
