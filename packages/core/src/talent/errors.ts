import type { ErrorMessage } from '../platform/error-message.ts';

/** Error codes of the talent (教官库、人才库、课件) and competition (比武竞赛) modules, zh-CN and en-US. */
export const talentErrors = {
  INSTRUCTOR_NOT_FOUND: { status: 404, 'zh-CN': '教官不存在', 'en-US': 'No such instructor' },
  INSTRUCTOR_EXISTS: { status: 409, 'zh-CN': '该人员已在教官库中', 'en-US': 'This person is already a registered instructor' },
  INSTRUCTOR_DATES: {
    status: 400,
    'zh-CN': '聘期截止日期不能早于聘任日期',
    'en-US': 'The expiry date cannot be before the appointment date',
  },
  LECTURE_NOT_FOUND: { status: 404, 'zh-CN': '授课记录不存在', 'en-US': 'No such lecture record' },
  TALENT_PERSON_NOT_FOUND: { status: 404, 'zh-CN': '人员不存在', 'en-US': 'No such person' },
  TALENT_CATEGORY_NOT_FOUND: { status: 404, 'zh-CN': '人才类别不存在', 'en-US': 'No such talent category' },
  TALENT_CATEGORY_CITY_ONLY: {
    status: 403,
    'zh-CN': '人才类别由市局统一维护，需要全市范围的数据权限',
    'en-US': 'Talent categories are kept by the city bureau: a city-wide data scope is required',
  },
  TALENT_CATEGORY_NAME_TAKEN: { status: 409, 'zh-CN': '已有同名人才类别', 'en-US': 'A talent category with this name already exists' },
  TALENT_MEMBER_NOT_FOUND: { status: 404, 'zh-CN': '人才库记录不存在', 'en-US': 'No such talent-pool entry' },
  TALENT_MEMBER_EXISTS: {
    status: 409,
    'zh-CN': '该人员已在此类别人才库中',
    'en-US': 'This person is already in the pool for this category',
  },
  TALENT_SUGGESTION_GONE: {
    status: 409,
    'zh-CN': '该推荐依据已不存在，请刷新推荐名单',
    'en-US': 'The records behind this suggestion no longer match; refresh the suggestions',
  },
  COURSEWARE_NOT_FOUND: { status: 404, 'zh-CN': '课件不存在', 'en-US': 'No such courseware' },
  COURSEWARE_FILE_TYPE: {
    status: 400,
    'zh-CN': '文件内容不是允许的类型（PDF、PPTX、DOCX、MP4）',
    'en-US': 'The file content is not an allowed type (PDF, PPTX, DOCX, MP4)',
  },
  COURSEWARE_FILE_TOO_LARGE: { status: 413, 'zh-CN': '文件超过 {maxMb} MB 上限', 'en-US': 'The file exceeds the {maxMb} MB limit' },
  COURSEWARE_NO_FILE: { status: 404, 'zh-CN': '尚未上传文件', 'en-US': 'No file has been uploaded yet' },
  COURSEWARE_DECIDED: {
    status: 409,
    'zh-CN': '课件已审定，不能再修改',
    'en-US': 'The courseware has been decided and can no longer change',
  },
  COURSEWARE_NOT_READY: {
    status: 409,
    'zh-CN': '课件尚未上传文件或尚无评审打分',
    'en-US': 'The courseware has no file or no review score yet',
  },
  COMPETITION_NOT_FOUND: { status: 404, 'zh-CN': '比武竞赛不存在', 'en-US': 'No such competition' },
  COMPETITION_ITEM_NOT_FOUND: { status: 404, 'zh-CN': '比赛项目不存在', 'en-US': 'No such competition item' },
  COMPETITION_ENTRY_NOT_FOUND: { status: 404, 'zh-CN': '参赛记录不存在', 'en-US': 'No such entry' },
  COMPETITION_PUBLISHED: { status: 409, 'zh-CN': '成绩已发布，不能再修改', 'en-US': 'Results are published and can no longer change' },
  COMPETITION_DATES: { status: 400, 'zh-CN': '结束日期不能早于开始日期', 'en-US': 'The end date cannot be before the start date' },
  COMPETITION_TEAM_SIZE: {
    status: 400,
    'zh-CN': '参赛人数不符合项目要求（个人项目 1 人，团体项目 2 至 {max} 人）',
    'en-US': 'Wrong number of people for this item (individual: 1; team: 2 to {max})',
  },
  COMPETITION_PERSON_ENTERED: { status: 409, 'zh-CN': '该人员已报名此项目', 'en-US': 'This person is already entered in this item' },
  COMPETITION_IMPORT_INVALID: {
    status: 400,
    'zh-CN': '成绩表有 {count} 处问题，未导入任何成绩',
    'en-US': 'The score sheet has {count} problems; no score was imported',
  },
  COMPETITION_NOTHING_TO_PUBLISH: { status: 409, 'zh-CN': '尚无任何成绩，不能发布', 'en-US': 'There are no scores to publish' },
} as const satisfies Record<string, ErrorMessage>;
