import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../http/app-error.ts';
import { newId } from '../ids.ts';
import { inspectFile, type Inspected, type IntakePolicy } from './intake.ts';

/**
 * Uploaded rosters go to DATA_DIR/tmp (never the OS temp dir), readable by the service account
 * only, and are deleted when the import ends — on success and on failure (L3-CES1-33 b). A file
 * left by a killed process is removed at the next start (sweepImportFiles).
 */
export interface Upload {
  readonly path: string;
  /** The name the user's file had, without any directory part, for messages and the audit row. */
  readonly fileName: string;
}

const PREFIX = 'import-';

export function importTmpDir(dataDir: string): string {
  const dir = path.join(dataDir, 'tmp');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/** Deletes uploads a previous process left behind (kill -9 mid-import). */
export function sweepImportFiles(dir: string): void {
  for (const name of fs.readdirSync(dir)) if (name.startsWith(PREFIX)) fs.rmSync(path.join(dir, name), { force: true });
}

/** The base name only, printable characters only (it goes into the audit row and the report's file name). */
export const cleanName = (name: string, fallback = 'upload.xlsx'): string =>
  [...(name.split(/[\\/]/).pop() ?? '')]
    .filter((c) => c >= ' ' && c !== '\u007f' && c !== '"')
    .join('')
    .slice(0, 120) || fallback;

/** Streams the multipart field `file` to disk with the size cap; nothing is buffered in memory. */
export async function receiveUpload(request: FastifyRequest, dir: string, maxBytes: number): Promise<Upload> {
  if (!request.isMultipart()) throw new AppError('IMPORT_NOT_MULTIPART');
  const part = await request.file({ limits: { fileSize: maxBytes, files: 1, fields: 0, parts: 1 } });
  if (!part || part.fieldname !== 'file') throw new AppError('IMPORT_NOT_MULTIPART');
  const target = path.join(dir, `${PREFIX}${newId()}.xlsx`);
  try {
    await pipeline(part.file, fs.createWriteStream(target, { mode: 0o600, flags: 'wx' }));
    if (part.file.truncated) throw new AppError('IMPORT_FILE_TOO_LARGE', { maxMb: Math.round(maxBytes / 1_048_576) });
  } catch (error) {
    await fs.promises.rm(target, { force: true });
    if (error instanceof AppError) throw error;
    if (isFileTooLarge(error)) throw new AppError('IMPORT_FILE_TOO_LARGE', { maxMb: Math.round(maxBytes / 1_048_576) });
    throw new AppError('IMPORT_NOT_MULTIPART');
  }
  return { path: target, fileName: cleanName(part.filename) };
}

const isFileTooLarge = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && 'code' in error && error.code === 'FST_REQ_FILE_TOO_LARGE';

/** A file that passed the intake and now lies, complete, under its final server-made name. */
export interface StoredUpload extends Inspected {
  readonly path: string;
  /** The server-made file name inside the target directory (`<id>.<ext>`). */
  readonly storedName: string;
  readonly fileName: string;
  readonly sha256: string;
}

const INCOMING = '.incoming-';
/** Stored names: `<id>.<ext>`, or the bare id where a column was sized for one (courseware). */
type Naming = 'id.ext' | 'id';

/** Judges the temp file; renames it into place on success (atomic on one file system), deletes it on refusal. */
async function settle(
  tmp: string,
  dir: string,
  policy: IntakePolicy,
  fileName: string,
  sha256: string,
  naming: Naming = 'id.ext',
): Promise<StoredUpload> {
  try {
    const inspected = await inspectFile(tmp, policy);
    const storedName = naming === 'id' ? newId() : `${newId()}.${inspected.ext}`;
    const target = path.join(dir, storedName);
    await fs.promises.rename(tmp, target);
    return { ...inspected, path: target, storedName, fileName, sha256 };
  } catch (error) {
    await fs.promises.rm(tmp, { force: true });
    throw error;
  }
}

/**
 * Streams the multipart field `file` into `dir` through the intake: capped while it streams,
 * judged by its content, and only then given its final name. On refusal nothing is left behind.
 */
export async function receiveFile(
  request: FastifyRequest,
  dir: string,
  policy: IntakePolicy,
  naming: Naming = 'id.ext',
): Promise<StoredUpload> {
  if (!request.isMultipart()) throw new AppError('FILE_NOT_MULTIPART');
  const part = await request.file({ limits: { fileSize: policy.maxBytes, files: 1, fields: 0, parts: 1 } });
  if (!part || part.fieldname !== 'file') throw new AppError('FILE_NOT_MULTIPART');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tmp = path.join(dir, `${INCOMING}${newId()}`);
  const hash = crypto.createHash('sha256');
  const tooLarge = () => new AppError('FILE_TOO_LARGE', { maxMb: Math.round(policy.maxBytes / 1_048_576) });
  try {
    await pipeline(
      part.file,
      async function* (source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          hash.update(chunk);
          yield chunk;
        }
      },
      fs.createWriteStream(tmp, { mode: 0o600, flags: 'wx' }),
    );
    if (part.file.truncated) throw tooLarge();
  } catch (error) {
    await fs.promises.rm(tmp, { force: true });
    if (error instanceof AppError) throw error;
    if (isFileTooLarge(error)) throw tooLarge();
    throw new AppError('FILE_NOT_MULTIPART');
  }
  return settle(tmp, dir, policy, cleanName(part.filename), hash.digest('hex'), naming);
}

/** The same intake for a body already read (raw image uploads of a few MB). */
export async function acceptBody(body: Buffer, dir: string, policy: IntakePolicy, fileName = 'upload'): Promise<StoredUpload> {
  if (body.length > policy.maxBytes) throw new AppError('FILE_TOO_LARGE', { maxMb: Math.round(policy.maxBytes / 1_048_576) });
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const tmp = path.join(dir, `${INCOMING}${newId()}`);
  await fs.promises.writeFile(tmp, body, { mode: 0o600, flag: 'wx' });
  return settle(tmp, dir, policy, fileName, crypto.createHash('sha256').update(body).digest('hex'));
}

/** Removes half-received uploads a killed process left in `dir`. */
export function sweepIncoming(dir: string): void {
  if (!fs.existsSync(dir)) return;
  for (const name of fs.readdirSync(dir)) if (name.startsWith(INCOMING)) fs.rmSync(path.join(dir, name), { force: true });
}
