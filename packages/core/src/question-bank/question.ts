import { Type, type Static, type TLiteral } from '@sinclair/typebox';
import { Id, PageQuery, Strict } from '../schemas/common.ts';
import { questionTypes, type AnswerKey, type DrawnOption, type QuestionType } from './drawn-paper.ts';

/** Option keys of choice questions, at most eight (A–H). */
export const optionKeys = ['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H'] as const;
export const trueFalseOptions: readonly DrawnOption[] = [
  { key: 'T', text: '正确' },
  { key: 'F', text: '错误' },
];

/** Difficulty is 1–5; the labels are what people see and what the import also accepts. */
export const difficultyLevels = [1, 2, 3, 4, 5] as const;
export const difficultyLabels: Record<number, { 'zh-CN': string; 'en-US': string }> = {
  1: { 'zh-CN': '易', 'en-US': 'Easy' },
  2: { 'zh-CN': '较易', 'en-US': 'Fairly easy' },
  3: { 'zh-CN': '中', 'en-US': 'Medium' },
  4: { 'zh-CN': '较难', 'en-US': 'Fairly hard' },
  5: { 'zh-CN': '难', 'en-US': 'Hard' },
};

export const questionTypeLabels: Record<QuestionType, { 'zh-CN': string; 'en-US': string }> = {
  single: { 'zh-CN': '单选题', 'en-US': 'Single choice' },
  multiple: { 'zh-CN': '多选题', 'en-US': 'Multiple choice' },
  true_false: { 'zh-CN': '判断题', 'en-US': 'True/false' },
  fill_blank: { 'zh-CN': '填空题', 'en-US': 'Fill in the blank' },
  short_answer: { 'zh-CN': '简答题', 'en-US': 'Short answer' },
};

/** The content of one question version as entered (API body, import row or form). */
export interface QuestionContentInput {
  readonly type: QuestionType;
  readonly stem: string;
  /** Option texts in key order A, B, … (choice types only). */
  readonly options?: readonly string[] | undefined;
  /** Correct option keys (single, multiple) or ['T'] / ['F'] (true_false). */
  readonly correct?: readonly string[] | undefined;
  /** Accepted answers per blank (fill_blank). */
  readonly blanks?: readonly (readonly string[])[] | undefined;
  /** Reference answer (short_answer). */
  readonly reference?: string | undefined;
}

export const questionProblemCodes = [
  'STEM_REQUIRED',
  'STEM_TOO_LONG',
  'OPTIONS_TOO_FEW',
  'OPTIONS_TOO_MANY',
  'OPTION_EMPTY',
  'OPTION_DUPLICATE',
  'OPTIONS_NOT_ALLOWED',
  'ANSWER_REQUIRED',
  'ANSWER_NOT_AN_OPTION',
  'ANSWER_SINGLE_ONE',
  'ANSWER_MULTIPLE_TWO',
  'ANSWER_TRUE_FALSE',
  'BLANKS_MISMATCH',
  'TYPE_UNKNOWN',
  'DIFFICULTY_INVALID',
  'TEXT_TOO_LONG',
] as const;
export type QuestionProblemCode = (typeof questionProblemCodes)[number];

