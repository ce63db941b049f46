import fs from 'node:fs';
import path from 'node:path';
import { adminKinds, type AdminKind } from '@zhenggong/core';
import type { AppContext } from '../context.ts';
import { nodeCrypto } from '../crypto.ts';
import { createAdmin } from './bootstrap.ts';

export interface InitialAdmin {
  readonly kind: AdminKind;
  readonly username: string;
  readonly password: string;
}

/**
 * On a fresh install (no accounts at all) creates the three administrators of 三员分立 with
 * random one-time passwords that must be changed at first login — no default account with a
 * known password ever exists (GB/T 22239 L3-CES1-06). The passwords are written once to a
 * 0600 file in the data directory for the operator, who should delete it after first login.
 */
export async function createInitialAdmins(ctx: AppContext, dataDir: string): Promise<{ admins: InitialAdmin[]; file: string } | undefined> {
  const row = await ctx.db
    .selectFrom('app_user')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(row.n) > 0) return undefined;
  const admins: InitialAdmin[] = [];
  for (const kind of adminKinds) {
    // 16 random base64url characters plus one of each class, so every policy profile accepts it.
    const password = `${nodeCrypto.randomToken(12)}Aa7!`;
    await createAdmin(ctx, { username: kind, password, kind });
    admins.push({ kind, username: kind, password });
  }
  const file = path.join(dataDir, 'initial-admin-passwords.txt');
  const text = admins.map((a) => `${a.username}\t${a.password}`).join('\n');
  fs.writeFileSync(file, `# One-time passwords: each must be changed at first login. Delete this file afterwards.\n${text}\n`, {
    mode: 0o600,
  });
  return { admins, file };
}
