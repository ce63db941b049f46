import { parseArgs } from 'node:util';
import { createBackup } from '../platform/backup/backup-service.ts';
import { cliConfig, openExisting, type CliIo } from './cli-context.ts';
import { UsageError } from './cli-errors.ts';

/**
 * Online backup: safe while the server runs. SQLite → `VACUUM INTO` snapshot; PostgreSQL → all
 * tables as JSON lines from one REPEATABLE READ transaction. Covers the database only: copy
 * DATA_DIR/secret.key (kept apart on purpose) and DATA_DIR/uploads separately.
 */
export async function runBackup(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, strict: true, options: { to: { type: 'string' } } });
  if (!values.to) throw new UsageError('--to <file> is required');
  const config = cliConfig(io.env);
  const { clock, connection } = await openExisting(config);
  try {
    const m = await createBackup(connection, clock, values.to, config.dataDir);
    const rows = Object.values(m.tables).reduce((a, b) => a + b, 0);
    io.out(`backup written: ${values.to}`);
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
