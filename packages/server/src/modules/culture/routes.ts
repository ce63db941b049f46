import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  CollectionDetail,
  CollectionList,
  CollectionView,
  ContestDetail,
  ContestEntryBody,
  ContestEntryForBody,
  ContestEntryView,
  ContestList,
  ContestView,
  CreateCollectionBody,
  CreateContestBody,
  CreateProgrammeBody,
  CultureListQuery,
  FileDownload,
  IdParams,
  JudgingList,
  MyCollectionList,
  MyContestList,
  MyProgrammeList,
  MyProgrammeView,
  ParticipationBody,
  ProgrammeDetail,
  ProgrammeList,
  ProgrammeQuery,
  ProgrammeView,
  ReviewWorkBody,
  ScoreBody,
  WorkView,
} from '@zhenggong/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { attachment, XLSX_MIME } from '../../platform/files/attachment.ts';
import { actorOf, principalOf, scopeOf } from '../../platform/http/request-context.ts';
import { linkedPerson } from '../personnel/people.ts';
import {
  collectionDetail,
  createCollection,
  listCollections,
  myCollections,
  reviewWork,
  saveMyWorkFile,
  submitMyWork,
  workFileInScope,
} from './collection-service.ts';
import { DOCX_TYPE, exportCollectionDocx } from './collection-docx.ts';
import {
  addEntryFor,
  contestDetail,
  createContest,
  entryFile,
  listContests,
  myContests,
  myJudging,
  publishContest,
  saveMyEntryFile,
  scoreEntry,
  submitMyEntry,
} from './contest-service.ts';
import { MAX_CULTURE_FILE_BYTES } from './culture-files.ts';
import { exportProgrammes } from './programme-export.ts';
import {
  cancelRegistration,
  createProgramme,
  listProgrammes,
  myProgrammes,
  programmeDetail,
  publishProgramme,
  recordParticipation,
  register,
} from './programme-service.ts';

const sendFile = (reply: FastifyReply, file: { type: string; name: string; body: Buffer }) =>
  reply
    .type(file.type)
    .header('content-disposition', attachment('culture-file', file.name))
    .header('cache-control', 'no-store')
    .send(file.body);

