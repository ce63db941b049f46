/**
 * Platform error codes with their localised messages (zh-CN first, en-US).
 * Business modules add their own catalogues; the server merges them.
 */
import { questionBankErrors } from '../question-bank/errors.ts';
import { examErrors } from '../exams/errors.ts';
import { trainingErrors } from '../training/errors.ts';
import { talentErrors } from '../talent/errors.ts';
import { recruitmentErrors } from '../recruitment/errors.ts';
import { auxiliaryErrors } from '../auxiliary/errors.ts';
import { partyErrors } from '../party/errors.ts';
import { publicityErrors } from '../publicity/errors.ts';
import { cadresErrors } from '../cadres/errors.ts';
import { welfareErrors } from '../welfare/errors.ts';
import { warningErrors } from '../warning/errors.ts';
import { provinceErrors } from '../province/errors.ts';
import { fileErrors } from './file-errors.ts';
import { jobErrors } from './job-errors.ts';
import { workflowErrors } from '../workflow/errors.ts';
import { assessmentErrors } from '../assessment/errors.ts';
import { awardsErrors } from '../awards/errors.ts';
import { cultureErrors } from '../culture/errors.ts';

export type { ErrorMessage, Locale } from './error-message.ts';
import type { ErrorMessage, Locale } from './error-message.ts';

