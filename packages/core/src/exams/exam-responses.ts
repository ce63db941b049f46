import { Type, type Static } from '@sinclair/typebox';
import { ReadonlyList } from '../schemas/common.ts';

/** Response schemas of the exam routes (exams, sessions, grading, results, statistics); types are Static<> of them. */
export const MyExamsResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      examId: Type.String(),
      title: Type.String(),
      kind: Type.Union([
        Type.Literal('monthly_practice'),
        Type.Literal('quarterly_exam'),
        Type.Literal('annual_contest'),
        Type.Literal('spot_check'),
        Type.Literal('pass_test'),
        Type.Literal('make_up'),
      ]),
      startsAt: Type.String(),
      endsAt: Type.String(),
      durationMinutes: Type.Number(),
      examStatus: Type.Union([Type.Literal('draft'), Type.Literal('scheduled'), Type.Literal('cancelled'), Type.Literal('closed')]),
      status: Type.Union([Type.Literal('not_started'), Type.Literal('in_progress'), Type.Literal('submitted'), Type.Literal('graded')]),
      attemptsUsed: Type.Number(),
      attemptsAllowed: Type.Number(),
      totalScore: Type.Number(),
      passScore: Type.Number(),
      canStart: Type.Boolean(),
      deadline: Type.Union([Type.Null(), Type.String()]),
      resultsPublished: Type.Boolean(),
      score: Type.Union([Type.Null(), Type.Number()]),
      passed: Type.Union([Type.Boolean(), Type.Null()]),
    }),
  ),
  serverNow: Type.String(),
});
export type MyExamsResponse = Static<typeof MyExamsResponse>;

export const DrawnOptionSchema = Type.Object({ key: Type.String(), text: Type.String() });

export const StartExamResponse = Type.Object({
  sessionId: Type.String(),
  sessionToken: Type.String(),
  attempt: Type.Number(),
  deadline: Type.String(),
  serverNow: Type.String(),
  title: Type.String(),
  totalScore: Type.Number(),
  items: Type.Array(
    Type.Object({
      score: Type.Number(),
      no: Type.Number(),
      type: Type.Union([
        Type.Literal('single'),
        Type.Literal('multiple'),
        Type.Literal('true_false'),
        Type.Literal('fill_blank'),
        Type.Literal('short_answer'),
      ]),
      stem: Type.String(),
      options: ReadonlyList(DrawnOptionSchema),
      blankCount: Type.Number(),
    }),
  ),
  /** Saved answers by item number. */
  responses: Type.Record(
    Type.Number(),
    Type.Object({
      choice: Type.Optional(ReadonlyList(Type.String())),
      blanks: Type.Optional(ReadonlyList(Type.String())),
      text: Type.Optional(Type.String()),
    }),
  ),
  /** The last save sequence by item number (the autosave refuses older saves). */
  seqs: Type.Record(Type.Number(), Type.Number()),
  focusLossCount: Type.Number(),
});
export type StartExamResponse = Static<typeof StartExamResponse>;

export const StoredSessionStatus = Type.Union([Type.Literal('in_progress'), Type.Literal('submitted'), Type.Literal('graded')]);
export type StoredSessionStatus = Static<typeof StoredSessionStatus>;

export const SubmitExamResponse = Type.Object({
  status: StoredSessionStatus,
  objectiveScore: Type.Union([Type.Null(), Type.Number()]),
  score: Type.Union([Type.Null(), Type.Number()]),
});
export type SubmitExamResponse = Static<typeof SubmitExamResponse>;

export const MyResultResponse = Type.Union([
  Type.Object({
    score: Type.Null(),
    passed: Type.Union([Type.Boolean(), Type.Null()]),
    items: Type.Array(Type.Never()),
    examId: Type.String(),
    title: Type.String(),
    published: Type.Boolean(),
    status: Type.Union([Type.Literal('not_started'), Type.Literal('in_progress'), Type.Literal('submitted'), Type.Literal('graded')]),
    passScore: Type.Number(),
    totalScore: Type.Number(),
  }),
  Type.Object({
    score: Type.Union([Type.Null(), Type.Number()]),
    passed: Type.Boolean(),
    items: Type.Array(
      Type.Object({
        no: Type.Number(),
        type: Type.Union([
          Type.Literal('single'),
          Type.Literal('multiple'),
          Type.Literal('true_false'),
          Type.Literal('fill_blank'),
          Type.Literal('short_answer'),
        ]),
        stem: Type.String(),
        maxScore: Type.Number(),
        awarded: Type.Number(),
        correct: Type.Union([Type.Boolean(), Type.Null()]),
        response: Type.Union([
          Type.Null(),
          Type.Object({
            choice: Type.Optional(ReadonlyList(Type.String())),
            blanks: Type.Optional(ReadonlyList(Type.String())),
            text: Type.Optional(Type.String()),
          }),
        ]),
      }),
    ),
    examId: Type.String(),
    title: Type.String(),
    published: Type.Boolean(),
    status: Type.Union([Type.Literal('not_started'), Type.Literal('in_progress'), Type.Literal('submitted'), Type.Literal('graded')]),
    passScore: Type.Number(),
    totalScore: Type.Number(),
  }),
]);
export type MyResultResponse = Static<typeof MyResultResponse>;

