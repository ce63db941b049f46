import { Type, type Static } from '@sinclair/typebox';
import { Id, Strict } from '../schemas/common.ts';
import { OutletLevelSchema, OutputKindSchema, ScoringValue } from './rules.ts';

/** Request schemas of the publicity routes (/api/v1/publicity). */
const DateStr = Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$' });
const Text = (max: number) => Type.String({ minLength: 1, maxLength: max });
const Opt = (max: number) => Type.Optional(Type.Union([Type.String({ maxLength: max }), Type.Null()]));

export const reporterRoles = ['full_time', 'part_time'] as const;
export const ReporterRole = Type.Union(reporterRoles.map((r) => Type.Literal(r)));
export const CreateReporterBody = Strict({ personId: Id, role: ReporterRole, since: DateStr, note: Opt(500) });
export type CreateReporterBody = Static<typeof CreateReporterBody>;
export const EndReporterBody = Strict({ until: DateStr });

export const OutputFields = {
  kind: OutputKindSchema,
  title: Text(200),
  /** The outlet (人民公安报, 省厅官微 …), free text. */
  outlet: Text(100),
  level: OutletLevelSchema,
  publishedOn: DateStr,
  url: Type.Optional(Type.Union([Type.String({ maxLength: 500, pattern: '^https?://' }), Type.Null()])),
  lead: Type.Optional(Type.Boolean()),
};
export const SubmitOutputBody = Strict({ personId: Id, ...OutputFields });
export type SubmitOutputBody = Static<typeof SubmitOutputBody>;
export const MyOutputBody = Strict(OutputFields);
export type MyOutputBody = Static<typeof MyOutputBody>;
export const VerifyOutputBody = Strict({ lead: Type.Optional(Type.Boolean()), level: Type.Optional(OutletLevelSchema) });
export type VerifyOutputBody = Static<typeof VerifyOutputBody>;
export const RejectOutputBody = Strict({ reason: Text(500) });

export const outputStatuses = ['submitted', 'verified', 'rejected'] as const;
export const OutputStatus = Type.Union(outputStatuses.map((s) => Type.Literal(s)));
export const OutputQuery = Type.Object({
  status: Type.Optional(OutputStatus),
  month: Type.Optional(Type.String({ pattern: '^\\d{4}-(0[1-9]|1[0-2])$' })),
  orgId: Type.Optional(Id),
  keyword: Type.Optional(Type.String({ maxLength: 50 })),
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 20 })),
});
export type OutputQuery = Static<typeof OutputQuery>;
/** A month (2026-06) or a year (2026). */
export const RankingQuery = Type.Object({
  period: Type.String({ pattern: '^\\d{4}(-(0[1-9]|1[0-2]))?$' }),
  by: Type.Optional(Type.Union([Type.Literal('person'), Type.Literal('unit')])),
});
export type RankingQuery = Static<typeof RankingQuery>;

export const ScoringRuleBody = Strict({
  effectiveFrom: DateStr,
  jurisdiction: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
  value: ScoringValue,
  evidence: Type.Optional(Type.Union([Type.Literal('V'), Type.Literal('S'), Type.Literal('U')])),
  source: Opt(200),
  note: Opt(500),
});
export type ScoringRuleBody = Static<typeof ScoringRuleBody>;

export const accountPlatforms = ['wechat_official', 'weibo', 'douyin', 'kuaishou', 'toutiao', 'website', 'other'] as const;
export const AccountPlatform = Type.Union(accountPlatforms.map((p) => Type.Literal(p)));
export const CreateAccountBody = Strict({
  orgId: Id,
  platform: AccountPlatform,
  name: Text(100),
  operatorPersonId: Type.Optional(Type.Union([Id, Type.Null()])),
  reviewerPersonId: Type.Optional(Type.Union([Id, Type.Null()])),
  verified: Type.Boolean(),
});
export type CreateAccountBody = Static<typeof CreateAccountBody>;
export const UpdateAccountBody = Strict({
  name: Type.Optional(Text(100)),
  operatorPersonId: Type.Optional(Type.Union([Id, Type.Null()])),
  reviewerPersonId: Type.Optional(Type.Union([Id, Type.Null()])),
  verified: Type.Optional(Type.Boolean()),
  active: Type.Optional(Type.Boolean()),
});
export type UpdateAccountBody = Static<typeof UpdateAccountBody>;

export const CreateIncidentBody = Strict({ orgId: Id, title: Text(200), occurredAt: Type.String({ format: 'date-time' }) });
export type CreateIncidentBody = Static<typeof CreateIncidentBody>;
export const releaseKinds = ['first', 'update', 'closure'] as const;
export const ReleaseKind = Type.Union(releaseKinds.map((k) => Type.Literal(k)));
export const ReleaseBody = Strict({
  kind: ReleaseKind,
  at: Type.String({ format: 'date-time' }),
  accountId: Type.Optional(Type.Union([Id, Type.Null()])),
  summary: Text(500),
});
export type ReleaseBody = Static<typeof ReleaseBody>;
