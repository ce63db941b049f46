import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AcknowledgeMaterialResponse,
  CampaignProgressResponse,
  CreateCampaignBody,
  CreateCampaignResponse,
  CreateMaterialBody,
  CreateMaterialResponse,
  DeclareStudyBody,
  DeclareStudyResponse,
  FileDownload,
  IdParams,
  ListCampaignsResponse,
  ListMaterialsResponse,
  ListRecordsResponse,
  PendingRecordsResponse,
  MaterialListQuery,
  MyStudyResponse,
  OpenMaterialResponse,
  RecordListQuery,
} from '@zhenggong/core';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { actorOf, principalOf, scopeOf } from '../../platform/http/request-context.ts';
import { campaignProgress, createCampaign, listCampaigns } from './campaign-service.ts';
import {
  acknowledgeMaterial,
  createMaterial,
  listMaterials,
  materialInScope,
  MAX_STUDY_FILE_BYTES,
  myMaterial,
  openMaterial,
  readMaterialFile,
  saveMaterialFile,
} from './material-service.ts';
import { declareStudy, listRecords, myStudy, pendingRecords } from './record-service.ts';
import './study-workflow.ts';

const sendFile = (reply: FastifyReply, file: { type: string; name: string; body: Buffer }) =>
  reply
    .type(file.type)
    .header('content-disposition', `attachment; filename="material"; filename*=UTF-8''${encodeURIComponent(file.name)}`)
    .header('cache-control', 'no-store')
    .send(file.body);

/** Routes of study (学习教育): materials, study-hour records with approval, campaigns; mounted at /api/v1/study. */
export async function studyRoutes(app: FastifyInstance): Promise<void> {
  // Scoped to this plugin: only the material upload below reads multipart bodies.
  await app.register(multipart, { limits: { fileSize: MAX_STUDY_FILE_BYTES, files: 1, fields: 0, parts: 1 } });
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['study'];
  const read = { permission: 'study:read' };
  const write = { permission: 'study:write' };
  const approve = { permission: 'study:approve' };
  const self = { permission: 'study:self' };

  r.get('/materials', {
    schema: { tags, querystring: MaterialListQuery, response: { 200: ListMaterialsResponse } },
    config: read,
    handler: async (req) => listMaterials(app.ctx, await scopeOf(req), req.query),
  });
  r.post('/materials', {
    schema: { tags, body: CreateMaterialBody, response: { 201: CreateMaterialResponse } },
    config: write,
    handler: async (req, reply) => reply.status(201).send(await createMaterial(app.ctx, await scopeOf(req), actorOf(req), req.body)),
  });
  r.post('/materials/:id/file', {
    schema: { tags, params: IdParams, consumes: ['multipart/form-data'], response: { 200: CreateMaterialResponse } },
    config: write,
    handler: async (req) => saveMaterialFile(app.ctx, await scopeOf(req), actorOf(req), req.params.id, req),
  });
  r.get('/materials/:id/file', {
    schema: { tags, params: IdParams, response: { 200: FileDownload } },
    config: { ...read, auditView: { eventType: 'study_material.download', objectType: 'study_material' } },
    handler: async (req, reply) =>
      sendFile(reply, readMaterialFile(app.ctx, await materialInScope(app.ctx.db, await scopeOf(req), req.params.id))),
  });

  r.get('/records', {
    schema: { tags, querystring: RecordListQuery, response: { 200: ListRecordsResponse } },
    config: read,
    handler: async (req) => listRecords(app.ctx, await scopeOf(req), req.query),
  });
  r.get('/approvals', {
    schema: { tags, querystring: RecordListQuery, response: { 200: PendingRecordsResponse } },
    config: approve,
    handler: async (req) => pendingRecords(app.ctx, await scopeOf(req), req.query),
  });
  // Decisions are workflow actions (/api/v1/workflow/cases/:caseId/…); see study-workflow.ts.

  r.get('/campaigns', {
    schema: { tags, response: { 200: ListCampaignsResponse } },
    config: read,
    handler: async (req) => listCampaigns(app.ctx, await scopeOf(req)),
  });
  r.post('/campaigns', {
    schema: { tags, body: CreateCampaignBody, response: { 201: CreateCampaignResponse } },
    config: write,
    handler: async (req, reply) => reply.status(201).send(await createCampaign(app.ctx, await scopeOf(req), actorOf(req), req.body)),
  });
  r.get('/campaigns/:id', {
    schema: { tags, params: IdParams, response: { 200: CampaignProgressResponse } },
    config: read,
    handler: async (req) => campaignProgress(app.ctx, await scopeOf(req), req.params.id),
  });

  r.get('/my', {
    schema: { tags, response: { 200: MyStudyResponse } },
    config: self,
    handler: async (req) => myStudy(app.ctx, principalOf(req)),
  });
  r.post('/my/records', {
    schema: { tags, body: DeclareStudyBody, response: { 201: DeclareStudyResponse } },
    config: self,
    handler: async (req, reply) => reply.status(201).send(await declareStudy(app.ctx, principalOf(req), actorOf(req), req.body)),
  });
  r.post('/my/materials/:id/open', {
    schema: { tags, params: IdParams, response: { 200: OpenMaterialResponse } },
    config: { ...self, noBody: true },
    handler: async (req) => openMaterial(app.ctx, principalOf(req), actorOf(req), req.params.id),
  });
  r.post('/my/materials/:id/acknowledge', {
    schema: { tags, params: IdParams, response: { 200: AcknowledgeMaterialResponse } },
    config: { ...self, noBody: true },
    handler: async (req) => acknowledgeMaterial(app.ctx, principalOf(req), actorOf(req), req.params.id),
  });
  r.get('/my/materials/:id/file', {
    schema: { tags, params: IdParams, response: { 200: FileDownload } },
    config: { ...self, auditView: { eventType: 'study_material.download', objectType: 'study_material' } },
    handler: async (req, reply) =>
      sendFile(reply, readMaterialFile(app.ctx, (await myMaterial(app.ctx, principalOf(req), req.params.id)).m)),
  });
}
