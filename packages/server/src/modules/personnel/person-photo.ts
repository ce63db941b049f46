import fs from 'node:fs';
import path from 'node:path';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams } from '@zhenggong/core';
import type { FastifyInstance } from 'fastify';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { actorOf, scopeOf } from '../../platform/http/request-context.ts';
import { findPersonInScope } from './person-queries.ts';

const MAX_PHOTO_BYTES = 2 * 1024 * 1024;
const kinds = { 'image/jpeg': 'jpg', 'image/png': 'png' } as const;
type PhotoType = keyof typeof kinds;

/** The content must be what its type says: JPEG starts FF D8 FF, PNG with its 8-byte signature. */
function sniff(body: Buffer): PhotoType | undefined {
  if (body.length > 3 && body[0] === 0xff && body[1] === 0xd8 && body[2] === 0xff) return 'image/jpeg';
  if (body.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  return undefined;
}

const photoDir = (ctx: AppContext) => path.join(ctx.config.dataDir, 'uploads', 'photos');

/**
 * `body` is whatever Fastify parsed: a Buffer for image types, but nothing for an empty request
 * and an object for JSON. The person is looked up in scope first, so a caller outside scope
 * learns nothing from the content check; then anything but a real JPEG/PNG is a clear 400.
 */
export async function savePhoto(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, personId: string, declared: string, body: unknown): Promise<void> {
  const dir = photoDir(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const person = await findPersonInScope(trx, scope, personId);
    if (!person) throw new AppError('PERSON_NOT_FOUND');
    const type = Buffer.isBuffer(body) ? sniff(body) : undefined;
    if (!Buffer.isBuffer(body) || !type || type !== declared) throw new AppError('PERSON_PHOTO_INVALID');
    const file = `${personId}.${kinds[type]}`;
    fs.mkdirSync(dir, { recursive: true });
    // Write to a temp name and rename, so a crash never leaves half a photo under the real name.
    const tmp = path.join(dir, `.${file}.${process.pid}.tmp`);
    fs.writeFileSync(tmp, body, { mode: 0o600 });
    fs.renameSync(tmp, path.join(dir, file));
    if (person.photo && person.photo !== file) fs.rmSync(path.join(dir, person.photo), { force: true });
    await trx.updateTable('person').set({ photo: file, updated_at: ctx.clock.now().toISOString() }).where('id', '=', personId).execute();
    await appendAudit(trx, ctx.clock, actor, { eventType: 'person.photo', objectType: 'person', objectId: personId, detail: { bytes: body.length, type } });
  });
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
    schema: { tags: ['personnel'], params: IdParams, consumes: Object.keys(kinds) },
    config: { permission: 'personnel:write' },
    handler: async (req, reply) => {
      await savePhoto(app.ctx, await scopeOf(req), actorOf(req), req.params.id, String(req.headers['content-type']).split(';')[0] ?? '', req.body);
      return reply.status(204).send();
    },
  });
  r.get('/people/:id/photo', {
    schema: { tags: ['personnel'], params: IdParams },
    config: { permission: 'personnel:read' },
    handler: async (req, reply) => {
      const photo = await readPhoto(app.ctx, await scopeOf(req), req.params.id);
      return reply.type(photo.type).header('Cache-Control', 'private, no-store').send(photo.body);
    },
  });
}