export const GradingQueueResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      answerId: Type.String(),
      examId: Type.String(),
      examTitle: Type.String(),
      no: Type.Number(),
      stem: Type.String(),
      reference: Type.String(),
      response: Type.Object({ text: Type.String() }),
      maxScore: Type.Number(),
    }),
  ),
  total: Type.Number(),
});
export type GradingQueueResponse = Static<typeof GradingQueueResponse>;

export const GradeAnswerResponse = Type.Object({
  answerId: Type.String(),
  score: Type.Number(),
  sessionStatus: Type.Union([Type.Literal('submitted'), Type.Literal('graded')]),
});
export type GradeAnswerResponse = Static<typeof GradeAnswerResponse>;

export const PersonExamResult = Type.Object({
  examId: Type.String(),
  title: Type.String(),
  kind: Type.String(),
  orgId: Type.String(),
  endsAt: Type.String(),
  takenAt: Type.Union([Type.Null(), Type.String()]),
  score: Type.Union([Type.Null(), Type.Number()]),
  passed: Type.Boolean(),
  absent: Type.Boolean(),
  passScore: Type.Number(),
  totalScore: Type.Number(),
  attemptsUsed: Type.Number(),
  publishedAt: Type.String(),
});
export type PersonExamResult = Static<typeof PersonExamResult>;

export const PersonResults2Response = Type.Object({ items: Type.Array(PersonExamResult) });
export type PersonResults2Response = Static<typeof PersonResults2Response>;

export const ListExamsResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      title: Type.String(),
      kind: Type.Union([
        Type.Literal('monthly_practice'),
        Type.Literal('quarterly_exam'),
        Type.Literal('annual_contest'),
        Type.Literal('spot_check'),
        Type.Literal('pass_test'),
        Type.Literal('make_up'),
      ]),
      status: Type.Union([Type.Literal('draft'), Type.Literal('scheduled'), Type.Literal('cancelled'), Type.Literal('closed')]),
      orgId: Type.String(),
      orgName: Type.String(),
      paperId: Type.String(),
      paperTitle: Type.String(),
      startsAt: Type.String(),
      endsAt: Type.String(),
      durationMinutes: Type.Number(),
      examineeCount: Type.Number(),
      submittedCount: Type.Number(),
      resultsPublishedAt: Type.Union([Type.Null(), Type.String()]),
    }),
  ),
  total: Type.Number(),
});
export type ListExamsResponse = Static<typeof ListExamsResponse>;

