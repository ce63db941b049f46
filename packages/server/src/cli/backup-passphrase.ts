import fs from 'node:fs';
import { BackupError } from '../platform/backup/backup-errors.ts';

/**
 * The backup passphrase, from `--passphrase-file` (first line) or BACKUP_PASSPHRASE — never from
 * an argument, which other users of the host could read in the process list (ADR 007).
 */
export function backupPassphrase(file: string | undefined, env: NodeJS.ProcessEnv): string {
  const raw = file ? (fs.readFileSync(file, 'utf8').split(/\r?\n/)[0] ?? '') : (env.BACKUP_PASSPHRASE ?? '');
  if (raw === '') throw new BackupError('BACKUP_PASSPHRASE_MISSING');
  return raw;
}
