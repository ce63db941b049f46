import fs from 'node:fs';
import { Transform, type Readable, type TransformCallback } from 'node:stream';
import zlib from 'node:zlib';
import { AppError } from '../http/app-error.ts';

/**
 * Just enough of the ZIP format (APPNOTE 6.3) to vet an uploaded xlsx before any XML parser sees
 * it: the central directory is read and checked (entry count, declared sizes, no encryption, no
 * ZIP64, only stored/deflated entries), and entries are inflated here with the *actual* inflated
 * bytes counted, so a zip bomb that lies in its directory is stopped by what it really produces
 * (SECURITY.md finding 6, ASVS 5.2.3).
 */
export interface ZipEntry {
  readonly name: string;
  readonly method: 0 | 8;
  readonly crc32: number;
  readonly compressedSize: number;
  readonly uncompressedSize: number;
  readonly localHeaderOffset: number;
}

export interface ZipLimits {
  readonly maxEntries: number;
  /** Sum of the inflated sizes of the entries the importer reads. */
  readonly maxInflatedBytes: number;
  /**
   * Inflated bytes per compressed byte an entry may reach once past RATIO_FLOOR_BYTES. Real
   * office parts stay under about 100:1; repeated XML built to exhaust memory deflates ~1000:1.
   */
  readonly maxRatio?: number;
}

/** Ratios are judged only past this size: tiny parts (an empty styles.xml) compress absurdly well. */
export const RATIO_FLOOR_BYTES = 1_048_576;
export const DEFAULT_MAX_RATIO = 200;

const EOCD_SIG = 0x06054b50;
const CDH_SIG = 0x02014b50;
const LFH_SIG = 0x04034b50;

const notXlsx = (reason: string) => new AppError('IMPORT_NOT_XLSX', { reason });
const tooLarge = (max: number) => new AppError('IMPORT_XLSX_TOO_LARGE', { maxMb: Math.round(max / 1_048_576) });
const tooDense = (max = DEFAULT_MAX_RATIO) => new AppError('IMPORT_XLSX_RATIO', { max });
const ratioExceeded = (inflated: number, compressed: number, max = DEFAULT_MAX_RATIO): boolean =>
  inflated > RATIO_FLOOR_BYTES && inflated > max * Math.max(compressed, 1);

export async function readZipDirectory(file: string, limits: ZipLimits): Promise<ZipEntry[]> {
  const fh = await fs.promises.open(file, 'r');
  try {
    const { size } = await fh.stat();
    // The end-of-central-directory record is 22 bytes plus a comment of at most 65,535.
    const tailLength = Math.min(size, 22 + 65_535);
    const tail = Buffer.alloc(tailLength);
    await fh.read(tail, 0, tailLength, size - tailLength);
    let eocd = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD_SIG) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) throw notXlsx('no zip directory');
    const count = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) throw notXlsx('zip64');
    if (count > limits.maxEntries) throw notXlsx('too many zip entries');
    if (cdOffset + cdSize > size) throw notXlsx('zip directory out of bounds');
    const cd = Buffer.alloc(cdSize);
    await fh.read(cd, 0, cdSize, cdOffset);
    const entries: ZipEntry[] = [];
    let p = 0;
    for (let n = 0; n < count; n++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== CDH_SIG) throw notXlsx('corrupt zip directory');
      const flags = cd.readUInt16LE(p + 8);
      const method = cd.readUInt16LE(p + 10);
      const nameLength = cd.readUInt16LE(p + 28);
      const skip = nameLength + cd.readUInt16LE(p + 30) + cd.readUInt16LE(p + 32);
      const entry = {
        name: cd.toString('utf8', p + 46, p + 46 + nameLength),
        method: method as 0 | 8,
        crc32: cd.readUInt32LE(p + 16),
        compressedSize: cd.readUInt32LE(p + 20),
        uncompressedSize: cd.readUInt32LE(p + 24),
        localHeaderOffset: cd.readUInt32LE(p + 42),
      };
      if (flags & 0x1) throw notXlsx('encrypted entry');
      if (method !== 0 && method !== 8) throw notXlsx('unsupported compression');
      if (entry.localHeaderOffset + entry.compressedSize > size) throw notXlsx('zip entry out of bounds');
      entries.push(entry);
      p += 46 + skip;
    }
    return entries;
  } finally {
    await fh.close();
  }
}

