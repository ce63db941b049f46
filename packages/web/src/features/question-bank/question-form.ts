import type { QuestionDetail, QuestionInput, QuestionType } from './types';
import { OPTION_KEYS } from './types';

/** The question form's values; converted to the API body on submit. */
export interface QuestionFormValues {
  bankId?: string;
  type: QuestionType;
  stem: string;
  options: string[];
  correctSingle?: string;
  correctMultiple?: string[];
  trueFalse?: 'T' | 'F';
  /** One entry per blank; alternatives separated by '/'. */
  blanks: string[];
  reference?: string;
  analysis?: string;
  policeCategory?: string;
  subject?: string;
  difficulty: number;
  sourceLaw?: string;
}

export const emptyQuestion = (bankId?: string): QuestionFormValues => ({
  bankId,
  type: 'single',
  stem: '',
  options: ['', '', '', ''],
  blanks: [''],
  difficulty: 3,
});

/** Blanks in a stem, counted the way the server counts them. */
export const countBlanks = (stem: string): number => (stem.match(/_{3,}|（\s*）|\(\s*\)/g) ?? []).length;

const orNull = (s: string | undefined) => (s && s.trim() ? s.trim() : null);

export function toQuestionInput(v: QuestionFormValues): QuestionInput {
  const base = {
    type: v.type,
    stem: v.stem,
    analysis: orNull(v.analysis),
    policeCategory: orNull(v.policeCategory),
    subject: orNull(v.subject),
    sourceLaw: orNull(v.sourceLaw),
    difficulty: v.difficulty,
  };
  switch (v.type) {
    case 'single':
      return { ...base, options: v.options, correct: v.correctSingle ? [v.correctSingle] : [] };
    case 'multiple':
      return { ...base, options: v.options, correct: v.correctMultiple ?? [] };
    case 'true_false':
      return { ...base, correct: v.trueFalse ? [v.trueFalse] : [] };
    case 'fill_blank':
      return {
        ...base,
        blanks: v.blanks.map((b) =>
          b
            .split(/[/／]/)
            .map((a) => a.trim())
            .filter((a) => a !== ''),
        ),
      };
    case 'short_answer':
      return { ...base, reference: v.reference ?? '' };
  }
}

export function fromQuestion(q: QuestionDetail): QuestionFormValues {
  const c = q.current;
  const correct = c.key.kind === 'choice' ? c.key.correct : [];
  return {
    bankId: q.bankId,
    type: c.type,
    stem: c.stem,
    options: c.type === 'single' || c.type === 'multiple' ? c.options.map((o) => o.text) : ['', '', '', ''],
    correctSingle: c.type === 'single' ? correct[0] : undefined,
    correctMultiple: c.type === 'multiple' ? [...correct] : undefined,
    trueFalse: c.type === 'true_false' ? (correct[0] as 'T' | 'F') : undefined,
    blanks: c.key.kind === 'blanks' ? c.key.accepted.map((a) => a.join('/')) : [''],
    reference: c.key.kind === 'text' ? c.key.reference : undefined,
    analysis: c.analysis ?? undefined,
    policeCategory: c.policeCategory ?? undefined,
    subject: c.subject ?? undefined,
    difficulty: c.difficulty,
    sourceLaw: c.sourceLaw ?? undefined,
  };
}

export const optionKey = (i: number): string => OPTION_KEYS[i] ?? '?';

type Level = '1' | '2' | '3' | '4' | '5';
/** The i18n key of a difficulty label (1 易 … 5 难). */
export const difficultyKey = (n: number) => `questionBank.difficulty.${String(n) as Level}` as const;
