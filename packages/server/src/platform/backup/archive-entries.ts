import fs from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import { BackupError } from './backup-errors.ts';

/**
 * The inside of a sealed archive: a flat list of files, each framed as
 * u16 name length ‖ name (UTF-8, '/'-separated, relative) ‖ u64 size ‖ bytes, closed by a
 * zero-length name. Deliberately smaller than tar: no modes, links or owners to restore wrongly.
 * The entries are only trusted after the whole stream authenticated, and names are still checked
 * so an archive can never write outside the directory it is unpacked into.
 */
export interface ArchiveEntry {
  /** Name inside the archive, e.g. `database.backup` or `uploads/photos/ab/cd.jpg`. */
  readonly name: string;
  readonly file: string;
}

function frame(name: string, size: number): Buffer {
  const n = Buffer.from(name, 'utf8');
  const b = Buffer.alloc(2 + n.length + 8);
  b.writeUInt16BE(n.length, 0);
  n.copy(b, 2);
  b.writeBigUInt64BE(BigInt(size), 2 + n.length);
  return b;
}

/** The archive's bytes, file by file, as a stream source (each file read in chunks, never whole). */
export async function* packEntries(entries: readonly ArchiveEntry[]): AsyncGenerator<Buffer> {
  for (const e of entries) {
    const size = fs.statSync(e.file).size;
    yield frame(e.name, size);
    let seen = 0;
    for await (const chunk of fs.createReadStream(e.file) as AsyncIterable<Buffer>) {
      seen += chunk.length;
      yield chunk;
    }
    // A file that changed size while read would corrupt every frame after it.
    if (seen !== size) throw new BackupError('BACKUP_CORRUPT', { reason: `${e.name} changed while being archived` });
  }
  yield Buffer.alloc(2);
}

/** Every regular file under `dir`, sorted, named relative to `dir` with '/' separators. */
export function filesUnder(dir: string, prefix: string): ArchiveEntry[] {
  if (!fs.existsSync(dir)) return [];
  const out: ArchiveEntry[] = [];
  const walk = (abs: string, rel: string) => {
    for (const d of fs.readdirSync(abs, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const childAbs = path.join(abs, d.name);
      const childRel = `${rel}/${d.name}`;
      if (d.isDirectory()) walk(childAbs, childRel);
      else if (d.isFile()) out.push({ name: childRel, file: childAbs });
    }
  };
  walk(dir, prefix);
  return out;
}

/** Refuses absolute names, `..`, empty segments and backslashes: every name stays inside `root`. */
function safeTarget(root: string, name: string): string {
  const parts = name.split('/');
  if (name.includes('\\') || name.includes('\0') || parts.some((p) => p === '' || p === '.' || p === '..')) {
    throw new BackupError('BACKUP_CORRUPT', { reason: `unsafe entry name ${JSON.stringify(name)}` });
  }
  return path.join(root, ...parts);
}

/** Unpacks the entry stream into `root`; returns the names written, in order. */
export function unpackEntries(root: string, written: string[]): Writable {
  let buf: Buffer = Buffer.alloc(0);
  let current: { fd: number; left: number } | null = null;
  let ended = false;
  const step = (): boolean => {
    if (current) {
      const take = Math.min(current.left, buf.length);
      if (take > 0) fs.writeSync(current.fd, buf, 0, take);
      current.left -= take;
      buf = buf.subarray(take);
      if (current.left > 0) return false;
      fs.closeSync(current.fd);
      current = null;
      return true;
    }
    if (buf.length < 2) return false;
    const nameLen = buf.readUInt16BE(0);
    if (nameLen === 0) {
      ended = true;
      buf = buf.subarray(2);
      if (buf.length > 0) throw new BackupError('BACKUP_CORRUPT', { reason: 'data after the last entry' });
      return false;
    }
    if (buf.length < 2 + nameLen + 8) return false;
    const name = buf.subarray(2, 2 + nameLen).toString('utf8');
    const size = Number(buf.readBigUInt64BE(2 + nameLen));
    const target = safeTarget(root, name);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    current = { fd: fs.openSync(target, 'wx', 0o600), left: size };
    written.push(name);
    buf = buf.subarray(2 + nameLen + 8);
    return true;
  };
  return new Writable({
    write(chunk: Buffer, _enc, done) {
      try {
        if (ended && chunk.length > 0) throw new BackupError('BACKUP_CORRUPT', { reason: 'data after the last entry' });
        buf = buf.length === 0 ? chunk : Buffer.concat([buf, chunk]);
        while (step());
        done();
      } catch (error) {
        done(error instanceof Error ? error : new Error(String(error)));
      }
    },
    final(done) {
      if (current) fs.closeSync(current.fd);
      done(ended && !current ? null : new BackupError('BACKUP_CORRUPT', { reason: 'archive ends inside an entry' }));
    },
  });
}
