import type { ErrorMessage } from './error-message.ts';

/** Errors of the scheduled-job list (platform/jobs). */
export const jobErrors = {
  JOB_NOT_FOUND: { status: 404, 'zh-CN': '没有名为 {name} 的定时任务', 'en-US': 'No scheduled job named {name}' },
} as const satisfies Record<string, ErrorMessage>;
