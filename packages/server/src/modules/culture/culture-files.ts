import fs from 'node:fs';
import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
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

/** The file columns of a row that has no file yet. */
export const NO_FILE = { file_name: null, file_type: null, file_size: null, stored_name: null } as const;

/**
 * Streams the upload through the intake, then stores its columns on the entry or work and audits
 * it in one transaction; a failed commit removes the new file, a success removes the file it replaced.
 */
export async function storeCultureFile(
  ctx: AppContext,
  request: FastifyRequest,
  actor: AuditActor,
  table: 'culture_entry' | 'culture_work',
  row: StoredFile & { id: string },
): Promise<void> {
  const dir = cultureFileDir(ctx);
  const upload = await receiveFile(request, dir, cultureFilePolicy);
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await trx.updateTable(table).set(fileColumns(upload)).where('id', '=', row.id).execute();
      await appendAudit(trx, ctx.clock, actor, {
        eventType: table === 'culture_entry' ? 'culture.entry.file' : 'culture.work.file',
        objectType: table,
        objectId: row.id,
        detail: { fileName: upload.fileName, bytes: upload.size, type: upload.mime },
      });
    });
  } catch (error) {
    fs.rmSync(upload.path, { force: true });
    throw error;
  }
  if (row.stored_name) fs.rmSync(path.join(dir, row.stored_name), { force: true });
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
