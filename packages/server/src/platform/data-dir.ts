import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { formatMessage, platformErrors } from '@zhenggong/core';

/**
 * Creates the data directory and its secret key file (mode 0600), and proves the directory is
 * writable before anything else touches it, with a clear message if not.
 */
export function ensureDataDir(dataDir: string): { secretKeyFile: string } {
  try {
    fs.mkdirSync(path.join(dataDir, 'uploads'), { recursive: true });
    const probe = path.join(dataDir, `.write-test-${process.pid}`);
    fs.writeFileSync(probe, 'ok');
    fs.rmSync(probe);
  } catch {
    const m = platformErrors.DATA_DIR_UNWRITABLE;
    throw new Error(`${formatMessage(m['zh-CN'], { dir: dataDir })} / ${formatMessage(m['en-US'], { dir: dataDir })}`);
  }
  const secretKeyFile = path.join(dataDir, 'secret.key');
  if (!fs.existsSync(secretKeyFile)) {
    fs.writeFileSync(secretKeyFile, crypto.randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
  }
  return { secretKeyFile };
}
