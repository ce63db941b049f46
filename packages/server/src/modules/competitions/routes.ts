import fs from 'node:fs';
import { PassThrough } from 'node:stream';
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  CreateEventBody,
  EntryBody,
  EventEntryParams,
  EventItemParams,
  EventQuery,
  IdParams,
  ItemBody,
  PersonIdParams,
  ScoresBody,
  UpdateEventBody,
} from '@zhenggong/core';
import type { FastifyInstance } from 'fastify';
import { actorOf, scopeOf } from '../../platform/http/request-context.ts';
import { attachment, XLSX_MIME } from '../../platform/files/attachment.ts';
import { importTmpDir, receiveUpload } from '../../platform/files/upload.ts';
import { personResults } from './competition-results.ts';
import { addEntry, addItem, createEvent, eventOr404, getEvent, listEvents, removeEntry, removeItem, updateEvent } from './event-service.ts';
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
    schema: { tags, querystring: EventQuery },
    config: read,
    handler: async (req) => listEvents(ctx, await scopeOf(req), req.query),
  });
  r.post('/', {
    schema: { tags, body: CreateEventBody },
    config: write,
    handler: async (req, reply) => reply.status(201).send(await createEvent(ctx, await scopeOf(req), actorOf(req), req.body)),
  });
  r.get('/:id', {
    schema: { tags, params: IdParams },
    config: read,
    handler: async (req) => getEvent(ctx, await scopeOf(req), req.params.id),
  });
  r.patch('/:id', {
    schema: { tags, params: IdParams, body: UpdateEventBody },
    config: write,
    handler: async (req) => updateEvent(ctx, await scopeOf(req), actorOf(req), req.params.id, req.body),
  });
  r.post('/:id/items', {
    schema: { tags, params: IdParams, body: ItemBody },
    config: write,
    handler: async (req, reply) => reply.status(201).send(await addItem(ctx, await scopeOf(req), actorOf(req), req.params.id, req.body)),
  });
  r.delete('/:id/items/:itemId', {
    schema: { tags, params: EventItemParams },
    config: write,
    handler: async (req, reply) =>
      reply.status(204).send(await removeItem(ctx, await scopeOf(req), actorOf(req), req.params.id, req.params.itemId)),
  });
  r.post('/:id/entries', {
    schema: { tags, params: IdParams, body: EntryBody },
    config: write,
    handler: async (req, reply) => reply.status(201).send(await addEntry(ctx, await scopeOf(req), actorOf(req), req.params.id, req.body)),
  });
  r.delete('/:id/entries/:entryId', {
    schema: { tags, params: EventEntryParams },
    config: write,
    handler: async (req, reply) =>
      reply.status(204).send(await removeEntry(ctx, await scopeOf(req), actorOf(req), req.params.id, req.params.entryId)),
  });
  r.put('/:id/scores', {
    schema: { tags, params: IdParams, body: ScoresBody },
    config: write,
    handler: async (req) => saveScores(ctx, await scopeOf(req), actorOf(req), req.params.id, req.body),
  });
  r.get('/:id/scores/template', {
    schema: { tags, params: IdParams, produces: [XLSX_MIME] },
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
    schema: { tags, params: IdParams, consumes: ['multipart/form-data'] },
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
    schema: { tags, params: IdParams },
    config: read,
    handler: async (req) => eventRankings(ctx, await scopeOf(req), req.params.id),
  });
  r.post('/:id/publish', {
    schema: { tags, params: IdParams },
    config: write,
    handler: async (req) => publishEvent(ctx, await scopeOf(req), actorOf(req), req.params.id),
  });
  r.get('/people/:personId/results', {
    schema: { tags, params: PersonIdParams },
    config: read,
    handler: async (req) => personResults(ctx, await scopeOf(req), req.params.personId),
  });
}
