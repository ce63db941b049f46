import type { ErrorMessage } from '../platform/error-message.ts';

/** Error codes of the early-warning module with zh-CN and en-US messages; merged into the platform catalogue. */
export const warningErrors = {
  WARN_ALERT_NOT_FOUND: { status: 404, 'zh-CN': '预警不存在', 'en-US': 'Warning not found' },
  WARN_BAD_TRANSITION: {
    status: 409,
    'zh-CN': '当前处置环节不能进行该操作',
    'en-US': 'This step is not possible at the current stage of the intervention',
  },
  WARN_POLICY_INVALID: { status: 400, 'zh-CN': '规则数据不合法', 'en-US': 'The rule data is invalid' },
  WARN_POLICY_SCOPE: { status: 403, 'zh-CN': '修改预警规则需要全市范围的权限', 'en-US': 'Changing warning rules needs city-wide scope' },
  WARN_APPEAL_NOT_FOUND: { status: 404, 'zh-CN': '申诉不存在', 'en-US': 'Appeal not found' },
  WARN_APPEAL_FACT: {
    status: 400,
    'zh-CN': '只能对本人指标所依据的事实提出申诉',
    'en-US': 'An appeal can only contest a fact behind your own indicators',
  },
  WARN_APPEAL_DECIDED: { status: 409, 'zh-CN': '该申诉已处理', 'en-US': 'This appeal has already been decided' },
  WARN_APPEAL_SELF: {
    status: 403,
    'zh-CN': '申诉须由未经办该预警的政工干部审核',
    'en-US': 'An appeal must be reviewed by someone not handling the warning',
  },
  WARN_NO_SNAPSHOT: {
    status: 404,
    'zh-CN': '该日期尚无统计快照，请先运行月度研判',
    'en-US': 'No snapshot for that date yet; run the monthly job first',
  },
  WARN_REPORT_NOT_FOUND: { status: 404, 'zh-CN': '季度报告不存在', 'en-US': 'Quarterly report not found' },
  WARN_REPORT_EXISTS: { status: 409, 'zh-CN': '该单位本季度报告已起草', 'en-US': 'This branch already has a report for the quarter' },
  WARN_REPORT_LOCKED: { status: 409, 'zh-CN': '报告已报送，不能再修改', 'en-US': 'The report was submitted and can no longer change' },
  WARN_REPORT_ORG: { status: 400, 'zh-CN': '季度报告须由分局（县区局）起草', 'en-US': 'Quarterly reports are drafted by a branch' },
  WARN_DATE: { status: 400, 'zh-CN': '日期须为月末', 'en-US': 'The date must be a month end' },
} as const satisfies Record<string, ErrorMessage>;
