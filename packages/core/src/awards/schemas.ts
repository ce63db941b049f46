import { Type, type Static } from '@sinclair/typebox';
import { Id, Strict } from '../schemas/common.ts';
import { AwardLevelSchema, DisciplineKindSchema, RecipientTypeSchema } from './rules.ts';

const DateStr = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Text = (max: number, min = 1) => Type.String({ minLength: min, maxLength: max });

/** A nomination (提名/推荐): individual (one person, or many for a batch award), or collective (a unit). */
export const NominateBody = Strict({
  recipient: RecipientTypeSchema,
  personIds: Type.Array(Id, { maxItems: 500 }),
  /** The collective's unit; for individual awards leave it out. */
  orgId: Type.Optional(Id),
  level: AwardLevelSchema,
  title: Text(200),
  deedTitle: Text(200),
  deedDate: DateStr,
  deedSummary: Text(5000),
  /** The recipient is a member of the unit's leadership team (领导班子成员). */
  leadership: Type.Boolean(),
  /** 快速通道: on-the-spot case with short deadlines. */
  fastTrack: Type.Boolean(),
  /** Unit review record: democratic review (民主评议) and collective decision (集体研究). */
  reviewDemocratic: Text(2000),
  reviewCollective: Text(2000),
  reviewFileIds: Type.Optional(Type.Array(Id, { maxItems: 20 })),
  /** 重大贡献 exception (135 Art. 12): sets aside the time-limit guards; only an approver may give it. */
  exceptionReason: Type.Optional(Text(500, 4)),
});
export type NominateBody = Static<typeof NominateBody>;

export const AwardListQuery = Type.Object({
  status: Type.Optional(
    Type.Union([
      Type.Literal('in_review'),
      Type.Literal('approved'),
      Type.Literal('decided'),
      Type.Literal('rejected'),
      Type.Literal('withdrawn'),
    ]),
  ),
  level: Type.Optional(AwardLevelSchema),
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
  keyword: Type.Optional(Type.String({ maxLength: 50 })),
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
});
export type AwardListQuery = Static<typeof AwardListQuery>;

export const AwardDecisionBody = Strict({
  decisionNo: Text(100),
  decisionDate: DateStr,
  /** The approving organ's name as on the decision (批准机关). */
  issuer: Text(100),
});
export type AwardDecisionBody = Static<typeof AwardDecisionBody>;

export const DeliveryBody = Strict({
  deliveredOn: DateStr,
  deliveredBy: Text(200),
  atHome: Type.Boolean(),
  note: Type.Optional(Type.String({ maxLength: 500 })),
});
export type DeliveryBody = Static<typeof DeliveryBody>;

export const AwardStatsQuery = Type.Object({ year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })) });
export type AwardStatsQuery = Static<typeof AwardStatsQuery>;

export const AwardRuleSetParams = Strict({
  set: Type.Union(['authority', 'guards', 'bonus', 'discipline'].map((s) => Type.Literal(s))),
});
export const AwardRuleBody = Strict({
  effectiveFrom: DateStr,
  jurisdiction: Type.Optional(Type.String({ pattern: '^\\d{6}$' })),
  value: Type.Unknown(),
  evidence: Type.Optional(Type.Union([Type.Literal('V'), Type.Literal('S'), Type.Literal('U')])),
  source: Type.Optional(Type.Union([Type.String({ maxLength: 200 }), Type.Null()])),
  note: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
});
export type AwardRuleBody = Static<typeof AwardRuleBody>;

export const DisciplineBody = Strict({
  personId: Id,
  kind: DisciplineKindSchema,
  decisionDate: DateStr,
  organ: Text(100),
  docNo: Text(100),
  facts: Text(5000),
  /** 留党察看 only: 12 or 24 months of probation. */
  probationMonths: Type.Optional(Type.Union([Type.Literal(12), Type.Literal(24)])),
});
export type DisciplineBody = Static<typeof DisciplineBody>;

export const DisciplineListQuery = Type.Object({
  status: Type.Optional(
    Type.Union([
      Type.Literal('in_effect'),
      Type.Literal('lift_due'),
      Type.Literal('lifted'),
      Type.Literal('permanent'),
      Type.Literal('revoked'),
    ]),
  ),
  personId: Type.Optional(Id),
  page: Type.Optional(Type.Integer({ minimum: 1, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 20 })),
});
export type DisciplineListQuery = Static<typeof DisciplineListQuery>;

export const AppealBody = Strict({
  appeal: Text(5000),
  status: Type.Union([Type.Literal('pending'), Type.Literal('upheld'), Type.Literal('changed'), Type.Literal('revoked')]),
  result: Type.Optional(Text(2000)),
});
export type AppealBody = Static<typeof AppealBody>;

export const LiftBody = Strict({ liftedOn: DateStr, docNo: Type.Optional(Text(100)) });
export type LiftBody = Static<typeof LiftBody>;

export const InvestigationBody = Strict({ personId: Id, since: DateStr, note: Text(2000) });
export type InvestigationBody = Static<typeof InvestigationBody>;
export const CloseInvestigationBody = Strict({ closedOn: DateStr });

export const DisciplinePersonParams = Strict({ personId: Id });

export const EXEMPLAR_KINDS = ['最美警察', '忠诚卫士', '铁军警队', '十佳辅警', '辅警之星', '其他', '好党员', '优秀案例'] as const;
export const CampaignBody = Strict({
  title: Text(200),
  kind: Type.Union(EXEMPLAR_KINDS.map((k) => Type.Literal(k))),
  year: Type.Integer({ minimum: 2000, maximum: 2100 }),
  criteria: Text(5000),
  quotaPerUnit: Type.Integer({ minimum: 1, maximum: 100 }),
  maxChoices: Type.Integer({ minimum: 1, maximum: 50 }),
  publicVoting: Type.Boolean(),
  orgId: Id,
});
export type CampaignBody = Static<typeof CampaignBody>;

export const CandidateBody = Strict({ personId: Id, deeds: Text(5000) });
export type CandidateBody = Static<typeof CandidateBody>;

export const BallotBody = Strict({ candidateIds: Type.Array(Id, { minItems: 1, maxItems: 50 }) });
export type BallotBody = Static<typeof BallotBody>;

const Phone = Type.String({ pattern: '^1[3-9]\\d{9}$' });
export const VoterCodeBody = Strict({ phone: Phone });
export const PublicBallotBody = Strict({
  phone: Phone,
  code: Type.String({ pattern: '^\\d{6}$' }),
  candidateIds: Type.Array(Id, { minItems: 1, maxItems: 50 }),
  /** A device fingerprint the portal page computes; used only for the suspicious-pattern report. */
  fingerprint: Type.Optional(Type.String({ maxLength: 128 })),
});
export type PublicBallotBody = Static<typeof PublicBallotBody>;

export const AnnounceBody = Strict({ winnerIds: Type.Array(Id, { minItems: 1, maxItems: 100 }) });
export type AnnounceBody = Static<typeof AnnounceBody>;

export const SuspiciousQuery = Type.Object({
  windowMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 1440, default: 10 })),
  threshold: Type.Optional(Type.Integer({ minimum: 2, maximum: 10000, default: 5 })),
});
export type SuspiciousQuery = Static<typeof SuspiciousQuery>;

/** A photo of an exemplar: the server-made stored name (`<uuid>.png|jpg`), never a path. */
export const ExemplarPhotoParams = Strict({ id: Id, photo: Type.String({ pattern: '^[0-9a-f-]{36}\\.(png|jpg)$', maxLength: 40 }) });
export type ExemplarPhotoParams = Static<typeof ExemplarPhotoParams>;
