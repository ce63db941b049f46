import { formatMessage, type Locale } from '../platform/error-codes.ts';

/**
 * Problems of one roster row, with stable codes (clients and tests key on them) and messages in
 * zh-CN and en-US. `{header}` is the column name as written in the file, `{value}` the cell.
 */
export const rosterProblemMessages = {
  required: { 'zh-CN': '“{header}”不能为空', 'en-US': '"{header}" is required' },
  too_long: { 'zh-CN': '“{header}”不能超过 {max} 个字', 'en-US': '"{header}" must be at most {max} characters' },
  too_many: { 'zh-CN': '“{header}”最多填写 {max} 个', 'en-US': '"{header}" takes at most {max} entries' },
  id_number_as_number: {
    'zh-CN': '身份证号被 Excel 存为数字，后几位已丢失，请将该列设为文本后重新录入',
    'en-US': 'Excel stored the ID number as a number and has lost its last digits; format the column as text and enter it again',
  },
  id_format: {
    'zh-CN': '身份证号格式不正确，应为 18 位（末位可为 X），或 15 位一代身份证号',
    'en-US': 'The ID number must have 18 characters (the last may be X), or be a 15-digit first-generation number',
  },
  id_birth_date: { 'zh-CN': '身份证号中的出生日期不存在', 'en-US': 'The date of birth inside the ID number does not exist' },
  id_check_digit: {
    'zh-CN': '身份证号校验位错误（GB 11643），请核对原件',
    'en-US': 'The ID number check digit is wrong (GB 11643); check it against the card',
  },
  sex_mismatch: {
    'zh-CN': '性别“{value}”与身份证号不符（应为{expected}）',
    'en-US': 'Sex "{value}" disagrees with the ID number ({expected})',
  },
  birth_date_mismatch: {
    'zh-CN': '出生日期“{value}”与身份证号不符（应为 {expected}）',
    'en-US': 'Date of birth "{value}" disagrees with the ID number ({expected})',
  },
  date_unrecognised: {
    'zh-CN': '无法识别的日期“{value}”，可写作 1985-03-15、1985.03、1985年3月 或 198503',
    'en-US': 'Unrecognised date "{value}"; write 1985-03-15, 1985.03, 1985年3月 or 198503',
  },
  date_impossible: { 'zh-CN': '日期“{value}”不存在', 'en-US': 'The date "{value}" does not exist' },
  date_needs_month: {
    'zh-CN': '日期“{value}”只有年份，请至少精确到月',
    'en-US': 'The date "{value}" has only a year; give at least the month',
  },
  date_month_ambiguous: {
    'zh-CN': '“{value}”可能是 1 月也可能是 10 月（Excel 会把 .10 存成 .1），请将该列设为文本并写作 1990.01 或 1990.10',
    'en-US': '"{value}" could be January or October (Excel stores .10 as .1); format the column as text and write 1990.01 or 1990.10',
  },
  date_in_future: { 'zh-CN': '“{header}”{value} 晚于今天', 'en-US': '"{header}" {value} is in the future' },
  date_before_birth: { 'zh-CN': '“{header}”{value} 早于出生日期', 'en-US': '"{header}" {value} is before the date of birth' },
  work_start_too_young: {
    'zh-CN': '参加工作时间 {value} 时未满 16 周岁',
    'en-US': 'Started work {value}, before the age of 16',
  },
  police_start_too_young: {
    'zh-CN': '入警时间 {value} 时未满 18 周岁',
    'en-US': 'Joined the police {value}, before the age of 18',
  },
  party_join_too_young: {
    'zh-CN': '入党时间 {value} 时未满 18 周岁',
    'en-US': 'Joined the party {value}, before the age of 18',
  },
  police_start_before_work_start: {
    'zh-CN': '入警时间 {value} 早于参加工作时间',
    'en-US': 'Joined the police {value}, before starting work',
  },
  level_date_before_work_start: {
    'zh-CN': '职级任职时间 {value} 早于参加工作时间',
    'en-US': 'Grade held since {value}, before starting work',
  },
  auxiliary_police_field: {
    'zh-CN': '辅警不应有“{header}”（{value}），警衔、职级和警号只属于人民警察',
    'en-US': 'An auxiliary officer has no "{header}" ({value}): rank, grade and police number belong to police officers only',
  },
  unknown_code: {
    'zh-CN': '“{value}”不是“{header}”的标准名称或代码',
    'en-US': '"{value}" is not a standard name or code for "{header}"',
  },
  kind_unknown: {
    'zh-CN': '人员类别“{value}”应为“民警”或“辅警”',
    'en-US': 'Category "{value}" must be 民警 (officer) or 辅警 (auxiliary)',
  },
  police_number_format: { 'zh-CN': '警号“{value}”格式不正确', 'en-US': 'Police number "{value}" is malformed' },
  police_number_lost_zero: {
    'zh-CN': '警号被 Excel 存为数字，开头的 0 已丢失（“{value}”），请将该列设为文本后重新录入',
    'en-US':
      'Excel stored the police number as a number and dropped its leading zeros ("{value}"); format the column as text and enter it again',
  },
  phone_format: {
    'zh-CN': '联系电话“{value}”格式不正确（手机 11 位，或带区号的固定电话）',
    'en-US': 'Phone "{value}" is malformed (11-digit mobile, or landline with area code)',
  },
  org_not_found: { 'zh-CN': '单位“{value}”不在机构树中', 'en-US': 'Unit "{value}" is not in the organisation tree' },
  org_ambiguous: {
    'zh-CN': '单位“{value}”有 {count} 个同名机构，请写明上级（如“上城分局/政治处”）或填写机构代码',
    'en-US': '{count} units are called "{value}"; add the parent ("上城分局/政治处") or use the unit code',
  },
  org_out_of_scope: { 'zh-CN': '单位“{value}”超出您的数据权限范围', 'en-US': 'Unit "{value}" is outside your data scope' },
  org_closed: { 'zh-CN': '单位“{value}”已撤销', 'en-US': 'Unit "{value}" is closed' },
  duplicate_id_in_file: { 'zh-CN': '身份证号与第 {otherRow} 行重复', 'en-US': 'The ID number repeats row {otherRow}' },
  duplicate_id_in_db: { 'zh-CN': '该身份证号已登记在系统中', 'en-US': 'This ID number is already registered' },
  duplicate_police_number_in_file: { 'zh-CN': '警号与第 {otherRow} 行重复', 'en-US': 'The police number repeats row {otherRow}' },
  duplicate_police_number_in_db: { 'zh-CN': '警号“{value}”已被使用', 'en-US': 'Police number "{value}" is already in use' },
} as const satisfies Record<string, Readonly<Record<Locale, string>>>;

