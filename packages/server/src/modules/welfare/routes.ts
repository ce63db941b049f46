import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  AlertActionBody,
  AlertListQuery,
  AlertView,
  AlertRulesValue,
  AnnualLeaveValue,
  ApplyLeaveBody,
  CancelLeaveBody,
  CareListQuery,
  CareRecordBody,
  ConvalescenceValue,
  WelfareCreatedResponse,
  GrantConsentBody,
  HomeVisitValue,
  IdParams,
  IngestBody,
  IngestHeaders,
  IngestResponse,
  LeaveApprovalValue,
  LeaveCalendarQuery,
  LeaveCalendarResponse,
  LeaveKindsResponse,
  LeaveKindsValue,
  LeaveListQuery,
  LeaveStatsQuery,
  LeaveStatsResponse,
  LedgerEntryBody,
  LedgerQuery,
  LedgerResponse,
  ListAlertsResponse,
  ListCareResponse,
  ListLeaveResponse,
  ListWelfareRuleResponse,
  MyWearableResponse,
  OpenPsychCaseBody,
  PsychCaseListResponse,
  PsychCaseView,
  PsychCloseBody,
  PsychEscalateBody,
  PsychListQuery,
  PsychSessionBody,
  RegisterDeviceBody,
  RegisterDeviceResponse,
  RuleDateQuery,
  SelfReferralBody,
  WearableRosterResponse,
  WearableValue,
  WelfareRuleBody,
  WelfareStatsResponse,
  WithdrawConsentBody,
  type WelfareRuleSet,
} from '@zhenggong/core';
import type { FastifyInstance } from 'fastify';
import { actorOf, principalOf, scopeOf } from '../../platform/http/request-context.ts';
import { linkedPerson, today } from '../personnel/people.ts';
import { createCareRecord, finishCareRecord, listCareRecords, welfareStats } from './care-service.ts';
import { grantConsent, withdrawConsent } from './consent-service.ts';
import { leaveCalendar, leaveStats } from './leave-calendar.ts';
import { registerLeaveReminder } from './leave-reminder-job.ts';
import { addLedgerEntry, applyLeave, cancelLeave, kindsInForce, ledgerInScope, ledgerOf, listLeave } from './leave-service.ts';
import { addSession, closePsychCase, escalate, getPsychCase, listPsychCases, openPsychCase, selfReferral } from './psych-service.ts';
import { registerWearableRetention } from './wearable-retention-job.ts';
import { actOnAlert, ingestReadings, listAlerts, myWearable, registerMyDevice, wearableRoster } from './wearable-service.ts';
import { addWelfareRule, listWelfareRule } from './welfare-rules.ts';

const ruleRoutes = [
  { path: 'leave-kinds', ruleSet: 'leaveKinds', schema: LeaveKindsValue, permission: 'leave:manage' },
  { path: 'annual-leave', ruleSet: 'annualLeave', schema: AnnualLeaveValue, permission: 'leave:manage' },
  { path: 'home-visit', ruleSet: 'homeVisit', schema: HomeVisitValue, permission: 'leave:manage' },
  { path: 'leave-approval', ruleSet: 'leaveApproval', schema: LeaveApprovalValue, permission: 'leave:manage' },
  { path: 'alert-rules', ruleSet: 'alertRules', schema: AlertRulesValue, permission: 'welfare:manage' },
  { path: 'wearable', ruleSet: 'wearable', schema: WearableValue, permission: 'welfare:manage' },
  { path: 'convalescence', ruleSet: 'convalescence', schema: ConvalescenceValue, permission: 'welfare:manage' },
] as const satisfies readonly { path: string; ruleSet: WelfareRuleSet; schema: unknown; permission: string }[];

const self = { permission: 'personnel:self' };
const yearOf = (ctx: { clock: { now(): Date } } & Parameters<typeof today>[0], y: number | undefined) =>
  y ?? Number(today(ctx).slice(0, 4));

