import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  ApplicantOfResponse,
  ApplicantViewResponse,
  ApplicationBody,
  fileCategories,
  type FileCategory,
  FileDownload,
  GetPublishedResponse,
  IdParams,
  IssueCaptchaResponse,
  ListOwnApplicationsResponse,
  ListPublishedResponse,
  LoginResponse,
  NoContent,
  OwnScoresResponse,
  pickLocale,
  PortalLoginBody,
  PublicityListResponse,
  RegisterBody,
  RegisterResponse,
  Strict,
  SubmitApplicationResponse,
  UpdateApplicationBody,
  VerificationCodeBody,
} from '@zhenggong/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { nodeCrypto } from '../../../platform/crypto.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { FILE_MAX_BYTES, readApplicationFile, readPhotoFile, refuse, saveOwnFile, saveOwnPhoto, deleteOwnFile } from '../uploads.ts';
import { APPLICANT_COOKIE, applicantView, closeSession, login, register, resolveSession, sendVerificationCode } from './applicant-auth.ts';
import { issueCaptcha } from './captcha.ts';
import { registerPortalCleanup } from './portal-cleanup.ts';
import {
  findOwn,
  getOwnApplication,
  listOwnApplications,
  resubmitOwnApplication,
  submitApplication,
  updateOwnApplication,
} from './portal-applications.ts';
import { getPublished, listPublished, ownScores, ownTicket, publicityList } from './portal-public.ts';
import { loadPortalSettings } from './portal-settings.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Portal route that needs a signed-in applicant (the staff guard treats portal routes as public). */
    applicant?: boolean;
  }
  interface FastifyRequest {
    applicantId: string | null;
    applicantCsrf: string | null;
  }
}

const tags = ['portal'];
const MINUTE = 60_000;
const IdFileParams = Strict({ id: IdParams.properties.id, fileId: IdParams.properties.id });
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{8,64}$/;
/** Raw photo bodies up to this size are read, so an oversized photo is refused with a reason (400), not cut off. */
const PHOTO_PARSE_LIMIT = 8 * 1024 * 1024;

const applicantOf = (req: FastifyRequest): string => {
  if (!req.applicantId) throw new AppError('AUTH_REQUIRED');
  return req.applicantId;
};
const locale = (req: FastifyRequest) => pickLocale(req.headers['accept-language']);

/**
 * The public recruitment portal (招录门户), mounted at /api/v1/portal. All routes are public for the
 * staff guard; those marked `applicant` need the applicant cookie, and writes need the
 * x-portal-csrf header. Every application route filters by the signed-in applicant.
 */
