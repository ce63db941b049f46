import { Type, type Static } from '@sinclair/typebox';
import { Id, PageQuery, Strict } from '../schemas/common.ts';
import { QuestionTypeSchema } from './question.ts';

export const paperKinds = ['fixed', 'rule'] as const;
export type PaperKind = (typeof paperKinds)[number];

const Score = Type.Number({ exclusiveMinimum: 0, maximum: 1000 });
const OptTag = (max: number) => Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: max }), Type.Null()]));

/** One rule of a rule paper: draw `count` questions of a type (and optional tags) worth `score` each. */
export const PaperRuleInput = Strict({
  type: QuestionTypeSchema,
  policeCategory: OptTag(50),
  subject: OptTag(50),
  difficulty: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 5 }), Type.Null()])),
  sourceLaw: OptTag(200),
  count: Type.Integer({ minimum: 1, maximum: 500 }),
  score: Score,
});
export type PaperRuleInput = Static<typeof PaperRuleInput>;

/** One question of a fixed paper; without a version the question's current version is pinned. */
export const PaperItemInput = Strict({
  questionId: Id,
  questionVersionId: Type.Optional(Id),
  score: Score,
});
export type PaperItemInput = Static<typeof PaperItemInput>;

export const PaperFields = {
  title: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
  kind: Type.Union([Type.Literal('fixed'), Type.Literal('rule')]),
  /** Banks a rule paper draws from. */
  bankIds: Type.Optional(Type.Array(Id, { maxItems: 50 })),
  items: Type.Optional(Type.Array(PaperItemInput, { maxItems: 500 })),
  rules: Type.Optional(Type.Array(PaperRuleInput, { maxItems: 50 })),
  shuffleQuestions: Type.Boolean(),
  shuffleOptions: Type.Boolean(),
  /** Share of a multiple-choice score for a correct subset (少选得分), 0–1; 0 = all or nothing. */
  partialCredit: Type.Number({ minimum: 0, maximum: 1 }),
  passScore: Type.Optional(Type.Union([Type.Number({ minimum: 0, maximum: 10000 }), Type.Null()])),
  /** Suggested duration (建议时长) in minutes; the exam sets the real one. */
  timeMinutes: Type.Optional(Type.Union([Type.Integer({ minimum: 1, maximum: 1440 }), Type.Null()])),
};
export const CreatePaperBody = Strict({ ...PaperFields, orgId: Id });
export type CreatePaperBody = Static<typeof CreatePaperBody>;
export const UpdatePaperBody = Strict(PaperFields);
export type UpdatePaperBody = Static<typeof UpdatePaperBody>;

/** Checks rules against the banks before saving (how many questions each rule can draw from). */
export const CheckRulesBody = Strict({
  bankIds: Type.Array(Id, { minItems: 1, maxItems: 50 }),
  rules: Type.Array(PaperRuleInput, { maxItems: 50 }),
});
export type CheckRulesBody = Static<typeof CheckRulesBody>;

export const PaperListQuery = Strict({
  ...PageQuery,
  q: Type.Optional(Type.String({ maxLength: 100 })),
  kind: Type.Optional(Type.Union([Type.Literal('fixed'), Type.Literal('rule')])),
  status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('retired'), Type.Literal('all')])),
});
export type PaperListQuery = Static<typeof PaperListQuery>;

export const PreviewQuery = Strict({ seed: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })) });
