import type { ErrorMessage } from '../platform/error-message.ts';

/** Error codes of this module with zh-CN and en-US messages; merged into the platform catalogue. */
export const recruitmentErrors = {
  RECRUIT_ANNOUNCEMENT_NOT_FOUND: { status: 404, 'zh-CN': '招录公告不存在', 'en-US': 'Recruitment announcement not found' },
  RECRUIT_POST_NOT_FOUND: { status: 404, 'zh-CN': '招录岗位不存在', 'en-US': 'Recruitment post not found' },
  RECRUIT_APPLICATION_NOT_FOUND: { status: 404, 'zh-CN': '报名信息不存在', 'en-US': 'Application not found' },
  RECRUIT_FILE_NOT_FOUND: { status: 404, 'zh-CN': '材料不存在', 'en-US': 'File not found' },
  RECRUIT_NOT_PUBLISHED: { status: 409, 'zh-CN': '公告尚未发布', 'en-US': 'The announcement is not published' },
  RECRUIT_ALREADY_PUBLISHED: { status: 409, 'zh-CN': '公告已发布', 'en-US': 'The announcement is already published' },
  RECRUIT_NO_POSTS: { status: 409, 'zh-CN': '公告还没有岗位', 'en-US': 'The announcement has no posts yet' },
  RECRUIT_DATES_INVALID: { status: 400, 'zh-CN': '报名开始日期不能晚于截止日期', 'en-US': 'The application period starts after it ends' },
  RECRUIT_POST_CODE_TAKEN: { status: 409, 'zh-CN': '岗位代码已存在', 'en-US': 'The post code is already used in this announcement' },
  RECRUIT_POST_HAS_APPLICATIONS: {
    status: 409,
    'zh-CN': '岗位已有报名，不能删除',
    'en-US': 'The post has applications and cannot be deleted',
  },
  RECRUIT_REQUIREMENTS_INVALID: { status: 400, 'zh-CN': '岗位条件不合法：{summary}', 'en-US': 'Invalid post requirements: {summary}' },
  RECRUIT_PHONE_TAKEN: { status: 409, 'zh-CN': '该手机号已注册', 'en-US': 'This phone number is already registered' },
  RECRUIT_CAPTCHA_INVALID: { status: 400, 'zh-CN': '图形验证码错误或已过期', 'en-US': 'The captcha is wrong or expired' },
  RECRUIT_CODE_INVALID: { status: 400, 'zh-CN': '短信验证码错误或已过期', 'en-US': 'The verification code is wrong or expired' },
  RECRUIT_PASSWORD_WEAK: {
    status: 400,
    'zh-CN': '密码至少 8 位，且须包含字母和数字',
    'en-US': 'The password needs at least 8 characters with letters and digits',
  },
  RECRUIT_ID_INVALID: { status: 400, 'zh-CN': '身份证号码不正确（{problem}）', 'en-US': 'The ID number is not valid ({problem})' },
  RECRUIT_FIELD_INVALID: { status: 400, 'zh-CN': '填写内容不正确：{field}', 'en-US': 'Invalid value: {field}' },
  RECRUIT_REQUIREMENT_NOT_MET: {
    status: 400,
    'zh-CN': '不符合岗位报考条件：{summary}',
    'en-US': 'The post requirements are not met: {summary}',
  },
  RECRUIT_ALREADY_APPLIED: { status: 409, 'zh-CN': '您已报名本次招录', 'en-US': 'You have already applied to this announcement' },
  RECRUIT_IDEMPOTENCY_KEY_REQUIRED: {
    status: 400,
    'zh-CN': '缺少 Idempotency-Key 请求头',
    'en-US': 'The Idempotency-Key header is required',
  },
  RECRUIT_APPLY_CLOSED: { status: 409, 'zh-CN': '不在报名时间内', 'en-US': 'Applications are not open' },
  RECRUIT_NOT_EDITABLE: {
    status: 409,
    'zh-CN': '报名信息已审核，不能修改',
    'en-US': 'The application has been reviewed and cannot be changed',
  },
  RECRUIT_PUBLICITY_RUNNING: {
    status: 409,
    'zh-CN': '公示期至 {until} 结束，公示期满后方可录用',
    'en-US': 'The publicity period runs until {until}; hire after it has ended',
  },
  RECRUIT_STATUS_CONFLICT: {
    status: 409,
    'zh-CN': '报名状态为“{status}”，不能执行此操作',
    'en-US': 'The application is "{status}"; this action is not allowed',
  },
  RECRUIT_UPLOAD_INVALID: { status: 400, 'zh-CN': '上传的文件不符合要求：{message}', 'en-US': 'The upload was refused: {message}' },
  RECRUIT_TICKET_NOT_ISSUED: { status: 404, 'zh-CN': '准考证尚未发放', 'en-US': 'The admission ticket has not been issued' },
  RECRUIT_SCORES_NOT_PUBLISHED: { status: 404, 'zh-CN': '成绩尚未公布', 'en-US': 'Scores are not published yet' },
  RECRUIT_PUBLICITY_NOT_OPEN: { status: 404, 'zh-CN': '公示名单尚未发布', 'en-US': 'The publicity list is not published' },
  RECRUIT_WEIGHTS_INVALID: {
    status: 400,
    'zh-CN': '权重须为 0–100 的整数，非合格类项目合计 100，合格类项目权重为 0',
    'en-US': 'Weights are integers 0–100; non-gate items add up to 100 and gate items weigh 0',
  },
  RECRUIT_SCORES_IMPORT_INVALID: {
    status: 400,
    'zh-CN': '成绩表有 {count} 处问题，未导入任何数据',
    'en-US': 'The score sheet has {count} problem(s); nothing was imported',
  },
  RECRUIT_NOT_IN_ANNOUNCEMENT: {
    status: 400,
    'zh-CN': '所选报名不属于本公告或状态不符',
    'en-US': 'Some selected applications are not in this announcement or not in the right status',
  },
  RECRUIT_OBJECTION_OPEN: {
    status: 409,
    'zh-CN': '公示期内有未处理的异议，异议处理完毕后方可录用',
    'en-US': 'An objection raised during the publicity is still open; hire after it is resolved',
  },
  RECRUIT_MEDICAL_REASON_REQUIRED: {
    status: 400,
    'zh-CN': '体检不合格须填写原因',
    'en-US': 'A failed medical check needs the reason',
  },
  RECRUIT_ALREADY_REPLACED: { status: 409, 'zh-CN': '该人员已经递补过', 'en-US': 'This drop-out has already been replaced' },
  RECRUIT_REPLACEMENT_EXHAUSTED: {
    status: 409,
    'zh-CN': '该岗位排名中已没有可递补的人员',
    'en-US': 'Nobody is left in this post’s ranking to replace the drop-out',
  },
  RECRUIT_REPLACEMENT_CLOSED: {
    status: 409,
    'zh-CN': '递补截止日期为 {until}，已不能递补',
    'en-US': 'Replacements closed on {until}',
  },
  RECRUIT_NOT_IN_PUBLICITY: {
    status: 409,
    'zh-CN': '该人员不在公示期内，不能登记异议',
    'en-US': 'The applicant is not under publicity; no objection can be recorded',
  },
} as const satisfies Record<string, ErrorMessage>;
