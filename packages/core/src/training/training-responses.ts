import { Type, type Static } from '@sinclair/typebox';
import { ReadonlyList } from '../schemas/common.ts';
import { TrainingKind } from './training-schemas.ts';

/** Response schemas of the training routes (classes, coverage, self-service); types are Static<> of them. */
/** A stored target (NormalizedPersonSet): the five older fields always, the other rules when given. */
export const NormalizedTargetSchema = Type.Object({
  orgIds: ReadonlyList(Type.String()),
  ranks: ReadonlyList(Type.String()),
  levels: ReadonlyList(Type.String()),
  posts: ReadonlyList(Type.String()),
  personIds: ReadonlyList(Type.String()),
  includeSubUnits: Type.Optional(Type.Literal(false)),
  kinds: Type.Optional(ReadonlyList(Type.String())),
  statuses: Type.Optional(ReadonlyList(Type.String())),
  grades: Type.Optional(ReadonlyList(Type.String())),
  ageMin: Type.Optional(Type.Integer()),
  ageMax: Type.Optional(Type.Integer()),
  serviceYearsMin: Type.Optional(Type.Integer()),
  serviceYearsMax: Type.Optional(Type.Integer()),
  asOf: Type.Optional(Type.String()),
  excludePersonIds: Type.Optional(ReadonlyList(Type.String())),
});
export type NormalizedTarget = Static<typeof NormalizedTargetSchema>;

/** A training class as listed: its fields and how many are enrolled and completed. */
export const TrainingClass = Type.Object({
  enrolled: Type.Number(),
  completed: Type.Number(),
  id: Type.String(),
  title: Type.String(),
  kind: TrainingKind,
  orgId: Type.String(),
  orgName: Type.String(),
  startDate: Type.String(),
  endDate: Type.String(),
  place: Type.Union([Type.Null(), Type.String()]),
  plannedHours: Type.Number(),
  capacity: Type.Union([Type.Null(), Type.Number()]),
  description: Type.Union([Type.Null(), Type.String()]),
  threshold: Type.Number(),
  target: NormalizedTargetSchema,
});
export type TrainingClass = Static<typeof TrainingClass>;

export const ClassSession = Type.Object({
  id: Type.String(),
  date: Type.String(),
  title: Type.String(),
  hours: Type.Number(),
  signInOpenUntil: Type.Union([Type.Null(), Type.String()]),
});

/** A class with its sessions (the detail page, and the answer to create and update). */
export const ClassDetail = Type.Composite([TrainingClass, Type.Object({ sessions: Type.Array(ClassSession) })]);
export type ClassDetail = Static<typeof ClassDetail>;

export const ListClassesResponse = Type.Object({ items: Type.Array(TrainingClass), total: Type.Number() });
export type ListClassesResponse = Static<typeof ListClassesResponse>;

export const CreateClassResponse = ClassDetail;
export type CreateClassResponse = Static<typeof CreateClassResponse>;

export const TargetPreviewResponse = Type.Array(
  Type.Object({
    id: Type.String(),
    name: Type.String(),
    orgName: Type.String(),
    post: Type.Union([Type.Null(), Type.String()]),
    rank: Type.Union([Type.Null(), Type.String()]),
    officerLevel: Type.Union([Type.Null(), Type.String()]),
  }),
);
export type TargetPreviewResponse = Static<typeof TargetPreviewResponse>;

export const EnrollResponse = Type.Object({ added: Type.Number() });
export type EnrollResponse = Static<typeof EnrollResponse>;

export const RosterPerson = Type.Object({
  hoursEarned: Type.Union([Type.Null(), Type.Number()]),
  completedAt: Type.Union([Type.Null(), Type.String()]),
  overrideReason: Type.Union([Type.Null(), Type.String()]),
  attended: Type.Number(),
  sessions: Type.Number(),
  rate: Type.Number(),
  hours: Type.Number(),
  meetsThreshold: Type.Boolean(),
  personId: Type.String(),
  name: Type.String(),
  orgName: Type.String(),
  post: Type.Union([Type.Null(), Type.String()]),
  status: Type.Union([Type.Literal('enrolled'), Type.Literal('completed')]),
  attendance: Type.Record(Type.String(), Type.Object({ present: Type.Boolean(), method: Type.String() })),
});
export type RosterPerson = Static<typeof RosterPerson>;

export const RosterResponse = Type.Object({
  threshold: Type.Number(),
  sessions: Type.Array(Type.Object({ id: Type.String(), title: Type.String(), date: Type.String(), hours: Type.Number() })),
  people: Type.Array(RosterPerson),
});
export type RosterResponse = Static<typeof RosterResponse>;

