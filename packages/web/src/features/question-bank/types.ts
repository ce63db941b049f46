import type {
  AnswerKey as CoreAnswerKey,
  BankView as CoreBankView,
  CreatePaperBody as CoreCreatePaperBody,
  CreateQuestionBody as CoreCreateQuestionBody,
  DrawnItem as CoreDrawnItem,
  ListTagsResponse as CoreListTagsResponse,
  PaperDetail as CorePaperDetail,
  PaperRuleInput as CorePaperRuleInput,
  PaperSummary as CorePaperSummary,
  PreviewPaperResponse as CorePreviewPaperResponse,
  QuestionDetail as CoreQuestionDetail,
  QuestionListItem as CoreQuestionListItem,
  QuestionType as CoreQuestionType,
  QuestionVersion as CoreQuestionVersion,
  RuleCheck as CoreRuleCheck,
} from '@zhenggong/core';

/**
 * The question bank's names for the shapes of /api/v1/question-bank (docs/api-question-bank.md):
 * aliases of core's schema types (erased at build), plus the form-side lists and the import
 * report that the web keeps itself.
 */
export const QUESTION_TYPES = [
  'single',
  'multiple',
  'true_false',
  'fill_blank',
  'short_answer',
] as const satisfies readonly CoreQuestionType[];
export type QuestionType = CoreQuestionType;
export const DIFFICULTIES = [1, 2, 3, 4, 5] as const;
export const OPTION_KEYS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const;

export type Bank = CoreBankView;

export type Tags = CoreListTagsResponse;

export type QuestionListItem = CoreQuestionListItem;

export type AnswerKey = CoreAnswerKey;

export type QuestionVersion = CoreQuestionVersion;

export type QuestionDetail = CoreQuestionDetail;

/** The question form's values; the bank is chosen outside the form and added on create. */
export type QuestionInput = Omit<CoreCreateQuestionBody, 'bankId'>;

export interface QuestionFilter {
  bankId?: string;
  type?: QuestionType;
  difficulty?: number;
  policeCategory?: string;
  subject?: string;
  sourceLaw?: string;
  q?: string;
  status?: 'active' | 'retired' | 'all';
}

export type PaperRule = CorePaperRuleInput;

export type RuleCheck = CoreRuleCheck;

export type PaperSummary = CorePaperSummary;

export type PaperDetail = CorePaperDetail;

/** The paper form's values; the owning unit is chosen outside the form and added on create. */
export type PaperInput = Omit<CoreCreatePaperBody, 'orgId'>;

export type DrawnItem = CoreDrawnItem;

export type DrawnPaper = CorePreviewPaperResponse;

export interface ImportProgress {
  phase: 'validating' | 'inserting' | 'committing';
  processedRows: number;
  totalRows: number | null;
  percent: number;
}

export interface ImportProblem {
  row: number;
  column: string;
  header: string;
  field: string;
  code: string;
  value: string;
  message: string;
}

export interface ImportResult {
  fileName: string;
  dryRun: boolean;
  committed: boolean;
  inserted: number;
  totalRows: number;
  validRows: number;
  byType: Record<QuestionType, number>;
  columns: { letter: string; header: string; field: string }[];
  problemCount: number;
  problems: ImportProblem[];
}
