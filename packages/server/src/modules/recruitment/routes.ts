import fs from 'node:fs';
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  ApplicationListQuery,
  ApplicationStagesResponse,
  DropBody,
  MedicalBody,
  ObjectionBody,
  ObjectionParams,
  ReplacementBody,
  ReplacementResponse,
  ResolveObjectionBody,
  CountsByPostResponse,
  CreateAnnouncementBody,
  CreateAnnouncementResponse,
  CreatePostBody,
  CreatePostResponse,
  FileDownload,
  HireBody,
  HireResponse,
  IdParams,
  ImportScoresResponse,
  IssueTicketsResponse,
  ListAnnouncementsResponse,
  ListApplicationsResponse,
  NoContent,
  OpenPublicityResponse,
  PublishScoresResponse,
  RankingResponse,
  RecruitScoresBody,
  RecruitScoresSchema,
  RejectBody,
  SetWeightsResponse,
  ShortlistBody,
  ShortlistResponse,
  Strict,
  UpdateAnnouncementBody,
  UpdatePostBody,
  ViewApplicationResponse,
  WeightsBody,
} from '@zhenggong/core';
import type { FastifyInstance } from 'fastify';
import { importTmpDir, receiveUpload } from '../../platform/files/upload.ts';
import { actorOf, scopeOf } from '../../platform/http/request-context.ts';
import {
  countsByPost,
  createAnnouncement,
  createPost,
  deletePost,
  getAnnouncement,
  listAnnouncements,
  publishAnnouncement,
  updateAnnouncement,
  updatePost,
} from './announcement-service.ts';
import { hire, openPublicity, shortlist } from './hire-service.ts';
import {
  approveApplication,
  findApplicationInScope,
  issueTickets,
  listApplications,
  rejectApplication,
  viewApplication,
} from './review-service.ts';
import { importScores, publishScores, putScores, ranking, scoreImportLimits, scoreTemplate, setWeights } from './score-service.ts';
import {
  applicationStages,
  dropApplication,
  objectToApplication,
  recordMedical,
  replaceFromRanking,
  resolveApplicationObjection,
} from './stage-service.ts';
import { readApplicationFile, readPhotoFile } from './uploads.ts';

