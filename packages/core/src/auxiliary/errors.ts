import type { ErrorMessage } from '../platform/error-message.ts';

/** Error codes of this module with zh-CN and en-US messages; merged into the platform catalogue. */
export const auxiliaryErrors = {
  AUX_OFFICER_NOT_FOUND: { status: 404, 'zh-CN': '辅警不存在', 'en-US': 'Auxiliary officer not found' },
  AUX_NOT_SERVING: { status: 409, 'zh-CN': '该辅警已离职', 'en-US': 'This auxiliary officer has left' },
  AUX_CONTRACT_NOT_FOUND: { status: 404, 'zh-CN': '合同不存在', 'en-US': 'Contract not found' },
  AUX_CONTRACT_ACTIVE: {
    status: 409,
    'zh-CN': '已有生效中的合同，请办理续签',
    'en-US': 'There is an active contract already; renew it instead',
  },
  AUX_CONTRACT_NOT_ACTIVE: { status: 409, 'zh-CN': '该合同已续签或终止', 'en-US': 'This contract was already renewed or ended' },
  AUX_CONTRACT_DATES: {
    status: 400,
    'zh-CN': '合同日期不合理：终止日期须晚于起始日期，无固定期限合同不填终止日期',
    'en-US': 'Contract dates are inconsistent: the end must follow the start, and only open-ended contracts have no end',
  },
  AUX_RULE_SCOPE: { status: 403, 'zh-CN': '修改规则数据需要全市范围的权限', 'en-US': 'Changing rule data needs city-wide scope' },
  AUX_RULE_INVALID: { status: 400, 'zh-CN': '规则数据不合法', 'en-US': 'The rule data is invalid' },
  AUX_MONTH_NOT_FOUND: { status: 404, 'zh-CN': '月度考核不存在', 'en-US': 'Monthly assessment not found' },
  AUX_MONTH_EXISTS: { status: 409, 'zh-CN': '该单位本月的考核已建立', 'en-US': 'This unit already has an assessment for the month' },
  AUX_MONTH_CONFIRMED: { status: 409, 'zh-CN': '本月考核已确认锁定，不能再修改', 'en-US': 'The month is confirmed and locked' },
  AUX_MONTH_NOT_CONFIRMED: {
    status: 409,
    'zh-CN': '考核确认后才能导出发放表',
    'en-US': 'Confirm the month before exporting the payout sheet',
  },
  AUX_MONTH_INCOMPLETE: {
    status: 409,
    'zh-CN': '还有人员未评定等次，不能确认',
    'en-US': 'Some people have no grade yet; the month cannot be confirmed',
  },
  AUX_FUND_EXCEEDED: {
    status: 409,
    'zh-CN': '本月奖励金额超出单位奖惩金额度，请调整等次或额度后再确认',
    'en-US': "The month's rewards exceed the unit's fund; change grades or the fund before confirming",
  },
  AUX_PERSON_NOT_IN_UNIT: {
    status: 400,
    'zh-CN': '人员不属于该单位的在职辅警',
    'en-US': 'The person is not a serving auxiliary officer of this unit',
  },
  AUX_GRADED_ELSEWHERE: {
    status: 409,
    'zh-CN': '该辅警本月已由其他单位考核（{orgName}），同一人同一月只能考核和发放一次',
    'en-US': 'This auxiliary officer is already graded for the month by another unit ({orgName}); one grade and one payout per month',
  },
  AUX_EXCELLENT_QUOTA: {
    status: 409,
    'zh-CN': '优秀等次人数超过比例限制（最多 {allowed} 人，现为 {count} 人），请调整后再确认',
    'en-US': 'More people are graded 优秀 than the quota allows (at most {allowed}, now {count}); regrade before confirming',
  },
  AUX_OPEN_ENDED_RIGHT: {
    status: 409,
    'zh-CN':
      '该辅警已连续订立两次固定期限合同或连续工作满十年，依《劳动合同法》第十四条应订立无固定期限合同；如本人提出订立固定期限合同，请勾选确认',
    'en-US':
      'This officer has had two consecutive fixed-term contracts or ten years of service and is entitled to an open-ended contract (Labour Contract Law Art. 14); sign a fixed term only if the officer asks for it, and confirm that',
  },
  AUX_PROBATION_TOO_LONG: {
    status: 400,
    'zh-CN': '试用期超过《劳动合同法》第十九条允许的 {max} 个月',
    'en-US': 'The probation exceeds the {max} months Labour Contract Law Art. 19 allows',
  },
  AUX_PAY_DATE: {
    status: 409,
    'zh-CN': '生效日期须晚于该人员最近一次薪级变动',
    'en-US': "The effective date must follow the person's latest pay change",
  },
  AUX_PAY_GRADE_UNKNOWN: { status: 400, 'zh-CN': '薪级不在当时生效的薪级表中', 'en-US': 'The pay grade is not in the pay scale in force' },
  AUX_PREVIEW_STALE: {
    status: 409,
    'zh-CN': '数据在预览后已变化，请重新预览',
    'en-US': 'The data changed since the preview; preview again',
  },
  AUX_ADJUST_EMPTY: { status: 400, 'zh-CN': '筛选条件下没有可调整的人员', 'en-US': 'No one matches the filter' },
  AUX_IMPORT_INVALID: {
    status: 400,
    'zh-CN': '导入文件有错误，未导入任何数据；请按所列行列修改后重新导入',
    'en-US': 'The file has problems and nothing was imported; fix the rows and columns listed and import again',
  },
  AUX_UNIFORM_DATES: { status: 400, 'zh-CN': '下次发放日期须晚于发放日期', 'en-US': 'The next due date must follow the issue date' },
} as const satisfies Record<string, ErrorMessage>;
