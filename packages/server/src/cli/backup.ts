import { parseArgs } from 'node:util';
import { createBackup } from '../platform/backup/backup-service.ts';
import { createSealedBackup } from '../platform/backup/sealed-backup.ts';
import { backupPassphrase } from './backup-passphrase.ts';
import { cliConfig, openExisting, type CliIo } from './cli-context.ts';
import { UsageError } from './cli-errors.ts';

/**
 * Online backup: safe while the server runs. SQLite → `VACUUM INTO` snapshot; PostgreSQL → all
 * tables as JSON lines from one REPEATABLE READ transaction. By default the database and every
 * file under DATA_DIR/uploads go into one archive sealed with a passphrase (ADR 007);
 * `--unencrypted` writes the database alone, in the clear, for moves inside the protected zone.
 * DATA_DIR's key files are never included: keep a copy of them apart from the backups.
 */
export async function runBackup(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: { to: { type: 'string' }, 'passphrase-file': { type: 'string' }, unencrypted: { type: 'boolean', default: false } },
  });
  if (!values.to) throw new UsageError('--to <file> is required');
  const config = cliConfig(io.env);
  const passphrase = values.unencrypted ? null : backupPassphrase(values['passphrase-file'], io.env);
  const { clock, connection } = await openExisting(config);
  try {
    const cipher = config.cryptoProfile === 'gm' ? 'sm4' : 'aes';
    const sealed = passphrase === null ? null : await createSealedBackup(connection, clock, values.to, config.dataDir, passphrase, cipher);
    const m = sealed?.manifest ?? (await createBackup(connection, clock, values.to, config.dataDir));
    const rows = Object.values(m.tables).reduce((a, b) => a + b, 0);
    io.out(`backup written: ${values.to}`);
    if (sealed)
      io.out(
        `  sealed with ${cipher === 'sm4' ? 'SM4-CTR + HMAC-SM3' : 'AES-256-GCM'}, key from the passphrase (scrypt); ${sealed.uploads} uploaded files`,
      );
    else io.err('  WARNING: unencrypted and without uploads (--unencrypted) / 未加密且不含上传文件');
    io.out(`  ${m.dialect}, ${Object.keys(m.tables).length} tables, ${rows} rows, audit log up to seq ${m.auditHead.seq}`);
    io.out(`  SM3 ${m.payloadSm3}`);
    if (m.keyFingerprint)
      io.out(`  needs instance key ${m.keyFingerprint}: keep a copy of ${config.dataDir}/secret.key apart from the backups`);
    else io.out(`  note: no ${config.dataDir}/secret.key here; the backup does not record which key its encrypted fields need`);
    return 0;
  } finally {
    await connection.close();
  }
}