/** Messages of content problems, shared by the API, the xlsx import and the form's inline validation. */
export const questionProblemMessages: Record<QuestionProblemCode, { 'zh-CN': string; 'en-US': string }> = {
  STEM_REQUIRED: { 'zh-CN': '题干不能为空', 'en-US': 'The stem is required' },
  STEM_TOO_LONG: { 'zh-CN': '题干过长（最多 2000 字）', 'en-US': 'The stem is too long (at most 2000 characters)' },
  OPTIONS_TOO_FEW: { 'zh-CN': '选择题至少需要 2 个选项', 'en-US': 'A choice question needs at least 2 options' },
  OPTIONS_TOO_MANY: { 'zh-CN': '选项最多 8 个（A–H）', 'en-US': 'At most 8 options (A–H)' },
  OPTION_EMPTY: { 'zh-CN': '选项之间不能有空缺', 'en-US': 'Options must not have gaps' },
  OPTION_DUPLICATE: { 'zh-CN': '选项内容重复', 'en-US': 'Two options have the same text' },
  OPTIONS_NOT_ALLOWED: { 'zh-CN': '该题型不应有选项', 'en-US': 'This question type takes no options' },
  ANSWER_REQUIRED: { 'zh-CN': '答案不能为空', 'en-US': 'The answer is required' },
  ANSWER_NOT_AN_OPTION: { 'zh-CN': '答案不是已有的选项', 'en-US': 'The answer names an option that does not exist' },
  ANSWER_SINGLE_ONE: { 'zh-CN': '单选题只能有一个正确答案', 'en-US': 'A single choice has exactly one correct option' },
  ANSWER_MULTIPLE_TWO: { 'zh-CN': '多选题至少有两个正确答案', 'en-US': 'A multiple choice has at least two correct options' },
  ANSWER_TRUE_FALSE: { 'zh-CN': '判断题答案应为“正确”或“错误”', 'en-US': 'A true/false answer is 正确 (true) or 错误 (false)' },
  BLANKS_MISMATCH: {
    'zh-CN': '填空题答案数量应与题干中的空（____ 或 （）)数量一致',
    'en-US': 'A fill-in question needs one answer per blank (____ or （）) in the stem',
  },
  TYPE_UNKNOWN: {
    'zh-CN': '题型应为单选、多选、判断、填空或简答',
    'en-US': 'Type must be single, multiple, true/false, fill-in or short answer',
  },
  DIFFICULTY_INVALID: { 'zh-CN': '难度应为 1–5 或 易/较易/中/较难/难', 'en-US': 'Difficulty is 1–5 or 易/较易/中/较难/难' },
  TEXT_TOO_LONG: { 'zh-CN': '内容过长', 'en-US': 'The text is too long' },
};

export interface QuestionProblem {
  /** stem | options | answer | type | difficulty | (a tag field). */
  readonly field: string;
  readonly code: QuestionProblemCode;
  /** For option problems: the 0-based option (A = 0) at fault. */
  readonly index?: number;
}

/** Blanks in a stem: runs of 3+ underscores, or empty Chinese/ASCII brackets. */
export const countBlanks = (stem: string): number => (stem.match(/_{3,}|（\s*）|\(\s*\)/g) ?? []).length;

export type QuestionContent = { readonly options: DrawnOption[]; readonly key: AnswerKey };

/** Checks content against its type and builds the stored options and answer key. */
export function buildQuestionContent(
  input: QuestionContentInput,
): { ok: true; content: QuestionContent } | { ok: false; problems: QuestionProblem[] } {
  const problems: QuestionProblem[] = [];
  const stem = input.stem.trim();
  if (stem === '') problems.push({ field: 'stem', code: 'STEM_REQUIRED' });
  else if (stem.length > 2000) problems.push({ field: 'stem', code: 'STEM_TOO_LONG' });
  const rawOptions = input.options ?? [];
  const correct = [...new Set((input.correct ?? []).map((c) => c.trim().toUpperCase()).filter((c) => c !== ''))];
  let options: DrawnOption[] = [];
  let key: AnswerKey = { kind: 'choice', correct: [] };
  switch (input.type) {
    case 'single':
    case 'multiple': {
      let last = rawOptions.length;
      while (last > 0 && (rawOptions[last - 1] ?? '').trim() === '') last--;
      const texts = rawOptions.slice(0, last).map((o) => o.trim());
      const gap = texts.indexOf('');
      const duplicate = texts.findIndex((t, i) => t !== '' && texts.indexOf(t) !== i);
      const tooLong = texts.findIndex((t) => t.length > 500);
      if (gap >= 0) problems.push({ field: 'options', code: 'OPTION_EMPTY', index: gap });
      else if (texts.length < 2) problems.push({ field: 'options', code: 'OPTIONS_TOO_FEW', index: texts.length });
      else if (texts.length > optionKeys.length) problems.push({ field: 'options', code: 'OPTIONS_TOO_MANY', index: optionKeys.length });
      else if (duplicate >= 0) problems.push({ field: 'options', code: 'OPTION_DUPLICATE', index: duplicate });
      if (tooLong >= 0) problems.push({ field: 'options', code: 'TEXT_TOO_LONG', index: tooLong });
      options = texts.slice(0, optionKeys.length).map((text, i) => ({ key: optionKeys[i] as string, text }));
      const known = new Set(options.map((o) => o.key));
      if (correct.length === 0) problems.push({ field: 'answer', code: 'ANSWER_REQUIRED' });
      else if (correct.some((c) => !known.has(c)) && options.length >= 2) problems.push({ field: 'answer', code: 'ANSWER_NOT_AN_OPTION' });
      else if (input.type === 'single' && correct.length !== 1) problems.push({ field: 'answer', code: 'ANSWER_SINGLE_ONE' });
      else if (input.type === 'multiple' && correct.length < 2) problems.push({ field: 'answer', code: 'ANSWER_MULTIPLE_TWO' });
      key = { kind: 'choice', correct: [...correct].sort() };
      break;
    }
    case 'true_false': {
      if (rawOptions.some((o) => o.trim() !== '')) problems.push({ field: 'options', code: 'OPTIONS_NOT_ALLOWED' });
      if (correct.length === 0) problems.push({ field: 'answer', code: 'ANSWER_REQUIRED' });
      else if (correct.length !== 1 || (correct[0] !== 'T' && correct[0] !== 'F'))
        problems.push({ field: 'answer', code: 'ANSWER_TRUE_FALSE' });
      options = [...trueFalseOptions];
      key = { kind: 'choice', correct };
      break;
    }
    case 'fill_blank': {
      if (rawOptions.some((o) => o.trim() !== '')) problems.push({ field: 'options', code: 'OPTIONS_NOT_ALLOWED' });
      const blanks = (input.blanks ?? []).map((alts) => [...new Set(alts.map((a) => a.trim()).filter((a) => a !== ''))]);
      if (blanks.length === 0 || blanks.some((b) => b.length === 0)) problems.push({ field: 'answer', code: 'ANSWER_REQUIRED' });
      else if (stem !== '' && countBlanks(stem) !== blanks.length) problems.push({ field: 'answer', code: 'BLANKS_MISMATCH' });
      key = { kind: 'blanks', accepted: blanks };
      break;
    }
    case 'short_answer': {
      if (rawOptions.some((o) => o.trim() !== '')) problems.push({ field: 'options', code: 'OPTIONS_NOT_ALLOWED' });
      const reference = (input.reference ?? '').trim();
      if (reference === '') problems.push({ field: 'answer', code: 'ANSWER_REQUIRED' });
      else if (reference.length > 5000) problems.push({ field: 'answer', code: 'TEXT_TOO_LONG' });
      key = { kind: 'text', reference };
      break;
    }
    default:
      problems.push({ field: 'type', code: 'TYPE_UNKNOWN' });
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, content: { options, key } };
}

