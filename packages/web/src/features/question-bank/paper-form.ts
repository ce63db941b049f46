import type { PaperDetail, PaperInput, PaperRule, QuestionType } from './types';

/** One rule row as edited: tag filters are '' for 不限 (any). */
export interface RuleRow {
  key: string;
  type: QuestionType;
  policeCategory: string;
  subject: string;
  difficulty: number | null;
  sourceLaw: string;
  count: number;
  score: number;
}

export interface ItemRow {
  questionId: string;
  questionVersionId: string;
  versionNo: number;
  currentVersionNo: number;
  type: QuestionType;
  stem: string;
  score: number;
}

export interface PaperSettings {
  title: string;
  orgId?: string;
  kind: 'fixed' | 'rule';
  timeMinutes?: number | null;
  passScore?: number | null;
  shuffleQuestions: boolean;
  shuffleOptions: boolean;
  partialCredit: number;
}

let seq = 0;
export const newRuleRow = (type: QuestionType = 'single'): RuleRow => ({
  key: `r${++seq}`,
  type,
  policeCategory: '',
  subject: '',
  difficulty: null,
  sourceLaw: '',
  count: 5,
  score: defaultScore(type),
});

/** A starting score per type, the way papers here are usually weighted. */
export const defaultScore = (type: QuestionType): number =>
  ({ single: 2, multiple: 3, true_false: 1, fill_blank: 2, short_answer: 10 })[type];

export const toRule = (r: RuleRow): PaperRule => ({
  type: r.type,
  policeCategory: r.policeCategory || null,
  subject: r.subject || null,
  difficulty: r.difficulty,
  sourceLaw: r.sourceLaw || null,
  count: r.count,
  score: r.score,
});

export const round2 = (n: number): number => Math.round(n * 100) / 100;

export function toPaperInput(s: PaperSettings, bankIds: string[], rules: RuleRow[], items: ItemRow[]): PaperInput {
  const settings = {
    title: s.title.trim(),
    kind: s.kind,
    shuffleQuestions: s.shuffleQuestions,
    shuffleOptions: s.shuffleOptions,
    partialCredit: s.partialCredit,
    passScore: s.passScore ?? null,
    timeMinutes: s.timeMinutes ?? null,
  };
  return s.kind === 'rule'
    ? { ...settings, bankIds, rules: rules.map(toRule) }
    : {
        ...settings,
        items: items.map((i) => ({
          questionId: i.questionId,
          ...(i.questionVersionId ? { questionVersionId: i.questionVersionId } : {}),
          score: i.score,
        })),
      };
}

export function fromPaper(p: PaperDetail): { settings: PaperSettings; bankIds: string[]; rules: RuleRow[]; items: ItemRow[] } {
  return {
    settings: {
      title: p.title,
      orgId: p.orgId,
      kind: p.kind,
      timeMinutes: p.timeMinutes,
      passScore: p.passScore,
      shuffleQuestions: p.shuffleQuestions,
      shuffleOptions: p.shuffleOptions,
      partialCredit: p.partialCredit,
    },
    bankIds: [...p.bankIds],
    rules: p.rules.map((r) => ({
      ...newRuleRow(r.type),
      policeCategory: r.policeCategory ?? '',
      subject: r.subject ?? '',
      difficulty: r.difficulty ?? null,
      sourceLaw: r.sourceLaw ?? '',
      count: r.count,
      score: r.score,
    })),
    items: p.items.map((i) => ({ ...i })),
  };
}
