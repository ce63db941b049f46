import type { ErrorMessage } from '../platform/error-message.ts';

/** Error codes of this module with zh-CN and en-US messages; merged into the platform catalogue. */
export const questionBankErrors = {
  QB_BANK_NOT_FOUND: { status: 404, 'zh-CN': '题库不存在', 'en-US': 'Question bank not found' },
  QB_BANK_READ_ONLY: {
    status: 403,
    'zh-CN': '该题库为市局共享题库，只能使用，不能修改',
    'en-US': 'This is a shared city bank: it can be used but not changed',
  },
  QB_QUESTION_NOT_FOUND: { status: 404, 'zh-CN': '试题不存在', 'en-US': 'Question not found' },
  QB_QUESTION_INVALID: {
    status: 400,
    'zh-CN': '试题内容不完整或不合法：{summary}',
    'en-US': 'The question is incomplete or invalid: {summary}',
  },
  QB_QUESTION_TYPE_FIXED: {
    status: 400,
    'zh-CN': '试题题型不能修改，请新建试题',
    'en-US': 'A question type cannot change; create a new question instead',
  },
  QB_QUESTION_RETIRED: { status: 409, 'zh-CN': '试题已停用', 'en-US': 'The question is retired' },
  QB_PAPER_NOT_FOUND: { status: 404, 'zh-CN': '试卷不存在', 'en-US': 'Paper not found' },
  QB_PAPER_EMPTY: { status: 400, 'zh-CN': '试卷中没有试题', 'en-US': 'The paper has no questions' },
  QB_PAPER_KIND_MISMATCH: {
    status: 400,
    'zh-CN': '固定试卷需要选择试题，抽题试卷需要抽题规则和题库',
    'en-US': 'A fixed paper needs chosen questions; a rule paper needs rules and banks',
  },
  QB_PAPER_DUPLICATE_QUESTION: {
    status: 400,
    'zh-CN': '同一道试题在试卷中出现了多次',
    'en-US': 'The same question appears more than once on the paper',
  },
  QB_RULE_SHORT: {
    status: 400,
    'zh-CN': '第 {rule} 条规则需要 {needed} 道题，题库中只有 {available} 道符合条件',
    'en-US': 'Rule {rule} needs {needed} questions but the banks hold only {available} that match',
  },
  QB_IMPORT_NO_HEADER: {
    status: 400,
    'zh-CN': '前 5 行中没有找到表头（需要“题型”“题干”“答案”等列名），请使用导入模板',
    'en-US': 'No header row in the first 5 rows (columns such as 题型, 题干, 答案); please use the template',
  },
  QB_IMPORT_MISSING_COLUMNS: { status: 400, 'zh-CN': '缺少必需的列：{columns}', 'en-US': 'Required columns are missing: {columns}' },
} as const satisfies Record<string, ErrorMessage>;
