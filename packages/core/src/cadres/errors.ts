import type { ErrorMessage } from '../platform/error-message.ts';

/** Error codes of the cadres module with zh-CN and en-US messages; merged into the platform catalogue. */
export const cadresErrors = {
  CADRES_PERSON_NOT_FOUND: { status: 404, 'zh-CN': '人员不存在', 'en-US': 'Person not found' },
  CADRES_NOT_ELIGIBLE: {
    status: 409,
    'zh-CN': '该人员目前不符合晋升条件，详见原因',
    'en-US': 'The person does not meet the promotion conditions now; see the reasons',
  },
  CADRES_CASE_OPEN: { status: 409, 'zh-CN': '该人员已有进行中的晋升案件', 'en-US': 'A promotion case for this person is already open' },
  CADRES_CASE_NOT_FOUND: { status: 404, 'zh-CN': '晋升案件不存在', 'en-US': 'Promotion case not found' },
  CADRES_RULE_NOT_FOUND: { status: 404, 'zh-CN': '规则集不存在', 'en-US': 'Rule set not found' },
  CADRES_RULE_SCOPE: { status: 403, 'zh-CN': '修改规则数据需要全市范围的权限', 'en-US': 'Changing rule data needs city-wide scope' },
  CADRES_RULE_INVALID: {
    status: 400,
    'zh-CN': '规则数据不合法：职级代码须在职级表中，比例在0至1之间，嵌套比例须引用已有规则',
    'en-US': 'The rule data is invalid: grade codes must exist, ratios lie in 0–1, nested ratios must name an existing rule',
  },
  CADRES_BATCH_EMPTY: { status: 400, 'zh-CN': '所选范围内没有可套改的人员', 'en-US': 'Nobody in the chosen set can be converted' },
  CADRES_BATCH_NOT_FOUND: { status: 404, 'zh-CN': '套改批次不存在', 'en-US': 'Conversion batch not found' },
  CADRES_RECORD_NOT_FOUND: { status: 404, 'zh-CN': '干部记录不存在', 'en-US': 'Cadre record not found' },
  CADRES_RECORD_DATES: { status: 400, 'zh-CN': '结束日期须晚于开始日期', 'en-US': 'The end date must follow the start date' },
  CADRES_RECORD_HOST: { status: 400, 'zh-CN': '挂职交流须填写挂职单位', 'en-US': 'A secondment needs the host unit' },
  CADRES_POST_NOT_FOUND: { status: 404, 'zh-CN': '班子职位不存在', 'en-US': 'Team post not found' },
  CADRES_POST_TAKEN: { status: 409, 'zh-CN': '该职位已有任职人员，请先免职', 'en-US': 'The post is held; remove the holder first' },
  CADRES_POST_VACANT: { status: 409, 'zh-CN': '该职位空缺，无人可免', 'en-US': 'The post is vacant' },
  CADRES_YOUNG_EXISTS: { status: 409, 'zh-CN': '该人员已在年轻干部库中', 'en-US': 'The person is in the young-cadre pool already' },
  CADRES_YOUNG_NOT_FOUND: { status: 404, 'zh-CN': '年轻干部库记录不存在', 'en-US': 'Young-cadre entry not found' },
  CADRES_MONTH_INVALID: { status: 400, 'zh-CN': '月份格式应为YYYY-MM', 'en-US': 'The month must be YYYY-MM' },
  CADRES_YEARS_INVALID: {
    status: 400,
    'zh-CN': '起止年份不合理（起始不晚于截止，跨度不超过30年）',
    'en-US': 'The years are inconsistent (from ≤ to, at most 30 years)',
  },
} as const satisfies Record<string, ErrorMessage>;