export async function portalRoutes(app: FastifyInstance): Promise<void> {
  const settings = loadPortalSettings(app.ctx);
  const scale = settings.rateScale;
  const secure = app.ctx.config.production;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  app.decorateRequest('applicantId', null);
  app.decorateRequest('applicantCsrf', null);
  registerPortalCleanup(app);
  await app.register(multipart, { limits: { fileSize: FILE_MAX_BYTES, files: 1, fields: 2, parts: 3 }, throwFileSizeLimit: true });
  // Photos arrive as the raw body; the cap here is generous so an oversized photo gets a clear 400.
  app.addContentTypeParser(
    ['image/jpeg', 'image/png', 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: PHOTO_PARSE_LIMIT },
    (_req, body, done) => done(null, body),
  );

  app.addHook('onRequest', async (req, reply) => {
    if (!req.routeOptions.config.applicant) return;
    const token = req.cookies[APPLICANT_COOKIE];
    if (!token) throw new AppError('AUTH_REQUIRED');
    const session = await resolveSession(app.ctx, token);
    if (session === undefined || session === 'expired') {
      reply.clearCookie(APPLICANT_COOKIE, { path: '/api/v1/portal' });
      throw new AppError(session === 'expired' ? 'SESSION_EXPIRED' : 'AUTH_REQUIRED');
    }
    if (!SAFE.has(req.method)) {
      const sent = req.headers['x-portal-csrf'];
      if (typeof sent !== 'string' || !nodeCrypto.timingSafeEqual(sent, session.csrf)) throw new AppError('CSRF_INVALID');
    }
    req.applicantId = session.applicantId;
    req.applicantCsrf = session.csrf;
  });

  const perIp = (max: number) => ({ max: max * scale, timeWindow: MINUTE });
  // Per-account and per-phone limits run after body parsing, keyed by what the body or session names.
  // (createRateLimit, not rateLimit: the latter skips a request the per-IP limit already counted.)
  const perKey = (name: string, max: number, key: (req: FastifyRequest) => string) => {
    const limit = app.createRateLimit({ max: max * scale, timeWindow: MINUTE, keyGenerator: (req) => `portal:${name}:${key(req)}` });
    return async (req: FastifyRequest, reply: FastifyReply) => {
      const result = await limit(req);
      if (!result.isAllowed && result.isExceeded) {
        reply.header('retry-after', result.ttlInSeconds);
        throw new AppError('RATE_LIMITED');
      }
    };
  };
  const perAccount = perKey('account', 30, (req) => req.applicantId ?? req.ip);
  const perPhone = (name: string, max: number) =>
    perKey(name, max, (req) => String((req.body as { phone?: string } | undefined)?.phone ?? req.ip));

  const setSessionCookie = (reply: FastifyReply, token: string) =>
    reply.setCookie(APPLICANT_COOKIE, token, { httpOnly: true, sameSite: 'strict', secure, path: '/api/v1/portal', maxAge: 12 * 3600 });

  r.get('/announcements', { schema: { tags, response: { 200: ListPublishedResponse } }, config: { public: true } }, async () =>
    listPublished(app.ctx),
  );
  r.get(
    '/announcements/:id',
    { schema: { tags, params: IdParams, response: { 200: GetPublishedResponse } }, config: { public: true } },
    async (req) => getPublished(app.ctx, req.params.id),
  );
  r.get(
    '/announcements/:id/publicity',
    { schema: { tags, params: IdParams, response: { 200: PublicityListResponse } }, config: { public: true } },
    async (req) => publicityList(app.ctx, req.params.id),
  );

  r.get(
    '/captcha',
    { schema: { tags, response: { 200: IssueCaptchaResponse } }, config: { public: true, rateLimit: perIp(30) } },
    async (_req, reply) => {
      const { captchaId, svg } = await issueCaptcha(app.ctx);
      return reply.header('Cache-Control', 'no-store').send({ captchaId, svg });
    },
  );
  r.post('/verification-code', {
    schema: { tags, body: VerificationCodeBody, response: { 204: NoContent } },
    config: { public: true, rateLimit: perIp(10) },
    preHandler: perPhone('code', 1),
    handler: async (req, reply) => {
      await sendVerificationCode(app.ctx, req.body.phone, req.body.captchaId, req.body.captchaAnswer);
      return reply.status(204).send();
    },
  });
  r.post('/register', {
    schema: { tags, body: RegisterBody, response: { 201: RegisterResponse } },
    config: { public: true, rateLimit: perIp(20) },
    preHandler: perPhone('register', 5),
    handler: async (req, reply) => {
      const out = await register(app.ctx, req.body.phone, req.body.code, req.body.password);
      setSessionCookie(reply, out.token);
      return reply.status(201).send({ applicant: out.applicant, csrf: out.csrf });
    },
  });
  r.post('/login', {
    schema: { tags, body: PortalLoginBody, response: { 200: LoginResponse } },
    config: { public: true, rateLimit: perIp(20) },
    preHandler: perPhone('login', 10),
    handler: async (req, reply) => {
      const out = await login(app.ctx, req.body.phone, req.body.password, req.body.captchaId, req.body.captchaAnswer);
      setSessionCookie(reply, out.token);
      return { applicant: out.applicant, csrf: out.csrf };
    },
  });
  r.post(
    '/logout',
    { schema: { tags, response: { 204: NoContent } }, config: { public: true, applicant: true, noBody: true } },
    async (req, reply) => {
      await closeSession(app.ctx, req.cookies[APPLICANT_COOKIE] as string);
      reply.clearCookie(APPLICANT_COOKIE, { path: '/api/v1/portal' });
      return reply.status(204).send();
    },
  );
  r.get('/me', { schema: { tags, response: { 200: ApplicantViewResponse } }, config: { public: true, applicant: true } }, async (req) => {
    return { applicant: await applicantView(app.ctx, applicantOf(req)), csrf: req.applicantCsrf };
  });

  r.get(
    '/applications',
    { schema: { tags, response: { 200: ListOwnApplicationsResponse } }, config: { public: true, applicant: true } },
    async (req) => listOwnApplications(app.ctx, applicantOf(req)),
  );
  r.post('/applications', {
    schema: { tags, body: ApplicationBody, response: { 201: SubmitApplicationResponse } },
    config: { public: true, applicant: true, rateLimit: perIp(120) },
    preHandler: perAccount,
    handler: async (req, reply) => {
      const key = req.headers['idempotency-key'];
      if (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key)) throw new AppError('RECRUIT_IDEMPOTENCY_KEY_REQUIRED');
      const out = await submitApplication(app.ctx, applicantOf(req), key, req.body, locale(req));
      if (out.replayed) reply.header('Idempotent-Replayed', 'true');
      return reply.status(201).send(out.application);
    },
  });
  r.get(
    '/applications/:id',
    { schema: { tags, params: IdParams, response: { 200: SubmitApplicationResponse } }, config: { public: true, applicant: true } },
    async (req) => getOwnApplication(app.ctx, applicantOf(req), req.params.id),
  );
  r.patch('/applications/:id', {
    schema: { tags, params: IdParams, body: UpdateApplicationBody, response: { 200: SubmitApplicationResponse } },
    config: { public: true, applicant: true, rateLimit: perIp(120) },
    preHandler: perAccount,
    handler: async (req) => updateOwnApplication(app.ctx, applicantOf(req), req.params.id, req.body, locale(req)),
  });
  r.post('/applications/:id/resubmit', {
    schema: { tags, params: IdParams, response: { 200: SubmitApplicationResponse } },
    config: { public: true, applicant: true, rateLimit: perIp(120), noBody: true },
    preHandler: perAccount,
    handler: async (req) => resubmitOwnApplication(app.ctx, applicantOf(req), req.params.id, locale(req)),
  });
  r.put('/applications/:id/photo', {
    schema: { tags, params: IdParams, consumes: ['image/jpeg', 'image/png', 'application/octet-stream'], response: { 204: NoContent } },
    config: { public: true, applicant: true, rateLimit: perIp(120) },
    preHandler: perAccount,
    handler: async (req, reply) => {
      if (!Buffer.isBuffer(req.body)) throw refuse('not_image', locale(req));
      await saveOwnPhoto(app.ctx, applicantOf(req), req.params.id, req.body, locale(req));
      return reply.status(204).send();
    },
  });
  r.get(
    '/applications/:id/photo',
    { schema: { tags, params: IdParams, response: { 200: FileDownload } }, config: { public: true, applicant: true, sensitive: true } },
    async (req, reply) => {
      const row = await findOwn(app.ctx.db, applicantOf(req), req.params.id);
      const photo = readPhotoFile(app.ctx, row.photo);
      return reply.type(photo.type).header('Cache-Control', 'private, no-store').send(photo.body);
    },
  );
  r.post('/applications/:id/files', {
    schema: { tags, params: IdParams, consumes: ['multipart/form-data'], response: { 201: ApplicantOfResponse } },
    config: { public: true, applicant: true, rateLimit: perIp(120) },
    preHandler: perAccount,
    handler: async (req, reply) => {
      const applicantId = applicantOf(req);
      const loc = locale(req);
      // The application must be the caller's before anything of the upload is looked at.
      await findOwn(app.ctx.db, applicantId, req.params.id);
      if (!req.isMultipart()) throw new AppError('VALIDATION_FAILED', { file: 'multipart/form-data with a file part is required' });
      let category: FileCategory | undefined;
      let upload: { name: string; body: Buffer } | undefined;
      try {
        for await (const part of req.parts()) {
          if (part.type === 'field' && part.fieldname === 'category') category = String(part.value) as FileCategory;
          else if (part.type === 'file' && part.fieldname === 'file') upload = { name: part.filename, body: await part.toBuffer() };
          else if (part.type === 'file') await part.toBuffer();
        }
      } catch (error) {
        if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw refuse('size', loc, { maxBytes: FILE_MAX_BYTES });
        throw error;
      }
      if (!category || !fileCategories.includes(category))
        throw new AppError('VALIDATION_FAILED', { category: `one of ${fileCategories.join(', ')}` });
      if (!upload) throw new AppError('VALIDATION_FAILED', { file: 'missing' });
      return reply.status(201).send(await saveOwnFile(app.ctx, applicantId, req.params.id, { category, ...upload }, loc));
    },
  });
  r.get(
    '/applications/:id/files/:fileId',
    { schema: { tags, params: IdFileParams, response: { 200: FileDownload } }, config: { public: true, applicant: true, sensitive: true } },
    async (req, reply) => {
      await findOwn(app.ctx.db, applicantOf(req), req.params.id);
      const file = await readApplicationFile(app.ctx, req.params.id, req.params.fileId);
      return reply
        .type(file.type)
        .header('Cache-Control', 'private, no-store')
        .header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .send(file.body);
    },
  );
  r.delete('/applications/:id/files/:fileId', {
    schema: { tags, params: IdFileParams, response: { 204: NoContent } },
    config: { public: true, applicant: true, rateLimit: perIp(120) },
    preHandler: perAccount,
    handler: async (req, reply) => {
      await deleteOwnFile(app.ctx, applicantOf(req), req.params.id, req.params.fileId);
      return reply.status(204).send();
    },
  });
  r.get(
    '/applications/:id/ticket',
    { schema: { tags, params: IdParams, response: { 200: FileDownload } }, config: { public: true, applicant: true, sensitive: true } },
    async (req, reply) => {
      const pdf = await ownTicket(app.ctx, applicantOf(req), req.params.id);
      return reply
        .type('application/pdf')
        .header('Cache-Control', 'private, no-store')
        .header('Content-Disposition', 'inline; filename="ticket.pdf"')
        .send(pdf);
    },
  );
  r.get(
    '/applications/:id/scores',
    { schema: { tags, params: IdParams, response: { 200: OwnScoresResponse } }, config: { public: true, applicant: true } },
    async (req) => ownScores(app.ctx, applicantOf(req), req.params.id),
  );
}
