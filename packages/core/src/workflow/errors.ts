import type { ErrorMessage } from '../platform/error-message.ts';

/** Error codes of the approvals workflow (审批流), with zh-CN and en-US messages; merged into the platform catalogue. */
export const workflowErrors = {
  WF_CASE_NOT_FOUND: { status: 404, 'zh-CN': '审批事项不存在', 'en-US': 'Approval case not found' },
  WF_NOT_YOUR_TURN: { status: 403, 'zh-CN': '该事项当前不在您的待办中', 'en-US': 'This case is not waiting for you' },
  WF_SELF_DECISION: {
    status: 403,
    'zh-CN': '不能审批本人提交或与本人有关的事项',
    'en-US': 'You cannot decide a case you submitted or that is about you',
  },
  WF_CASE_CLOSED: { status: 409, 'zh-CN': '该事项已办结，不能再操作', 'en-US': 'The case is closed' },
  WF_WRONG_STATE: {
    status: 409,
    'zh-CN': '该事项当前状态下不能执行此操作',
    'en-US': 'This action is not possible in the case’s current state',
  },
  WF_NOT_SUBMITTER: { status: 403, 'zh-CN': '只有发起人可以执行此操作', 'en-US': 'Only the submitter can do this' },
  WF_REASON_REQUIRED: { status: 400, 'zh-CN': '请填写理由', 'en-US': 'Give a reason' },
  WF_NO_PREVIOUS_STEP: {
    status: 409,
    'zh-CN': '当前已是第一个审批环节，只能退回发起人',
    'en-US': 'This is the first step; return it to the submitter instead',
  },
  WF_OBJECTIONS_OPEN: {
    status: 409,
    'zh-CN': '公示期内有未处理的异议，处理完毕后才能继续',
    'en-US': 'Objections raised during the public notice must be resolved first',
  },
  WF_NOT_IN_NOTICE: { status: 409, 'zh-CN': '该事项不在公示期', 'en-US': 'The case is not in its public notice period' },
  WF_OBJECTION_NOT_FOUND: { status: 404, 'zh-CN': '异议不存在或已处理', 'en-US': 'Objection not found or already resolved' },
  WF_NO_APPROVER: {
    status: 409,
    'zh-CN': '找不到可以审批该事项的人员（{step}），请联系管理员配置角色',
    'en-US': 'Nobody can approve this case at step “{step}”; ask an administrator to assign the role',
  },
  WF_KIND_UNKNOWN: { status: 500, 'zh-CN': '未登记的审批事项类型：{kind}', 'en-US': 'Unregistered case kind: {kind}' },
  WF_DELEGATION_INVALID: {
    status: 400,
    'zh-CN': '代理设置无效：不能委托给自己，结束日期不能早于开始日期',
    'en-US': 'Invalid delegation: not to yourself, and the end date cannot precede the start date',
  },
  WF_DELEGATE_NOT_FOUND: { status: 404, 'zh-CN': '代理人不存在', 'en-US': 'Delegate not found' },
  WF_CALENDAR_INVALID: {
    status: 400,
    'zh-CN': '节假日安排有误：日期须属于 {year} 年，且同一天不能既放假又上班',
    'en-US': 'Invalid calendar: dates must lie in {year} and no day can be both a holiday and a working day',
  },
  WF_CALENDAR_MISSING: {
    status: 409,
    'zh-CN': '尚未维护 {year} 年的节假日安排，无法按工作日计算公示期',
    'en-US': 'No holiday calendar for {year}: working days cannot be counted',
  },
  WF_NOTIFICATION_NOT_FOUND: { status: 404, 'zh-CN': '通知不存在', 'en-US': 'Notification not found' },
} as const satisfies Record<string, ErrorMessage>;