const tags = ['recruitment'];
const SCORE_SHEET_MAX_BYTES = 2 * 1024 * 1024;
const IdFileParams = Strict({ id: IdParams.properties.id, fileId: IdParams.properties.id });
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Staff routes of auxiliary-police recruitment (辅警招录), mounted at /api/v1/recruitment. */
export async function recruitmentRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = app.ctx;
  await app.register(multipart, { limits: { fileSize: SCORE_SHEET_MAX_BYTES, files: 1, fields: 0, parts: 1 }, throwFileSizeLimit: true });

  r.get(
    '/announcements',
    { schema: { tags, response: { 200: ListAnnouncementsResponse } }, config: { permission: 'recruitment:read' } },
    async (req) => listAnnouncements(ctx, await scopeOf(req)),
  );
  r.post(
    '/announcements',
    {
      schema: { tags, body: CreateAnnouncementBody, response: { 201: CreateAnnouncementResponse } },
      config: { permission: 'recruitment:write' },
    },
    async (req, reply) => reply.status(201).send(await createAnnouncement(ctx, await scopeOf(req), actorOf(req), req.body)),
  );
  r.get(
    '/announcements/:id',
    { schema: { tags, params: IdParams, response: { 200: CreateAnnouncementResponse } }, config: { permission: 'recruitment:read' } },
    async (req) => getAnnouncement(ctx, await scopeOf(req), req.params.id),
  );
  r.patch(
    '/announcements/:id',
    {
      schema: { tags, params: IdParams, body: UpdateAnnouncementBody, response: { 200: CreateAnnouncementResponse } },
      config: { permission: 'recruitment:write' },
    },
    async (req) => updateAnnouncement(ctx, await scopeOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/announcements/:id/publish',
    {
      schema: { tags, params: IdParams, response: { 200: CreateAnnouncementResponse } },
      config: { permission: 'recruitment:write', noBody: true },
    },
    async (req) => publishAnnouncement(ctx, await scopeOf(req), actorOf(req), req.params.id),
  );
  r.post(
    '/announcements/:id/posts',
    {
      schema: { tags, params: IdParams, body: CreatePostBody, response: { 201: CreatePostResponse } },
      config: { permission: 'recruitment:write' },
    },
    async (req, reply) => reply.status(201).send(await createPost(ctx, await scopeOf(req), actorOf(req), req.params.id, req.body)),
  );
  r.patch(
    '/posts/:id',
    {
      schema: { tags, params: IdParams, body: UpdatePostBody, response: { 200: CreatePostResponse } },
      config: { permission: 'recruitment:write' },
    },
    async (req) => updatePost(ctx, await scopeOf(req), actorOf(req), req.params.id, req.body),
  );
  r.delete(
    '/posts/:id',
    { schema: { tags, params: IdParams, response: { 204: NoContent } }, config: { permission: 'recruitment:write' } },
    async (req, reply) => {
      await deletePost(ctx, await scopeOf(req), actorOf(req), req.params.id);
      return reply.status(204).send();
    },
  );
  r.get(
    '/announcements/:id/counts',
    { schema: { tags, params: IdParams, response: { 200: CountsByPostResponse } }, config: { permission: 'recruitment:read' } },
    async (req) => countsByPost(ctx, await scopeOf(req), req.params.id),
  );

  r.get(
    '/applications',
    {
      schema: { tags, querystring: ApplicationListQuery, response: { 200: ListApplicationsResponse } },
      config: { permission: 'recruitment:read' },
    },
    async (req) => listApplications(ctx, await scopeOf(req), req.query),
  );
  r.get(
    '/applications/:id',
    { schema: { tags, params: IdParams, response: { 200: ViewApplicationResponse } }, config: { permission: 'recruitment:read' } },
    async (req) => viewApplication(ctx, await scopeOf(req), actorOf(req), req.params.id),
  );
  r.get(
    '/applications/:id/photo',
    {
      schema: { tags, params: IdParams, response: { 200: FileDownload } },
      config: { permission: 'recruitment:read', auditView: { eventType: 'application.photo_view', objectType: 'application' } },
    },
    async (req, reply) => {
      const row = await findApplicationInScope(ctx.db, await scopeOf(req), req.params.id);
      const photo = readPhotoFile(ctx, row.photo);
      return reply.type(photo.type).header('Cache-Control', 'private, no-store').send(photo.body);
    },
  );
  r.get(
    '/applications/:id/files/:fileId',
    {
      schema: { tags, params: IdFileParams, response: { 200: FileDownload } },
      config: { permission: 'recruitment:read', auditView: { eventType: 'application.file_download', objectType: 'application' } },
    },
    async (req, reply) => {
      await findApplicationInScope(ctx.db, await scopeOf(req), req.params.id);
      const file = await readApplicationFile(ctx, req.params.id, req.params.fileId);
      return reply
        .type(file.type)
        .header('Cache-Control', 'private, no-store')
        .header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file.name)}`)
        .send(file.body);
    },
  );
  r.post(
    '/applications/:id/approve',
    {
      schema: { tags, params: IdParams, response: { 200: ViewApplicationResponse } },
      config: { permission: 'recruitment:review', noBody: true },
    },
    async (req) => approveApplication(ctx, await scopeOf(req), actorOf(req), req.params.id),
  );
  r.post(
    '/applications/:id/reject',
    {
      schema: { tags, params: IdParams, body: RejectBody, response: { 200: ViewApplicationResponse } },
      config: { permission: 'recruitment:review' },
    },
    async (req) => rejectApplication(ctx, await scopeOf(req), actorOf(req), req.params.id, req.body.reason),
  );
  r.post(
    '/announcements/:id/tickets',
    {
      schema: { tags, params: IdParams, response: { 200: IssueTicketsResponse } },
      config: { permission: 'recruitment:review', noBody: true },
    },
    async (req) => issueTickets(ctx, await scopeOf(req), actorOf(req), req.params.id),
  );

  r.put(
    '/announcements/:id/weights',
    {
      schema: { tags, params: IdParams, body: WeightsBody, response: { 200: SetWeightsResponse } },
      config: { permission: 'recruitment:score' },
    },
    async (req) => setWeights(ctx, await scopeOf(req), actorOf(req), req.params.id, req.body),
  );
  r.get(
    '/announcements/:id/scores/template',
    { schema: { tags, params: IdParams, response: { 200: FileDownload } }, config: { permission: 'recruitment:score' } },
    async (req, reply) => {
      const file = await scoreTemplate(ctx, await scopeOf(req), req.params.id);
      return reply
        .type(XLSX)
        .header('Content-Disposition', `attachment; filename*=UTF-8''${encodeURIComponent('成绩导入模板.xlsx')}`)
        .send(file);
    },
  );
  r.post('/announcements/:id/scores/import', {
    schema: {
      tags,
      params: IdParams,
      querystring: Type.Object({
        dryRun: Type.Optional(Type.Union([Type.Literal('1'), Type.Literal('0'), Type.Literal('true'), Type.Literal('false')])),
      }),
      consumes: ['multipart/form-data'],
      response: { 200: ImportScoresResponse },
    },
    config: { permission: 'recruitment:score' },
    handler: async (req) => {
      const scope = await scopeOf(req);
      // Streamed to DATA_DIR/tmp (never held in memory) and deleted whatever the outcome.
      const upload = await receiveUpload(req, importTmpDir(ctx.config.dataDir), scoreImportLimits.maxUploadBytes);
      try {
        const dry = req.query.dryRun === '1' || req.query.dryRun === 'true';
        return await importScores(ctx, scope, actorOf(req), req.params.id, upload.path, dry);
      } finally {
        await fs.promises.rm(upload.path, { force: true });
      }
    },
  });
  r.put(
    '/applications/:id/scores',
    {
      schema: { tags, params: IdParams, body: RecruitScoresBody, response: { 200: RecruitScoresSchema } },
      config: { permission: 'recruitment:score' },
    },
    async (req) => putScores(ctx, await scopeOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/announcements/:id/scores/publish',
    {
      schema: { tags, params: IdParams, response: { 200: PublishScoresResponse } },
      config: { permission: 'recruitment:score', noBody: true },
    },
    async (req) => publishScores(ctx, await scopeOf(req), actorOf(req), req.params.id),
  );
  r.get(
    '/announcements/:id/ranking',
    {
      schema: {
        tags,
        params: IdParams,
        querystring: Type.Object({ postId: Type.Optional(IdParams.properties.id) }),
        response: { 200: RankingResponse },
      },
      config: { permission: 'recruitment:read' },
    },
    async (req) => ranking(ctx, await scopeOf(req), req.params.id, req.query.postId),
  );

  r.post(
    '/announcements/:id/shortlist',
    {
      schema: { tags, params: IdParams, body: ShortlistBody, response: { 200: ShortlistResponse } },
      config: { permission: 'recruitment:hire' },
    },
    async (req) => shortlist(ctx, await scopeOf(req), actorOf(req), req.params.id, req.body.applicationIds),
  );
  r.post(
    '/announcements/:id/publicity',
    {
      schema: { tags, params: IdParams, response: { 200: OpenPublicityResponse } },
      config: { permission: 'recruitment:hire', noBody: true },
    },
    async (req) => openPublicity(ctx, await scopeOf(req), actorOf(req), req.params.id),
  );
  r.post(
    '/applications/:id/hire',
    { schema: { tags, params: IdParams, body: HireBody, response: { 200: HireResponse } }, config: { permission: 'recruitment:hire' } },
    async (req) => hire(ctx, await scopeOf(req), actorOf(req), req.params.id, req.body),
  );

  r.get(
    '/applications/:id/stages',
    { schema: { tags, params: IdParams, response: { 200: ApplicationStagesResponse } }, config: { permission: 'recruitment:read' } },
    async (req) => applicationStages(ctx, await scopeOf(req), actorOf(req), req.params.id),
  );
  r.post(
    '/applications/:id/medical',
    {
      schema: { tags, params: IdParams, body: MedicalBody, response: { 200: ApplicationStagesResponse } },
      config: { permission: 'recruitment:hire' },
    },
    async (req) => recordMedical(ctx, await scopeOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/applications/:id/drop',
    {
      schema: { tags, params: IdParams, body: DropBody, response: { 200: ApplicationStagesResponse } },
      config: { permission: 'recruitment:hire' },
    },
    async (req) => dropApplication(ctx, await scopeOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/applications/:id/replacement',
    {
      schema: { tags, params: IdParams, body: ReplacementBody, response: { 200: ReplacementResponse } },
      config: { permission: 'recruitment:hire' },
    },
    async (req) => replaceFromRanking(ctx, await scopeOf(req), actorOf(req), req.params.id, req.body.reason),
  );
  r.post(
    '/applications/:id/objections',
    {
      schema: { tags, params: IdParams, body: ObjectionBody, response: { 200: ApplicationStagesResponse } },
      config: { permission: 'recruitment:hire' },
    },
    async (req) => objectToApplication(ctx, await scopeOf(req), actorOf(req), req.params.id, req.body),
  );
  r.post(
    '/applications/:id/objections/:objectionId/resolve',
    {
      schema: { tags, params: ObjectionParams, body: ResolveObjectionBody, response: { 200: ApplicationStagesResponse } },
      config: { permission: 'recruitment:hire' },
    },
    async (req) => resolveApplicationObjection(ctx, await scopeOf(req), actorOf(req), req.params.id, req.params.objectionId, req.body),
  );
}
