import { correlation } from './statistics.ts';
import type { DrawnItem, ItemResponse, QuestionType } from '../question-bank/drawn-paper.ts';

/**
 * Classical item analysis (项目分析) over finalised attempts: difficulty (通过率 P = mean score ÷
 * item score), discrimination (区分度 D = P of the upper 27 % by total score − P of the lower
 * 27 %, Kelley's groups), option choice counts, and flags that suggest a question needs review.
 * Flags are advice for the question author; nothing changes automatically.
 */
export const itemFlags = ['too_easy', 'too_hard', 'low_discrimination', 'negative_discrimination', 'distractor_unused'] as const;
export type ItemFlag = (typeof itemFlags)[number];

export const FLAG_LIMITS = { tooEasy: 0.9, tooHard: 0.2, lowDiscrimination: 0.2 } as const;

export interface AnalysedAnswer {
  readonly item: DrawnItem;
  readonly response: ItemResponse | undefined;
  /** Points awarded (objective grading or the grader's score); null while ungraded. */
  readonly awarded: number | null;
}

export interface AnalysedAttempt {
  readonly total: number;
  readonly answers: readonly AnalysedAnswer[];
}

export interface ItemAnalysis {
  readonly questionId: string;
  readonly questionVersionId: string;
  readonly stem: string;
  readonly type: QuestionType;
  readonly score: number;
  /** Attempts whose paper held this question. */
  readonly presented: number;
  /** Attempts that gave a non-blank response. */
  readonly answered: number;
  /** 0–1; null when nobody was graded on it. */
  readonly difficulty: number | null;
  /** −1…1; null when an extreme group has no attempt holding the question. */
  readonly discrimination: number | null;
  /**
   * Point-biserial (item–rest correlation, Moodle's discrimination index): the item's score
   * against the total of the other items, so the item does not correlate with itself; null
   * without spread.
   */
  readonly pointBiserial: number | null;
  readonly options: readonly { key: string; text: string; correct: boolean; count: number }[];
  readonly flags: readonly ItemFlag[];
}

const round = (n: number): number => Math.round(n * 10000) / 10000;

export const isBlank = (r: ItemResponse | undefined): boolean =>
  !r || ((r.choice?.length ?? 0) === 0 && !(r.blanks ?? []).some((b) => b.trim() !== '') && (r.text ?? '').trim() === '');

/** Size of each extreme group: 27 % of the attempts, at least one when there are any. */
export const extremeGroupSize = (n: number): number => (n === 0 ? 0 : Math.max(1, Math.round(n * 0.27)));

function meanRatio(answers: readonly AnalysedAnswer[]): number | null {
  const graded = answers.filter((a) => a.awarded !== null);
  if (graded.length === 0) return null;
  return graded.reduce((s, a) => s + (a.item.score > 0 ? (a.awarded as number) / a.item.score : 0), 0) / graded.length; // filtered above
}

export function analyseItems(attempts: readonly AnalysedAttempt[]): ItemAnalysis[] {
  const ranked = attempts.map((a, i) => ({ a, i })).sort((x, y) => y.a.total - x.a.total || x.i - y.i);
  const g = extremeGroupSize(ranked.length);
  const upper = new Set(ranked.slice(0, g).map((r) => r.i));
  const lower = new Set(ranked.slice(ranked.length - g).map((r) => r.i));

  const byQuestion = new Map<
    string,
    { item: DrawnItem; all: AnalysedAnswer[]; up: AnalysedAnswer[]; low: AnalysedAnswer[]; pairs: [number, number][] }
  >();
  attempts.forEach((attempt, i) => {
    for (const answer of attempt.answers) {
      const key = answer.item.questionVersionId;
      let entry = byQuestion.get(key);
      if (!entry) byQuestion.set(key, (entry = { item: answer.item, all: [], up: [], low: [], pairs: [] }));
      entry.all.push(answer);
      if (answer.awarded !== null) entry.pairs.push([answer.awarded, attempt.total - answer.awarded]);
      if (upper.has(i)) entry.up.push(answer);
      if (lower.has(i)) entry.low.push(answer);
    }
  });

  return [...byQuestion.values()].map(({ item, all, up, low, pairs }) => {
    const rpb = correlation(
      pairs.map((p) => p[0]),
      pairs.map((p) => p[1]),
    );
    const difficulty = meanRatio(all);
    const pUp = meanRatio(up);
    const pLow = meanRatio(low);
    const discrimination = pUp === null || pLow === null ? null : round(pUp - pLow);
    const correctKeys = new Set(item.key.kind === 'choice' ? item.key.correct : []);
    const options = [...item.options]
      .sort((a, b) => a.key.localeCompare(b.key))
      .map((o) => ({
        key: o.key,
        text: o.text,
        correct: correctKeys.has(o.key),
        count: all.filter((a) => a.response?.choice?.includes(o.key)).length,
      }));
    const flags: ItemFlag[] = [];
    if (difficulty !== null && difficulty > FLAG_LIMITS.tooEasy) flags.push('too_easy');
    if (difficulty !== null && difficulty < FLAG_LIMITS.tooHard) flags.push('too_hard');
    if (discrimination !== null && discrimination < 0) flags.push('negative_discrimination');
    else if (discrimination !== null && discrimination < FLAG_LIMITS.lowDiscrimination) flags.push('low_discrimination');
    if (all.length > 0 && options.some((o) => !o.correct && o.count === 0)) flags.push('distractor_unused');
    return {
      questionId: item.questionId,
      questionVersionId: item.questionVersionId,
      stem: item.stem,
      type: item.type,
      score: item.score,
      presented: all.length,
      answered: all.filter((a) => !isBlank(a.response)).length,
      difficulty: difficulty === null ? null : round(difficulty),
      discrimination,
      pointBiserial: rpb === null ? null : round(rpb),
      options,
      flags,
    };
  });
}
