import { Type, type Static } from '@sinclair/typebox';
import { ProgrammeKind, ProgrammeStatus } from './schemas.ts';

/** Response schemas of police culture; web uses their Static<> types. */
const Str = Type.String();
const NStr = Type.Union([Type.String(), Type.Null()]);
const NNum = Type.Union([Type.Number(), Type.Null()]);
const FileInfo = { fileName: NStr, fileType: NStr, fileSize: NNum };

export const ProgrammeView = Type.Object({
  id: Str,
  title: Str,
  kind: ProgrammeKind,
  orgId: Str,
  orgName: Str,
  startDate: Str,
  endDate: Str,
  deadline: Str,
  capacity: NNum,
  status: ProgrammeStatus,
  description: NStr,
  /** 'hours' (reading), 'km' (fitness) or null: what an attendance records. */
  measure: Type.Union([Type.Literal('hours'), Type.Literal('km'), Type.Null()]),
  registered: Type.Number(),
  attended: Type.Number(),
});
export type ProgrammeView = Static<typeof ProgrammeView>;
export const ProgrammeList = Type.Object({ items: Type.Array(ProgrammeView), total: Type.Number() });

export const RegistrationView = Type.Object({
  id: Str,
  personId: Str,
  name: Str,
  orgName: Str,
  registeredAt: Str,
  attended: Type.Union([Type.Boolean(), Type.Null()]),
  amount: NNum,
});
export type RegistrationView = Static<typeof RegistrationView>;
export const ProgrammeDetail = Type.Object({
  programme: ProgrammeView,
  target: Type.Unknown(),
  registrations: Type.Array(RegistrationView),
});
export type ProgrammeDetail = Static<typeof ProgrammeDetail>;

/** 我的活动: programmes open to the officer, with their own registration if any. */
export const MyProgrammeView = Type.Object({
  programme: ProgrammeView,
  registration: Type.Union([RegistrationView, Type.Null()]),
  canRegister: Type.Boolean(),
});
export type MyProgrammeView = Static<typeof MyProgrammeView>;
export const MyProgrammeList = Type.Object({ items: Type.Array(MyProgrammeView) });

export const ContestView = Type.Object({
  id: Str,
  title: Str,
  orgId: Str,
  orgName: Str,
  entryDeadline: Str,
  status: Type.Union([Type.Literal('open'), Type.Literal('published')]),
  description: NStr,
  judges: Type.Array(Type.Object({ personId: Str, name: Str })),
  entries: Type.Number(),
  publishedAt: NStr,
});
export type ContestView = Static<typeof ContestView>;
export const ContestList = Type.Object({ items: Type.Array(ContestView), total: Type.Number() });

export const ContestEntryView = Type.Object({
  id: Str,
  contestId: Str,
  personId: Str,
  name: Str,
  orgName: Str,
  title: Str,
  text: NStr,
  ...FileInfo,
  submittedAt: Str,
  /** Judges' scores (points) in the order of the contest's judges; null where not yet scored. */
  scores: Type.Array(NNum),
  score: NNum,
  rank: NNum,
});
export type ContestEntryView = Static<typeof ContestEntryView>;
export const ContestDetail = Type.Object({
  contest: ContestView,
  entries: Type.Array(ContestEntryView),
  /** How a score and a place are worked out, for the page. */
  rule: Type.Object({ 'zh-CN': Str, 'en-US': Str }),
  complete: Type.Boolean(),
});
export type ContestDetail = Static<typeof ContestDetail>;

/** An officer's view of a contest: their own entries, and the ranking once published. */
export const MyContestView = Type.Object({
  contest: ContestView,
  mine: Type.Array(ContestEntryView),
  results: Type.Array(Type.Object({ rank: NNum, name: Str, orgName: Str, title: Str, score: NNum })),
});
export const MyContestList = Type.Object({ items: Type.Array(MyContestView) });
export type MyContestView = Static<typeof MyContestView>;

/** A judge's worklist: the entries of the contests they judge, with their own score. */
export const JudgingList = Type.Object({
  items: Type.Array(
    Type.Object({
      contest: ContestView,
      entries: Type.Array(Type.Object({ id: Str, title: Str, text: NStr, ...FileInfo, myScore: NNum })),
    }),
  ),
});
export type JudgingList = Static<typeof JudgingList>;

export const workStatuses = ['submitted', 'accepted', 'returned'] as const;
export const WorkStatus = Type.Union(workStatuses.map((s) => Type.Literal(s)));
export const CollectionView = Type.Object({
  id: Str,
  title: Str,
  orgId: Str,
  orgName: Str,
  description: NStr,
  status: Type.Union([Type.Literal('open'), Type.Literal('closed')]),
  works: Type.Number(),
  accepted: Type.Number(),
});
export type CollectionView = Static<typeof CollectionView>;
export const CollectionList = Type.Object({ items: Type.Array(CollectionView), total: Type.Number() });
export const WorkView = Type.Object({
  id: Str,
  collectionId: Str,
  personId: Str,
  name: Str,
  orgName: Str,
  title: Str,
  text: NStr,
  ...FileInfo,
  status: WorkStatus,
  reviewNote: NStr,
  submittedAt: Str,
});
export type WorkView = Static<typeof WorkView>;
export const CollectionDetail = Type.Object({ collection: CollectionView, works: Type.Array(WorkView) });
export type CollectionDetail = Static<typeof CollectionDetail>;
export const MyCollectionList = Type.Object({ items: Type.Array(Type.Object({ collection: CollectionView, mine: Type.Array(WorkView) })) });
export type MyCollectionList = Static<typeof MyCollectionList>;
