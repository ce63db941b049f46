import { parseArgs } from 'node:util';
import { adminKinds, type AdminKind } from '@zhenggong/core';
import { createAdmin } from '../platform/accounts/bootstrap.ts';
import { cliConfig, openForWrite, type CliIo } from './cli-context.ts';
import { UsageError } from './cli-errors.ts';
import { oneTimePassword } from './one-time-password.ts';

const isAdminKind = (value: string): value is AdminKind => (adminKinds as readonly string[]).includes(value);

/**
 * Non-interactive, for scripts and first installs. A given password is never echoed; without
 * --password a random one-time password is generated and shown exactly once. Either way the
 * account must change it at first login (L3-CES1-06, ASVS 6.4.1).
 */
export async function runCreateAdmin(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      username: { type: 'string' },
      password: { type: 'string' },
      kind: { type: 'string', default: 'sysadmin' },
      'display-name': { type: 'string' },
    },
  });
  const username = values.username?.trim();
  if (!username) throw new UsageError('--username is required');
  if (!isAdminKind(values.kind)) throw new UsageError(`--kind must be one of ${adminKinds.join(', ')}`);
  const config = cliConfig(io.env);
  const password = values.password ?? oneTimePassword(config.passwordPolicy, username);
  const { ctx, connection } = await openForWrite(config);
  try {
    const displayName = values['display-name']?.trim();
    const { id } = await createAdmin(ctx, { username, password, kind: values.kind, ...(displayName ? { displayName } : {}) });
    io.out(`created ${values.kind} "${username}" id=${id}`);
    if (values.password === undefined) io.out(`one-time password (shown once): ${password}`);
    io.out('首次登录必须修改密码 / The password must be changed at first login.');
    return 0;
  } finally {
    await connection.close();
  }
}
