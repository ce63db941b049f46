import { Type, type Static } from '@sinclair/typebox';
import { Id, PageQuery, Strict } from '../schemas/common.ts';
import { PersonSet } from '../personnel/person-set.ts';
import { DecimalHours } from './hours-ledger.ts';

/** 轮训 rotation, 春训班 spring training, 警种专业培训 specialist training, 新警培训 new-recruit training, 其他 other. */
export const trainingKinds = ['rotation', 'spring', 'specialty', 'new_recruit', 'other'] as const;
export const TrainingKind = Type.Union(trainingKinds.map((k) => Type.Literal(k)));
export type TrainingKind = (typeof trainingKinds)[number];

const DateStr = Type.String({ format: 'date' });
const Text = (max: number) => Type.String({ maxLength: max });

const classFields = {
  title: Type.String({ minLength: 1, maxLength: 200 }),
  kind: TrainingKind,
  orgId: Id,
  startDate: DateStr,
  endDate: DateStr,
  place: Type.Optional(Text(200)),
  plannedHours: DecimalHours(2000),
  capacity: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 100000 }), Type.Null()])),
  description: Type.Optional(Text(4000)),
  /** Share of sessions attended (percent) that makes a trainee eligible for completion (结业). */
  threshold: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
  target: PersonSet,
};
export const CreateClassBody = Strict(classFields);
export type CreateClassBody = Static<typeof CreateClassBody>;
export const UpdateClassBody = Strict({
  title: Type.Optional(classFields.title),
  kind: Type.Optional(TrainingKind),
  startDate: Type.Optional(DateStr),
  endDate: Type.Optional(DateStr),
  place: Type.Optional(Text(200)),
  plannedHours: Type.Optional(classFields.plannedHours),
  capacity: classFields.capacity,
  description: Type.Optional(Text(4000)),
  threshold: classFields.threshold,
  target: Type.Optional(PersonSet),
});
export type UpdateClassBody = Static<typeof UpdateClassBody>;

export const ClassListQuery = Strict({
  ...PageQuery,
  keyword: Type.Optional(Type.String({ maxLength: 50 })),
  kind: Type.Optional(TrainingKind),
  year: Type.Optional(Type.Integer({ minimum: 2000, maximum: 2100 })),
});
export type ClassListQuery = Static<typeof ClassListQuery>;

const People = Type.Array(Id, { minItems: 1, maxItems: 5000 });
/** Enroll named people, or everyone of the class's target group in the caller's scope. */
export const EnrollBody = Strict({ personIds: Type.Optional(People), fromTarget: Type.Optional(Type.Boolean()) });
export type EnrollBody = Static<typeof EnrollBody>;
export const WithdrawBody = Strict({ personIds: People });

export const SessionBody = Strict({
  date: DateStr,
  title: Type.String({ minLength: 1, maxLength: 200 }),
  hours: DecimalHours(24),
});
export type SessionBody = Static<typeof SessionBody>;

export const AttendanceBody = Strict({
  marks: Type.Array(Strict({ sessionId: Id, personId: Id, present: Type.Boolean() }), { minItems: 1, maxItems: 5000 }),
});
export type AttendanceBody = Static<typeof AttendanceBody>;

/** Opens a sign-in window for one session: the organiser shows the code, trainees type it. */
export const SignInCodeBody = Strict({ sessionId: Id, minutes: Type.Integer({ minimum: 1, maximum: 240 }) });
export const SignInBody = Strict({ code: Type.String({ pattern: '^[0-9]{6}$' }) });

export const CompletionBody = Strict({
  personIds: People,
  /** Required to confirm someone below the attendance threshold: the confirming person says why. */
  overrideReason: Type.Optional(Type.String({ minLength: 2, maxLength: 500 })),
});
export type CompletionBody = Static<typeof CompletionBody>;
export const RevokeCompletionBody = Strict({ personIds: People, reason: Type.String({ minLength: 2, maxLength: 500 }) });

const Score = Type.Integer({ minimum: 1, maximum: 5 });
/** Anonymous: the stored evaluation carries no person; a separate receipt prevents a second one. */
export const EvaluationBody = Strict({ content: Score, teaching: Score, organisation: Score, comment: Type.Optional(Text(1000)) });
export type EvaluationBody = Static<typeof EvaluationBody>;
