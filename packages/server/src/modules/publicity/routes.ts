import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  AccountList,
  AccountView,
  CreateAccountBody,
  CreateIncidentBody,
  CreateReporterBody,
  EndReporterBody,
  IdParams,
  IncidentList,
  IncidentView,
  MyOutputBody,
  OutputList,
  OutputQuery,
  OutputView,
  RankingQuery,
  RankingView,
  RejectOutputBody,
  ReleaseBody,
  ReporterList,
  ReporterView,
  ScoringRuleBody,
  ScoringRuleView,
  SubmitOutputBody,
  SyncRuleView,
  SyncValue,
  UpdateAccountBody,
  VerifyOutputBody,
} from '@zhenggong/core';
import type { FastifyInstance } from 'fastify';
import { Strict } from '@zhenggong/core';
import { today } from '../../platform/clock.ts';
import { actorOf, principalOf, scopeOf } from '../../platform/http/request-context.ts';
import { addRelease, createIncident, listIncidents } from './incident-service.ts';
import { listOutputs, myOutputs, rejectOutput, submitMyOutput, submitOutput, verifyOutput } from './output-service.ts';
import { publicityRanking } from './publicity-face.ts';
import { addPublicityRule, listPublicityRule } from './publicity-rules.ts';
import { addReporter, createAccount, endReporter, listAccounts, listReporters, updateAccount } from './team-service.ts';

const SyncRuleBody = Type.Composite([Type.Omit(ScoringRuleBody, ['value']), Strict({ value: SyncValue })], { additionalProperties: false });

/** Routes of publicity (宣传) and official accounts (政务新媒体), mounted at /api/v1/publicity. */
export async function publicityRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['publicity'];
  const read = { permission: 'publicity:read' };
  const write = { permission: 'publicity:write' };
  const verify = { permission: 'publicity:verify' };
  const self = { permission: 'publicity:self' };
  const ctx = () => app.ctx;

  r.get('/reporters', {
    schema: { tags, response: { 200: ReporterList } },
    config: read,
    handler: async (req) => listReporters(ctx(), await scopeOf(req)),
  });
  r.post('/reporters', {
    schema: { tags, body: CreateReporterBody, response: { 201: ReporterView } },
    config: write,
    handler: async (req, reply) => reply.status(201).send(await addReporter(ctx(), await scopeOf(req), actorOf(req), req.body)),
  });
  r.post('/reporters/:id/end', {
    schema: { tags, params: IdParams, body: EndReporterBody, response: { 200: ReporterView } },
    config: write,
    handler: async (req) => endReporter(ctx(), await scopeOf(req), actorOf(req), req.params.id, req.body.until),
  });

  r.get('/outputs', {
    schema: { tags, querystring: OutputQuery, response: { 200: OutputList } },
    config: read,
    handler: async (req) => listOutputs(ctx(), await scopeOf(req), req.query),
  });
  r.post('/outputs', {
    schema: { tags, body: SubmitOutputBody, response: { 201: OutputView } },
    config: write,
    handler: async (req, reply) => reply.status(201).send(await submitOutput(ctx(), await scopeOf(req), actorOf(req), req.body)),
  });
  r.post('/outputs/:id/verify', {
    schema: { tags, params: IdParams, body: VerifyOutputBody, response: { 200: OutputView } },
    config: verify,
    handler: async (req) => verifyOutput(ctx(), await scopeOf(req), actorOf(req), principalOf(req).userId, req.params.id, req.body),
  });
  r.post('/outputs/:id/reject', {
    schema: { tags, params: IdParams, body: RejectOutputBody, response: { 200: OutputView } },
    config: verify,
    handler: async (req) => rejectOutput(ctx(), await scopeOf(req), actorOf(req), principalOf(req).userId, req.params.id, req.body.reason),
  });
  r.get('/rankings', {
    schema: { tags, querystring: RankingQuery, response: { 200: RankingView } },
    config: read,
    handler: async (req) => {
      const by = req.query.by ?? 'person';
      return { period: req.query.period, by, items: await publicityRanking(ctx().db, await scopeOf(req), req.query.period, by) };
    },
  });

  r.get('/my/outputs', {
    schema: {
      tags,
      response: { 200: Type.Object({ items: OutputList.properties.items, total: Type.Number(), isReporter: Type.Boolean() }) },
    },
    config: self,
    handler: async (req) => myOutputs(ctx(), principalOf(req)),
  });
  r.post('/my/outputs', {
    schema: { tags, body: MyOutputBody, response: { 201: OutputView } },
    config: self,
    handler: async (req, reply) => reply.status(201).send(await submitMyOutput(ctx(), principalOf(req), actorOf(req), req.body)),
  });

  r.get('/rules/scoring', {
    schema: { tags, response: { 200: ScoringRuleView } },
    config: read,
    handler: async () => listPublicityRule(ctx(), 'scoring', today(ctx().clock)),
  });
  r.post('/rules/scoring', {
    schema: { tags, body: ScoringRuleBody, response: { 201: ScoringRuleView } },
    config: write,
    handler: async (req, reply) =>
      reply.status(201).send(await addPublicityRule(ctx(), await scopeOf(req), actorOf(req), 'scoring', req.body)),
  });
  r.get('/rules/sync', {
    schema: { tags, response: { 200: SyncRuleView } },
    config: read,
    handler: async () => listPublicityRule(ctx(), 'sync', today(ctx().clock)),
  });
  r.post('/rules/sync', {
    schema: { tags, body: SyncRuleBody, response: { 201: SyncRuleView } },
    config: write,
    handler: async (req, reply) =>
      reply.status(201).send(await addPublicityRule(ctx(), await scopeOf(req), actorOf(req), 'sync', req.body)),
  });

  r.get('/accounts', {
    schema: { tags, response: { 200: AccountList } },
    config: read,
    handler: async (req) => listAccounts(ctx(), await scopeOf(req)),
  });
  r.post('/accounts', {
    schema: { tags, body: CreateAccountBody, response: { 201: AccountView } },
    config: write,
    handler: async (req, reply) => reply.status(201).send(await createAccount(ctx(), await scopeOf(req), actorOf(req), req.body)),
  });
  r.patch('/accounts/:id', {
    schema: { tags, params: IdParams, body: UpdateAccountBody, response: { 200: AccountView } },
    config: write,
    handler: async (req) => updateAccount(ctx(), await scopeOf(req), actorOf(req), req.params.id, req.body),
  });

  r.get('/incidents', {
    schema: { tags, response: { 200: IncidentList } },
    config: read,
    handler: async (req) => listIncidents(ctx(), await scopeOf(req)),
  });
  r.post('/incidents', {
    schema: { tags, body: CreateIncidentBody, response: { 201: IncidentView } },
    config: write,
    handler: async (req, reply) => reply.status(201).send(await createIncident(ctx(), await scopeOf(req), actorOf(req), req.body)),
  });
  r.post('/incidents/:id/releases', {
    schema: { tags, params: IdParams, body: ReleaseBody, response: { 200: IncidentView } },
    config: write,
    handler: async (req) => addRelease(ctx(), await scopeOf(req), actorOf(req), req.params.id, req.body),
  });
}