export type RosterProblemCode = keyof typeof rosterProblemMessages;

export function rosterProblemMessage(code: RosterProblemCode, locale: Locale, params: Readonly<Record<string, string | number>>): string {
  return formatMessage(rosterProblemMessages[code][locale], params);
}

/**
 * Notes on rows that are imported all the same: something changed on the way in (a 15-digit
 * number upgraded) or worth a second look (a 警衔 outside its 职级's band, DOMAIN-RULES §2.5).
 */
export const rosterNoteMessages = {
  id_upgraded: {
    'zh-CN': '15 位一代身份证号“{value}”已升位为 {upgraded}（插入“19”并计算校验位），原号码已随人员保存',
    'en-US':
      'The 15-digit first-generation ID number "{value}" was upgraded to {upgraded} ("19" inserted, check digit computed); the original is kept with the person',
  },
  rank_outside_band: {
    'zh-CN': '警衔“{value}”不在{level}对应的警衔范围（{low}至{high}）内，仍予导入，请核对警衔或职级',
    'en-US': 'Rank "{value}" lies outside the band of grade {level} ({low} to {high}); imported all the same, check the rank or the grade',
  },
} as const satisfies Record<string, Readonly<Record<Locale, string>>>;

export type RosterNoteCode = keyof typeof rosterNoteMessages;

export function rosterNoteMessage(code: RosterNoteCode, locale: Locale, params: Readonly<Record<string, string | number>>): string {
  return formatMessage(rosterNoteMessages[code][locale], params);
}
