import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AppealBody,
  CloseInvestigationBody,
  DisciplineBody,
  DisciplineDetail,
  DisciplineListQuery,
  DisciplinePage,
  DisciplinePersonParams,
  EffectsView,
  IdParams,
  IdResponse,
  InvestigationBody,
  LiftBody,
  OwnDisciplineView,
} from '@zhenggong/core';
import type { FastifyInstance } from 'fastify';
import { actorOf, principalOf, scopeOf } from '../../platform/http/request-context.ts';
import {
  closeInvestigation,
  createDiscipline,
  effectsOf,
  getDiscipline,
  listDiscipline,
  liftDiscipline,
  openInvestigation,
  ownDiscipline,
  recordAppeal,
} from './discipline.ts';
import { registerDisciplineLiftJob } from './discipline-lift-job.ts';

/** Discipline (违纪处分), mounted at /api/v1/discipline: restricted, every read audited. */
export async function disciplineRoutes(app: FastifyInstance): Promise<void> {
  registerDisciplineLiftJob(app);
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['discipline'];
  const ctx = () => app.ctx;
  const actor = (req: Parameters<typeof principalOf>[0]) => ({ ...actorOf(req), userId: principalOf(req).userId });

  r.post('/records', {
    schema: { tags, body: DisciplineBody, response: { 201: IdResponse } },
    config: { permission: 'discipline:write' },
    handler: async (req, reply) => reply.status(201).send(await createDiscipline(ctx(), await scopeOf(req), actor(req), req.body)),
  });
  r.get('/records', {
    schema: { tags, querystring: DisciplineListQuery, response: { 200: DisciplinePage } },
    config: { permission: 'discipline:read' },
    handler: async (req) => listDiscipline(ctx(), await scopeOf(req), actorOf(req), req.query),
  });
  r.get('/records/:id', {
    schema: { tags, params: IdParams, response: { 200: DisciplineDetail } },
    config: { permission: 'discipline:read' },
    handler: async (req) => getDiscipline(ctx(), await scopeOf(req), actorOf(req), req.params.id),
  });
  r.put('/records/:id/appeal', {
    schema: { tags, params: IdParams, body: AppealBody, response: { 200: DisciplineDetail } },
    config: { permission: 'discipline:write' },
    handler: async (req) => recordAppeal(ctx(), await scopeOf(req), actorOf(req), req.params.id, req.body),
  });
  r.post('/records/:id/lift', {
    schema: { tags, params: IdParams, body: LiftBody, response: { 200: DisciplineDetail } },
    config: { permission: 'discipline:write' },
    handler: async (req) => liftDiscipline(ctx(), await scopeOf(req), actorOf(req), req.params.id, req.body),
  });
  r.post('/investigations', {
    schema: { tags, body: InvestigationBody, response: { 201: IdResponse } },
    config: { permission: 'discipline:write' },
    handler: async (req, reply) => reply.status(201).send(await openInvestigation(ctx(), await scopeOf(req), actor(req), req.body)),
  });
  r.post('/investigations/:id/close', {
    schema: { tags, params: IdParams, body: CloseInvestigationBody, response: { 200: IdResponse } },
    config: { permission: 'discipline:write' },
    handler: async (req) => closeInvestigation(ctx(), await scopeOf(req), actorOf(req), req.params.id, req.body.closedOn),
  });
  r.get('/effects/:personId', {
    schema: { tags, params: DisciplinePersonParams, response: { 200: EffectsView } },
    config: { permission: 'discipline:read' },
    handler: async (req) => effectsOf(ctx(), await scopeOf(req), actorOf(req), req.params.personId),
  });
  r.get('/mine', {
    schema: { tags, response: { 200: OwnDisciplineView } },
    config: { permission: 'discipline:self' },
    handler: async (req) => ownDiscipline(ctx(), principalOf(req), actorOf(req)),
  });
}
