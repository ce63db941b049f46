import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { readZipDirectory } from '../../platform/files/zip-entries.ts';

/**
 * Courseware files (课件/微课): stored under DATA_DIR/uploads/courseware with a server-made name
 * (never the user's, never under the web root), typed by their bytes — not by the name or the
 * declared MIME type — and capped in size while they stream in (ASVS 5.2.1–5.3.2).
 */
export const COURSEWARE_MAX_BYTES = 200 * 1_048_576;

export const FILE_TYPES = {
  pdf: { mime: 'application/pdf', ext: '.pdf' },
  pptx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', ext: '.pptx' },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', ext: '.docx' },
  mp4: { mime: 'video/mp4', ext: '.mp4' },
} as const;
export type FileType = keyof typeof FILE_TYPES;

export const coursewareDir = (ctx: AppContext) => {
  const dir = path.join(ctx.config.dataDir, 'uploads', 'courseware');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
};

/** The type the bytes say: %PDF-, an ISO-BMFF `ftyp` box (MP4), or an OOXML zip with its main part. */
export async function sniffFile(file: string): Promise<FileType | undefined> {
  const fh = await fs.promises.open(file, 'r');
  const head = Buffer.alloc(12);
  try {
    await fh.read(head, 0, 12, 0);
  } finally {
    await fh.close();
  }
  if (head.subarray(0, 5).toString('latin1') === '%PDF-') return 'pdf';
  if (head.subarray(4, 8).toString('latin1') === 'ftyp') return 'mp4';
  if (head.readUInt32LE(0) === 0x04034b50) {
    const names = new Set(
      (await readZipDirectory(file, { maxEntries: 5000, maxInflatedBytes: COURSEWARE_MAX_BYTES * 4 }).catch(() => [])).map((e) => e.name),
    );
    if (!names.has('[Content_Types].xml')) return undefined;
    if (names.has('ppt/presentation.xml')) return 'pptx';
    if (names.has('word/document.xml')) return 'docx';
  }
  return undefined;
}

/** Base name only, printable characters only: it is shown and goes into Content-Disposition. */
export const cleanFileName = (name: string): string =>
  [...(name.split(/[\\/]/).pop() ?? '')]
    .filter((c) => c >= ' ' && c !== '\u007f' && c !== '"')
    .join('')
    .slice(0, 120) || 'courseware';

/** Streams the multipart field `file` to a new server-named file; nothing is buffered in memory. */
export async function receiveCourseware(request: FastifyRequest, dir: string) {
  if (!request.isMultipart()) throw new AppError('IMPORT_NOT_MULTIPART');
  const part = await request.file({ limits: { fileSize: COURSEWARE_MAX_BYTES, files: 1, fields: 0, parts: 1 } });
  if (!part || part.fieldname !== 'file') throw new AppError('IMPORT_NOT_MULTIPART');
  const storageName = newId();
  const target = path.join(dir, storageName);
  const hash = crypto.createHash('sha256');
  let size = 0;
  const count = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      hash.update(chunk);
      done(null, chunk);
    },
  });
  const tooLarge = () => new AppError('COURSEWARE_FILE_TOO_LARGE', { maxMb: Math.round(COURSEWARE_MAX_BYTES / 1_048_576) });
  try {
    await pipeline(part.file, count, fs.createWriteStream(target, { mode: 0o600, flags: 'wx' }));
    if (part.file.truncated) throw tooLarge();
  } catch (error) {
    await fs.promises.rm(target, { force: true });
    if (error instanceof AppError) throw error;
    if (typeof error === 'object' && error !== null && 'code' in error && error.code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
    throw new AppError('IMPORT_NOT_MULTIPART');
  }
  return { path: target, storageName, fileName: cleanFileName(part.filename), size, sha256: hash.digest('hex') };
}
