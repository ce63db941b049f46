import type { ErrorMessage } from '../platform/error-message.ts';

/** Error codes of police culture (警营文化) with zh-CN and en-US messages; merged into the platform catalogue. */
export const cultureErrors = {
  CULTURE_PROGRAMME_NOT_FOUND: { status: 404, 'zh-CN': '活动项目不存在', 'en-US': 'Programme not found' },
  CULTURE_PROGRAMME_DATES: {
    status: 400,
    'zh-CN': '日期不合理：结束日期不能早于开始日期，报名截止不能晚于结束日期',
    'en-US': 'Dates: the end cannot precede the start, and registration must close by the end',
  },
  CULTURE_TARGET_EMPTY: { status: 400, 'zh-CN': '请指定参加人员范围', 'en-US': 'Choose who may take part' },
  CULTURE_NOT_PUBLISHED: { status: 409, 'zh-CN': '活动尚未发布', 'en-US': 'The programme is not published yet' },
  CULTURE_ALREADY_PUBLISHED: { status: 409, 'zh-CN': '活动已发布', 'en-US': 'The programme is already published' },
  CULTURE_NOT_TARGETED: { status: 403, 'zh-CN': '您不在本活动的参加范围内', 'en-US': 'This programme is not open to you' },
  CULTURE_DEADLINE_PASSED: { status: 409, 'zh-CN': '报名已截止', 'en-US': 'Registration has closed' },
  CULTURE_FULL: { status: 409, 'zh-CN': '报名人数已满', 'en-US': 'The programme is full' },
  CULTURE_ALREADY_REGISTERED: { status: 409, 'zh-CN': '您已报名', 'en-US': 'You are already registered' },
  CULTURE_NOT_REGISTERED: { status: 404, 'zh-CN': '没有该报名记录', 'en-US': 'No such registration' },
  CULTURE_AMOUNT_REQUIRED: {
    status: 400,
    'zh-CN': '该类活动出席时须填写时长或里程',
    'en-US': 'This kind of programme needs the hours or the distance of an attendance',
  },
  CULTURE_CONTEST_NOT_FOUND: { status: 404, 'zh-CN': '比赛不存在', 'en-US': 'Contest not found' },
  CULTURE_CONTEST_CLOSED: { status: 409, 'zh-CN': '比赛已截止或已公布结果', 'en-US': 'The contest is closed or its results are published' },
  CULTURE_NOT_ELIGIBLE: { status: 403, 'zh-CN': '您不在本比赛的参赛范围内', 'en-US': 'This contest is not open to you' },
  CULTURE_ENTRY_NOT_FOUND: { status: 404, 'zh-CN': '参赛作品不存在', 'en-US': 'Entry not found' },
  CULTURE_NOT_JUDGE: { status: 404, 'zh-CN': '您不是本比赛的评委', 'en-US': 'You are not a judge of this contest' },
  CULTURE_JUDGE_OWN: {
    status: 403,
    'zh-CN': '评委不能参赛，也不能为本人作品评分',
    'en-US': 'A judge cannot enter the contest or score their own entry',
  },
  CULTURE_SCORES_MISSING: {
    status: 409,
    'zh-CN': '还有评委未评分，不能公布结果',
    'en-US': 'Some judges have not scored every entry yet; the results cannot be published',
  },
  CULTURE_COLLECTION_NOT_FOUND: { status: 404, 'zh-CN': '文集不存在', 'en-US': 'Collection not found' },
  CULTURE_COLLECTION_CLOSED: { status: 409, 'zh-CN': '文集已停止征集', 'en-US': 'The collection no longer takes works' },
  CULTURE_WORK_NOT_FOUND: { status: 404, 'zh-CN': '作品不存在', 'en-US': 'Work not found' },
  CULTURE_WORK_DECIDED: { status: 409, 'zh-CN': '该作品已审核', 'en-US': 'This work was already reviewed' },
  CULTURE_NOTHING_TO_EXPORT: { status: 409, 'zh-CN': '文集还没有已采用的作品', 'en-US': 'The collection has no accepted works yet' },
  CULTURE_FILE_NOT_FOUND: { status: 404, 'zh-CN': '没有附件', 'en-US': 'No file attached' },
} as const satisfies Record<string, ErrorMessage>;
