import fs from 'node:fs';
import path from 'node:path';
import type { FileCategory } from '@zhenggong/core';
import type { AppContext } from '../../platform/context.ts';
import type { IntakePolicy } from '../../platform/files/intake.ts';
import { acceptBody, type StoredUpload } from '../../platform/files/upload.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { assertEditable, event, findOwn } from './portal/portal-applications.ts';

/**
 * Applicants' photos and documents, stored under DATA_DIR (never under the web root), named by
 * id, and served only through routes that check the owner or the staff scope. Types are decided
 * by the bytes; a refused upload leaves no row and no file behind.
 */
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;
export const FILE_MAX_BYTES = 5 * 1024 * 1024;
export const PHOTO_MIN = { width: 295, height: 413 };
export const PHOTO_MAX = { width: 2000, height: 2000 };

export const uploadDir = (ctx: AppContext) => path.join(ctx.config.dataDir, 'uploads', 'recruitment');

export type UploadRefusal = 'type' | 'not_image' | 'size' | 'dimensions';
const messages: Record<UploadRefusal, { 'zh-CN': string; 'en-US': string }> = {
  type: { 'zh-CN': '文件类型不允许（按文件内容判断）', 'en-US': 'file type not allowed (judged by content)' },
  not_image: { 'zh-CN': '文件内容不是 JPEG 或 PNG 图片', 'en-US': 'the content is not a JPEG or PNG image' },
  size: { 'zh-CN': '文件过大', 'en-US': 'file too large' },
  dimensions: { 'zh-CN': '照片尺寸须在 295×413 至 2000×2000 像素之间', 'en-US': 'the photo must be 295×413 to 2000×2000 pixels' },
};
export const refuse = (reason: UploadRefusal, locale: 'zh-CN' | 'en-US', extra: Record<string, unknown> = {}) =>
  new AppError('RECRUIT_UPLOAD_INVALID', { reason, message: messages[reason][locale], ...extra });

/** Photos and documents pass the platform intake: type by content, PNG/JPEG layout walked, size from the header. */
const photoPolicy: IntakePolicy = { accept: ['jpeg', 'png'], maxBytes: PHOTO_MAX_BYTES, maxImage: PHOTO_MAX };
const filePolicy: IntakePolicy = { accept: ['pdf', 'jpeg', 'png'], maxBytes: FILE_MAX_BYTES, maxImage: { width: 8000, height: 8000 } };

/** The intake's refusals, told in this module's words where the portal has them (the form shows `reason`). */
async function intake(body: Buffer, dir: string, policy: IntakePolicy, locale: 'zh-CN' | 'en-US', name?: string): Promise<StoredUpload> {
  if (body.length > policy.maxBytes) throw refuse('size', locale, { maxBytes: policy.maxBytes });
  try {
    return await acceptBody(body, dir, policy, name);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === 'FILE_IMAGE_TOO_BIG') throw refuse('dimensions', locale, { ...error.details });
    if (error.code === 'FILE_TYPE_REFUSED') throw refuse(error.details?.detected || policy !== photoPolicy ? 'type' : 'not_image', locale);
    if (error.code === 'FILE_CORRUPT') throw refuse('not_image', locale, { detail: error.details?.reason });
    throw error;
  }
}

/** Below the minimum a photo is unusable on the admission ticket; checked after the intake read the header. */
function assertPhotoSize(stored: StoredUpload, locale: 'zh-CN' | 'en-US'): void {
  const size = stored.image;
  if (!size || size.width < PHOTO_MIN.width || size.height < PHOTO_MIN.height) {
    fs.rmSync(stored.path, { force: true });
    throw refuse('dimensions', locale, { ...size });
  }
}

