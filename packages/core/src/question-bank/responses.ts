import { Type, type Static } from '@sinclair/typebox';
import { ReadonlyList } from '../schemas/common.ts';

/** Response schemas of the question-bank routes (banks, questions, papers, import); types are Static<> of them. */
export const BankView = Type.Object({
  id: Type.String(),
  name: Type.String(),
  description: Type.Union([Type.Null(), Type.String()]),
  orgId: Type.String(),
  orgName: Type.String(),
  status: Type.Union([Type.Literal('active'), Type.Literal('retired')]),
  questionCount: Type.Number(),
  writable: Type.Boolean(),
  createdAt: Type.String(),
});
export type BankView = Static<typeof BankView>;

export const ListBanksResponse = Type.Array(BankView);
export type ListBanksResponse = Static<typeof ListBanksResponse>;

export const ListTagsResponse = Type.Object({
  policeCategories: Type.Array(Type.String()),
  subjects: Type.Array(Type.String()),
  sourceLaws: Type.Array(Type.String()),
});
export type ListTagsResponse = Static<typeof ListTagsResponse>;

export const QuestionListItem = Type.Object({
  id: Type.String(),
  bankId: Type.String(),
  bankName: Type.String(),
  type: Type.Union([
    Type.Literal('single'),
    Type.Literal('multiple'),
    Type.Literal('true_false'),
    Type.Literal('fill_blank'),
    Type.Literal('short_answer'),
  ]),
  stem: Type.String(),
  policeCategory: Type.Union([Type.Null(), Type.String()]),
  subject: Type.Union([Type.Null(), Type.String()]),
  difficulty: Type.Number(),
  sourceLaw: Type.Union([Type.Null(), Type.String()]),
  versionNo: Type.Number(),
  currentVersionId: Type.String(),
  status: Type.Union([Type.Literal('active'), Type.Literal('retired')]),
  updatedAt: Type.String(),
});
export type QuestionListItem = Static<typeof QuestionListItem>;

export const ListQuestionsResponse = Type.Object({ items: Type.Array(QuestionListItem), total: Type.Number() });
export type ListQuestionsResponse = Static<typeof ListQuestionsResponse>;

export const DrawnOptionSchema2 = Type.Object({ key: Type.String(), text: Type.String() });

export const QuestionVersion = Type.Object({
  id: Type.String(),
  questionId: Type.String(),
  versionNo: Type.Number(),
  type: Type.Union([
    Type.Literal('single'),
    Type.Literal('multiple'),
    Type.Literal('true_false'),
    Type.Literal('fill_blank'),
    Type.Literal('short_answer'),
  ]),
  stem: Type.String(),
  options: ReadonlyList(DrawnOptionSchema2),
  key: Type.Union([
    Type.Object({ kind: Type.Literal('choice'), correct: ReadonlyList(Type.String()) }),
    Type.Object({ kind: Type.Literal('blanks'), accepted: ReadonlyList(ReadonlyList(Type.String())) }),
    Type.Object({ kind: Type.Literal('text'), reference: Type.String() }),
  ]),
  analysis: Type.Union([Type.Null(), Type.String()]),
  policeCategory: Type.Union([Type.Null(), Type.String()]),
  subject: Type.Union([Type.Null(), Type.String()]),
  difficulty: Type.Number(),
  sourceLaw: Type.Union([Type.Null(), Type.String()]),
  createdAt: Type.String(),
});
export type QuestionVersion = Static<typeof QuestionVersion>;

export const QuestionDetail = Type.Object({
  id: Type.String(),
  bankId: Type.String(),
  bankName: Type.String(),
  status: Type.Union([Type.Literal('active'), Type.Literal('retired')]),
  versionNo: Type.Number(),
  current: QuestionVersion,
  versions: ReadonlyList(Type.Object({ id: Type.String(), versionNo: Type.Number(), createdAt: Type.String() })),
  writable: Type.Boolean(),
});
export type QuestionDetail = Static<typeof QuestionDetail>;

