import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  AddPersonRecordResponse,
  CorrectionBody,
  Id,
  IdParams,
  ListSavedFiltersResponse,
  MyCorrectionsResponse,
  NoContent,
  OwnProfileResponse,
  PendingCorrectionsResponse,
  personRecordBodies,
  type PersonRecordKind,
  PersonStatsResponse,
  RequestCorrectionResponse,
  SavedFilterBody,
  SaveFilterResponse,
  StatsQuerySchema,
  Strict,
} from '@zhenggong/core';
import type { FastifyInstance } from 'fastify';
import { actorOf, principalOf, scopeOf } from '../../platform/http/request-context.ts';
import { addPersonRecord, removePersonRecord } from './person-records-service.ts';
import './correction-workflow.ts';
import { myCorrections, ownProfile, pendingCorrections, requestCorrection } from './person-self-service.ts';
import { personStats } from './person-stats.ts';
import { deleteSavedFilter, listSavedFilters, saveFilter } from './saved-filters.ts';

/** Records on a person, statistics, saved filters, self-service and correction approvals. */
export async function personExtraRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['personnel'];

  for (const kind of Object.keys(personRecordBodies) as PersonRecordKind[]) {
    r.post(`/people/:id/${kind}`, {
      schema: { tags, params: IdParams, body: personRecordBodies[kind], response: { 201: AddPersonRecordResponse } },
      config: { permission: 'personnel:write' },
      handler: async (req, reply) =>
        reply.status(201).send(await addPersonRecord(app.ctx, await scopeOf(req), actorOf(req), req.params.id, kind, req.body)),
    });
    r.delete(`/people/:id/${kind}/:recordId`, {
      schema: { tags, params: Strict({ id: Id, recordId: Id }), response: { 204: NoContent } },
      config: { permission: 'personnel:write' },
      handler: async (req, reply) => {
        await removePersonRecord(app.ctx, await scopeOf(req), actorOf(req), req.params.id, kind, req.params.recordId);
        return reply.status(204).send();
      },
    });
  }

  r.get('/stats', {
    schema: { tags, querystring: StatsQuerySchema, response: { 200: PersonStatsResponse } },
    config: { permission: 'personnel:read' },
    handler: async (req) => personStats(app.ctx, await scopeOf(req), req.query),
  });

  r.get('/saved-filters', {
    schema: { tags, response: { 200: ListSavedFiltersResponse } },
    config: { permission: 'personnel:read' },
    handler: async (req) => listSavedFilters(app.ctx, principalOf(req)),
  });
  r.post('/saved-filters', {
    schema: { tags, body: SavedFilterBody, response: { 201: SaveFilterResponse } },
    config: { permission: 'personnel:read' },
    handler: async (req, reply) => reply.status(201).send(await saveFilter(app.ctx, principalOf(req), req.body.name, req.body.filter)),
  });
  r.delete('/saved-filters/:id', {
    schema: { tags, params: IdParams, response: { 204: NoContent } },
    config: { permission: 'personnel:read' },
    handler: async (req, reply) => {
      await deleteSavedFilter(app.ctx, principalOf(req), req.params.id);
      return reply.status(204).send();
    },
  });

  r.get('/me', {
    schema: { tags, response: { 200: OwnProfileResponse } },
    config: { permission: 'personnel:self', sensitive: true },
    handler: async (req) => ownProfile(app.ctx, principalOf(req)),
  });
  r.get('/me/corrections', {
    schema: { tags, response: { 200: MyCorrectionsResponse } },
    config: { permission: 'personnel:self' },
    handler: async (req) => myCorrections(app.ctx, principalOf(req)),
  });
  r.post('/me/corrections', {
    schema: { tags, body: CorrectionBody, response: { 201: RequestCorrectionResponse } },
    config: { permission: 'personnel:self' },
    handler: async (req, reply) =>
      reply.status(201).send(await requestCorrection(app.ctx, principalOf(req), actorOf(req), req.body.changes, req.body.reason)),
  });
  r.get('/corrections', {
    schema: {
      tags,
      querystring: Strict({
        status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('approved'), Type.Literal('rejected')])),
      }),
      response: { 200: PendingCorrectionsResponse },
    },
    config: { permission: 'personnel:approve' },
    handler: async (req) =>
      pendingCorrections(app.ctx, await scopeOf(req), req.query.status ?? 'pending', principalOf(req).permissions.has('personnel:reveal')),
  });
  // Decisions on corrections are workflow actions (/api/v1/workflow/cases/:id/…); see correction-workflow.ts.
}
