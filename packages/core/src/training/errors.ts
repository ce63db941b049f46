import type { ErrorMessage } from '../platform/error-message.ts';

/** Error codes of training (教育训练) and study (学习教育) with zh-CN and en-US messages; merged into the platform catalogue. */
export const trainingErrors = {
  TRAINING_CLASS_NOT_FOUND: { status: 404, 'zh-CN': '培训班不存在', 'en-US': 'Training class not found' },
  TRAINING_DATES_INVALID: { status: 400, 'zh-CN': '结束日期不能早于开始日期', 'en-US': 'The end date cannot be before the start date' },
  TRAINING_TARGET_EMPTY: { status: 400, 'zh-CN': '请至少指定一项培训对象条件', 'en-US': 'Give at least one condition of the target group' },
  TRAINING_CAPACITY_EXCEEDED: {
    status: 409,
    'zh-CN': '报名人数将超过班额（{capacity} 人）',
    'en-US': 'Enrollment would exceed the capacity ({capacity})',
  },
  TRAINING_PERSON_NOT_ENROLLED: { status: 400, 'zh-CN': '有人员未报名本班', 'en-US': 'Some people are not enrolled in this class' },
  TRAINING_SESSION_NOT_FOUND: { status: 404, 'zh-CN': '培训课次不存在', 'en-US': 'Session not found' },
  TRAINING_SESSION_OUTSIDE_CLASS: {
    status: 400,
    'zh-CN': '课次日期须在培训班起止日期内',
    'en-US': 'The session date must lie within the class dates',
  },
  TRAINING_CODE_INVALID: {
    status: 400,
    'zh-CN': '签到码无效或不在签到时间内',
    'en-US': 'The sign-in code is wrong or the sign-in window is closed',
  },
  TRAINING_CODE_TOO_MANY_TRIES: {
    status: 429,
    'zh-CN': '签到码错误次数过多，请联系组织方',
    'en-US': 'Too many wrong codes; ask the organiser',
  },
  TRAINING_BELOW_THRESHOLD: {
    status: 409,
    'zh-CN': '有学员出勤率未达到结业要求，如确认结业请填写说明',
    'en-US': 'Some trainees are below the attendance threshold; give a reason to confirm them anyway',
  },
  TRAINING_ALREADY_EVALUATED: { status: 409, 'zh-CN': '您已评价过本班', 'en-US': 'You have already evaluated this class' },
  TRAINING_COVERAGE_NOT_FOUND: { status: 404, 'zh-CN': '覆盖要求不存在', 'en-US': 'Coverage requirement not found' },
  STUDY_MATERIAL_NOT_FOUND: { status: 404, 'zh-CN': '学习资料不存在', 'en-US': 'Study material not found' },
  STUDY_MATERIAL_KIND: {
    status: 400,
    'zh-CN': '链接类资料须填写网址，文档类资料不填网址',
    'en-US': 'A link needs a URL; a document takes an uploaded file instead',
  },
  STUDY_FILE_TYPE: {
    status: 400,
    'zh-CN': '文件类型不受支持或内容与类型不符（支持 PDF、Word、PowerPoint、Excel、纯文本）',
    'en-US': 'Unsupported file type, or the content does not match it (PDF, Word, PowerPoint, Excel, plain text)',
  },
  STUDY_FILE_TOO_LARGE: { status: 413, 'zh-CN': '文件超过 {maxMb} MB', 'en-US': 'The file is larger than {maxMb} MB' },
  STUDY_FILE_MISSING: { status: 400, 'zh-CN': '请以 multipart 字段 file 上传文件', 'en-US': 'Send the file as the multipart field "file"' },
  STUDY_READ_TOO_SHORT: {
    status: 409,
    'zh-CN': '阅读时间不足 {minutes} 分钟，暂不能确认学完',
    'en-US': 'Read for at least {minutes} minutes before acknowledging',
  },
  STUDY_RECORD_NOT_FOUND: { status: 404, 'zh-CN': '学习记录不存在', 'en-US': 'Study record not found' },
  STUDY_RECORD_DECIDED: { status: 409, 'zh-CN': '该记录已审核', 'en-US': 'This record has already been decided' },
  STUDY_OWN_RECORD: { status: 403, 'zh-CN': '不能审核本人的学习记录', 'en-US': 'You cannot decide your own study record' },
  STUDY_CAMPAIGN_NOT_FOUND: { status: 404, 'zh-CN': '主题教育活动不存在', 'en-US': 'Campaign not found' },
  STUDY_NOT_PARTICIPANT: { status: 400, 'zh-CN': '您不在该活动的参学范围内', 'en-US': 'You are not a participant of this campaign' },
} as const satisfies Record<string, ErrorMessage>;
