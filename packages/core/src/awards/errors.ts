import type { ErrorMessage } from '../platform/error-message.ts';

/** Error codes of awards, discipline and exemplars, with zh-CN and en-US messages. */
export const awardsErrors = {
  AWARD_NOT_FOUND: { status: 404, 'zh-CN': '奖励事项不存在', 'en-US': 'Award case not found' },
  AWARD_GUARD_REFUSED: { status: 409, 'zh-CN': '不能提名：{reasonZh}', 'en-US': 'Nomination refused: {reasonEn}' },
  AWARD_EXCEPTION_NOT_ALLOWED: {
    status: 403,
    'zh-CN': '只有具有审批权限的人员才能以“重大贡献”例外提名',
    'en-US': 'Only an approver may nominate under the major-contribution exception',
  },
  AWARD_WRONG_STATE: { status: 409, 'zh-CN': '该奖励事项当前状态下不能执行此操作', 'en-US': 'Not possible in the award’s current state' },
  AWARD_RECIPIENTS_INVALID: {
    status: 400,
    'zh-CN': '受奖对象有误：个人奖励须选择人员（批量奖励可多人），集体奖励须选择单位',
    'en-US': 'Recipients are wrong: individual awards name people (several for a batch), collective awards name a unit',
  },
  AWARD_BATCH_OUT_OF_SCOPE: {
    status: 404,
    'zh-CN': '整批未提交：名单中第 {positions} 位人员不存在或不在您的数据范围内（共 {count} 人），请移出名单或由有权限的单位提名',
    'en-US':
      'The batch was not submitted: person no. {positionsEn} on the list does not exist or lies outside your data scope ({count} in all); remove them or let a unit with that scope nominate',
  },
  AWARD_DATE_INVALID: { status: 400, 'zh-CN': '日期不能晚于今天', 'en-US': 'The date cannot be in the future' },
  AWARD_RULE_SCOPE: { status: 403, 'zh-CN': '修改规则数据需要全市范围的权限', 'en-US': 'Changing rule data needs city-wide scope' },
  AWARD_RULE_INVALID: { status: 400, 'zh-CN': '规则数据不合法：{reason}', 'en-US': 'The rule data is invalid: {reason}' },
  DISCIPLINE_NOT_FOUND: { status: 404, 'zh-CN': '处分记录不存在', 'en-US': 'Discipline record not found' },
  DISCIPLINE_WRONG_STATE: {
    status: 409,
    'zh-CN': '该处分记录当前状态下不能执行此操作',
    'en-US': 'Not possible in the record’s current state',
  },
  DISCIPLINE_LIFT_EARLY: {
    status: 409,
    'zh-CN': '处分影响期至 {endDate} 才届满，不能提前解除',
    'en-US': 'The effect period runs until {endDate}; it cannot be lifted earlier',
  },
  DISCIPLINE_PROBATION_INVALID: {
    status: 400,
    'zh-CN': '留党察看期限只能是 12 或 24 个月，其他处分不填',
    'en-US': 'Party probation is 12 or 24 months; other kinds take none',
  },
  EXEMPLAR_CAMPAIGN_NOT_FOUND: { status: 404, 'zh-CN': '评选活动不存在', 'en-US': 'Campaign not found' },
  EXEMPLAR_CANDIDATE_NOT_FOUND: { status: 404, 'zh-CN': '候选人不存在', 'en-US': 'Candidate not found' },
  EXEMPLAR_WRONG_STATE: { status: 409, 'zh-CN': '评选活动当前阶段不能执行此操作', 'en-US': 'Not possible at this stage of the campaign' },
  EXEMPLAR_QUOTA_FULL: {
    status: 409,
    'zh-CN': '本单位推荐名额已满（{quota} 名）',
    'en-US': 'The unit’s nomination quota ({quota}) is used up',
  },
  EXEMPLAR_ALREADY_NOMINATED: { status: 409, 'zh-CN': '该人员已被推荐', 'en-US': 'This person is already nominated' },
  EXEMPLAR_ALREADY_VOTED: {
    status: 409,
    'zh-CN': '您已投过票，每个账号限投一次',
    'en-US': 'You have voted already; one ballot per account',
  },
  EXEMPLAR_CHOICES_INVALID: {
    status: 400,
    'zh-CN': '选票无效：须选择 1 至 {max} 名不同的候选人',
    'en-US': 'Invalid ballot: choose 1 to {max} different candidates',
  },
  EXEMPLAR_PUBLIC_VOTING_OFF: { status: 404, 'zh-CN': '该评选未开放公众投票', 'en-US': 'This campaign has no public voting' },
  EXEMPLAR_CODE_INVALID: { status: 400, 'zh-CN': '验证码错误或已过期', 'en-US': 'The code is wrong or has expired' },
  EXEMPLAR_NOT_FOUND: { status: 404, 'zh-CN': '典型不存在', 'en-US': 'Exemplar not found' },
  EXEMPLAR_PHOTO_NOT_FOUND: { status: 404, 'zh-CN': '照片不存在', 'en-US': 'Photo not found' },
  EXEMPLAR_PHOTOS_FULL: {
    status: 409,
    'zh-CN': '每位典型最多上传 {max} 张照片，请先删除不用的照片',
    'en-US': 'An exemplar takes at most {max} photos; remove one first',
  },
  EXEMPLAR_WINNERS_INVALID: { status: 400, 'zh-CN': '当选人须为本次评选的入围候选人', 'en-US': 'Winners must be approved candidates' },
} as const satisfies Record<string, ErrorMessage>;
