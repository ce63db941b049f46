import { Type, type Static, type TLiteral } from '@sinclair/typebox';
import { Id, IsoTime, PageQuery, Strict } from '../schemas/common.ts';

/** 月月练, 季季考, 年度比, 抽考, 达标测试, 补考. */
export const examKinds = ['monthly_practice', 'quarterly_exam', 'annual_contest', 'spot_check', 'pass_test', 'make_up'] as const;
export type ExamKind = (typeof examKinds)[number];
/** Stored statuses; `closed` is derived from `scheduled` once the window has ended. */
export const examStatuses = ['draft', 'scheduled', 'closed', 'cancelled'] as const;
export type ExamStatus = (typeof examStatuses)[number];
export const sessionStatuses = ['not_started', 'in_progress', 'submitted', 'graded'] as const;
export type SessionStatus = (typeof sessionStatuses)[number];

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)) as [TLiteral<T>]);
export const ExamKindSchema = literals(examKinds);

export const ExamTargets = Strict({
  orgIds: Type.Optional(Type.Array(Id, { maxItems: 200, uniqueItems: true })),
  roleIds: Type.Optional(Type.Array(Id, { maxItems: 50, uniqueItems: true })),
  ranks: Type.Optional(Type.Array(Type.String({ pattern: '^\\d{2}$' }), { maxItems: 13, uniqueItems: true })),
  personIds: Type.Optional(Type.Array(Id, { maxItems: 20000, uniqueItems: true })),
});
export type ExamTargets = Static<typeof ExamTargets>;

const examFields = {
  title: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
  kind: ExamKindSchema,
  paperId: Id,
  orgId: Id,
  startsAt: IsoTime,
  endsAt: IsoTime,
  durationMinutes: Type.Integer({ minimum: 1, maximum: 1440 }),
  attemptsAllowed: Type.Optional(Type.Integer({ minimum: 1, maximum: 10 })),
  passScore: Type.Number({ minimum: 0, maximum: 10000 }),
  targets: ExamTargets,
};
export const CreateExamBody = Strict(examFields);
export type CreateExamBody = Static<typeof CreateExamBody>;
export const UpdateExamBody = Type.Partial(CreateExamBody);
export type UpdateExamBody = Partial<CreateExamBody>;

export const ExamListQuery = Strict({
  keyword: Type.Optional(Type.String({ maxLength: 100 })),
  kind: Type.Optional(ExamKindSchema),
  status: Type.Optional(literals(examStatuses)),
  ...PageQuery,
});
export type ExamListQuery = Static<typeof ExamListQuery>;

export const ExamineeListQuery = Strict({
  status: Type.Optional(literals(sessionStatuses)),
  orgId: Type.Optional(Id),
  ...PageQuery,
});
export type ExamineeListQuery = Static<typeof ExamineeListQuery>;

export const MakeUpBody = Strict({
  startsAt: IsoTime,
  endsAt: IsoTime,
  title: Type.Optional(Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' })),
});
export type MakeUpBody = Static<typeof MakeUpBody>;

export const StatsQuery = Strict({ groupBy: Type.Optional(Type.Literal('unit')) });
export const ResultsQuery = Strict({
  from: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
  to: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
});

/** One item's answer as the examinee sends it; sizes capped so a save stays one small row. */
export const ItemResponseSchema = Strict({
  choice: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 4 }), { maxItems: 12, uniqueItems: true })),
  blanks: Type.Optional(Type.Array(Type.String({ maxLength: 500 }), { maxItems: 20 })),
  text: Type.Optional(Type.String({ maxLength: 10000 })),
});
export const SaveAnswerBody = Strict({ response: ItemResponseSchema, seq: Type.Integer({ minimum: 0, maximum: 2_147_483_647 }) });
export type SaveAnswerBody = Static<typeof SaveAnswerBody>;
export const AnswerParams = Strict({ examId: Id, no: Type.Integer({ minimum: 1, maximum: 1000 }) });
export const ExamIdParams = Strict({ examId: Id });
export const ExamEventBody = Strict({ type: Type.Union([Type.Literal('blur'), Type.Literal('hidden')]) });

export const GradingQueueQuery = Strict({ examId: Type.Optional(Id), ...PageQuery });
export const GradeAnswerBody = Strict({
  score: Type.Number({ minimum: 0, maximum: 10000 }),
  comment: Type.Optional(Type.String({ maxLength: 1000 })),
});
export type GradeAnswerBody = Static<typeof GradeAnswerBody>;
