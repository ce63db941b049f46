import type { LocaleShape } from '../../shared/i18n/locale-shape';

export const auditZhCN = {
  title: '审计日志',
  roles: { sysadmin: '系统管理员', secadmin: '安全管理员', auditadmin: '审计管理员', system: '系统' },
  columns: {
    seq: '序号',
    ts: '时间',
    actor: '操作人',
    role: '角色',
    ip: 'IP 地址',
    event: '事件',
    object: '对象',
    outcome: '结果',
  },
  filters: {
    actor: '操作人',
    actorPlaceholder: '用户名（部分）',
    eventType: '事件类型',
    eventTypePlaceholder: '选择或输入名称',
    outcome: '结果',
    dateRange: '时间范围',
    objectId: '对象 ID',
  },
  outcome: {
    success: '成功',
    failure: '失败',
  },
  actions: {
    export: '导出',
    verify: '校验',
    checkpoint: '导出签名检查点',
  },
  detail: {
    before: '变更前',
    after: '变更后',
    other: '其他信息',
    none: '无详细信息',
    expand: '展开详情',
    collapse: '收起详情',
  },
  verifyOk: '审计日志哈希链完整：已校验 {{checked}} 条记录。',
  verifyBroken: '审计日志哈希链在第 {{brokenAt}} 条处断裂（共校验 {{checked}} 条），日志可能被篡改，请立即报告。',
  verifyTitle: '完整性校验',
  exportDone: '导出已开始下载',
  checkpointDone: '已下载 SM2 签名检查点，请离线妥善保存，供 verify-audit --checkpoint 核验。',
};

export const auditEnUS: LocaleShape<typeof auditZhCN> = {
  title: 'Audit log',
  roles: { sysadmin: 'System administrator', secadmin: 'Security administrator', auditadmin: 'Audit administrator', system: 'System' },
  columns: {
    seq: 'Seq.',
    ts: 'Time',
    actor: 'Actor',
    role: 'Role',
    ip: 'IP address',
    event: 'Event',
    object: 'Object',
    outcome: 'Outcome',
  },
  filters: {
    actor: 'Actor',
    actorPlaceholder: 'Part of the username',
    eventType: 'Event type',
    eventTypePlaceholder: 'Pick or type a name',
    outcome: 'Outcome',
    dateRange: 'Date range',
    objectId: 'Object ID',
  },
  outcome: {
    success: 'Success',
    failure: 'Failure',
  },
  actions: {
    export: 'Export',
    verify: 'Verify',
    checkpoint: 'Signed checkpoint',
  },
  detail: {
    before: 'Before',
    after: 'After',
    other: 'Other details',
    none: 'No details',
    expand: 'Show details',
    collapse: 'Hide details',
  },
  verifyOk: 'The audit hash chain is intact: {{checked}} entries checked.',
  verifyBroken:
    'The audit hash chain breaks at entry {{brokenAt}} ({{checked}} checked). The log may have been tampered with; report this immediately.',
  verifyTitle: 'Integrity check',
  exportDone: 'The download has started',
  checkpointDone: 'SM2-signed checkpoint downloaded. Keep it off the server; verify-audit --checkpoint checks the log against it.',
};
