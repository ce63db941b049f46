import { parseArgs } from 'node:util';
import { selfTest } from '../platform/crypto.ts';
import { ensureDataDir } from '../platform/data-dir.ts';
import { fieldCryptoFromKeys } from '../platform/field-crypto.ts';
import { beginRotation, finishRotation } from '../platform/field-keyring.ts';
import { rotateAll } from '../platform/key-rotation/rotate-keys.ts';
import { cliConfig, openExisting, type CliIo } from './cli-context.ts';
import { UsageError } from './cli-errors.ts';

/**
 * `rotate-keys [--batch N]`: makes a new field-key version (or resumes the unfinished one),
 * re-encrypts every encrypted column and blind index under it with the configured profile's
 * algorithm (SM4 under CRYPTO_PROFILE=gm), then makes it current. Run it with the server
 * stopped; the server refuses to start while a rotation is unfinished (ADR 019).
 */
export async function runRotateKeys(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { batch: { type: 'string' } }, strict: true });
  const batchSize = values.batch === undefined ? 500 : Number(values.batch);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000)
    throw new UsageError('--batch must be an integer from 1 to 10000');
  const config = cliConfig(io.env);
  selfTest();
  const { secretKeyFile } = ensureDataDir(config.dataDir);
  const { clock, connection } = await openExisting(config);
  try {
    const ring = beginRotation(secretKeyFile);
    const target = ring.rotatingTo ?? ring.current;
    io.out(
      `rotating field keys from version ${ring.current} to ${target} (${config.cryptoProfile === 'gm' ? 'SM4-CBC + HMAC-SM3' : 'AES-256-GCM'})`,
    );
    const fc = fieldCryptoFromKeys(ring.secrets, target, config.cryptoProfile);
    const result = await rotateAll(connection.db, clock, fc, {
      batchSize,
      onBatch: (p) => io.out(`  ${p.table}: ${p.scanned} scanned, ${p.rewritten} re-encrypted`),
    });
    if (!result.done) return 1;
    finishRotation(secretKeyFile);
    io.out(`done: key version ${target} is current / 密钥轮换完成`);
    return 0;
  } finally {
    await connection.close();
  }
}