export const AddSessionResponse = Type.Object({ id: Type.String() });
export type AddSessionResponse = Static<typeof AddSessionResponse>;

export const OpenSignInResponse = Type.Object({ code: Type.String(), closesAt: Type.String() });
export type OpenSignInResponse = Static<typeof OpenSignInResponse>;

export const ConfirmCompletionResponse = Type.Object({ completed: Type.Number() });
export type ConfirmCompletionResponse = Static<typeof ConfirmCompletionResponse>;

export const EvaluationSummaryResponse = Type.Object({
  count: Type.Number(),
  content: Type.Union([Type.Null(), Type.Number()]),
  teaching: Type.Union([Type.Null(), Type.Number()]),
  organisation: Type.Union([Type.Null(), Type.Number()]),
  comments: Type.Array(Type.String()),
});
export type EvaluationSummaryResponse = Static<typeof EvaluationSummaryResponse>;

/** Coverage rules as answered (the request's CoverageRule, without its input bounds). */
const CoverageRuleView = Type.Union([
  Type.Object({ kind: Type.Literal('classes'), classKinds: Type.Array(TrainingKind), minClasses: Type.Number() }),
  Type.Object({ kind: Type.Literal('hours'), minHours: Type.Number() }),
]);

export const CoverageRequirement = Type.Object({
  id: Type.String(),
  title: Type.String(),
  orgId: Type.String(),
  orgName: Type.String(),
  periodStart: Type.String(),
  periodEnd: Type.String(),
  target: NormalizedTargetSchema,
  rule: CoverageRuleView,
});
export type CoverageRequirement = Static<typeof CoverageRequirement>;

export const ListCoverageResponse = Type.Array(CoverageRequirement);
export type ListCoverageResponse = Static<typeof ListCoverageResponse>;

export const CreateCoverageResponse = CoverageRequirement;
export type CreateCoverageResponse = Static<typeof CreateCoverageResponse>;

export const CoveragePerson = Type.Object({
  personId: Type.String(),
  name: Type.String(),
  orgName: Type.String(),
  post: Type.Union([Type.Null(), Type.String()]),
  branchId: Type.String(),
  branchName: Type.String(),
  covered: Type.Boolean(),
  done: Type.Number(),
  required: Type.Number(),
});
export type CoveragePerson = Static<typeof CoveragePerson>;

export const CoverageStatusResponse = Type.Object({
  requirement: CoverageRequirement,
  total: Type.Number(),
  covered: Type.Number(),
  branches: Type.Array(
    Type.Object({
      branchId: Type.String(),
      branchName: Type.String(),
      total: Type.Number(),
      covered: Type.Number(),
      missing: Type.Number(),
      rate: Type.Number(),
    }),
  ),
  people: Type.Array(CoveragePerson),
});
export type CoverageStatusResponse = Static<typeof CoverageStatusResponse>;

export const MyClass = Type.Object({
  id: Type.String(),
  title: Type.String(),
  kind: TrainingKind,
  orgName: Type.String(),
  startDate: Type.String(),
  endDate: Type.String(),
  place: Type.Union([Type.Null(), Type.String()]),
  plannedHours: Type.Number(),
  status: Type.Union([Type.Literal('enrolled'), Type.Literal('completed')]),
  hoursEarned: Type.Union([Type.Null(), Type.Number()]),
  evaluated: Type.Boolean(),
  attended: Type.Number(),
  sessionCount: Type.Number(),
  rate: Type.Number(),
  hours: Type.Number(),
  meetsThreshold: Type.Boolean(),
  sessions: Type.Array(
    Type.Object({
      id: Type.String(),
      date: Type.String(),
      title: Type.String(),
      hours: Type.Number(),
      present: Type.Boolean(),
      signInOpen: Type.Boolean(),
    }),
  ),
});
export type MyClass = Static<typeof MyClass>;

export const MyTrainingResponse = Type.Object({
  name: Type.String(),
  classes: Type.Array(MyClass),
  trainingRecords: Type.Array(
    Type.Object({
      date: Type.String(),
      hours: Type.Number(),
      course: Type.String(),
      organizer: Type.Union([Type.Null(), Type.String()]),
      source: Type.String(),
    }),
  ),
});
export type MyTrainingResponse = Static<typeof MyTrainingResponse>;

export const SignInResponse = Type.Object({ sessionId: Type.String(), title: Type.String(), date: Type.String() });
export type SignInResponse = Static<typeof SignInResponse>;