/** Routes of police culture (警营文化): programmes, contests, works collections; mounted at /api/v1/culture. */
export async function cultureRoutes(app: FastifyInstance): Promise<void> {
  // Scoped to this plugin: only the entry and work file uploads read multipart bodies.
  await app.register(multipart, { limits: { fileSize: MAX_CULTURE_FILE_BYTES, files: 1, fields: 0, parts: 1 } });
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['culture'];
  const read = { permission: 'culture:read' };
  const manage = { permission: 'culture:manage' };
  const self = { permission: 'culture:self' };
  const ctx = () => app.ctx;
  const me = (req: FastifyRequest) => linkedPerson(ctx().db, principalOf(req));

  r.get('/programmes', {
    schema: { tags, querystring: ProgrammeQuery, response: { 200: ProgrammeList } },
    config: read,
    handler: async (req) => listProgrammes(ctx(), await scopeOf(req), req.query),
  });
  r.get('/programmes/export.xlsx', {
    schema: { tags, querystring: ProgrammeQuery, produces: [XLSX_MIME], response: { 200: FileDownload } },
    config: { ...read, sensitive: true },
    handler: async (req, reply) =>
      reply
        .type(XLSX_MIME)
        .header('content-disposition', attachment('culture-programmes.xlsx', '文化活动.xlsx'))
        .header('cache-control', 'no-store')
        .send(await exportProgrammes(ctx(), await scopeOf(req), actorOf(req), req.query)),
  });
  r.post('/programmes', {
    schema: { tags, body: CreateProgrammeBody, response: { 201: ProgrammeView } },
    config: manage,
    handler: async (req, reply) => reply.status(201).send(await createProgramme(ctx(), await scopeOf(req), actorOf(req), req.body)),
  });
  r.get('/programmes/:id', {
    schema: { tags, params: IdParams, response: { 200: ProgrammeDetail } },
    config: { ...read, auditView: { eventType: 'culture.programme.view', objectType: 'culture_programme' } },
    handler: async (req) => programmeDetail(ctx(), await scopeOf(req), req.params.id),
  });
  r.post('/programmes/:id/publish', {
    schema: { tags, params: IdParams, response: { 200: ProgrammeView } },
    config: { ...manage, noBody: true },
    handler: async (req) => publishProgramme(ctx(), await scopeOf(req), actorOf(req), req.params.id),
  });
  r.post('/programmes/:id/participation', {
    schema: { tags, params: IdParams, body: ParticipationBody, response: { 200: ProgrammeDetail } },
    config: manage,
    handler: async (req) => recordParticipation(ctx(), await scopeOf(req), actorOf(req), req.params.id, req.body),
  });

  r.get('/contests', {
    schema: { tags, querystring: CultureListQuery, response: { 200: ContestList } },
    config: read,
    handler: async (req) => listContests(ctx(), await scopeOf(req), req.query),
  });
  r.post('/contests', {
    schema: { tags, body: CreateContestBody, response: { 201: ContestView } },
    config: manage,
    handler: async (req, reply) => reply.status(201).send(await createContest(ctx(), await scopeOf(req), actorOf(req), req.body)),
  });
  r.get('/contests/:id', {
    schema: { tags, params: IdParams, response: { 200: ContestDetail } },
    config: { ...read, auditView: { eventType: 'culture.contest.view', objectType: 'culture_contest' } },
    handler: async (req) => contestDetail(ctx(), await scopeOf(req), req.params.id),
  });
  r.post('/contests/:id/entries', {
    schema: { tags, params: IdParams, body: ContestEntryForBody, response: { 201: ContestEntryView } },
    config: manage,
    handler: async (req, reply) =>
      reply.status(201).send(await addEntryFor(ctx(), await scopeOf(req), actorOf(req), req.params.id, req.body)),
  });
  r.post('/contests/:id/publish', {
    schema: { tags, params: IdParams, response: { 200: ContestDetail } },
    config: { ...manage, noBody: true },
    handler: async (req) => publishContest(ctx(), await scopeOf(req), actorOf(req), req.params.id),
  });
  r.get('/entries/:id/file', {
    schema: { tags, params: IdParams, response: { 200: FileDownload } },
    config: { ...read, auditView: { eventType: 'culture.entry.download', objectType: 'culture_entry' } },
    handler: async (req, reply) => sendFile(reply, await entryFile(ctx(), await scopeOf(req), null, req.params.id)),
  });

  r.get('/collections', {
    schema: { tags, querystring: CultureListQuery, response: { 200: CollectionList } },
    config: read,
    handler: async (req) => listCollections(ctx(), await scopeOf(req), req.query),
  });
  r.post('/collections', {
    schema: { tags, body: CreateCollectionBody, response: { 201: CollectionView } },
    config: manage,
    handler: async (req, reply) => reply.status(201).send(await createCollection(ctx(), await scopeOf(req), actorOf(req), req.body)),
  });
  r.get('/collections/:id', {
    schema: { tags, params: IdParams, response: { 200: CollectionDetail } },
    config: { ...read, auditView: { eventType: 'culture.collection.view', objectType: 'culture_collection' } },
    handler: async (req) => collectionDetail(ctx(), await scopeOf(req), req.params.id),
  });
  r.get('/collections/:id/export.docx', {
    schema: { tags, params: IdParams, produces: [DOCX_TYPE], response: { 200: FileDownload } },
    config: { ...read, sensitive: true },
    handler: async (req, reply) => {
      const file = await exportCollectionDocx(ctx(), await scopeOf(req), actorOf(req), req.params.id);
      return reply
        .type(DOCX_TYPE)
        .header('content-disposition', attachment('collection.docx', file.name))
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  });
  r.post('/works/:id/review', {
    schema: { tags, params: IdParams, body: ReviewWorkBody, response: { 200: WorkView } },
    config: manage,
    handler: async (req) => reviewWork(ctx(), await scopeOf(req), actorOf(req), req.params.id, req.body),
  });
  r.get('/works/:id/file', {
    schema: { tags, params: IdParams, response: { 200: FileDownload } },
    config: { ...read, auditView: { eventType: 'culture.work.download', objectType: 'culture_work' } },
    handler: async (req, reply) => sendFile(reply, await workFileInScope(ctx(), await scopeOf(req), req.params.id)),
  });

  // Self-service: the person is the caller's linked record, never taken from the request.
  r.get('/my/programmes', {
    schema: { tags, response: { 200: MyProgrammeList } },
    config: self,
    handler: async (req) => myProgrammes(ctx(), await me(req)),
  });
  r.post('/my/programmes/:id/register', {
    schema: { tags, params: IdParams, response: { 200: MyProgrammeView } },
    config: { ...self, noBody: true },
    handler: async (req) => register(ctx(), actorOf(req), await me(req), req.params.id),
  });
  r.post('/my/programmes/:id/cancel', {
    schema: { tags, params: IdParams, response: { 200: MyProgrammeList } },
    config: { ...self, noBody: true },
    handler: async (req) => cancelRegistration(ctx(), actorOf(req), await me(req), req.params.id),
  });
  r.get('/my/contests', {
    schema: { tags, response: { 200: MyContestList } },
    config: self,
    handler: async (req) => myContests(ctx(), await me(req)),
  });
  r.post('/my/contests/:id/entries', {
    schema: { tags, params: IdParams, body: ContestEntryBody, response: { 201: ContestEntryView } },
    config: self,
    handler: async (req, reply) => reply.status(201).send(await submitMyEntry(ctx(), actorOf(req), await me(req), req.params.id, req.body)),
  });
  r.post('/my/entries/:id/file', {
    schema: { tags, params: IdParams, consumes: ['multipart/form-data'], response: { 200: ContestEntryView } },
    config: self,
    handler: async (req) => saveMyEntryFile(ctx(), actorOf(req), await me(req), req.params.id, req),
  });
  r.get('/my/judging', {
    schema: { tags, response: { 200: JudgingList } },
    config: self,
    handler: async (req) => myJudging(ctx(), await me(req)),
  });
  r.put('/my/judging/:id', {
    schema: { tags, params: IdParams, body: ScoreBody, response: { 200: JudgingList } },
    config: self,
    handler: async (req) => scoreEntry(ctx(), actorOf(req), await me(req), req.params.id, req.body.score),
  });
  r.get('/my/judging/:id/file', {
    schema: { tags, params: IdParams, response: { 200: FileDownload } },
    config: { ...self, auditView: { eventType: 'culture.entry.download', objectType: 'culture_entry' } },
    handler: async (req, reply) => sendFile(reply, await entryFile(ctx(), null, await me(req), req.params.id)),
  });
  r.get('/my/collections', {
    schema: { tags, response: { 200: MyCollectionList } },
    config: self,
    handler: async (req) => myCollections(ctx(), await me(req)),
  });
  r.post('/my/collections/:id/works', {
    schema: { tags, params: IdParams, body: ContestEntryBody, response: { 201: WorkView } },
    config: self,
    handler: async (req, reply) => reply.status(201).send(await submitMyWork(ctx(), actorOf(req), await me(req), req.params.id, req.body)),
  });
  r.post('/my/works/:id/file', {
    schema: { tags, params: IdParams, consumes: ['multipart/form-data'], response: { 200: WorkView } },
    config: self,
    handler: async (req) => saveMyWorkFile(ctx(), actorOf(req), await me(req), req.params.id, req),
  });
}
