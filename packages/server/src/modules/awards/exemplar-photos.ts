import fs from 'node:fs';
import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import { PostgresAdapter } from 'kysely';
import type { Executor, Trx } from '../../db/database.ts';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import type { IntakePolicy } from '../../platform/files/intake.ts';
import { receiveFile } from '../../platform/files/upload.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { scopedPeople } from '../personnel/people.ts';

/**
 * Photos of an exemplar (典型库照片) for publicity: JPEG or PNG through the platform intake
 * (judged by content and header layout, markup refused, size capped while streaming), stored
 * under server-made names; the library row keeps the list. Scoped through the person's unit.
 */
export const MAX_EXEMPLAR_PHOTOS = 12;
export const MAX_PHOTO_BYTES = 8 * 1_048_576;
const photoPolicy: IntakePolicy = { accept: ['jpeg', 'png'], maxBytes: MAX_PHOTO_BYTES, maxImage: { width: 8000, height: 8000 } };
const photoDir = (ctx: AppContext) => path.join(ctx.config.dataDir, 'uploads', 'exemplars');
/** Stored names are `<uuid>.<png|jpg>`: anything else in a URL never reaches the file system. */
const STORED_NAME = /^[0-9a-f-]{36}\.(?:png|jpg)$/;

export const photosOf = (row: { photo_file_ids: string }): string[] => JSON.parse(row.photo_file_ids) as string[];

/** The exemplar, when its person lies in the caller's scope; 404 otherwise (existence is not confirmed). */
async function exemplarInScope(db: Executor, scope: ResolvedScope, id: string) {
  const row = await db
    .selectFrom('exemplar as e')
    .innerJoin(scopedPeople(db, scope).as('p'), 'p.id', 'e.person_id')
    .select(['e.id', 'e.photo_file_ids'])
    .where('e.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('EXEMPLAR_NOT_FOUND');
  return row;
}

/** In scope, and locked on PostgreSQL so two uploads at once do not both append to the list they read (SQLite writes one at a time). */
async function lockedInScope(trx: Trx, scope: ResolvedScope, id: string): Promise<string[]> {
  await exemplarInScope(trx, scope, id);
  const pg = trx.getExecutor().adapter instanceof PostgresAdapter;
  const row = await trx
    .selectFrom('exemplar')
    .select('photo_file_ids')
    .where('id', '=', id)
    .$call((q) => (pg ? q.forUpdate() : q))
    .executeTakeFirstOrThrow();
  return photosOf(row);
}

export async function addExemplarPhoto(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string, request: FastifyRequest) {
  // Scope and room first: nothing is received for an exemplar the caller cannot reach.
  if (photosOf(await exemplarInScope(ctx.db, scope, id)).length >= MAX_EXEMPLAR_PHOTOS)
    throw new AppError('EXEMPLAR_PHOTOS_FULL', { max: MAX_EXEMPLAR_PHOTOS });
  const upload = await receiveFile(request, photoDir(ctx), photoPolicy);
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const photos = await lockedInScope(trx, scope, id);
      if (photos.length >= MAX_EXEMPLAR_PHOTOS) throw new AppError('EXEMPLAR_PHOTOS_FULL', { max: MAX_EXEMPLAR_PHOTOS });
      await trx
        .updateTable('exemplar')
        .set({ photo_file_ids: JSON.stringify([...photos, upload.storedName]) })
        .where('id', '=', id)
        .execute();
      await appendAudit(trx, ctx.clock, actor, {
        eventType: 'exemplars.photo.add',
        objectType: 'exemplar',
        objectId: id,
        detail: { photo: upload.storedName, fileName: upload.fileName, bytes: upload.size, type: upload.mime, sha256: upload.sha256 },
      });
    });
  } catch (error) {
    fs.rmSync(upload.path, { force: true });
    throw error;
  }
  return { id: upload.storedName };
}

export async function readExemplarPhoto(ctx: AppContext, scope: ResolvedScope, id: string, photo: string) {
  const row = await exemplarInScope(ctx.db, scope, id);
  if (!STORED_NAME.test(photo) || !photosOf(row).includes(photo)) throw new AppError('EXEMPLAR_PHOTO_NOT_FOUND');
  return { type: photo.endsWith('.png') ? 'image/png' : 'image/jpeg', body: await fs.promises.readFile(path.join(photoDir(ctx), photo)) };
}

export async function removeExemplarPhoto(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string, photo: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const photos = await lockedInScope(trx, scope, id);
    if (!STORED_NAME.test(photo) || !photos.includes(photo)) throw new AppError('EXEMPLAR_PHOTO_NOT_FOUND');
    await trx
      .updateTable('exemplar')
      .set({ photo_file_ids: JSON.stringify(photos.filter((p) => p !== photo)) })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'exemplars.photo.remove',
      objectType: 'exemplar',
      objectId: id,
      detail: { photo },
    });
  });
  fs.rmSync(path.join(photoDir(ctx), photo), { force: true });
}
