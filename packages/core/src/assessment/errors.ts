/** Error codes of performance assessment with zh-CN and en-US messages; merged into the platform catalogue. */
export const assessmentErrors = {
  ASM_SCHEME_NOT_FOUND: { status: 404, 'zh-CN': '考核方案不存在', 'en-US': 'Assessment scheme not found' },
  ASM_SCHEME_INVALID: {
    status: 400,
    'zh-CN': '考核方案不合法：{problems}',
    'en-US': 'The assessment scheme is invalid: {problems}',
  },
  ASM_SCHEME_PUBLISHED: {
    status: 409,
    'zh-CN': '方案已发布，不能再修改；请新建版本',
    'en-US': 'The scheme is published; add a new version instead',
  },
  ASM_SCHEME_NOT_PUBLISHED: { status: 409, 'zh-CN': '方案尚未发布', 'en-US': 'The scheme is not published yet' },
  ASM_SCHEME_SCOPE: { status: 403, 'zh-CN': '发布考核方案需要全市范围的权限', 'en-US': 'Publishing schemes needs city-wide scope' },
  ASM_ROUND_NOT_FOUND: { status: 404, 'zh-CN': '考核不存在', 'en-US': 'Assessment round not found' },
  ASM_ROUND_EXISTS: { status: 409, 'zh-CN': '该单位本期考核已建立', 'en-US': 'This unit already has a round for the period' },
  ASM_ROUND_DATES: { status: 400, 'zh-CN': '考核期间不合理：结束日期须不早于开始日期', 'en-US': 'The period ends before it starts' },
  ASM_ROUND_STATE: {
    status: 409,
    'zh-CN': '考核当前处于“{state}”阶段，不能进行此操作',
    'en-US': 'The round is in state "{state}"; this action is not possible',
  },
  ASM_ROUND_EMPTY: { status: 409, 'zh-CN': '该单位没有符合方案的人员', 'en-US': 'No one in this unit falls under the scheme' },
  ASM_ROUND_INCOMPLETE: {
    status: 409,
    'zh-CN': '还有 {count} 人的人工评分项未评分，不能提交审核',
    'en-US': '{count} people still have manual indicators without points; the round cannot be submitted',
  },
  ASM_RESULT_NOT_FOUND: { status: 404, 'zh-CN': '考核结果不存在', 'en-US': 'Assessment result not found' },
  ASM_INDICATOR_UNKNOWN: {
    status: 400,
    'zh-CN': '“{key}”不是本方案的人工评分项或加减分项',
    'en-US': '"{key}" is not a manual indicator or adjustment of this scheme',
  },
  ASM_POINTS_OVER_MAX: {
    status: 400,
    'zh-CN': '“{name}”最多 {max} 分，录入了 {points} 分',
    'en-US': '"{name}" allows at most {max} points; {points} was entered',
  },
  ASM_GRADE_UNKNOWN: {
    status: 400,
    'zh-CN': '等次“{grade}”不在本方案的等次中（{grades}）',
    'en-US': 'Grade "{grade}" is not one of the scheme\'s grades ({grades})',
  },
  ASM_GRADES_INCOMPLETE: {
    status: 400,
    'zh-CN': '须为本单位全部 {headcount} 人确定等次，本次只提交了 {count} 人',
    'en-US': 'Grades are needed for all {headcount} people of the unit; {count} were sent',
  },
  ASM_QUOTA_EXCEEDED: {
    status: 409,
    'zh-CN': '优秀等次超出名额：本单位 {headcount} 人，优秀比例 {percent}%，最多 {limit} 人，本次确定了 {count} 人',
    'en-US': 'Too many 优秀: the unit has {headcount} people and a {percent}% quota, so at most {limit}; {count} were given',
  },
  ASM_APPEALS_OPEN: {
    status: 409,
    'zh-CN': '还有 {count} 件申诉未作出决定，不能确定等次',
    'en-US': '{count} appeals are still undecided; grades cannot be confirmed',
  },
  ASM_APPEAL_NOT_FOUND: { status: 404, 'zh-CN': '申诉不存在', 'en-US': 'Appeal not found' },
  ASM_APPEAL_EXISTS: { status: 409, 'zh-CN': '您对本期考核已有未决申诉', 'en-US': 'You already have an undecided appeal on this round' },
  ASM_APPEAL_CLOSED: { status: 409, 'zh-CN': '申诉已作出决定', 'en-US': 'The appeal was already decided' },
  ASM_APPEAL_NOT_OPEN: {
    status: 409,
    'zh-CN': '公示结束后、等次确定前才能申诉',
    'en-US': 'Appeals are open after the public notice and before grades are confirmed',
  },
  ASM_NOT_LINKED: { status: 403, 'zh-CN': '您的账号未关联人员档案', 'en-US': 'Your account is not linked to a person record' },
  ASM_TALK_CONSENT: {
    status: 400,
    'zh-CN': '只有在民警本人同意记录时才能填写谈话内容',
    'en-US': 'Talk content may be recorded only when the officer agreed to it',
  },
  ASM_DATE_FUTURE: {
    status: 400,
    'zh-CN': '只能登记已经发生的事项，日期不能晚于今天',
    'en-US': 'Only things that took place may be recorded; the date is in the future',
  },
} as const;
