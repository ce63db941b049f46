import { optionKeys, questionProblemMessages, type QuestionProblemCode } from './question.ts';
import type { QuestionType } from './drawn-paper.ts';

/**
 * The question import sheet (试题导入模板): one sheet, a header row, one question per row.
 * Headers are matched after removing spaces and a leading '*'; the aliases are what people
 * commonly write.
 */
export type ImportField =
  | 'type'
  | 'stem'
  | `option${(typeof optionKeys)[number]}`
  | 'answer'
  | 'analysis'
  | 'policeCategory'
  | 'subject'
  | 'difficulty'
  | 'sourceLaw';

export interface ImportColumn {
  readonly field: ImportField;
  /** The first is the template's header. */
  readonly headers: readonly string[];
  readonly required: boolean;
  readonly width: number;
}

export const importColumns: readonly ImportColumn[] = [
  { field: 'type', headers: ['题型', '试题类型', '类型'], required: true, width: 10 },
  { field: 'stem', headers: ['题干', '题目', '试题内容'], required: true, width: 50 },
  ...optionKeys.map((k) => ({ field: `option${k}` as ImportField, headers: [`选项${k}`, k], required: false, width: 18 })),
  { field: 'answer', headers: ['答案', '正确答案', '参考答案'], required: true, width: 14 },
  { field: 'analysis', headers: ['解析', '答案解析', '试题解析'], required: false, width: 30 },
  { field: 'policeCategory', headers: ['警种'], required: false, width: 10 },
  { field: 'subject', headers: ['科目', '学科', '知识点'], required: false, width: 12 },
  { field: 'difficulty', headers: ['难度'], required: false, width: 8 },
  { field: 'sourceLaw', headers: ['依据', '法规依据', '出处', '法律依据'], required: false, width: 26 },
];

export const IMPORT_MAX_ROWS = 3000;
export const IMPORT_MAX_BYTES = 5 * 1_048_576;

const fold = (s: string): string => s.normalize('NFKC').replace(/\s+/g, '').replace(/^\*/, '').toLowerCase();
const headerIndex = new Map<string, ImportField>(importColumns.flatMap((c) => c.headers.map((h) => [fold(h), c.field] as const)));
export const fieldOfHeader = (header: string): ImportField | undefined => headerIndex.get(fold(header));

const typeNames: Record<string, QuestionType> = {
  单选: 'single',
  单选题: 'single',
  单项选择: 'single',
  单项选择题: 'single',
  single: 'single',
  多选: 'multiple',
  多选题: 'multiple',
  多项选择: 'multiple',
  多项选择题: 'multiple',
  multiple: 'multiple',
  判断: 'true_false',
  判断题: 'true_false',
  true_false: 'true_false',
  truefalse: 'true_false',
  填空: 'fill_blank',
  填空题: 'fill_blank',
  fill_blank: 'fill_blank',
  简答: 'short_answer',
  简答题: 'short_answer',
  问答: 'short_answer',
  问答题: 'short_answer',
  short_answer: 'short_answer',
};
export const parseQuestionType = (text: string): QuestionType | undefined => typeNames[fold(text)];

const difficultyNames: Record<string, number> = { 易: 1, 容易: 1, 简单: 1, 较易: 2, 中: 3, 中等: 3, 一般: 3, 较难: 4, 难: 5, 困难: 5 };
/** 1–5 or a label (易/较易/中/较难/难); blank means 3 (中). */
export function parseDifficulty(text: string): number | undefined {
  const t = fold(text);
  if (t === '') return 3;
  if (/^[1-5]$/.test(t)) return Number(t);
  return difficultyNames[t];
}

const trueWords = new Set(['正确', '对', '是', '√', '✓', 't', 'true', 'y', 'yes']);
const falseWords = new Set(['错误', '错', '否', '×', '✗', 'x', 'f', 'false', 'n', 'no']);

/**
 * The 答案 cell read by type: letters for choices ("ABD", "A,B,D", "A、B、D"); 正确/错误 (对/错, √/×)
 * for true/false; blanks separated by "|" with alternatives separated by "/" for fill-in
 * ("1995|二十四/24"); free text for short answers.
 */
export function parseAnswer(type: QuestionType, text: string): { correct?: string[]; blanks?: string[][]; reference?: string } {
  const t = text.trim();
  switch (type) {
    case 'single':
    case 'multiple':
      return {
        correct: [
          ...t
            .normalize('NFKC')
            .toUpperCase()
            .replace(/[\s,，、;；/]+/g, ''),
        ],
      };
    case 'true_false': {
      const f = fold(t);
      return { correct: trueWords.has(f) ? ['T'] : falseWords.has(f) ? ['F'] : t === '' ? [] : [t] };
    }
    case 'fill_blank':
      return t === '' ? { blanks: [] } : { blanks: t.split(/[|｜]/).map((b) => b.split(/[/／]/)) };
    case 'short_answer':
      return { reference: t };
  }
}

/** Import-only problem codes (content problems come from buildQuestionContent). */
export const importProblemMessages = {
  DUPLICATE_IN_FILE: { 'zh-CN': '与第 {other} 行的题干重复', 'en-US': 'Same stem as row {other}' },
  DUPLICATE_IN_BANK: {
    'zh-CN': '题库中已有题干相同的同类型试题',
    'en-US': 'The bank already holds a question of this type with the same stem',
  },
  TAG_TOO_LONG: { 'zh-CN': '内容过长（最多 {max} 字）', 'en-US': 'Too long (at most {max} characters)' },
} as const;
export type ImportProblemCode = QuestionProblemCode | keyof typeof importProblemMessages;

export function importProblemMessage(
  code: ImportProblemCode,
  locale: 'zh-CN' | 'en-US',
  params: Record<string, string | number> = {},
): string {
  const template =
    code in importProblemMessages
      ? importProblemMessages[code as keyof typeof importProblemMessages][locale]
      : questionProblemMessages[code as QuestionProblemCode][locale];
  return template.replace(/\{(\w+)\}/g, (whole, k: string) => (k in params ? String(params[k]) : whole));
}

/** One problem of an import, located by sheet row and column. */
export interface ImportProblemView {
  /** Sheet row number as Excel shows it. */
  readonly row: number;
  /** Column letter ('' when the file lacks the column). */
  readonly column: string;
  readonly header: string;
  readonly field: string;
  readonly code: ImportProblemCode;
  readonly value: string;
  readonly message: string;
}
