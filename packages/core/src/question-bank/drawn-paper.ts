/**
 * The contract between the question bank (which composes and draws papers) and the exams module
 * (which snapshots a drawn paper per examinee, records responses and grades them). A drawn
 * paper is a frozen copy: later edits of questions or papers never change it.
 */
export const questionTypes = ['single', 'multiple', 'true_false', 'fill_blank', 'short_answer'] as const;
export type QuestionType = (typeof questionTypes)[number];

/** Objective types are graded at submission; short answers go to the manual grading queue. */
export const isObjective = (type: QuestionType): boolean => type !== 'short_answer';

export type AnswerKey =
  /** single / multiple / true_false ('T' or 'F'): the correct option keys. */
  | { readonly kind: 'choice'; readonly correct: readonly string[] }
  /** fill_blank: accepted answers for each blank, in blank order. */
  | { readonly kind: 'blanks'; readonly accepted: readonly (readonly string[])[] }
  /** short_answer: a reference answer and grading points shown to the grader. */
  | { readonly kind: 'text'; readonly reference: string };

export interface DrawnOption {
  /** The option's own key ('A'…), kept through shuffling so answers and item analysis stay comparable. */
  readonly key: string;
  readonly text: string;
}

export interface DrawnItem {
  /** Position on this examinee's paper, 1-based; responses are keyed by it. */
  readonly no: number;
  readonly questionId: string;
  readonly questionVersionId: string;
  readonly type: QuestionType;
  readonly stem: string;
  /** In the order this examinee sees them (shuffled when the paper says so); empty for blanks and text. */
  readonly options: readonly DrawnOption[];
  readonly key: AnswerKey;
  readonly score: number;
  /**
   * multiple choice only: the share of the score for a correct subset with no wrong choice
   * (少选得分, e.g. 0.5); 0 = all or nothing.
   */
  readonly partialCredit: number;
}

export interface DrawnPaper {
  readonly paperId: string;
  readonly title: string;
  readonly totalScore: number;
  readonly items: readonly DrawnItem[];
}

/** What an examinee sends for one item. */
export interface ItemResponse {
  /** Chosen option keys (single, multiple, true_false). */
  readonly choice?: readonly string[];
  /** One string per blank. */
  readonly blanks?: readonly string[];
  /** Short answer text. */
  readonly text?: string;
}

/** An item as the examinee sees it: no key. */
export type ExamineeItem = Omit<DrawnItem, 'key' | 'questionId' | 'questionVersionId' | 'partialCredit'> & {
  /** Number of blanks for fill_blank items, so the page can draw inputs. */
  readonly blankCount: number;
};

export function toExamineeItem(item: DrawnItem): ExamineeItem {
  return {
    no: item.no,
    type: item.type,
    stem: item.stem,
    options: item.options,
    score: item.score,
    blankCount: item.key.kind === 'blanks' ? item.key.accepted.length : 0,
  };
}

/** Blanks compare after NFKC folding (full-width → half-width), trimming, inner-space removal and lower-casing. */
export const normaliseBlank = (s: string): string => s.normalize('NFKC').trim().replace(/\s+/g, '').toLowerCase();

const round2 = (n: number): number => Math.round(n * 100) / 100;

/**
 * Score of one objective item; null for short answers (graded by a person).
 * A missing response scores 0.
 */
export function gradeObjective(item: DrawnItem, response: ItemResponse | undefined): number | null {
  const key = item.key;
  if (key.kind === 'text') return null;
  if (key.kind === 'blanks') {
    const given = response?.blanks ?? [];
    if (key.accepted.length === 0) return 0;
    const right = key.accepted.filter((accepted, i) => {
      const g = given[i];
      return g !== undefined && accepted.some((a) => normaliseBlank(a) === normaliseBlank(g));
    }).length;
    return round2((item.score * right) / key.accepted.length);
  }
  const chosen = new Set(response?.choice ?? []);
  const correct = new Set(key.correct);
  if (chosen.size === 0) return 0;
  const wrong = [...chosen].some((c) => !correct.has(c));
  if (wrong) return 0;
  if (chosen.size === correct.size) return item.score;
  return item.type === 'multiple' ? round2(item.score * item.partialCredit) : 0;
}
