import { formatMessage, type Locale } from '@zhenggong/core';

/** Failures an operator can fix; printed without a stack trace. */
export const cliErrors = {
  CONFIG_INVALID: { 'zh-CN': '配置有误：{message}', 'en-US': 'Invalid configuration: {message}' },
  DATABASE_MISSING: {
    'zh-CN': '没有找到已初始化的数据库：{target}。请先运行 migrate 或启动服务',
    'en-US': 'No initialised database at {target}. Run migrate or start the server first',
  },
  ACCOUNT_NOT_FOUND: { 'zh-CN': '没有账户 {username}', 'en-US': 'No account {username}' },
  SEED_TREE_NOT_EMPTY: {
    'zh-CN': '机构树中已有非示例数据（{count} 个机构），seed-demo 只在新安装上建立示例机构',
    'en-US': 'The organisation tree already holds real data ({count} organisations); seed-demo only seeds a fresh install',
  },
  POSTGRES_ONLY: {
    'zh-CN': '该命令只适用于 PostgreSQL：请将 DATABASE_URL 设为 postgres:// 超级用户连接',
    'en-US': 'This command is for PostgreSQL only: set DATABASE_URL to a postgres:// superuser connection',
  },
} as const satisfies Record<string, Record<Locale, string>>;

export type CliErrorCode = keyof typeof cliErrors;

export class CliError extends Error {
  constructor(
    readonly code: CliErrorCode,
    readonly details: Record<string, string | number> = {},
  ) {
    super(formatMessage(cliErrors[code]['en-US'], details));
    this.name = 'CliError';
  }

  localised(locale: Locale): string {
    return formatMessage(cliErrors[this.code][locale], this.details);
  }
}

/** Wrong command line: the usage is printed with it, and the exit code is 2 (as getopt tools do). */
export class UsageError extends Error {
  override name = 'UsageError';
}