export const PaperSummary = Type.Object({
  id: Type.String(),
  title: Type.String(),
  kind: Type.Union([Type.Literal('fixed'), Type.Literal('rule')]),
  orgId: Type.String(),
  orgName: Type.String(),
  totalScore: Type.Number(),
  questionCount: Type.Number(),
  passScore: Type.Union([Type.Null(), Type.Number()]),
  timeMinutes: Type.Union([Type.Null(), Type.Number()]),
  shuffleQuestions: Type.Boolean(),
  shuffleOptions: Type.Boolean(),
  partialCredit: Type.Number(),
  status: Type.Union([Type.Literal('active'), Type.Literal('retired')]),
  updatedAt: Type.String(),
});
export type PaperSummary = Static<typeof PaperSummary>;

export const ListPapersResponse = Type.Object({ items: Type.Array(PaperSummary), total: Type.Number() });
export type ListPapersResponse = Static<typeof ListPapersResponse>;

export const RuleCheck = Type.Object({
  rule: Type.Number(),
  needed: Type.Number(),
  matching: Type.Number(),
  available: Type.Number(),
  ok: Type.Boolean(),
});
export type RuleCheck = Static<typeof RuleCheck>;

export const CheckRulesResponse = Type.Object({ checks: Type.Array(RuleCheck) });
export type CheckRulesResponse = Static<typeof CheckRulesResponse>;

export const PaperDetail = Type.Object({
  bankIds: ReadonlyList(Type.String()),
  items: ReadonlyList(
    Type.Object({
      questionId: Type.String(),
      questionVersionId: Type.String(),
      versionNo: Type.Number(),
      currentVersionNo: Type.Number(),
      type: Type.Union([
        Type.Literal('single'),
        Type.Literal('multiple'),
        Type.Literal('true_false'),
        Type.Literal('fill_blank'),
        Type.Literal('short_answer'),
      ]),
      stem: Type.String(),
      score: Type.Number(),
    }),
  ),
  rules: ReadonlyList(
    Type.Object({
      policeCategory: Type.Optional(Type.Union([Type.Null(), Type.String()])),
      subject: Type.Optional(Type.Union([Type.Null(), Type.String()])),
      difficulty: Type.Optional(Type.Union([Type.Null(), Type.Number()])),
      sourceLaw: Type.Optional(Type.Union([Type.Null(), Type.String()])),
      type: Type.Union([
        Type.Literal('single'),
        Type.Literal('multiple'),
        Type.Literal('true_false'),
        Type.Literal('fill_blank'),
        Type.Literal('short_answer'),
      ]),
      count: Type.Number(),
      score: Type.Number(),
      check: RuleCheck,
    }),
  ),
  id: Type.String(),
  title: Type.String(),
  kind: Type.Union([Type.Literal('fixed'), Type.Literal('rule')]),
  orgId: Type.String(),
  orgName: Type.String(),
  totalScore: Type.Number(),
  questionCount: Type.Number(),
  passScore: Type.Union([Type.Null(), Type.Number()]),
  timeMinutes: Type.Union([Type.Null(), Type.Number()]),
  shuffleQuestions: Type.Boolean(),
  shuffleOptions: Type.Boolean(),
  partialCredit: Type.Number(),
  status: Type.Union([Type.Literal('active'), Type.Literal('retired')]),
  updatedAt: Type.String(),
});
export type PaperDetail = Static<typeof PaperDetail>;

export const DrawnItemSchema = Type.Object({
  no: Type.Number(),
  questionId: Type.String(),
  questionVersionId: Type.String(),
  type: Type.Union([
    Type.Literal('single'),
    Type.Literal('multiple'),
    Type.Literal('true_false'),
    Type.Literal('fill_blank'),
    Type.Literal('short_answer'),
  ]),
  stem: Type.String(),
  options: ReadonlyList(DrawnOptionSchema2),
  key: Type.Union([
    Type.Object({ kind: Type.Literal('choice'), correct: ReadonlyList(Type.String()) }),
    Type.Object({ kind: Type.Literal('blanks'), accepted: ReadonlyList(ReadonlyList(Type.String())) }),
    Type.Object({ kind: Type.Literal('text'), reference: Type.String() }),
  ]),
  score: Type.Number(),
  partialCredit: Type.Number(),
});

export const PreviewPaperResponse = Type.Object({
  paperId: Type.String(),
  title: Type.String(),
  totalScore: Type.Number(),
  items: ReadonlyList(DrawnItemSchema),
  seed: Type.String(),
});
export type PreviewPaperResponse = Static<typeof PreviewPaperResponse>;