const Type5 = Type.Union(questionTypes.map((v) => Type.Literal(v)) as [TLiteral<QuestionType>]);
const Tag = (max: number) => Type.Optional(Type.Union([Type.String({ maxLength: max }), Type.Null()]));

export const QuestionTypeSchema = Type5;
export const QuestionFields = {
  type: Type5,
  stem: Type.String({ maxLength: 2000 }),
  options: Type.Optional(Type.Array(Type.String({ maxLength: 500 }), { maxItems: 8 })),
  correct: Type.Optional(Type.Array(Type.String({ maxLength: 1 }), { maxItems: 8 })),
  blanks: Type.Optional(Type.Array(Type.Array(Type.String({ maxLength: 200 }), { maxItems: 10 }), { maxItems: 20 })),
  reference: Type.Optional(Type.String({ maxLength: 5000 })),
  analysis: Tag(5000),
  policeCategory: Tag(50),
  subject: Tag(50),
  difficulty: Type.Integer({ minimum: 1, maximum: 5 }),
  sourceLaw: Tag(200),
};
export const CreateQuestionBody = Strict({ bankId: Id, ...QuestionFields });
export type CreateQuestionBody = Static<typeof CreateQuestionBody>;
/** An edit is a whole new version; the type cannot change. */
export const UpdateQuestionBody = Strict(QuestionFields);
export type UpdateQuestionBody = Static<typeof UpdateQuestionBody>;

export const QuestionListQuery = Strict({
  ...PageQuery,
  bankId: Type.Optional(Id),
  type: Type.Optional(Type5),
  difficulty: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
  policeCategory: Type.Optional(Type.String({ maxLength: 50 })),
  subject: Type.Optional(Type.String({ maxLength: 50 })),
  sourceLaw: Type.Optional(Type.String({ maxLength: 200 })),
  q: Type.Optional(Type.String({ maxLength: 100 })),
  status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('retired'), Type.Literal('all')])),
});
export type QuestionListQuery = Static<typeof QuestionListQuery>;

export const CreateBankBody = Strict({
  name: Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' }),
  description: Type.Optional(Type.String({ maxLength: 500 })),
  orgId: Id,
});
export type CreateBankBody = Static<typeof CreateBankBody>;
export const UpdateBankBody = Strict({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 100, pattern: '\\S' })),
  description: Type.Optional(Type.Union([Type.String({ maxLength: 500 }), Type.Null()])),
});
export type UpdateBankBody = Static<typeof UpdateBankBody>;
