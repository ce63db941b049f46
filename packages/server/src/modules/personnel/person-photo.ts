import fs from 'node:fs';
import path from 'node:path';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { FileDownload, IdParams, NoContent } from '@zhenggong/core';
import type { FastifyInstance } from 'fastify';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import type { IntakePolicy } from '../../platform/files/intake.ts';
import { acceptBody } from '../../platform/files/upload.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { actorOf, scopeOf } from '../../platform/http/request-context.ts';
import { findPersonInScope } from './person-queries.ts';

const MAX_PHOTO_BYTES = 2 * 1024 * 1024;
const kinds = { 'image/jpeg': 'jpg', 'image/png': 'png' } as const;
type PhotoType = keyof typeof kinds;
/** Judged by the platform intake: JPEG or PNG by content and header layout, size from the header (no decode). */
const photoPolicy: IntakePolicy = { accept: ['jpeg', 'png'], maxBytes: MAX_PHOTO_BYTES, maxImage: { width: 6000, height: 6000 } };

const photoDir = (ctx: AppContext) => path.join(ctx.config.dataDir, 'uploads', 'photos');

/** `body` is what Fastify parsed: a Buffer for image types, but nothing for an empty request and an object for JSON. */
export async function savePhoto(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, personId: string, body: unknown): Promise<void> {
  const dir = photoDir(ctx);
  // Scope first: an out-of-scope person answers 404 before a byte is written.
  if (!(await findPersonInScope(ctx.db, scope, personId))) throw new AppError('PERSON_NOT_FOUND');
  if (!Buffer.isBuffer(body)) throw new AppError('PERSON_PHOTO_INVALID');
  const stored = await acceptBody(body, dir, photoPolicy, 'photo');
  let old: string | null = null;
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const person = await findPersonInScope(trx, scope, personId);
      if (!person) throw new AppError('PERSON_NOT_FOUND');
      old = person.photo;
      await trx
        .updateTable('person')
        .set({ photo: stored.storedName, updated_at: ctx.clock.now().toISOString() })
        .where('id', '=', personId)
        .execute();
      await appendAudit(trx, ctx.clock, actor, {
        eventType: 'person.photo',
        objectType: 'person',
        objectId: personId,
        detail: { bytes: body.length, type: stored.mime },
      });
    });
  } catch (error) {
    fs.rmSync(stored.path, { force: true });
    throw error;
  }
  if (old) fs.rmSync(path.join(dir, old), { force: true });
}

export async function readPhoto(ctx: AppContext, scope: ResolvedScope, personId: string): Promise<{ type: PhotoType; body: Buffer }> {
  const person = await findPersonInScope(ctx.db, scope, personId);
  if (!person?.photo) throw new AppError('NOT_FOUND');
  const body = fs.readFileSync(path.join(photoDir(ctx), person.photo));
  return { type: person.photo.endsWith('.png') ? 'image/png' : 'image/jpeg', body };
}

/** Photos (照片) for profiles and the 任免审批表: JPEG or PNG up to 2 MiB, sent as the raw body. */
export async function personPhotoRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  app.addContentTypeParser(Object.keys(kinds), { parseAs: 'buffer', bodyLimit: MAX_PHOTO_BYTES }, (_req, body, done) => done(null, body));
  r.put('/people/:id/photo', {
    schema: { tags: ['personnel'], params: IdParams, consumes: Object.keys(kinds), response: { 204: NoContent } },
    config: { permission: 'personnel:write' },
    handler: async (req, reply) => {
      await savePhoto(app.ctx, await scopeOf(req), actorOf(req), req.params.id, req.body);
      return reply.status(204).send();
    },
  });
  r.get('/people/:id/photo', {
    schema: { tags: ['personnel'], params: IdParams, response: { 200: FileDownload } },
    config: { permission: 'personnel:read', auditView: { eventType: 'person.photo_view', objectType: 'person' } },
    handler: async (req, reply) => {
      const photo = await readPhoto(app.ctx, await scopeOf(req), req.params.id);
      return reply.type(photo.type).header('Cache-Control', 'private, no-store').send(photo.body);
    },
  });
}
