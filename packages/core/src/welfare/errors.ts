import type { ErrorMessage } from '../platform/error-message.ts';

/** Error codes of the welfare module with zh-CN and en-US messages; merged into the platform catalogue. */
export const welfareErrors = {
  WELFARE_RULE_INVALID: { status: 400, 'zh-CN': '规则数据不合法', 'en-US': 'The rule data is invalid' },
  WELFARE_RULE_SCOPE: { status: 403, 'zh-CN': '修改规则数据需要全市范围的权限', 'en-US': 'Changing rule data needs city-wide scope' },
  LEAVE_KIND_UNKNOWN: { status: 400, 'zh-CN': '假期类别不存在或已停用', 'en-US': 'Unknown leave kind' },
  LEAVE_DATES: { status: 400, 'zh-CN': '请假日期不合理：结束日期不能早于开始日期', 'en-US': 'The leave ends before it starts' },
  LEAVE_NO_DAYS: {
    status: 400,
    'zh-CN': '所选日期都是休息日或法定节假日，不计请假天数',
    'en-US': 'Every chosen day is a rest day or holiday; there is nothing to apply for',
  },
  LEAVE_TOO_LONG: { status: 400, 'zh-CN': '超过该假期单次可休天数', 'en-US': 'Longer than this kind of leave allows at once' },
  LEAVE_BALANCE: { status: 409, 'zh-CN': '年休假余额不足', 'en-US': 'Not enough annual leave left' },
  LEAVE_HOME_VISIT_CYCLE: {
    status: 409,
    'zh-CN': '探亲假未到可休周期或不符合条件',
    'en-US': 'Home-visit leave is not due yet in its cycle, or not available',
  },
  LEAVE_OVERLAP: { status: 409, 'zh-CN': '与已有请假时间重叠', 'en-US': 'Overlaps a leave already applied for' },
  LEAVE_CALENDAR_MISSING: {
    status: 409,
    'zh-CN': '该年度的节假日安排尚未维护，无法计算请假天数',
    'en-US': "That year's holiday calendar is not kept yet; leave days cannot be counted",
  },
  LEAVE_NOT_FOUND: { status: 404, 'zh-CN': '请假记录不存在', 'en-US': 'Leave record not found' },
  LEAVE_NOT_CANCELLABLE: { status: 409, 'zh-CN': '该请假不能撤销', 'en-US': 'This leave cannot be cancelled' },
  LEAVE_DECIDED: { status: 409, 'zh-CN': '该请假已处理', 'en-US': 'This leave was already decided' },
  WEAR_NO_CONSENT: {
    status: 403,
    'zh-CN': '本人未同意或已撤回健康数据授权，读数不予接收',
    'en-US': 'No consent (or consent withdrawn): readings are refused',
  },
  WEAR_DEVICE_TOKEN: { status: 401, 'zh-CN': '设备令牌无效或设备已停用', 'en-US': 'Invalid device token, or the device is retired' },
  WEAR_BATCH_TOO_LARGE: { status: 400, 'zh-CN': '单次上传读数过多', 'en-US': 'Too many readings in one batch' },
  WEAR_READING_INVALID: { status: 400, 'zh-CN': '读数不合法', 'en-US': 'A reading is invalid' },
  WEAR_DEVICE_NOT_FOUND: { status: 404, 'zh-CN': '设备不存在', 'en-US': 'Device not found' },
  WEAR_DEVICE_TAKEN: { status: 409, 'zh-CN': '该设备编号已登记', 'en-US': 'This device serial is registered already' },
  WEAR_ALERT_NOT_FOUND: { status: 404, 'zh-CN': '告警不存在', 'en-US': 'Alert not found' },
  WEAR_ALERT_STATE: { status: 409, 'zh-CN': '告警状态不允许此操作', 'en-US': 'The alert is not in a state for this' },
  CONSENT_NOT_FOUND: { status: 404, 'zh-CN': '没有有效的授权', 'en-US': 'No active consent' },
  PSYCH_CASE_NOT_FOUND: { status: 404, 'zh-CN': '心理个案不存在', 'en-US': 'Psychological case not found' },
  PSYCH_CASE_CLOSED: { status: 409, 'zh-CN': '个案已结案', 'en-US': 'The case is closed' },
  CARE_RECORD_NOT_FOUND: { status: 404, 'zh-CN': '关爱记录不存在', 'en-US': 'Care record not found' },
  HEALTH_IMPORT_INVALID: {
    status: 400,
    'zh-CN': '体检结果文件有错误，未导入任何数据；请按所列行列修改后重新导入',
    'en-US': 'The check-up file has problems and nothing was imported; fix the rows and columns listed and import again',
  },
  HEALTH_RECORD_NOT_FOUND: { status: 404, 'zh-CN': '体检记录不存在', 'en-US': 'Check-up record not found' },
} as const satisfies Record<string, ErrorMessage>;
