import { parseArgs } from 'node:util';
import { systemClock } from '../platform/clock.ts';
import { selfTest } from '../platform/crypto.ts';
import { restoreBackup } from '../platform/backup/restore-service.ts';
import { isSealedBackup, restoreSealedBackup } from '../platform/backup/sealed-backup.ts';
import { backupPassphrase } from './backup-passphrase.ts';
import { cliConfig, type CliIo } from './cli-context.ts';
import { UsageError } from './cli-errors.ts';

/**
 * Restores into an empty DATA_DIR (SQLite) or an empty database (DATABASE_URL), never over data.
 * Copy the original DATA_DIR/secret.key into the new DATA_DIR first: backups do not carry it.
 */
export async function runRestore(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      from: { type: 'string' },
      'allow-broken-audit': { type: 'boolean', default: false },
      'without-key': { type: 'boolean', default: false },
      'passphrase-file': { type: 'string' },
    },
  });
  if (!values.from) throw new UsageError('--from <file> is required');
  selfTest();
  const config = cliConfig(io.env);
  const options = {
    config,
    clock: systemClock,
    file: values.from,
    allowBrokenAudit: values['allow-broken-audit'],
    withoutKey: values['without-key'],
  };
  const sealed = isSealedBackup(values.from);
  const report = sealed
    ? await restoreSealedBackup({ ...options, passphrase: backupPassphrase(values['passphrase-file'], io.env) })
    : await restoreBackup(options);
  const m = report.manifest;
  io.out(`restored ${m.dialect} backup of ${m.createdAt} into ${report.target}`);
  if ('uploads' in report) io.out(`  archive authenticated; ${report.uploads} uploaded files restored into ${config.dataDir}/uploads`);
  io.out(`  ${Object.keys(m.tables).length} tables, ${Object.values(m.tables).reduce((a, b) => a + b, 0)} rows; SM3 verified`);
  if (!report.keyMatches)
    io.err(
      '  WARNING: restored without the instance key (--without-key): encrypted fields cannot be read / 未使用原密钥恢复，加密字段无法读取',
    );
  if (report.audit.ok) {
    io.out(`  audit chain ok, ${report.audit.checked} rows`);
  } else {
    io.err(
      `  WARNING: audit chain broken at row seq ${report.audit.brokenAt ?? '?'} (${report.audit.reason ?? ''}); restored because --allow-broken-audit was given`,
    );
  }
  return 0;
}
