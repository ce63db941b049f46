/** Shapes of /api/v1/question-bank (docs/api-question-bank.md). */
export const QUESTION_TYPES = ['single', 'multiple', 'true_false', 'fill_blank', 'short_answer'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];
export const DIFFICULTIES = [1, 2, 3, 4, 5] as const;
export const OPTION_KEYS = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const;

export interface Bank {
  id: string;
  name: string;
  description: string | null;
  orgId: string;
  orgName: string;
  status: 'active' | 'retired';
  questionCount: number;
  writable: boolean;
  createdAt: string;
}

export interface Tags {
  policeCategories: string[];
  subjects: string[];
  sourceLaws: string[];
}

export interface QuestionListItem {
  id: string;
  bankId: string;
  bankName: string;
  type: QuestionType;
  stem: string;
  policeCategory: string | null;
  subject: string | null;
  difficulty: number;
  sourceLaw: string | null;
  versionNo: number;
  currentVersionId: string;
  status: 'active' | 'retired';
  updatedAt: string;
}

export type AnswerKey =
  { kind: 'choice'; correct: string[] } | { kind: 'blanks'; accepted: string[][] } | { kind: 'text'; reference: string };

export interface QuestionVersion {
  id: string;
  questionId: string;
  versionNo: number;
  type: QuestionType;
  stem: string;
  options: { key: string; text: string }[];
  key: AnswerKey;
  analysis: string | null;
  policeCategory: string | null;
  subject: string | null;
  difficulty: number;
  sourceLaw: string | null;
  createdAt: string;
}

export interface QuestionDetail {
  id: string;
  bankId: string;
  bankName: string;
  status: 'active' | 'retired';
  versionNo: number;
  current: QuestionVersion;
  versions: { id: string; versionNo: number; createdAt: string }[];
  writable: boolean;
}

export interface QuestionInput {
  type: QuestionType;
  stem: string;
  options?: string[];
  correct?: string[];
  blanks?: string[][];
  reference?: string;
  analysis?: string | null;
  policeCategory?: string | null;
  subject?: string | null;
  difficulty: number;
  sourceLaw?: string | null;
}

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

export interface PaperRule {
  type: QuestionType;
  policeCategory?: string | null;
  subject?: string | null;
  difficulty?: number | null;
  sourceLaw?: string | null;
  count: number;
  score: number;
}

export interface RuleCheck {
  rule: number;
  needed: number;
  matching: number;
  available: number;
  ok: boolean;
}

export interface PaperSummary {
  id: string;
  title: string;
  kind: 'fixed' | 'rule';
  orgId: string;
  orgName: string;
  totalScore: number;
  questionCount: number;
  passScore: number | null;
  timeMinutes: number | null;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  partialCredit: number;
  status: 'active' | 'retired';
  updatedAt: string;
}

export interface PaperDetail extends PaperSummary {
  bankIds: string[];
  items: {
    questionId: string;
    questionVersionId: string;
    versionNo: number;
    currentVersionNo: number;
    type: QuestionType;
    stem: string;
    score: number;
  }[];
  rules: (PaperRule & { check: RuleCheck })[];
}

export interface PaperInput {
  title: string;
  kind: 'fixed' | 'rule';
  bankIds?: string[];
  items?: { questionId: string; questionVersionId?: string; score: number }[];
  rules?: PaperRule[];
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  partialCredit: number;
  passScore?: number | null;
  timeMinutes?: number | null;
}

export interface DrawnItem {
  no: number;
  questionId: string;
  questionVersionId: string;
  type: QuestionType;
  stem: string;
  options: { key: string; text: string }[];
  key: AnswerKey;
  score: number;
  partialCredit: number;
}

export interface DrawnPaper {
  paperId: string;
  title: string;
  totalScore: number;
  items: DrawnItem[];
  seed: string;
}

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
