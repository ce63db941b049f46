import { Type, type Static } from '@sinclair/typebox';
import { AwardLevelSchema } from './rules.ts';

/** Response schemas of awards, discipline and exemplars; the web imports these types. */
const N = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const S = Type.String();

export const GuardRefusalView = Type.Object({ code: S, soft: Type.Boolean(), zh: S, en: S });
export type GuardRefusalView = Static<typeof GuardRefusalView>;

export const AwardStatusSchema = Type.Union([
  Type.Literal('in_review'),
  Type.Literal('approved'),
  Type.Literal('decided'),
  Type.Literal('rejected'),
  Type.Literal('withdrawn'),
]);

export const AwardRow = Type.Object({
  id: S,
  recipient: Type.Union([Type.Literal('individual'), Type.Literal('collective')]),
  level: AwardLevelSchema,
  title: S,
  recipients: S,
  count: Type.Integer(),
  orgId: S,
  orgName: S,
  status: AwardStatusSchema,
  fastTrack: Type.Boolean(),
  batch: Type.Boolean(),
  approverLevel: S,
  caseId: N(S),
  decisionNo: N(S),
  decisionDate: N(S),
  createdAt: S,
});
export type AwardRow = Static<typeof AwardRow>;
export const AwardPage = Type.Object({ items: Type.Array(AwardRow), total: Type.Integer() });
export type AwardPage = Static<typeof AwardPage>;

export const AwardDetail = Type.Object({
  ...AwardRow.properties,
  deedTitle: S,
  deedDate: S,
  deedSummary: S,
  leadership: Type.Boolean(),
  approverBasis: S,
  approverName: S,
  needsNotice: Type.Boolean(),
  reviewDemocratic: S,
  reviewCollective: S,
  reviewFileIds: Type.Array(S),
  exception: N(Type.Object({ reason: S, allowedBy: S })),
  overridden: Type.Array(GuardRefusalView),
  bonusYuan: Type.Integer(),
  issuer: N(S),
  delivery: N(Type.Object({ on: S, by: S, atHome: Type.Boolean(), note: N(S) })),
  subjects: Type.Array(Type.Object({ personId: N(S), name: S, orgName: S })),
});
export type AwardDetail = Static<typeof AwardDetail>;

export const NominateResponse = Type.Object({ id: S, caseId: S, approverLevel: S, needsNotice: Type.Boolean() });
export type NominateResponse = Static<typeof NominateResponse>;

const Count = Type.Object({ key: S, count: Type.Integer() });
export const AwardStats = Type.Object({
  year: N(Type.Integer()),
  total: Type.Integer(),
  byLevel: Type.Array(Count),
  byUnit: Type.Array(Count),
  byYear: Type.Array(Count),
  byKind: Type.Array(Count),
  decisions: Type.Array(Type.Object({ id: S, decisionNo: S, decisionDate: S, level: S, title: S, recipients: S, issuer: N(S) })),
});
export type AwardStats = Static<typeof AwardStats>;

export const AwardRuleVersionView = Type.Object({
  id: N(S),
  ruleSet: S,
  jurisdiction: S,
  effectiveFrom: S,
  value: Type.Unknown(),
  evidence: Type.Union([Type.Literal('V'), Type.Literal('S'), Type.Literal('U')]),
  source: N(S),
  note: N(S),
});
export const AwardRuleList = Type.Object({ inForce: AwardRuleVersionView, versions: Type.Array(AwardRuleVersionView) });
export type AwardRuleList = Static<typeof AwardRuleList>;

