import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AwardDecisionBody,
  AwardDetail,
  AwardListQuery,
  AwardPage,
  AwardRuleBody,
  AwardRuleList,
  AwardRuleSetParams,
  AwardStats,
  AwardStatsQuery,
  DeliveryBody,
  FileDownload,
  IdParams,
  NominateBody,
  NominateResponse,
  type AwardRuleSet,
} from '@zhenggong/core';
import type { FastifyInstance } from 'fastify';
import { auditingDenials } from '../../platform/access/denials.ts';
import { actorOf, principalOf, scopeOf } from '../../platform/http/request-context.ts';
import { today } from '../personnel/people.ts';
import { awardApprovalDocx, DOCX_MIME } from './award-docx.ts';
import { addAwardRuleVersion, listAwardRule } from './award-rules.ts';
import { awardDetail, decideAward, recordDelivery } from './award-decision.ts';
import { awardRegister, awardStats, XLSX_MIME } from './award-stats.ts';
import { listAwards, nominate } from './nominations.ts';
import './award-workflow.ts';

export const attachment = (ascii: string, utf8: string) => `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(utf8)}`;

/** Awards (立功受奖), mounted at /api/v1/awards: nominations, decisions, delivery, statistics, register, rule data. */
export async function awardsRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['awards'];
  const ctx = () => app.ctx;

  r.post('/nominations', {
    schema: { tags, body: NominateBody, response: { 201: NominateResponse } },
    config: { permission: 'awards:nominate' },
    handler: async (req, reply) => {
      const scope = await scopeOf(req);
      // A nomination naming people outside the proposer's scope is a scope denial in the audit chain.
      const out = await auditingDenials(ctx(), actorOf(req), { eventType: 'awards.nominate', objectType: 'award_case' }, () =>
        nominate(ctx(), scope, principalOf(req), actorOf(req), req.body),
      );
      return reply.status(201).send(out);
    },
  });
  r.get('/nominations', {
    schema: { tags, querystring: AwardListQuery, response: { 200: AwardPage } },
    config: { permission: 'awards:read' },
    handler: async (req) => listAwards(ctx(), await scopeOf(req), req.query),
  });
  r.get('/nominations/:id', {
    schema: { tags, params: IdParams, response: { 200: AwardDetail } },
    config: { permission: 'awards:read' },
    handler: async (req) => awardDetail(ctx(), await scopeOf(req), req.params.id),
  });
  r.get('/nominations/:id/approval-form.docx', {
    schema: { tags, params: IdParams, response: { 200: FileDownload } },
    config: { permission: 'awards:read', sensitive: true },
    handler: async (req, reply) => {
      const file = await awardApprovalDocx(ctx(), await scopeOf(req), req.params.id);
      return reply
        .type(DOCX_MIME)
        .header('content-disposition', attachment(`award-${req.params.id}.docx`, `奖励审批表-${file.name}.docx`))
        .send(file.body);
    },
  });
  r.post('/nominations/:id/decision', {
    schema: { tags, params: IdParams, body: AwardDecisionBody, response: { 200: AwardDetail } },
    config: { permission: 'awards:approve' },
    handler: async (req) => decideAward(ctx(), await scopeOf(req), actorOf(req), req.params.id, req.body),
  });
  r.post('/nominations/:id/delivery', {
    schema: { tags, params: IdParams, body: DeliveryBody, response: { 200: AwardDetail } },
    config: { permission: 'awards:nominate' },
    handler: async (req) => recordDelivery(ctx(), await scopeOf(req), actorOf(req), req.params.id, req.body),
  });
  r.get('/stats', {
    schema: { tags, querystring: AwardStatsQuery, response: { 200: AwardStats } },
    config: { permission: 'awards:read' },
    handler: async (req) => awardStats(ctx(), await scopeOf(req), req.query.year),
  });
  r.get('/register.xlsx', {
    schema: { tags, querystring: AwardStatsQuery, response: { 200: FileDownload } },
    config: { permission: 'awards:read', sensitive: true },
    handler: async (req, reply) => {
      const body = await awardRegister(ctx(), await scopeOf(req), actorOf(req), req.query.year);
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachment('award-register.xlsx', `奖励登记册${req.query.year ?? ''}.xlsx`))
        .send(body);
    },
  });
  r.get('/rules/:set', {
    schema: { tags, params: AwardRuleSetParams, response: { 200: AwardRuleList } },
    config: { permission: 'awards:read' },
    handler: async (req) => listAwardRule(ctx(), req.params.set as AwardRuleSet, today(ctx())),
  });
  r.post('/rules/:set', {
    schema: { tags, params: AwardRuleSetParams, body: AwardRuleBody, response: { 201: AwardRuleList } },
    config: { permission: 'awards:rules' },
    handler: async (req, reply) =>
      reply.status(201).send(await addAwardRuleVersion(ctx(), await scopeOf(req), actorOf(req), req.params.set as AwardRuleSet, req.body)),
  });
}