export async function saveOwnPhoto(
  ctx: AppContext,
  applicantId: string,
  id: string,
  body: Buffer,
  locale: 'zh-CN' | 'en-US',
): Promise<void> {
  const row = await findOwn(ctx.db, applicantId, id);
  assertEditable(ctx, row);
  const dir = path.join(uploadDir(ctx), 'photos');
  // A new name per upload: the old photo stays intact until the row points at the new one.
  const stored = await intake(body, dir, photoPolicy, locale);
  assertPhotoSize(stored, locale);
  const file = stored.storedName;
  const type = stored.mime;
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const done = await trx
        .updateTable('recruit_application')
        .set({ photo: file, updated_at: ctx.clock.now().toISOString() })
        .where('id', '=', id)
        .where('status', '=', row.status)
        .where('updated_at', '=', row.updated_at)
        .executeTakeFirst();
      if (Number(done.numUpdatedRows) !== 1) throw new AppError('RECRUIT_NOT_EDITABLE');
      await trx
        .insertInto('recruit_application_event')
        .values(event(ctx, id, 'photo', 'applicant', { bytes: body.length, type }))
        .execute();
    });
  } catch (error) {
    fs.rmSync(path.join(dir, file), { force: true });
    throw error;
  }
  if (row.photo) fs.rmSync(path.join(dir, row.photo), { force: true });
}

export function readPhotoFile(ctx: AppContext, photo: string | null): { type: string; body: Buffer } {
  if (!photo) throw new AppError('NOT_FOUND');
  return { type: photo.endsWith('.png') ? 'image/png' : 'image/jpeg', body: fs.readFileSync(path.join(uploadDir(ctx), 'photos', photo)) };
}

/** A document: PDF, JPEG or PNG by content, at most 5 MiB. */
export async function saveOwnFile(
  ctx: AppContext,
  applicantId: string,
  id: string,
  upload: { category: FileCategory; name: string; body: Buffer },
  locale: 'zh-CN' | 'en-US',
) {
  const row = await findOwn(ctx.db, applicantId, id);
  assertEditable(ctx, row);
  const dir = path.join(uploadDir(ctx), 'files');
  const accepted = await intake(upload.body, dir, filePolicy, locale);
  const fileId = newId();
  const stored = accepted.storedName;
  const type = accepted.mime;
  const name = path.basename(upload.name).slice(0, 200) || stored;
  const now = ctx.clock.now().toISOString();
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('recruit_file')
        .values({
          id: fileId,
          application_id: id,
          category: upload.category,
          name,
          size: upload.body.length,
          type,
          stored,
          city_code: ctx.config.cityCode,
          created_at: now,
        })
        .execute();
      await trx
        .insertInto('recruit_application_event')
        .values(event(ctx, id, 'file', 'applicant', { fileId, category: upload.category, bytes: upload.body.length }))
        .execute();
    });
  } catch (error) {
    fs.rmSync(accepted.path, { force: true });
    throw error;
  }
  return { id: fileId, category: upload.category, name, size: upload.body.length, type, uploadedAt: now };
}

export async function deleteOwnFile(ctx: AppContext, applicantId: string, id: string, fileId: string): Promise<void> {
  const row = await findOwn(ctx.db, applicantId, id);
  const file = await ctx.db
    .selectFrom('recruit_file')
    .selectAll()
    .where('id', '=', fileId)
    .where('application_id', '=', id)
    .executeTakeFirst();
  if (!file) throw new AppError('RECRUIT_FILE_NOT_FOUND');
  assertEditable(ctx, row);
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('recruit_file').where('id', '=', fileId).execute();
    await trx
      .insertInto('recruit_application_event')
      .values(event(ctx, id, 'file_delete', 'applicant', { fileId }))
      .execute();
  });
  fs.rmSync(path.join(uploadDir(ctx), 'files', file.stored), { force: true });
}

/** The stored bytes of one file of one application (the caller has checked who may see it). */
export async function readApplicationFile(ctx: AppContext, applicationId: string, fileId: string) {
  const file = await ctx.db
    .selectFrom('recruit_file')
    .selectAll()
    .where('id', '=', fileId)
    .where('application_id', '=', applicationId)
    .executeTakeFirst();
  if (!file) throw new AppError('RECRUIT_FILE_NOT_FOUND');
  return { type: file.type, name: file.name, body: fs.readFileSync(path.join(uploadDir(ctx), 'files', file.stored)) };
}
