import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AppointBody,
  AppraisalBackfillBody,
  AsOfQuery,
  CadreProfileResponse,
  CadreRecordDetail,
  CadreRecordListResponse,
  CadreRecordQuery,
  ConversionBatchBody,
  ConversionBatchListResponse,
  ConversionRuleCopyBody,
  CreateBatchResponse,
  CreateCadreRecordBody,
  CreatedResponse,
  CreatePromotionBody,
  CreatePromotionResponse,
  CreateTeamPostBody,
  DueListResponse,
  DueQuery,
  FileDownload,
  IdParams,
  PromotionListResponse,
  PromotionQuery,
  RetirementQuery,
  RetirementResponse,
  RosterQuery,
  RuleSetCopyResponse,
  RuleSetsResponse,
  SimulationBody,
  SimulationResponse,
  TeamEvaluationBody,
  TeamParams,
  TeamTargets,
  TeamView,
  VacateBody,
  YoungEntryBody,
  YoungUpdateBody,
  YoungView,
} from '@zhenggong/core';
import type { FastifyInstance } from 'fastify';
import { actorOf, principalOf, scopeOf } from '../../platform/http/request-context.ts';
import { copyConversionRuleSet, listRuleSets } from './cadre-rules.ts';
import { createBatch, listBatches } from './conversion-batches.ts';
import { dueList } from './due-list.ts';
import { DOCX_MIME, promotionFormDocx } from './promotion-form.ts';
import './promotion-workflow.ts';
import { backfillAppraisal, cadreProfile, createPromotion, listPromotions } from './promotions.ts';
import { createRecord, getRecord, listRecords } from './records.ts';
import { retirementForecast } from './retirement-forecast.ts';
import { rosterWorkbook } from './roster.ts';
import { runSimulation, simulationWorkbook } from './simulation.ts';
import { addEvaluation, addPost, appoint, setTargets, teamView, vacate } from './teams.ts';
import { addYoung, updateYoung, youngView } from './young.ts';
import { attachment } from '../../platform/files/attachment.ts';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Routes of the cadres module (干部和职级警衔), mounted at /api/v1/cadres. */
export async function cadresRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['cadres'];
  const ctx = () => app.ctx;
  const actor = (req: Parameters<typeof actorOf>[0]) => ({ ...actorOf(req), userId: principalOf(req).userId });

  r.get('/rule-sets', {
    schema: { tags, response: { 200: RuleSetsResponse } },
    config: { permission: 'cadres:read' },
    handler: async () => listRuleSets(ctx()),
  });
  r.post('/rule-sets/conversion', {
    schema: { tags, body: ConversionRuleCopyBody, response: { 201: RuleSetCopyResponse } },
    config: { permission: 'cadres:rules' },
    handler: async (req, reply) => reply.status(201).send(await copyConversionRuleSet(ctx(), await scopeOf(req), actor(req), req.body)),
  });

  r.get('/due', {
    schema: { tags, querystring: DueQuery, response: { 200: DueListResponse } },
    config: { permission: 'cadres:read' },
    handler: async (req) => dueList(ctx(), await scopeOf(req), req.query),
  });
  r.get('/people/:id', {
    schema: { tags, params: IdParams, querystring: AsOfQuery, response: { 200: CadreProfileResponse } },
    config: { permission: 'cadres:read' },
    handler: async (req) => cadreProfile(ctx(), await scopeOf(req), req.params.id, req.query.asOf),
  });

  r.post('/people/:id/appraisals', {
    schema: { tags, params: IdParams, body: AppraisalBackfillBody, response: { 200: CadreProfileResponse } },
    config: { permission: 'cadres:write' },
    handler: async (req) => backfillAppraisal(ctx(), await scopeOf(req), actorOf(req), req.params.id, req.body),
  });

  r.get('/promotions', {
    schema: { tags, querystring: PromotionQuery, response: { 200: PromotionListResponse } },
    config: { permission: 'cadres:read' },
    handler: async (req) => listPromotions(ctx(), await scopeOf(req), req.query),
  });
  r.post('/promotions', {
    schema: { tags, body: CreatePromotionBody, response: { 201: CreatePromotionResponse } },
    config: { permission: 'cadres:write' },
    handler: async (req, reply) => reply.status(201).send(await createPromotion(ctx(), await scopeOf(req), actor(req), req.body)),
  });
  r.get('/promotions/:id/form.docx', {
    schema: { tags, params: IdParams, response: { 200: FileDownload } },
    config: { permission: 'cadres:read', sensitive: true },
    handler: async (req, reply) =>
      reply
        .type(DOCX_MIME)
        .header('content-disposition', attachment('promotion-form.docx', '晋升审批表.docx'))
        .header('cache-control', 'no-store')
        .send(await promotionFormDocx(ctx(), await scopeOf(req), req.params.id)),
  });

  r.post('/simulations', {
    schema: { tags, body: SimulationBody, response: { 200: SimulationResponse } },
    config: { permission: 'cadres:simulate' },
    handler: async (req) => runSimulation(ctx(), await scopeOf(req), req.body),
  });
  r.post('/simulations/export', {
    schema: { tags, body: SimulationBody, response: { 200: FileDownload } },
    config: { permission: 'cadres:simulate' },
    handler: async (req, reply) =>
      reply
        .type(XLSX_MIME)
        .header('content-disposition', attachment('conversion-what-if.xlsx', '套改测算.xlsx'))
        .header('cache-control', 'no-store')
        .send(await simulationWorkbook(ctx(), await scopeOf(req), actorOf(req), req.body)),
  });
  r.get('/conversion-batches', {
    schema: { tags, response: { 200: ConversionBatchListResponse } },
    config: { permission: 'cadres:simulate' },
    handler: async (req) => listBatches(ctx(), await scopeOf(req)),
  });
  r.post('/conversion-batches', {
    schema: { tags, body: ConversionBatchBody, response: { 201: CreateBatchResponse } },
    config: { permission: 'cadres:simulate' },
    handler: async (req, reply) => reply.status(201).send(await createBatch(ctx(), await scopeOf(req), actor(req), req.body)),
  });

  r.get('/retirement', {
    schema: { tags, querystring: RetirementQuery, response: { 200: RetirementResponse } },
    config: { permission: 'cadres:read' },
    handler: async (req) => retirementForecast(ctx(), await scopeOf(req), req.query),
  });
  r.get('/roster.xlsx', {
    schema: { tags, querystring: RosterQuery, response: { 200: FileDownload } },
    config: { permission: 'cadres:read', sensitive: true },
    handler: async (req, reply) =>
      reply
        .type(XLSX_MIME)
        .header('content-disposition', attachment('cadre-roster.xlsx', '干部名册.xlsx'))
        .header('cache-control', 'no-store')
        .send(await rosterWorkbook(ctx(), await scopeOf(req), actorOf(req), req.query.orgId)),
  });

  r.get('/records', {
    schema: { tags, querystring: CadreRecordQuery, response: { 200: CadreRecordListResponse } },
    config: { permission: 'cadres:read' },
    handler: async (req) => listRecords(ctx(), await scopeOf(req), req.query),
  });
  r.post('/records', {
    schema: { tags, body: CreateCadreRecordBody, response: { 201: CreatedResponse } },
    config: { permission: 'cadres:write' },
    handler: async (req, reply) => reply.status(201).send(await createRecord(ctx(), await scopeOf(req), actor(req), req.body)),
  });
  r.get('/records/:id', {
    schema: { tags, params: IdParams, response: { 200: CadreRecordDetail } },
    config: { permission: 'cadres:read' },
    handler: async (req) => getRecord(ctx(), await scopeOf(req), await scopeOf(req, 'cadres:restricted'), actorOf(req), req.params.id),
  });

  r.get('/teams/:orgId', {
    schema: { tags, params: TeamParams, response: { 200: TeamView } },
    config: { permission: 'cadres:read' },
    handler: async (req) => teamView(ctx(), await scopeOf(req), req.params.orgId),
  });
  r.post('/teams/:orgId/posts', {
    schema: { tags, params: TeamParams, body: CreateTeamPostBody, response: { 201: CreatedResponse } },
    config: { permission: 'cadres:write' },
    handler: async (req, reply) =>
      reply.status(201).send(await addPost(ctx(), await scopeOf(req), actorOf(req), req.params.orgId, req.body)),
  });
  r.put('/teams/:orgId/targets', {
    schema: { tags, params: TeamParams, body: TeamTargets, response: { 200: TeamView } },
    config: { permission: 'cadres:write' },
    handler: async (req) => setTargets(ctx(), await scopeOf(req), actorOf(req), req.params.orgId, req.body),
  });
  r.post('/teams/:orgId/evaluations', {
    schema: { tags, params: TeamParams, body: TeamEvaluationBody, response: { 201: CreatedResponse } },
    config: { permission: 'cadres:write' },
    handler: async (req, reply) =>
      reply.status(201).send(await addEvaluation(ctx(), await scopeOf(req), actorOf(req), req.params.orgId, req.body)),
  });
  r.post('/posts/:id/appoint', {
    schema: { tags, params: IdParams, body: AppointBody, response: { 200: CreatedResponse } },
    config: { permission: 'cadres:write' },
    handler: async (req) => appoint(ctx(), await scopeOf(req), actor(req), req.params.id, req.body),
  });
  r.post('/posts/:id/vacate', {
    schema: { tags, params: IdParams, body: VacateBody, response: { 200: CreatedResponse } },
    config: { permission: 'cadres:write' },
    handler: async (req) => vacate(ctx(), await scopeOf(req), actor(req), req.params.id, req.body),
  });

  r.get('/young', {
    schema: { tags, response: { 200: YoungView } },
    config: { permission: 'cadres:read' },
    handler: async (req) => youngView(ctx(), await scopeOf(req)),
  });
  r.post('/young', {
    schema: { tags, body: YoungEntryBody, response: { 201: CreatedResponse } },
    config: { permission: 'cadres:write' },
    handler: async (req, reply) => reply.status(201).send(await addYoung(ctx(), await scopeOf(req), actorOf(req), req.body)),
  });
  r.put('/young/:id', {
    schema: { tags, params: IdParams, body: YoungUpdateBody, response: { 200: CreatedResponse } },
    config: { permission: 'cadres:write' },
    handler: async (req) => updateYoung(ctx(), await scopeOf(req), actorOf(req), req.params.id, req.body),
  });
}
