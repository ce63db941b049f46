import fs from 'node:fs';
import { PassThrough } from 'node:stream';
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AddItemResponse,
  CreateEventBody,
  CreateEventResponse,
  EntryBody,
  EventEntryParams,
  EventItemParams,
  EventQuery,
  EventRankingsResponse,
  FileDownload,
  IdParams,
  ItemBody,
  ListEventsResponse,
  PersonIdParams,
  PersonResultsResponse,
  NoContent,
  SaveScoresResponse,
  ScoresBody,
  UpdateEventBody,
} from '@zhenggong/core';
import type { FastifyInstance } from 'fastify';
import { actorOf, scopeOf } from '../../platform/http/request-context.ts';
import { attachment, XLSX_MIME } from '../../platform/files/attachment.ts';
import { importTmpDir, receiveUpload } from '../../platform/files/upload.ts';
import { personResults } from './competition-results.ts';
import { addEntry, addItem, createEvent, eventOr404, getEvent, listEvents, removeEntry, removeItem, updateEvent } from './event-service.ts';
import { exportEvents } from './event-export.ts';
import { eventRankings, publishEvent } from './ranking-service.ts';
import { importScores, scoreSheetLimits, writeScoreTemplate } from './score-sheet.ts';
import { saveScores } from './score-service.ts';

const read = { permission: 'competition:read' };
const write = { permission: 'competition:write' };

/** Competitions (比武竞赛), mounted at /api/v1/competitions; events are scoped by their organising unit. */
export async function competitionRoutes(app: FastifyInstance): Promise<void> {
  // Scoped to this plugin: only the score import takes a multipart body.
  await app.register(multipart, { limits: { fileSize: scoreSheetLimits.maxUploadBytes, files: 1, fields: 0, parts: 1 } });
  const tmpDir = importTmpDir(app.ctx.config.dataDir);
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['competitions'];
  const ctx = app.ctx;

  r.get('/', {
    schema: { tags, querystring: EventQuery, response: { 200: ListEventsResponse } },
    config: read,
    handler: async (req) => listEvents(ctx, await scopeOf(req), req.query),
  });
  r.get('/export.xlsx', {
    schema: { tags, querystring: EventQuery, produces: [XLSX_MIME], response: { 200: FileDownload } },
    config: { ...read, sensitive: true },
    handler: async (req, reply) => {
      const file = await exportEvents(ctx, await scopeOf(req), actorOf(req), req.query);
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachment('competitions.xlsx', '比武竞赛.xlsx'))
        .header('cache-control', 'no-store')
        .send(file);
    },
  });
  r.post('/', {
    schema: { tags, body: CreateEventBody, response: { 201: CreateEventResponse } },
    config: write,
    handler: async (req, reply) => reply.status(201).send(await createEvent(ctx, await scopeOf(req), actorOf(req), req.body)),
  });
  r.get('/:id', {
    schema: { tags, params: IdParams, response: { 200: CreateEventResponse } },
    config: read,
    handler: async (req) => getEvent(ctx, await scopeOf(req), req.params.id),
  });
  r.patch('/:id', {
    schema: { tags, params: IdParams, body: UpdateEventBody, response: { 200: CreateEventResponse } },
    config: write,
    handler: async (req) => updateEvent(ctx, await scopeOf(req), actorOf(req), req.params.id, req.body),
  });
  r.post('/:id/items', {
    schema: { tags, params: IdParams, body: ItemBody, response: { 201: AddItemResponse } },
    config: write,
    handler: async (req, reply) => reply.status(201).send(await addItem(ctx, await scopeOf(req), actorOf(req), req.params.id, req.body)),
  });
  r.delete('/:id/items/:itemId', {
    schema: { tags, params: EventItemParams, response: { 204: NoContent } },
    config: write,
    handler: async (req, reply) =>
      reply.status(204).send(await removeItem(ctx, await scopeOf(req), actorOf(req), req.params.id, req.params.itemId)),
  });
  r.post('/:id/entries', {
    schema: { tags, params: IdParams, body: EntryBody, response: { 201: AddItemResponse } },
    config: write,
    handler: async (req, reply) => reply.status(201).send(await addEntry(ctx, await scopeOf(req), actorOf(req), req.params.id, req.body)),
  });
  r.delete('/:id/entries/:entryId', {
    schema: { tags, params: EventEntryParams, response: { 204: NoContent } },
    config: write,
    handler: async (req, reply) =>
      reply.status(204).send(await removeEntry(ctx, await scopeOf(req), actorOf(req), req.params.id, req.params.entryId)),
  });
  r.put('/:id/scores', {
    schema: { tags, params: IdParams, body: ScoresBody, response: { 200: SaveScoresResponse } },
    config: write,
    handler: async (req) => saveScores(ctx, await scopeOf(req), actorOf(req), req.params.id, req.body),
  });
  r.get('/:id/scores/template', {
    schema: { tags, params: IdParams, produces: [XLSX_MIME], response: { 200: FileDownload } },
    config: write,
    handler: async (req, reply) => {
      const out = new PassThrough();
      const chunks: Buffer[] = [];
      out.on('data', (c: Buffer) => chunks.push(c));
      await writeScoreTemplate(ctx, await scopeOf(req), req.params.id, out);
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachment('scores.xlsx', '成绩录入表.xlsx'))
        .header('cache-control', 'no-store')
        .send(Buffer.concat(chunks));
    },
  });
  r.post('/:id/scores/import', {
    schema: { tags, params: IdParams, consumes: ['multipart/form-data'], response: { 200: SaveScoresResponse } },
    config: write,
    handler: async (req) => {
      const scope = await scopeOf(req);
      // The event is checked before the file is read: out of scope answers 404 whatever was sent.
      await eventOr404(ctx.db, scope, req.params.id);
      const upload = await receiveUpload(req, tmpDir, scoreSheetLimits.maxUploadBytes);
      try {
        return await importScores(ctx, scope, actorOf(req), req.params.id, upload.path);
      } finally {
        fs.rmSync(upload.path, { force: true });
      }
    },
  });
  r.get('/:id/rankings', {
    schema: { tags, params: IdParams, response: { 200: EventRankingsResponse } },
    config: read,
    handler: async (req) => eventRankings(ctx, await scopeOf(req), req.params.id),
  });
  r.post('/:id/publish', {
    schema: { tags, params: IdParams, response: { 200: EventRankingsResponse } },
    config: { ...write, noBody: true },
    handler: async (req) => publishEvent(ctx, await scopeOf(req), actorOf(req), req.params.id),
  });
  r.get('/people/:personId/results', {
    schema: { tags, params: PersonIdParams, response: { 200: PersonResultsResponse } },
    config: read,
    handler: async (req) => personResults(ctx, await scopeOf(req), req.params.personId),
  });
}
