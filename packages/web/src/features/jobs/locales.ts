import type { LocaleShape } from '../../shared/i18n/locale-shape';

export const jobsZhCN = {
  title: '定时任务',
  columns: {
    name: '任务',
    schedule: '周期',
    lastRun: '上次运行',
    state: '状态',
    error: '错误',
    nextRun: '下次运行',
    actions: '操作',
  },
  names: {
    'exams_deadline-sweep': '考试超时自动交卷',
    'recruitment_portal-cleanup': '招录门户过期记录清理',
    'auxiliary_contract-reminders': '辅警合同到期提醒',
    'platform_import-report-expiry': '导入报告过期清理',
  } as Record<string, string>,
  state: {
    running: '运行中',
    succeeded: '成功',
    failed: '失败（待重试）',
    dead: '失败（已放弃）',
    never: '尚未运行',
  },
  attempt: '第 {{attempt}} 次',
  retryAt: '重试于 {{at}}',
  schedule: { every: '每 {{n}} 秒', everyMin: '每 {{n}} 分钟', daily: '每天 {{at}}', monthly: '每月 {{day}} 日 {{at}}' },
  runNow: '立即运行',
  ran: '任务已运行',
};

export const jobsEnUS: LocaleShape<typeof jobsZhCN> = {
  title: 'Scheduled jobs',
  columns: {
    name: 'Job',
    schedule: 'Schedule',
    lastRun: 'Last run',
    state: 'State',
    error: 'Error',
    nextRun: 'Next run',
    actions: 'Actions',
  },
  names: {
    'exams_deadline-sweep': 'Finalise exams past their deadline',
    'recruitment_portal-cleanup': 'Remove expired portal records',
    'auxiliary_contract-reminders': 'Auxiliary contract reminders',
    'platform_import-report-expiry': 'Remove expired import reports',
  },
  state: {
    running: 'Running',
    succeeded: 'Succeeded',
    failed: 'Failed (will retry)',
    dead: 'Failed (gave up)',
    never: 'Never run',
  },
  attempt: 'attempt {{attempt}}',
  retryAt: 'retry at {{at}}',
  schedule: { every: 'every {{n}} s', everyMin: 'every {{n}} min', daily: 'daily at {{at}}', monthly: 'monthly on day {{day}} at {{at}}' },
  runNow: 'Run now',
  ran: 'The job has run',
};