export const CreateExamResponse = Type.Object({
  totalScore: Type.Number(),
  attemptsAllowed: Type.Number(),
  passScore: Type.Number(),
  targets: Type.Object({
    orgIds: Type.Optional(Type.Array(Type.String())),
    roleIds: Type.Optional(Type.Array(Type.String())),
    ranks: Type.Optional(Type.Array(Type.String())),
    personIds: Type.Optional(Type.Array(Type.String())),
  }),
  sourceExamId: Type.Union([Type.Null(), Type.String()]),
  startedCount: Type.Number(),
  pendingManualCount: Type.Number(),
  scheduledAt: Type.Union([Type.Null(), Type.String()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  id: Type.String(),
  title: Type.String(),
  kind: Type.Union([
    Type.Literal('monthly_practice'),
    Type.Literal('quarterly_exam'),
    Type.Literal('annual_contest'),
    Type.Literal('spot_check'),
    Type.Literal('pass_test'),
    Type.Literal('make_up'),
  ]),
  status: Type.Union([Type.Literal('draft'), Type.Literal('scheduled'), Type.Literal('cancelled'), Type.Literal('closed')]),
  orgId: Type.String(),
  orgName: Type.String(),
  paperId: Type.String(),
  paperTitle: Type.String(),
  startsAt: Type.String(),
  endsAt: Type.String(),
  durationMinutes: Type.Number(),
  examineeCount: Type.Number(),
  submittedCount: Type.Number(),
  resultsPublishedAt: Type.Union([Type.Null(), Type.String()]),
});
export type CreateExamResponse = Static<typeof CreateExamResponse>;

export const ListExamineesResponse = Type.Object({
  items: Type.Array(
    Type.Object({
      personId: Type.String(),
      name: Type.String(),
      orgId: Type.String(),
      orgName: Type.String(),
      status: Type.String(),
      attempt: Type.Number(),
      startedAt: Type.Union([Type.Null(), Type.String()]),
      lastSavedAt: Type.Union([Type.Null(), Type.String()]),
      answeredCount: Type.Number(),
      itemCount: Type.Union([Type.Null(), Type.Number()]),
      focusLossCount: Type.Number(),
      submittedAt: Type.Union([Type.Null(), Type.String()]),
      finalisedBy: Type.Union([Type.Null(), Type.Literal('deadline'), Type.Literal('examinee'), Type.Literal('proctor')]),
      score: Type.Union([Type.Null(), Type.Number()]),
    }),
  ),
  total: Type.Number(),
});
export type ListExamineesResponse = Static<typeof ListExamineesResponse>;

export const ScoreSummarySchema = Type.Object({
  examinees: Type.Number(),
  participated: Type.Number(),
  participationRate: Type.Number(),
  average: Type.Union([Type.Null(), Type.Number()]),
  passRate: Type.Union([Type.Null(), Type.Number()]),
  max: Type.Union([Type.Null(), Type.Number()]),
  min: Type.Union([Type.Null(), Type.Number()]),
});

export const BandSchema = Type.Object({ from: Type.Number(), to: Type.Number(), count: Type.Number() });

export const ExamStatsResponse = Type.Object({
  overall: ScoreSummarySchema,
  byUnit: Type.Array(
    Type.Object({
      orgId: Type.String(),
      orgName: Type.String(),
      examinees: Type.Number(),
      participated: Type.Number(),
      participationRate: Type.Number(),
      average: Type.Union([Type.Null(), Type.Number()]),
      passRate: Type.Union([Type.Null(), Type.Number()]),
    }),
  ),
  distribution: Type.Array(BandSchema),
});
export type ExamStatsResponse = Static<typeof ExamStatsResponse>;

export const ItemAnalysisSchema = Type.Object({
  questionId: Type.String(),
  questionVersionId: Type.String(),
  stem: Type.String(),
  type: Type.Union([
    Type.Literal('single'),
    Type.Literal('multiple'),
    Type.Literal('true_false'),
    Type.Literal('fill_blank'),
    Type.Literal('short_answer'),
  ]),
  score: Type.Number(),
  presented: Type.Number(),
  answered: Type.Number(),
  difficulty: Type.Union([Type.Null(), Type.Number()]),
  discrimination: Type.Union([Type.Null(), Type.Number()]),
  pointBiserial: Type.Union([Type.Null(), Type.Number()]),
  options: ReadonlyList(Type.Object({ key: Type.String(), text: Type.String(), correct: Type.Boolean(), count: Type.Number() })),
  flags: ReadonlyList(
    Type.Union([
      Type.Literal('too_easy'),
      Type.Literal('too_hard'),
      Type.Literal('low_discrimination'),
      Type.Literal('negative_discrimination'),
      Type.Literal('distractor_unused'),
    ]),
  ),
});

export const TestSummarySchema = Type.Object({
  attempts: Type.Number(),
  mean: Type.Union([Type.Null(), Type.Number()]),
  sd: Type.Union([Type.Null(), Type.Number()]),
  commonItems: Type.Number(),
  reliabilityKind: Type.Union([Type.Null(), Type.Literal('kr20'), Type.Literal('alpha')]),
  reliability: Type.Union([Type.Null(), Type.Number()]),
  sem: Type.Union([Type.Null(), Type.Number()]),
  smallSample: Type.Boolean(),
});

/** Items and the whole test's statistics, over each examinee's first finalised attempt. */
export const ItemAnalysisResponse = Type.Object({ summary: TestSummarySchema, items: Type.Array(ItemAnalysisSchema) });
export type ItemAnalysisResponse = Static<typeof ItemAnalysisResponse>;
