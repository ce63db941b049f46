import fs from 'node:fs';
import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import type { Trx } from '../../db/database.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { IntakePolicy } from '../../platform/files/intake.ts';
import { receiveFile, type StoredUpload } from '../../platform/files/upload.ts';

export const MAX_CULTURE_FILE_BYTES = 20 * 1024 * 1024;

/** Entries and works: Word, PDF and photographs, judged by the platform intake (content, not name). */
export const cultureFilePolicy: IntakePolicy = {
  accept: ['docx', 'pdf', 'png', 'jpeg'],
  maxBytes: MAX_CULTURE_FILE_BYTES,
  maxInflatedBytes: 128 * 1_048_576,
  maxRatio: 100,
};

export const cultureFileDir = (ctx: AppContext) => path.join(ctx.config.dataDir, 'uploads', 'culture');

export interface StoredFile {
  readonly file_name: string | null;
  readonly file_type: string | null;
  readonly stored_name: string | null;
}

/**
 * Streams the upload through the intake, then lets `write` store its columns and audit in one
 * transaction; a failed commit removes the new file, a success removes the file it replaced.
 */
export async function storeCultureFile(
  ctx: AppContext,
  request: FastifyRequest,
  previous: StoredFile,
  write: (trx: Trx, upload: StoredUpload) => Promise<void>,
): Promise<void> {
  const dir = cultureFileDir(ctx);
  const upload = await receiveFile(request, dir, cultureFilePolicy);
  try {
    await ctx.db.transaction().execute((trx) => write(trx, upload));
  } catch (error) {
    fs.rmSync(upload.path, { force: true });
    throw error;
  }
  if (previous.stored_name) fs.rmSync(path.join(dir, previous.stored_name), { force: true });
}

export const fileColumns = (upload: StoredUpload) => ({
  file_name: upload.fileName,
  file_type: upload.mime,
  file_size: upload.size,
  stored_name: upload.storedName,
});

export function readCultureFile(ctx: AppContext, row: StoredFile) {
  if (!row.stored_name || !row.file_type) throw new AppError('CULTURE_FILE_NOT_FOUND');
  return {
    type: row.file_type,
    name: row.file_name ?? row.stored_name,
    body: fs.readFileSync(path.join(cultureFileDir(ctx), row.stored_name)),
  };
}

export const presentFile = (row: StoredFile & { file_size: number | null }) => ({
  fileName: row.file_name,
  fileType: row.file_type,
  fileSize: row.file_size,
});
