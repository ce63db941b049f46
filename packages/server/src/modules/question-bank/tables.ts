/** Table types of the question bank (题库) and papers (试卷); see migration 20261129T040000-question-bank. */
import type { QuestionType } from '@zhenggong/core';

export interface QbBankTable {
  id: string;
  name: string;
  description: string | null;
  /** The owning org; banks of the root org (市局) are shared read-only with every holder of exam:question. */
  org_id: string;
  status: 'active' | 'retired';
  city_code: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface QbQuestionTable {
  id: string;
  bank_id: string;
  /** Copied from the bank, so data scope applies without a join. */
  org_id: string;
  type: QuestionType;
  current_version_id: string;
  version_no: number;
  /** Current stem, tags and difficulty (copied from the current version) for list filters. */
  stem: string;
  police_category: string | null;
  subject: string | null;
  /** 1 (很易) … 5 (很难). */
  difficulty: number;
  source_law: string | null;
  status: 'active' | 'retired';
  retired_at: string | null;
  city_code: string;
  created_at: string;
  updated_at: string;
}

/** Immutable: inserted once per edit, never updated or deleted. */
export interface QbQuestionVersionTable {
  id: string;
  question_id: string;
  version_no: number;
  type: QuestionType;
  stem: string;
  /** JSON array of { key, text }. */
  options: string;
  /** JSON AnswerKey (core question-bank/drawn-paper.ts). */
  answer_key: string;
  analysis: string | null;
  police_category: string | null;
  subject: string | null;
  difficulty: number;
  source_law: string | null;
  city_code: string;
  created_by: string | null;
  created_at: string;
}

export interface QbPaperTable {
  id: string;
  title: string;
  kind: 'fixed' | 'rule';
  org_id: string;
  /** JSON array of bank ids a rule paper draws from (empty for fixed papers). */
  bank_ids: string;
  shuffle_questions: number;
  shuffle_options: number;
  /** Share of a multiple-choice score for a correct subset (少选得分); 0 = all or nothing. */
  partial_credit: number;
  total_score: number;
  pass_score: number | null;
  /** Suggested duration in minutes. */
  time_minutes: number | null;
  status: 'active' | 'retired';
  city_code: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface QbPaperItemTable {
  id: string;
  paper_id: string;
  position: number;
  question_id: string;
  question_version_id: string;
  score: number;
  city_code: string;
}

export interface QbPaperRuleTable {
  id: string;
  paper_id: string;
  position: number;
  type: QuestionType;
  police_category: string | null;
  subject: string | null;
  difficulty: number | null;
  source_law: string | null;
  count: number;
  score: number;
  city_code: string;
}

export interface QuestionBankTables {
  qb_bank: QbBankTable;
  qb_question: QbQuestionTable;
  qb_question_version: QbQuestionVersionTable;
  qb_paper: QbPaperTable;
  qb_paper_item: QbPaperItemTable;
  qb_paper_rule: QbPaperRuleTable;
}