export const platformErrors = {
  VALIDATION_FAILED: { status: 400, 'zh-CN': '请求数据不合法', 'en-US': 'The request data is invalid' },
  INVALID_JSON: { status: 400, 'zh-CN': '请求体不是合法的 JSON', 'en-US': 'The request body is not valid JSON' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, 'zh-CN': '不支持的内容类型', 'en-US': 'Unsupported content type' },
  PAYLOAD_TOO_LARGE: { status: 413, 'zh-CN': '请求体过大', 'en-US': 'The request body is too large' },
  NOT_FOUND: { status: 404, 'zh-CN': '资源不存在', 'en-US': 'Not found' },
  ROUTE_NOT_FOUND: { status: 404, 'zh-CN': '接口不存在', 'en-US': 'No such endpoint' },
  INTERNAL: { status: 500, 'zh-CN': '服务器内部错误', 'en-US': 'Internal server error' },
  RATE_LIMITED: { status: 429, 'zh-CN': '请求过于频繁，请稍后再试', 'en-US': 'Too many requests, please try again later' },
  AUTH_REQUIRED: { status: 401, 'zh-CN': '请先登录', 'en-US': 'Please log in' },
  SESSION_EXPIRED: { status: 401, 'zh-CN': '会话已过期，请重新登录', 'en-US': 'Your session has expired, please log in again' },
  AUTH_INVALID_CREDENTIALS: { status: 401, 'zh-CN': '用户名或密码错误', 'en-US': 'Wrong username or password' },
  AUTH_ACCOUNT_LOCKED: {
    status: 423,
    'zh-CN': '登录失败次数过多，账户已锁定，请于 {lockedUntil} 后再试或联系安全管理员解锁',
    'en-US': 'Too many failed logins: the account is locked until {lockedUntil}, or ask the security administrator to unlock it',
  },
  AUTH_ACCOUNT_DISABLED: { status: 403, 'zh-CN': '账户已停用或已过期', 'en-US': 'The account is disabled or expired' },
  AUTH_WRONG_PASSWORD: { status: 400, 'zh-CN': '原密码不正确', 'en-US': 'The current password is wrong' },
  PASSWORD_POLICY: { status: 400, 'zh-CN': '新密码不符合密码策略', 'en-US': 'The new password does not meet the password policy' },
  PASSWORD_CHANGE_REQUIRED: { status: 403, 'zh-CN': '请先修改密码', 'en-US': 'You must change your password first' },
  CSRF_INVALID: {
    status: 403,
    'zh-CN': '请求校验失败（CSRF），请刷新页面后重试',
    'en-US': 'Request verification (CSRF) failed; reload the page and retry',
  },
  FORBIDDEN: { status: 403, 'zh-CN': '没有执行此操作的权限', 'en-US': 'You do not have permission for this action' },
  ADMIN_NETWORK_DENIED: {
    status: 403,
    'zh-CN': '管理员账户只能从允许的管理终端网络地址访问',
    'en-US': 'Administrator accounts may only be used from the allowed management network',
  },
  IP_BLOCKED: {
    status: 429,
    'zh-CN': '来自此地址的失败请求过多，已临时封禁至 {blockedUntil}',
    'en-US': 'Too many failed requests from this address; it is blocked until {blockedUntil}',
  },
  PROVINCE_READ_ONLY: {
    status: 409,
    'zh-CN': '省级库只读汇聚各市数据：请在数据所属的市级系统中修改',
    'en-US': 'The province holds the cities’ data read-only: change it in the owning city',
  },
  OUT_OF_SCOPE: { status: 403, 'zh-CN': '目标超出您的数据权限范围', 'en-US': 'The target is outside your data scope' },
  CONFLICT: { status: 409, 'zh-CN': '数据冲突', 'en-US': 'Conflict' },
  DATA_DIR_UNWRITABLE: { status: 500, 'zh-CN': '数据目录不可写：{dir}', 'en-US': 'The data directory is not writable: {dir}' },
  ORG_NOT_FOUND: { status: 404, 'zh-CN': '机构不存在', 'en-US': 'Organisation not found' },
  ORG_PARENT_REQUIRED: { status: 400, 'zh-CN': '必须选择上级机构', 'en-US': 'A parent organisation is required' },
  ORG_CODE_TAKEN: { status: 409, 'zh-CN': '机构代码已被使用', 'en-US': 'The organisation code is already in use' },
  ORG_MOVE_INTO_SELF: {
    status: 409,
    'zh-CN': '不能把机构移动到它自己或其下级之下',
    'en-US': 'An organisation cannot be moved under itself or its descendants',
  },
  ORG_HAS_ACTIVE_CHILDREN: { status: 409, 'zh-CN': '该机构还有未撤销的下级机构', 'en-US': 'The organisation still has active sub-units' },
  ORG_HAS_USERS: { status: 409, 'zh-CN': '该机构还有启用的用户', 'en-US': 'The organisation still has active users' },
  ORG_CLOSED: { status: 409, 'zh-CN': '该机构已撤销', 'en-US': 'The organisation is closed' },
  ORG_TYPE_UNKNOWN: { status: 400, 'zh-CN': '未知的机构类型', 'en-US': 'Unknown organisation type' },
  USER_NOT_FOUND: { status: 404, 'zh-CN': '用户不存在', 'en-US': 'User not found' },
  USER_NO_PENDING_ORG: {
    status: 409,
    'zh-CN': '该用户没有待确认的机构变更',
    'en-US': 'The account has no org change waiting for confirmation',
  },
  USER_NOT_HELD: { status: 409, 'zh-CN': '该用户未被冻结', 'en-US': 'The account is not on hold' },
  AUTH_ACCOUNT_HELD: {
    status: 403,
    'zh-CN': '密码已被系统管理员重置，账户待安全管理员核实身份后解除冻结',
    'en-US': 'The password was reset by the system administrator: the security administrator must release the account first',
  },
  MFA_REQUIRED: {
    status: 403,
    'zh-CN': '请先完成双因素认证（动态口令）',
    'en-US': 'Complete the second factor (one-time code) first',
  },
  MFA_ENROLMENT_REQUIRED: {
    status: 403,
    'zh-CN': '您的账户必须先绑定动态口令（双因素认证）',
    'en-US': 'Your account must enrol a one-time code app (second factor) first',
  },
  MFA_CODE_INVALID: {
    status: 400,
    'zh-CN': '动态口令或恢复码不正确或已使用',
    'en-US': 'The one-time code or recovery code is wrong or already used',
  },
  MFA_ALREADY_ENROLLED: { status: 409, 'zh-CN': '已绑定动态口令', 'en-US': 'A one-time code app is already enrolled' },
  MFA_SELF_RESET_FORBIDDEN: {
    status: 403,
    'zh-CN': '不能重置自己的动态口令，请由另一名安全管理员或通过命令行工具处理',
    'en-US': 'You cannot reset your own second factor; use the command-line tool',
  },
  MFA_NOT_STARTED: { status: 409, 'zh-CN': '请先开始绑定动态口令', 'en-US': 'Start the enrolment first' },
  USERNAME_TAKEN: { status: 409, 'zh-CN': '用户名已存在', 'en-US': 'The username is already taken' },
  ROLE_NOT_FOUND: { status: 404, 'zh-CN': '角色不存在', 'en-US': 'Role not found' },
  ROLE_CODE_TAKEN: { status: 409, 'zh-CN': '角色代码已存在', 'en-US': 'The role code is already taken' },
  ROLE_BUILTIN: { status: 409, 'zh-CN': '内置角色不能修改或删除', 'en-US': 'Built-in roles cannot be changed or deleted' },
  ROLE_IN_USE: { status: 409, 'zh-CN': '角色仍分配给用户，不能删除', 'en-US': 'The role is still assigned to users' },
  ROLE_UNKNOWN_PERMISSION: { status: 400, 'zh-CN': '未知的权限：{permission}', 'en-US': 'Unknown permission: {permission}' },
  ROLE_SCOPE_ORGS_REQUIRED: {
    status: 400,
    'zh-CN': '自定义数据权限必须选择机构',
    'en-US': 'A custom data scope needs at least one organisation',
  },
  SEPARATION_OF_DUTIES: {
    status: 409,
    'zh-CN': '三员分立：系统管理员、安全管理员、审计管理员的权限不能相互兼任，也不能与业务权限合并',
    'en-US':
      'Separation of duties: system, security and audit administrator powers cannot be combined with each other or with business permissions',
  },
  ADMIN_ACCOUNT_PROTECTED: {
    status: 403,
    'zh-CN': '管理员账户（三员）只能通过命令行工具维护',
    'en-US': 'Administrator accounts can only be maintained with the command-line tool',
  },
  SELF_GRANT_FORBIDDEN: { status: 403, 'zh-CN': '不能给自己分配角色', 'en-US': 'You cannot assign roles to yourself' },
  AUDIT_EXPORT_TOO_LARGE: {
    status: 400,
    'zh-CN': '符合条件的审计记录有 {total} 条，超过单次导出上限 {max} 条，请缩小时间范围或筛选条件',
    'en-US': '{total} audit records match, more than the export limit of {max}; narrow the time range or filters',
  },
  SAVED_FILTER_TOO_LARGE: {
    status: 400,
    'zh-CN': '筛选条件过大（上限 {maxBytes} 字节）',
    'en-US': 'The filter is too large (at most {maxBytes} bytes)',
  },
  SAVED_FILTER_LIMIT: {
    status: 409,
    'zh-CN': '已保存的筛选条件已达上限 {max} 个，请先删除不用的',
    'en-US': 'You already have {max} saved filters; delete some first',
  },
  PERSON_NOT_FOUND: { status: 404, 'zh-CN': '人员不存在', 'en-US': 'Person not found' },
  PERSON_PHOTO_INVALID: {
    status: 400,
    'zh-CN': '请以 JPEG 或 PNG 图片作为请求正文上传照片（不超过 2 MB）',
    'en-US': 'Send the photo as a JPEG or PNG image in the request body (at most 2 MB)',
  },
  PERSON_INVALID: { status: 400, 'zh-CN': '人员信息有误：{summary}', 'en-US': 'The person data has problems: {summary}' },
  PERSON_ID_TAKEN: { status: 409, 'zh-CN': '该身份证号已登记', 'en-US': 'This ID number is already registered' },
  PERSON_POLICE_NUMBER_TAKEN: { status: 409, 'zh-CN': '该警号已被使用', 'en-US': 'This police number is already in use' },
  PERSON_NOT_LINKED: { status: 404, 'zh-CN': '当前账户未关联人员档案', 'en-US': 'Your account is not linked to a personnel record' },
  PERSON_EXPORT_TOO_LARGE: {
    status: 400,
    'zh-CN': '符合条件的人员有 {total} 人，超过单次导出上限 {max} 人，请缩小筛选范围',
    'en-US': '{total} people match, more than the export limit of {max}; narrow the filters',
  },
  LIST_EXPORT_TOO_LARGE: {
    status: 400,
    'zh-CN': '符合条件的记录有 {total} 条，超过单次导出上限 {max} 条，请缩小筛选范围',
    'en-US': '{total} records match, more than the export limit of {max}; narrow the filters',
  },
  PERSON_EXPORT_COLUMN_UNKNOWN: { status: 400, 'zh-CN': '未知的导出列：{column}', 'en-US': 'Unknown export column: {column}' },
  PERSON_EXPORT_REVEAL_FORBIDDEN: {
    status: 403,
    'zh-CN': '导出完整的身份证号或手机号需要“查看敏感信息”权限',
    'en-US': 'Exporting full ID or phone numbers needs the permission to view sensitive data',
  },
  LRMX_INVALID: {
    status: 400,
    'zh-CN': '任免审批表文件（.lrmx）无法读取：{reason}',
    'en-US': 'The appointment form file (.lrmx) cannot be read: {reason}',
  },
  IMPORT_NOT_MULTIPART: {
    status: 400,
    'zh-CN': '请以 multipart/form-data 上传 xlsx 文件（字段名 file）',
    'en-US': 'Upload the xlsx file as multipart/form-data (field "file")',
  },
  IMPORT_FILE_TOO_LARGE: {
    status: 413,
    'zh-CN': '文件超过 {maxMb} MB 上限，请拆分后导入',
    'en-US': 'The file exceeds the {maxMb} MB limit; split it',
  },
  IMPORT_NOT_XLSX: {
    status: 400,
    'zh-CN': '不是有效的 xlsx 文件；.xls 或设置了密码的文件请在 Excel 中另存为 .xlsx 后再导入',
    'en-US': 'Not a valid xlsx file; save .xls or password-protected files as .xlsx in Excel first',
  },
  IMPORT_XLSX_TOO_LARGE: {
    status: 413,
    'zh-CN': '文件解压后超过 {maxMb} MB 上限，请拆分后导入',
    'en-US': 'The file unpacks to more than {maxMb} MB; split it',
  },
  IMPORT_TOO_MANY_ROWS: {
    status: 413,
    'zh-CN': '工作表超过 {max} 行上限，请拆分后导入',
    'en-US': 'The sheet has more than {max} rows; split it',
  },
  IMPORT_NO_HEADER: {
    status: 400,
    'zh-CN': '前 {rows} 行中找不到表头（至少需要 3 个可识别的列名，如 姓名、身份证号、单位）',
    'en-US': 'No header row in the first {rows} rows (at least 3 known column names such as 姓名, 身份证号, 单位)',
  },
  IMPORT_MISSING_COLUMNS: { status: 400, 'zh-CN': '缺少必需的列：{columns}', 'en-US': 'Required columns are missing: {columns}' },
  IMPORT_NO_ROWS: { status: 400, 'zh-CN': '文件中没有数据行', 'en-US': 'The file has no data rows' },
  IMPORT_BUSY: { status: 429, 'zh-CN': '正在进行的导入过多，请稍后再试', 'en-US': 'Too many imports are running; try again shortly' },
  IMPORT_JOB_NOT_FOUND: {
    status: 404,
    'zh-CN': '导入结果不存在或已过期，请重新预检',
    'en-US': 'The import result does not exist or has expired; run the check again',
  },
  IMPORT_CONFLICT: {
    status: 409,
    'zh-CN': '提交时身份证号或警号已被他人登记，未导入任何数据，请重新预检',
    'en-US': 'An ID or police number was registered by someone else meanwhile; nothing was imported, run the check again',
  },
  DICT_NOT_FOUND: { status: 404, 'zh-CN': '字典不存在', 'en-US': 'Dictionary not found' },
  DICT_VALUE_UNKNOWN: { status: 404, 'zh-CN': '字典中没有匹配的值', 'en-US': 'No matching value in the dictionary' },
  ...questionBankErrors,
  ...examErrors,
  ...trainingErrors,
  ...talentErrors,
  ...recruitmentErrors,
  ...auxiliaryErrors,
  ...partyErrors,
  ...publicityErrors,
  ...cadresErrors,
  ...welfareErrors,
  ...warningErrors,
  ...provinceErrors,
  ...awardsErrors,
  ...fileErrors,
  ...jobErrors,
  ...workflowErrors,
  ...assessmentErrors,
  ...cultureErrors,
} as const satisfies Record<string, ErrorMessage>;

export type PlatformErrorCode = keyof typeof platformErrors;

/** Fills `{name}` placeholders from details. */
export function formatMessage(template: string, details?: Record<string, unknown>): string {
  if (!details) return template;
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in details ? String(details[key]) : whole));
}

export function pickLocale(acceptLanguage: string | undefined): Locale {
  if (!acceptLanguage) return 'zh-CN';
  // First language tag wins; q-values are rarely used by browsers for these two.
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en-US' : 'zh-CN';
}