/** Refuses, before inflating anything, entries whose declared size or ratio is out of bounds. */
export function assertDeclaredBounds(entries: readonly ZipEntry[], limits: ZipLimits): void {
  for (const entry of entries) {
    if (entry.uncompressedSize > limits.maxInflatedBytes) throw tooLarge(limits.maxInflatedBytes);
    if (ratioExceeded(entry.uncompressedSize, entry.compressedSize, limits.maxRatio)) throw tooDense(limits.maxRatio);
  }
}

/** Shared by every entry of one file: the total inflated bytes allowed and used so far. */
export interface InflateBudget {
  readonly max: number;
  used: number;
  readonly maxRatio?: number;
}

/** Counts what inflation really produces and fails past the declared size or the budget. */
class InflateCounter extends Transform {
  private seen = 0;
  /** Compressed bytes read from the file so far (read ahead of inflation, so the ratio is judged low, never high). */
  compressed = 0;
  /** Closed with the file stream feeding it, so 'close' means the file descriptor is released. */
  source: Readable | undefined;
  constructor(
    private readonly entry: ZipEntry,
    private readonly budget: InflateBudget,
    private readonly onBytes: (n: number) => void,
  ) {
    super();
  }
  override _transform(chunk: Buffer, _enc: BufferEncoding, done: TransformCallback): void {
    this.seen += chunk.length;
    this.budget.used += chunk.length;
    if (this.budget.used > this.budget.max) return done(tooLarge(this.budget.max));
    // Judged while inflating, so a bomb whose directory lies is stopped after a few megabytes.
    if (ratioExceeded(this.seen, this.compressed, this.budget.maxRatio)) return done(tooDense(this.budget.maxRatio));
    if (this.seen > this.entry.uncompressedSize) return done(notXlsx(`${this.entry.name} inflates beyond its declared size`));
    this.onBytes(chunk.length);
    done(null, chunk);
  }
  override _destroy(error: Error | null, done: (error?: Error | null) => void): void {
    const source = this.source;
    if (!source || source.closed) return done(error);
    source.once('close', () => done(error));
    source.destroy();
  }
  override _flush(done: TransformCallback): void {
    done(this.seen === this.entry.uncompressedSize ? null : notXlsx(`${this.entry.name} inflates to other than its declared size`));
  }
}

/** The inflated bytes of one entry, counted against the budget. */
export async function openEntry(
  file: string,
  entry: ZipEntry,
  budget: InflateBudget,
  onBytes: (n: number) => void = () => {},
): Promise<Readable> {
  const fh = await fs.promises.open(file, 'r');
  let dataStart: number;
  try {
    const header = Buffer.alloc(30);
    await fh.read(header, 0, 30, entry.localHeaderOffset);
    if (header.readUInt32LE(0) !== LFH_SIG) throw notXlsx('corrupt zip entry header');
    dataStart = entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  } finally {
    await fh.close();
  }
  const counter = new InflateCounter(entry, budget, onBytes);
  if (entry.compressedSize === 0) {
    counter.end();
    return counter;
  }
  const raw = fs.createReadStream(file, { start: dataStart, end: dataStart + entry.compressedSize - 1 });
  const inflate = entry.method === 8 ? zlib.createInflateRaw() : undefined;
  const forward = (err: Error) => counter.destroy(err instanceof AppError ? err : notXlsx(err.message));
  raw.on('error', forward);
  raw.on('data', (chunk) => {
    counter.compressed += chunk.length;
  });
  inflate?.on('error', forward);
  (inflate ? raw.pipe(inflate) : raw).pipe(counter);
  // Stopping early (too many rows, client gone) must not leave the file open.
  counter.source = raw;
  counter.on('close', () => inflate?.destroy());
  return counter;
}
