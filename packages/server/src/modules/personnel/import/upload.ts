import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/http/app-error.ts';
import { newId } from '../../../platform/ids.ts';

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
const cleanName = (name: string): string => [...(name.split(/[\\/]/).pop() ?? '')].filter((c) => c >= ' ' && c !== '\u007f').join('').slice(0, 120) || 'upload.xlsx';

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

const isFileTooLarge = (error: unknown): boolean => typeof error === 'object' && error !== null && 'code' in error && error.code === 'FST_REQ_FILE_TOO_LARGE';
