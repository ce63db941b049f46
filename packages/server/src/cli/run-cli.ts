import { formatMessage, platformErrors } from '@zhenggong/core';
import { BackupError } from '../platform/backup/backup-errors.ts';
import { AppError } from '../platform/http/app-error.ts';
import type { CliIo } from './cli-context.ts';
import { CliError, UsageError } from './cli-errors.ts';
import { commands } from './command.ts';

export function usage(): string {
  const lines = commands.map((c) => `  zhenggong ${c.usage}\n      ${c.summary}`);
  return [
    'Usage (from the repository: npm run cli -- <command> …):',
    ...lines,
    '',
    'Configuration comes from the same environment as the server: DATA_DIR, DATABASE_URL, CITY_CODE, PASSWORD_POLICY …',
  ].join('\n');
}

/** node:util parseArgs throws TypeErrors coded ERR_PARSE_ARGS_* for unknown options, missing values … */
const isParseArgsError = (error: unknown): error is TypeError => error instanceof TypeError && /^ERR_PARSE_ARGS/.test(errorCode(error));

/** The `code` that Node, pg and better-sqlite3 errors carry, or ''. */
const errorCode = (error: unknown): string => {
  const code: unknown = error !== null && typeof error === 'object' && 'code' in error ? error.code : undefined;
  return typeof code === 'string' ? code : '';
};

/** Errors an operator can act on: message in both languages, no stack trace. */
function expectedMessage(error: unknown): string | null {
  if (error instanceof CliError || error instanceof BackupError)
    return `${error.code}: ${error.localised('zh-CN')}\n  ${error.localised('en-US')}`;
  if (error instanceof AppError) {
    const m = platformErrors[error.code];
    const reasons = Array.isArray(error.details?.reasons) ? ` (${error.details.reasons.join(', ')})` : '';
    return `${error.code}: ${formatMessage(m['zh-CN'], error.details)}${reasons}\n  ${formatMessage(m['en-US'], error.details)}${reasons}`;
  }
  // Operating-system and database-driver errors (ECONNREFUSED, 3D000 "database does not exist", EACCES …).
  const code = errorCode(error);
  if (error instanceof Error && code !== '' && !code.startsWith('ERR_')) return `${code}: ${error.message}`;
  return null;
}

/** Runs one command; returns the exit code: 0 ok, 1 failure, 2 wrong usage. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.out(usage());
    return name === undefined ? 2 : 0;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`unknown command "${name}"\n\n${usage()}`);
    return 2;
  }
  try {
    return await (
      await command.load()
    )(args, io);
  } catch (error) {
    if (error instanceof UsageError || isParseArgsError(error)) {
      io.err(`${error.message}\n\nUsage: zhenggong ${command.usage}`);
      return 2;
    }
    const message = expectedMessage(error);
    if (message !== null) {
      io.err(`${command.name} failed — ${message}`);
      return 1;
    }
    io.err(`${command.name} failed with an unexpected error (a bug; please report it):`);
    io.err(error instanceof Error ? (error.stack ?? error.message) : String(error));
    return 1;
  }
}