export const DisciplineStatusSchema = Type.Union([
  Type.Literal('in_effect'),
  Type.Literal('lift_due'),
  Type.Literal('lifted'),
  Type.Literal('permanent'),
  Type.Literal('revoked'),
]);
export const DisciplineRow = Type.Object({
  id: S,
  personId: S,
  personName: S,
  orgName: S,
  system: Type.Union([Type.Literal('govt'), Type.Literal('party')]),
  kind: S,
  decisionDate: S,
  endDate: N(S),
  organ: S,
  docNo: S,
  status: DisciplineStatusSchema,
  appealStatus: S,
});
export type DisciplineRow = Static<typeof DisciplineRow>;
export const DisciplinePage = Type.Object({ items: Type.Array(DisciplineRow), total: Type.Integer() });
export type DisciplinePage = Static<typeof DisciplinePage>;
export const DisciplineDetail = Type.Object({
  ...DisciplineRow.properties,
  facts: S,
  appeal: N(S),
  appealResult: N(S),
  liftedOn: N(S),
  liftDocNo: N(S),
});
export type DisciplineDetail = Static<typeof DisciplineDetail>;
export const IdResponse = Type.Object({ id: S });

export const EffectsView = Type.Object({
  personId: S,
  onDate: S,
  blocksAward: Type.Boolean(),
  blocksPromotion: Type.Boolean(),
  blocksGrade: Type.Boolean(),
  appraisalCap: N(S),
  reasons: Type.Array(Type.Object({ kind: S, from: S, to: N(S), zh: S })),
  underInvestigation: Type.Boolean(),
});
export type EffectsView = Static<typeof EffectsView>;

export const OwnDisciplineView = Type.Object({
  items: Type.Array(Type.Object({ kind: S, decisionDate: S, endDate: N(S), organ: S, docNo: S, status: DisciplineStatusSchema })),
});
export type OwnDisciplineView = Static<typeof OwnDisciplineView>;

export const CampaignStatusSchema = Type.Union([
  Type.Literal('nominating'),
  Type.Literal('voting'),
  Type.Literal('closed'),
  Type.Literal('announced'),
]);
export const CampaignRow = Type.Object({
  id: S,
  title: S,
  kind: S,
  year: Type.Integer(),
  status: CampaignStatusSchema,
  quotaPerUnit: Type.Integer(),
  maxChoices: Type.Integer(),
  publicVoting: Type.Boolean(),
  candidates: Type.Integer(),
  ballots: Type.Integer(),
});
export type CampaignRow = Static<typeof CampaignRow>;
export const CampaignList = Type.Object({ items: Type.Array(CampaignRow) });
export const CandidateView = Type.Object({
  id: S,
  personId: S,
  name: S,
  orgName: S,
  deeds: S,
  status: Type.Union([Type.Literal('in_review'), Type.Literal('approved'), Type.Literal('rejected')]),
  caseId: N(S),
  votes: Type.Integer(),
  winner: Type.Boolean(),
});
export type CandidateView = Static<typeof CandidateView>;
export const CampaignDetail = Type.Object({
  ...CampaignRow.properties,
  criteria: S,
  myBallot: Type.Boolean(),
  items: Type.Array(CandidateView),
});
export type CampaignDetail = Static<typeof CampaignDetail>;
export const PublicCampaign = Type.Object({
  id: S,
  title: S,
  kind: S,
  maxChoices: Type.Integer(),
  open: Type.Boolean(),
  candidates: Type.Array(Type.Object({ id: S, name: S, orgName: S, deeds: S })),
});
export type PublicCampaign = Static<typeof PublicCampaign>;
export const SuspiciousReport = Type.Object({
  windowMinutes: Type.Integer(),
  threshold: Type.Integer(),
  note: S,
  groups: Type.Array(
    Type.Object({ by: Type.Union([Type.Literal('ip'), Type.Literal('fingerprint')]), value: S, votes: Type.Integer(), from: S, to: S }),
  ),
});
export type SuspiciousReport = Static<typeof SuspiciousReport>;
export const LibraryView = Type.Object({
  items: Type.Array(
    Type.Object({
      id: S,
      personId: S,
      name: S,
      orgName: S,
      title: S,
      year: Type.Integer(),
      deeds: S,
      campaign: N(S),
      awards: Type.Array(S),
      /** Stored names of the photos, in upload order (GET …/library/:id/photos/:photo). */
      photos: Type.Array(S),
    }),
  ),
});
export type LibraryView = Static<typeof LibraryView>;
