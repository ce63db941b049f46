import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { afterAll, describe, expect, it } from 'vitest';
import { deriveBackupKeys, openStream, sealStream, type BackupCipher } from './backup-crypto.ts';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'zg-backup-crypto-'));
afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

const header = Buffer.from('ZHENGGONG-BACKUP v2 test header\n');
const salt = crypto.randomBytes(16);

async function sealFile(cipher: BackupCipher, plain: string, sealed: string, passphrase = 'correct horse battery') {
  await pipeline(fs.createReadStream(plain), sealStream(deriveBackupKeys(passphrase, salt, cipher), header), fs.createWriteStream(sealed));
}

async function openFile(cipher: BackupCipher, sealed: string, out: string, passphrase = 'correct horse battery', head = header) {
  await pipeline(fs.createReadStream(sealed), openStream(deriveBackupKeys(passphrase, salt, cipher), head), fs.createWriteStream(out));
}

const sm3File = (file: string) => crypto.createHash('sm3').update(fs.readFileSync(file)).digest('hex');

describe.each(['aes', 'sm4'] as const)('backup stream cipher %s', (cipher) => {
  const plain = path.join(work, `${cipher}.plain`);
  const sealed = path.join(work, `${cipher}.sealed`);
  // 3 full records and a partial one, from a stream: nothing depends on the input's chunking.
  const bytes = crypto.randomBytes(3 * 64 * 1024 + 1234);
  fs.writeFileSync(plain, bytes);

  it('round-trips and hides the plaintext', async () => {
    await sealFile(cipher, plain, sealed);
    const raw = fs.readFileSync(sealed);
    expect(raw.includes(bytes.subarray(1000, 1064))).toBe(false);
    const out = path.join(work, `${cipher}.out`);
    await openFile(cipher, sealed, out);
    expect(sm3File(out)).toBe(sm3File(plain));
  });

  it('round-trips an empty stream and one of exactly one record', async () => {
    for (const size of [0, 64 * 1024]) {
      const keys = deriveBackupKeys('correct horse battery', salt, cipher);
      const chunks: Buffer[] = [];
      const opened = Readable.from([Buffer.alloc(size, 7)])
        .pipe(sealStream(keys, header))
        .pipe(openStream(keys, header));
      for await (const c of opened as AsyncIterable<Buffer>) chunks.push(c); // a Transform without encoding yields Buffers
      expect(Buffer.concat(chunks).equals(Buffer.alloc(size, 7))).toBe(true);
    }
  });

  it('refuses a flipped bit, a truncation, a dropped record, a changed header and a wrong passphrase', async () => {
    const raw = fs.readFileSync(sealed);
    const record = 4 + 64 * 1024 + (cipher === 'sm4' ? 32 : 16);
    const cases: Record<string, Buffer> = {
      flipped: Buffer.from(raw).fill(raw[5000]! ^ 1, 5000, 5001), // index inside the first record, which exists
      truncated: raw.subarray(0, 3 * record),
      dropped: Buffer.concat([raw.subarray(0, record), raw.subarray(2 * record)]),
      extended: Buffer.concat([raw, raw.subarray(0, record)]),
    };
    for (const [name, bytes] of Object.entries(cases)) {
      const file = path.join(work, `${cipher}.${name}`);
      fs.writeFileSync(file, bytes);
      await expect(openFile(cipher, file, path.join(work, `${cipher}.${name}.out`)), name).rejects.toMatchObject({
        code: 'BACKUP_TAMPERED',
      });
    }
    await expect(openFile(cipher, sealed, path.join(work, `${cipher}.wrongpass.out`), 'another passphrase')).rejects.toMatchObject({
      code: 'BACKUP_TAMPERED',
    });
    await expect(
      openFile(cipher, sealed, path.join(work, `${cipher}.head.out`), undefined, Buffer.from('other header')),
    ).rejects.toMatchObject({
      code: 'BACKUP_TAMPERED',
    });
  });

  it('refuses a short passphrase', () => {
    expect(() => deriveBackupKeys('short', salt, cipher)).toThrow(expect.objectContaining({ code: 'BACKUP_PASSPHRASE_WEAK' }));
  });
});
