import fs from 'node:fs';
import path from 'node:path';
import { nodeCrypto } from '../crypto.ts';

export const secretKeyPath = (dataDir: string): string => path.join(dataDir, 'secret.key');

/**
 * Identifies the instance secret (DATA_DIR/secret.key) without revealing it: a truncated SM3 of a
 * labelled copy of a 256-bit random value. Backups never contain the key itself — it is what
 * protects the encrypted fields inside them — but they record which key they need.
 */
export function keyFingerprint(dataDir: string): string | null {
  const file = secretKeyPath(dataDir);
  if (!fs.existsSync(file)) return null;
  return nodeCrypto.sm3Hex(`zhenggong secret fingerprint v1\u0000${fs.readFileSync(file, 'utf8').trim()}`).slice(0, 16);
}
