import { parseArgs } from 'node:util';
import { appendAudit } from '../platform/audit/audit-service.ts';
import { normalizeUsername } from '../platform/auth/usernames.ts';
import { cliConfig, openForWrite, type CliIo } from './cli-context.ts';
import { CliError, UsageError } from './cli-errors.ts';

/**
 * Removes an account's second factor from the server console, for the case the API cannot
 * cover: the security administrator's own (nobody resets their own through the API, ADR 018).
 * The account enrols again at its next login; its sessions end; the audit row names the CLI.
 */
export async function runResetMfa(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, strict: true, options: { username: { type: 'string' } } });
  const username = values.username?.trim();
  if (!username) throw new UsageError('--username is required');
  const { ctx, connection } = await openForWrite(cliConfig(io.env));
  try {
    const user = await ctx.db
      .selectFrom('app_user')
      .select(['id', 'totp_enrolled_at'])
      .where('username_norm', '=', normalizeUsername(username))
      .executeTakeFirst();
    if (!user) throw new CliError('ACCOUNT_NOT_FOUND', { username });
    await ctx.db.transaction().execute(async (trx) => {
      const now = ctx.clock.now().toISOString();
      await trx
        .updateTable('app_user')
        .set({ totp_secret: null, totp_enrolled_at: null, totp_last_step: null, updated_at: now })
        .where('id', '=', user.id)
        .execute();
      await trx.deleteFrom('mfa_recovery_code').where('user_id', '=', user.id).execute();
      await trx.deleteFrom('session').where('user_id', '=', user.id).execute();
      await appendAudit(
        trx,
        ctx.clock,
        { userId: null, username: 'cli', role: 'cli', ip: null, requestId: null },
        {
          eventType: 'user.mfa_reset',
          objectType: 'user',
          objectId: user.id,
          detail: { wasEnrolled: user.totp_enrolled_at !== null, sessionsEnded: true, via: 'cli' },
        },
      );
    });
    io.out(`second factor of "${username}" removed; it enrols again at its next login / 已清除动态口令，下次登录时重新绑定`);
    return 0;
  } finally {
    await connection.close();
  }
}
