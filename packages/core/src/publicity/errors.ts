import type { ErrorMessage } from '../platform/error-message.ts';

/** Error codes of publicity with zh-CN and en-US messages; merged into the platform catalogue. */
export const publicityErrors = {
  PUB_REPORTER_NOT_FOUND: { status: 404, 'zh-CN': '通讯员不存在', 'en-US': 'Reporter not found' },
  PUB_REPORTER_EXISTS: { status: 409, 'zh-CN': '此人已在宣传队伍中', 'en-US': 'This person is already on the publicity team' },
  PUB_NOT_A_REPORTER: {
    status: 403,
    'zh-CN': '您不在宣传队伍（专兼职通讯员）名册中，请联系宣传部门登记',
    'en-US': 'You are not on the publicity team; ask the publicity department to register you',
  },
  PUB_OUTPUT_NOT_FOUND: { status: 404, 'zh-CN': '稿件不存在', 'en-US': 'Output not found' },
  PUB_OUTPUT_DECIDED: { status: 409, 'zh-CN': '该稿件已审核', 'en-US': 'This output was already verified or rejected' },
  PUB_SELF_VERIFY: { status: 403, 'zh-CN': '不能审核本人报送的稿件', 'en-US': 'You cannot verify your own output' },
  PUB_PUBLISHED_FUTURE: { status: 400, 'zh-CN': '刊发日期不能晚于今天', 'en-US': 'The publication date cannot be in the future' },
  PUB_RULE_INVALID: { status: 400, 'zh-CN': '宣传规则数据不合法', 'en-US': 'The publicity rule data is invalid' },
  PUB_RULE_SCOPE: { status: 403, 'zh-CN': '修改规则数据需要全市范围的权限', 'en-US': 'Changing rule data needs city-wide scope' },
  PUB_ACCOUNT_NOT_FOUND: { status: 404, 'zh-CN': '政务新媒体账号不存在', 'en-US': 'Official account not found' },
  PUB_INCIDENT_NOT_FOUND: { status: 404, 'zh-CN': '事件不存在', 'en-US': 'Incident not found' },
  PUB_RELEASE_ORDER: {
    status: 409,
    'zh-CN': '发布顺序不对：首发只能一次且最早，终结发布之后不再发布',
    'en-US': 'Release order: one first release before all others, nothing after the closure',
  },
} as const satisfies Record<string, ErrorMessage>;
