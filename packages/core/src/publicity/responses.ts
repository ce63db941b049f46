import { Type, type Static } from '@sinclair/typebox';
import { OutletLevelSchema, OutputKindSchema, ScoringValue, SyncValue } from './rules.ts';
import { AccountPlatform, OutputStatus, ReleaseKind, ReporterRole } from './schemas.ts';

/** Response schemas of the publicity routes; web uses their Static<> types. */
const Str = Type.String();
const NStr = Type.Union([Type.String(), Type.Null()]);

export const ReporterView = Type.Object({
  id: Str,
  personId: Str,
  name: Str,
  orgId: Str,
  orgName: Str,
  role: ReporterRole,
  since: Str,
  until: NStr,
  note: NStr,
  verifiedOutputs: Type.Number(),
});
export type ReporterView = Static<typeof ReporterView>;
export const ReporterList = Type.Object({ items: Type.Array(ReporterView) });

export const OutputView = Type.Object({
  id: Str,
  personId: Str,
  name: Str,
  orgId: Str,
  orgName: Str,
  kind: OutputKindSchema,
  title: Str,
  outlet: Str,
  level: OutletLevelSchema,
  publishedOn: Str,
  url: NStr,
  lead: Type.Boolean(),
  status: OutputStatus,
  /** Points in tenths, set when verified. */
  points: Type.Union([Type.Number(), Type.Null()]),
  verifiedByName: NStr,
  verifiedAt: NStr,
  rejectReason: NStr,
});
export type OutputView = Static<typeof OutputView>;
export const OutputList = Type.Object({ items: Type.Array(OutputView), total: Type.Number() });

export const RankingView = Type.Object({
  period: Str,
  by: Type.Union([Type.Literal('person'), Type.Literal('unit')]),
  items: Type.Array(Type.Object({ key: Str, name: Str, points: Type.Number(), outputs: Type.Number(), rank: Type.Number() })),
});
export type RankingView = Static<typeof RankingView>;

const Evidence = Type.Union([Type.Literal('V'), Type.Literal('S'), Type.Literal('U')]);
const version = <T extends typeof ScoringValue | typeof SyncValue>(value: T) =>
  Type.Object({ id: NStr, jurisdiction: Str, effectiveFrom: Str, value, evidence: Evidence, source: NStr, note: NStr });
export const ScoringRuleView = Type.Object({ inForce: version(ScoringValue), versions: Type.Array(version(ScoringValue)) });
export type ScoringRuleView = Static<typeof ScoringRuleView>;
export const SyncRuleView = Type.Object({ inForce: version(SyncValue), versions: Type.Array(version(SyncValue)) });

export const AccountView = Type.Object({
  id: Str,
  orgId: Str,
  orgName: Str,
  platform: AccountPlatform,
  name: Str,
  operatorPersonId: NStr,
  operatorName: NStr,
  reviewerPersonId: NStr,
  reviewerName: NStr,
  verified: Type.Boolean(),
  active: Type.Boolean(),
});
export type AccountView = Static<typeof AccountView>;
export const AccountList = Type.Object({
  items: Type.Array(AccountView),
  /** Branches (分局) in scope with no active account: the rule is that every branch has one. */
  branchesWithout: Type.Array(Type.Object({ orgId: Str, orgName: Str })),
});
export type AccountList = Static<typeof AccountList>;

export const IncidentView = Type.Object({
  id: Str,
  orgId: Str,
  orgName: Str,
  title: Str,
  occurredAt: Str,
  releases: Type.Array(Type.Object({ id: Str, kind: ReleaseKind, at: Str, accountId: NStr, accountName: NStr, summary: Str })),
  check: Type.Object({
    firstReleaseOnTime: Type.Union([Type.Boolean(), Type.Null()]),
    lateGaps: Type.Array(Type.Number()),
    closed: Type.Boolean(),
    inStep: Type.Boolean(),
  }),
});
export type IncidentView = Static<typeof IncidentView>;
export const IncidentList = Type.Object({ items: Type.Array(IncidentView) });
