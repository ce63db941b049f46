import type { ErrorMessage } from '../platform/error-message.ts';

/** Error codes of party building with zh-CN and en-US messages; merged into the platform catalogue. */
export const partyErrors = {
  PARTY_ORG_NOT_FOUND: { status: 404, 'zh-CN': '党组织不存在', 'en-US': 'Party organisation not found' },
  PARTY_ORG_PARENT: {
    status: 400,
    'zh-CN': '上级党组织不合法：党小组隶属党支部，党支部隶属党总支或党委',
    'en-US': 'Invalid parent: a group belongs to a branch, a branch to a general branch or a committee',
  },
  PARTY_TERM_DATES: { status: 400, 'zh-CN': '任期结束日期须晚于开始日期', 'en-US': 'The term must end after it starts' },
  PARTY_MEMBER_NOT_FOUND: { status: 404, 'zh-CN': '党员（发展对象）记录不存在', 'en-US': 'Member record not found' },
  PARTY_MEMBER_EXISTS: { status: 409, 'zh-CN': '此人已有党员发展记录', 'en-US': 'This person already has a member record' },
  PARTY_TOO_YOUNG: { status: 400, 'zh-CN': '未达到申请入党的最低年龄', 'en-US': 'Below the minimum age for an application' },
  PARTY_STEP_NOT_NEXT: { status: 409, 'zh-CN': '只能按顺序进入下一阶段', 'en-US': 'Only the next stage in order can follow' },
  PARTY_STEP_TOO_EARLY: {
    status: 409,
    'zh-CN': '本阶段的最短期限尚未届满',
    'en-US': 'The minimum period of the current stage has not run yet',
  },
  PARTY_STEP_DATE: {
    status: 400,
    'zh-CN': '日期不能早于本阶段开始日期，也不能晚于今天',
    'en-US': 'The date must lie between the stage start and today',
  },
  PARTY_EXTENSION: {
    status: 409,
    'zh-CN': '只有预备党员可延长预备期，且延长后不得超过规定期限',
    'en-US': 'Only a probation can be extended, and not beyond the maximum',
  },
  PARTY_MEETING_NOT_FOUND: { status: 404, 'zh-CN': '会议不存在', 'en-US': 'Meeting not found' },
  PARTY_MEETING_CLOSED: { status: 409, 'zh-CN': '会议已取消', 'en-US': 'The meeting was cancelled' },
  PARTY_NOT_A_MEMBER: { status: 400, 'zh-CN': '该人员不是本党组织的党员', 'en-US': 'The person is not a member of this organisation' },
  PARTY_CODE_INVALID: { status: 400, 'zh-CN': '签到码不正确或已过期', 'en-US': 'The sign-in code is wrong or has expired' },
  PARTY_CODE_TOO_MANY_TRIES: {
    status: 429,
    'zh-CN': '签到码错误次数过多，请联系会议组织人',
    'en-US': 'Too many wrong codes; ask the organiser',
  },
  PARTY_RULE_SCOPE: { status: 403, 'zh-CN': '修改规则数据需要全市范围的权限', 'en-US': 'Changing rule data needs city-wide scope' },
  PARTY_RULE_INVALID: { status: 400, 'zh-CN': '规则数据不合法', 'en-US': 'The rule data is invalid' },
  PARTY_SELECTION_NOT_FOUND: { status: 404, 'zh-CN': '评选推荐不存在', 'en-US': 'Nomination not found' },
  PARTY_CAMPAIGN_NOT_FOUND: { status: 404, 'zh-CN': '评选活动不存在', 'en-US': 'Selection campaign not found' },
  PARTY_FILES_FULL: { status: 409, 'zh-CN': '附件数量已达上限', 'en-US': 'The meeting has the most attachments allowed' },
  PARTY_FILE_NOT_FOUND: { status: 404, 'zh-CN': '附件不存在', 'en-US': 'Attachment not found' },
  PARTY_ACTIVITY_NOT_FOUND: { status: 404, 'zh-CN': '活动记录不存在', 'en-US': 'Activity record not found' },
  PARTY_ACTIVITY_EMPTY: { status: 400, 'zh-CN': '参加人员为空', 'en-US': 'No participants match' },
  PARTY_ACTIVITY_DONE: { status: 409, 'zh-CN': '活动已完成，学时已计入', 'en-US': 'The activity is completed and its hours credited' },
  PARTY_ACTIVITY_DATES: { status: 400, 'zh-CN': '结束日期不能早于开始日期', 'en-US': 'The end date cannot precede the start' },
  PARTY_ESSAY_CONTEST_NOT_FOUND: { status: 404, 'zh-CN': '征文活动不存在', 'en-US': 'Essay contest not found' },
  PARTY_ESSAY_NOT_FOUND: { status: 404, 'zh-CN': '征文作品不存在', 'en-US': 'Essay not found' },
} as const satisfies Record<string, ErrorMessage>;
