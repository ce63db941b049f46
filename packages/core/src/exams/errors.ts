import type { ErrorMessage } from '../platform/error-message.ts';

/** Error codes of this module with zh-CN and en-US messages; merged into the platform catalogue. */
export const examErrors = {
  EXAM_NOT_FOUND: { status: 404, 'zh-CN': '考试不存在', 'en-US': 'Exam not found' },
  EXAM_PAPER_NOT_FOUND: { status: 404, 'zh-CN': '试卷不存在或不可用', 'en-US': 'The paper does not exist or cannot be used' },
  EXAM_WINDOW_INVALID: { status: 400, 'zh-CN': '考试结束时间必须晚于开始时间', 'en-US': 'The exam must end after it starts' },
  EXAM_NO_TARGETS: { status: 400, 'zh-CN': '请至少指定一种参考对象', 'en-US': 'Name at least one group of examinees' },
  EXAM_RANK_UNKNOWN: { status: 400, 'zh-CN': '未知的警衔代码：{rank}', 'en-US': 'Unknown police rank code: {rank}' },
  EXAM_ROLE_NOT_FOUND: { status: 404, 'zh-CN': '角色不存在', 'en-US': 'Role not found' },
  EXAM_NOT_DRAFT: { status: 409, 'zh-CN': '只有草稿状态的考试可以修改或发布', 'en-US': 'Only a draft exam can be changed or scheduled' },
  EXAM_NO_EXAMINEES: {
    status: 409,
    'zh-CN': '在您的数据权限范围内没有符合条件的考生',
    'en-US': 'No examinees match the targets within your data scope',
  },
  EXAM_NOT_OPEN: { status: 409, 'zh-CN': '考试不在开放时间内', 'en-US': 'The exam is not open now' },
  EXAM_NOT_CLOSED: { status: 409, 'zh-CN': '考试尚未结束', 'en-US': 'The exam has not ended yet' },
  EXAM_NO_ATTEMPTS_LEFT: { status: 409, 'zh-CN': '考试次数已用完', 'en-US': 'No attempts left' },
  EXAM_SESSION_REQUIRED: {
    status: 400,
    'zh-CN': '缺少答题会话标识，请重新进入考试',
    'en-US': 'The exam session token is missing; reopen the exam',
  },
  EXAM_SESSION_TAKEN_OVER: {
    status: 409,
    'zh-CN': '该考试已在其他页面或设备上继续作答，本页面已失效',
    'en-US': 'The exam was resumed on another page or device; this page is no longer active',
  },
  EXAM_SESSION_CLOSED: { status: 409, 'zh-CN': '本次作答已交卷', 'en-US': 'This attempt has already been submitted' },
  EXAM_DEADLINE_PASSED: { status: 409, 'zh-CN': '考试时间已到，答案未保存', 'en-US': 'Time is up; the answer was not saved' },
  EXAM_ITEM_NOT_FOUND: { status: 404, 'zh-CN': '试题不存在', 'en-US': 'No such item on this paper' },
  EXAM_GRADING_PENDING: { status: 409, 'zh-CN': '还有主观题未评阅', 'en-US': 'Some short answers are still waiting for a grader' },
  EXAM_RESULTS_PUBLISHED: { status: 409, 'zh-CN': '成绩已发布', 'en-US': 'Results have already been published' },
  EXAM_ANSWER_NOT_FOUND: { status: 404, 'zh-CN': '待评阅答案不存在', 'en-US': 'No such answer to grade' },
  EXAM_ALREADY_GRADED: { status: 409, 'zh-CN': '该答案已评阅', 'en-US': 'This answer has already been graded' },
  EXAM_SCORE_OUT_OF_RANGE: {
    status: 400,
    'zh-CN': '得分必须在 0 到 {maxScore} 之间',
    'en-US': 'The score must be between 0 and {maxScore}',
  },
  EXAM_PERSON_NOT_FOUND: { status: 404, 'zh-CN': '人员不存在', 'en-US': 'Person not found' },
} as const satisfies Record<string, ErrorMessage>;
