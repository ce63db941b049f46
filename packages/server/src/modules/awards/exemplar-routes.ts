import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AnnounceBody,
  BallotBody,
  CampaignBody,
  CampaignDetail,
  CampaignList,
  CandidateBody,
  ExemplarPhotoParams,
  FileDownload,
  IdParams,
  IdResponse,
  LibraryView,
  NoContent,
  SuspiciousQuery,
  SuspiciousReport,
} from '@zhenggong/core';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { actorOf, principalOf, scopeOf } from '../../platform/http/request-context.ts';
import { addExemplarPhoto, MAX_PHOTO_BYTES, readExemplarPhoto, removeExemplarPhoto } from './exemplar-photos.ts';
import { exemplarLibrary, exemplarLibraryXlsx } from './library.ts';
import {
  announce,
  campaignDetail,
  createCampaign,
  listCampaigns,
  moveCampaign,
  nominateCandidate,
  staffVote,
  suspiciousReport,
} from './exemplars.ts';
import { XLSX_MIME } from './award-stats.ts';
import { attachment } from './routes.ts';

const NominatedResponse = Type.Object({ id: Type.String(), caseId: Type.String() });

/** Exemplar campaigns (典型选树), mounted at /api/v1/exemplars. */
export async function exemplarRoutes(app: FastifyInstance): Promise<void> {
  // Scoped to this plugin: only the library photo upload reads multipart bodies.
  await app.register(multipart, { limits: { fileSize: MAX_PHOTO_BYTES, files: 1, fields: 0, parts: 1 } });
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['exemplars'];
  const ctx = () => app.ctx;

  r.post('/campaigns', {
    schema: { tags, body: CampaignBody, response: { 201: IdResponse } },
    config: { permission: 'exemplars:manage' },
    handler: async (req, reply) =>
      reply
        .status(201)
        .send(await createCampaign(ctx(), await scopeOf(req), { ...actorOf(req), userId: principalOf(req).userId }, req.body)),
  });
  r.get('/campaigns', {
    schema: { tags, response: { 200: CampaignList } },
    config: { permission: 'exemplars:vote' },
    handler: async (req) => listCampaigns(ctx(), await scopeOf(req, 'exemplars:read'), principalOf(req)),
  });
  r.get('/campaigns/:id', {
    schema: { tags, params: IdParams, response: { 200: CampaignDetail } },
    config: { permission: 'exemplars:vote' },
    handler: async (req) => campaignDetail(ctx(), await scopeOf(req, 'exemplars:manage'), principalOf(req), req.params.id),
  });
  r.post('/campaigns/:id/candidates', {
    schema: { tags, params: IdParams, body: CandidateBody, response: { 201: NominatedResponse } },
    config: { permission: 'exemplars:nominate' },
    handler: async (req, reply) =>
      reply.status(201).send(await nominateCandidate(ctx(), await scopeOf(req), principalOf(req), actorOf(req), req.params.id, req.body)),
  });
  for (const step of ['open-voting', 'close-voting'] as const)
    r.post(`/campaigns/:id/${step}`, {
      schema: { tags, params: IdParams, response: { 200: IdResponse } },
      config: { permission: 'exemplars:manage', noBody: true },
      handler: async (req) => moveCampaign(ctx(), await scopeOf(req), actorOf(req), req.params.id, step),
    });
  r.post('/campaigns/:id/ballots', {
    schema: { tags, params: IdParams, body: BallotBody, response: { 201: IdResponse } },
    config: { permission: 'exemplars:vote' },
    handler: async (req, reply) =>
      reply
        .status(201)
        .send(await staffVote(ctx(), await scopeOf(req, 'exemplars:manage'), principalOf(req), req.ip, req.params.id, req.body)),
  });
  r.get('/campaigns/:id/suspicious', {
    schema: { tags, params: IdParams, querystring: SuspiciousQuery, response: { 200: SuspiciousReport } },
    config: { permission: 'exemplars:manage' },
    handler: async (req) =>
      suspiciousReport(ctx(), await scopeOf(req), req.params.id, req.query.windowMinutes ?? 10, req.query.threshold ?? 5),
  });
  r.post('/campaigns/:id/announce', {
    schema: { tags, params: IdParams, body: AnnounceBody, response: { 200: IdResponse } },
    config: { permission: 'exemplars:manage' },
    handler: async (req) => announce(ctx(), await scopeOf(req), actorOf(req), req.params.id, req.body),
  });
  r.get('/library', {
    schema: { tags, response: { 200: LibraryView } },
    config: { permission: 'exemplars:read' },
    handler: async (req) => exemplarLibrary(ctx(), await scopeOf(req)),
  });
  r.post('/library/:id/photos', {
    schema: { tags, params: IdParams, consumes: ['multipart/form-data'], response: { 201: IdResponse } },
    config: { permission: 'exemplars:manage' },
    handler: async (req, reply) =>
      reply.status(201).send(await addExemplarPhoto(ctx(), await scopeOf(req), actorOf(req), req.params.id, req)),
  });
  r.get('/library/:id/photos/:photo', {
    schema: { tags, params: ExemplarPhotoParams, response: { 200: FileDownload } },
    // A photo of a person: every view goes into the audit chain, like the profile photo.
    config: { permission: 'exemplars:read', auditView: { eventType: 'exemplars.photo.view', objectType: 'exemplar' } },
    handler: async (req, reply) => {
      const photo = await readExemplarPhoto(ctx(), await scopeOf(req), req.params.id, req.params.photo);
      return reply.type(photo.type).header('Cache-Control', 'private, no-store').send(photo.body);
    },
  });
  r.delete('/library/:id/photos/:photo', {
    schema: { tags, params: ExemplarPhotoParams, response: { 204: NoContent } },
    config: { permission: 'exemplars:manage' },
    handler: async (req, reply) => {
      await removeExemplarPhoto(ctx(), await scopeOf(req), actorOf(req), req.params.id, req.params.photo);
      return reply.status(204).send();
    },
  });
  r.get('/library.xlsx', {
    schema: { tags, response: { 200: FileDownload } },
    config: { permission: 'exemplars:read', sensitive: true },
    handler: async (req, reply) =>
      reply
        .type(XLSX_MIME)
        .header('content-disposition', attachment('exemplar-library.xlsx', '典型库.xlsx'))
        .send(await exemplarLibraryXlsx(ctx(), await scopeOf(req), actorOf(req))),
  });
}