/** Routes of this module, mounted at /api/v1/welfare: caring for the force (从优待警). */
export async function welfareRoutes(app: FastifyInstance): Promise<void> {
  registerLeaveReminder(app);
  registerWearableRetention(app);
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['welfare'];
  const ctx = () => app.ctx;

  // Leave (请休假)
  r.get('/leave/kinds', {
    schema: { tags, response: { 200: LeaveKindsResponse } },
    config: self,
    handler: async () => ({
      kinds: (await kindsInForce(ctx(), today(ctx()))).map(({ exclusion: _e, ...k }) => k),
      homeVisitOptions: (await listWelfareRule(ctx(), 'homeVisit', today(ctx()))).inForce.value.options,
    }),
  });
  r.post('/leave/applications', {
    schema: { tags, body: ApplyLeaveBody, response: { 201: WelfareCreatedResponse } },
    config: self,
    handler: async (req, reply) => reply.status(201).send(await applyLeave(ctx(), principalOf(req), actorOf(req), req.body)),
  });
  r.get('/leave/my', {
    schema: { tags, querystring: LedgerQuery, response: { 200: LedgerResponse } },
    config: { ...self, sensitive: true },
    handler: async (req) => ledgerOf(ctx(), ctx().db, (await linkedPerson(ctx().db, principalOf(req))).id, yearOf(ctx(), req.query.year)),
  });
  r.post('/leave/applications/:id/cancel', {
    schema: { tags, params: IdParams, body: CancelLeaveBody, response: { 200: WelfareCreatedResponse } },
    config: self,
    handler: async (req) => cancelLeave(ctx(), principalOf(req), actorOf(req), req.params.id, req.body.note ?? null),
  });
  r.get('/leave/applications', {
    schema: { tags, querystring: LeaveListQuery, response: { 200: ListLeaveResponse } },
    config: { permission: 'leave:read' },
    handler: async (req) => listLeave(ctx(), await scopeOf(req), req.query),
  });
  r.get('/leave/people/:id/ledger', {
    schema: { tags, params: IdParams, querystring: LedgerQuery, response: { 200: LedgerResponse } },
    config: { permission: 'leave:read' },
    handler: async (req) => ledgerInScope(ctx(), await scopeOf(req), req.params.id, yearOf(ctx(), req.query.year)),
  });
  r.post('/leave/ledger-entries', {
    schema: { tags, body: LedgerEntryBody, response: { 201: WelfareCreatedResponse } },
    config: { permission: 'leave:manage' },
    handler: async (req, reply) => reply.status(201).send(await addLedgerEntry(ctx(), await scopeOf(req), actorOf(req), req.body)),
  });
  r.get('/leave/calendar', {
    schema: { tags, querystring: LeaveCalendarQuery, response: { 200: LeaveCalendarResponse } },
    config: { permission: 'leave:read' },
    handler: async (req) => leaveCalendar(ctx(), await scopeOf(req), req.query.orgId, req.query.month),
  });
  r.get('/leave/stats', {
    schema: { tags, querystring: LeaveStatsQuery, response: { 200: LeaveStatsResponse } },
    config: { permission: 'leave:read' },
    handler: async (req) => leaveStats(ctx(), await scopeOf(req), yearOf(ctx(), req.query.year)),
  });

  for (const rule of ruleRoutes) {
    r.get(`/rules/${rule.path}`, {
      schema: { tags, querystring: RuleDateQuery, response: { 200: ListWelfareRuleResponse } },
      config: { permission: rule.permission },
      handler: async (req) => listWelfareRule(ctx(), rule.ruleSet, req.query.date ?? today(ctx())),
    });
    r.post(`/rules/${rule.path}`, {
      schema: {
        tags,
        body: WelfareRuleBody(rule.schema),
        response: { 201: Type.Object({ id: Type.Union([Type.String(), Type.Null()]) }) },
      },
      config: { permission: rule.permission },
      // The body schema is chosen per rule set above, so its value matches rule.ruleSet.
      handler: async (req, reply) => {
        const version = await addWelfareRule(ctx(), await scopeOf(req), actorOf(req), rule.ruleSet, req.body as never);
        return reply.status(201).send({ id: version.id });
      },
    });
  }

  // Consent and wearables (智能手环)
  r.get('/wearables/me', {
    schema: { tags, response: { 200: MyWearableResponse } },
    config: { ...self, sensitive: true },
    handler: async (req) => myWearable(ctx(), principalOf(req)),
  });
  r.post('/consents', {
    schema: { tags, body: GrantConsentBody, response: { 201: WelfareCreatedResponse } },
    config: self,
    handler: async (req, reply) =>
      reply.status(201).send(await grantConsent(ctx(), principalOf(req), actorOf(req), req.body.category, req.body.noticeVersion)),
  });
  r.post('/consents/withdraw', {
    schema: { tags, body: WithdrawConsentBody, response: { 200: WelfareCreatedResponse } },
    config: self,
    handler: async (req) => withdrawConsent(ctx(), principalOf(req), actorOf(req), req.body.category),
  });
  r.post('/wearables/devices', {
    schema: { tags, body: RegisterDeviceBody, response: { 201: RegisterDeviceResponse } },
    config: { ...self, sensitive: true },
    handler: async (req, reply) => reply.status(201).send(await registerMyDevice(ctx(), principalOf(req), actorOf(req), req.body)),
  });
  // Devices authenticate with their own token (hashed at rest), not a session.
  r.post('/wearables/ingest', {
    schema: { tags, headers: IngestHeaders, body: IngestBody, response: { 200: IngestResponse } },
    config: { public: true },
    bodyLimit: 2 * 1_048_576,
    handler: async (req) => ingestReadings(ctx(), req.headers['x-device-token'], req.body),
  });
  r.get('/wearables/alerts', {
    schema: { tags, querystring: AlertListQuery, response: { 200: ListAlertsResponse } },
    config: { permission: 'health:alert', sensitive: true },
    handler: async (req) => listAlerts(ctx(), await scopeOf(req), actorOf(req), req.query),
  });
  for (const action of ['ack', 'close'] as const) {
    r.post(`/wearables/alerts/:id/${action}`, {
      schema: { tags, params: IdParams, body: AlertActionBody, response: { 200: AlertView } },
      config: { permission: 'health:alert', sensitive: true },
      handler: async (req) =>
        actOnAlert(ctx(), await scopeOf(req), principalOf(req), actorOf(req), req.params.id, action, req.body.note ?? null),
    });
  }
  r.get('/wearables/roster', {
    schema: {
      tags,
      querystring: Type.Object({
        page: Type.Optional(Type.Integer({ minimum: 1 })),
        pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })),
      }),
      response: { 200: WearableRosterResponse },
    },
    config: { permission: 'health:alert', sensitive: true },
    handler: async (req) => wearableRoster(ctx(), await scopeOf(req), actorOf(req), req.query.page ?? 1, req.query.pageSize ?? 20),
  });

  // Psychological support (心理健康): only the psychological-care role
  r.post('/psych/self-referral', {
    schema: { tags, body: SelfReferralBody, response: { 201: WelfareCreatedResponse } },
    config: self,
    handler: async (req, reply) => reply.status(201).send(await selfReferral(ctx(), principalOf(req), actorOf(req), req.body)),
  });
  r.get('/psych/cases', {
    schema: { tags, querystring: PsychListQuery, response: { 200: PsychCaseListResponse } },
    config: { permission: 'psych:care', sensitive: true },
    handler: async (req) => listPsychCases(ctx(), await scopeOf(req), actorOf(req), req.query),
  });
  r.post('/psych/cases', {
    schema: { tags, body: OpenPsychCaseBody, response: { 201: WelfareCreatedResponse } },
    config: { permission: 'psych:care' },
    handler: async (req, reply) =>
      reply.status(201).send(await openPsychCase(ctx(), await scopeOf(req), principalOf(req), actorOf(req), req.body)),
  });
  r.get('/psych/cases/:id', {
    schema: { tags, params: IdParams, response: { 200: PsychCaseView } },
    config: { permission: 'psych:care', sensitive: true },
    handler: async (req) => getPsychCase(ctx(), await scopeOf(req), actorOf(req), req.params.id),
  });
  r.post('/psych/cases/:id/sessions', {
    schema: { tags, params: IdParams, body: PsychSessionBody, response: { 200: PsychCaseView } },
    config: { permission: 'psych:care', sensitive: true },
    handler: async (req) => addSession(ctx(), await scopeOf(req), principalOf(req), actorOf(req), req.params.id, req.body),
  });
  r.post('/psych/cases/:id/escalate', {
    schema: { tags, params: IdParams, body: PsychEscalateBody, response: { 200: PsychCaseView } },
    config: { permission: 'psych:care', sensitive: true },
    handler: async (req) => escalate(ctx(), await scopeOf(req), principalOf(req), actorOf(req), req.params.id, req.body.note),
  });
  r.post('/psych/cases/:id/close', {
    schema: { tags, params: IdParams, body: PsychCloseBody, response: { 200: PsychCaseView } },
    config: { permission: 'psych:care', sensitive: true },
    handler: async (req) => closePsychCase(ctx(), await scopeOf(req), actorOf(req), req.params.id, req.body.outcome),
  });

  // Care records (关爱帮扶) and statistics (counts only)
  r.get('/care/records', {
    schema: { tags, querystring: CareListQuery, response: { 200: ListCareResponse } },
    config: { permission: 'welfare:read', sensitive: true },
    handler: async (req) => listCareRecords(ctx(), await scopeOf(req), req.query),
  });
  r.post('/care/records', {
    schema: { tags, body: CareRecordBody, response: { 201: WelfareCreatedResponse } },
    config: { permission: 'welfare:manage' },
    handler: async (req, reply) =>
      reply.status(201).send(await createCareRecord(ctx(), await scopeOf(req), principalOf(req), actorOf(req), req.body)),
  });
  r.post('/care/records/:id/done', {
    schema: { tags, params: IdParams, response: { 200: WelfareCreatedResponse } },
    config: { permission: 'welfare:manage', noBody: true },
    handler: async (req) => finishCareRecord(ctx(), await scopeOf(req), actorOf(req), req.params.id),
  });
  r.get('/stats', {
    schema: { tags, querystring: LeaveStatsQuery, response: { 200: WelfareStatsResponse } },
    config: { permission: 'welfare:read' },
    handler: async (req) => welfareStats(ctx(), await scopeOf(req), yearOf(ctx(), req.query.year)),
  });
}
