import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AlertActionResponse,
  AlertDetailResponse,
  WarningAlertListQuery,
  AlertListResponse,
  WarningAppealBody,
  AppealListResponse,
  AssignBody,
  CloseBody,
  CockpitDrillQuery,
  CockpitDrillResponse,
  CockpitQuery,
  CockpitResponse,
  ConsultBody,
  CreateReportBody,
  DecideAppealBody,
  DismissBody,
  DisparityQuery,
  DisparityResponse,
  FactBody,
  FileDownload,
  FollowUpBody,
  IdParams,
  MeasureBody,
  OkResponse,
  PolicyCodeParams,
  PolicyListResponse,
  PolicyVersionBody,
  ReportListQuery,
  ReportListResponse,
  ReportResponse,
  ReportSummaryResponse,
  RunBody,
  RunResponse,
  SelfViewResponse,
  UpdateReportBody,
} from '@zhenggong/core';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { actorOf, principalOf, scopeOf } from '../../platform/http/request-context.ts';
import { actOnAlert, getAlert, listAlerts } from './alert-service.ts';
import { cockpit, cockpitDrill } from './cockpit-service.ts';
import { disparityReport } from './disparity-service.ts';
import { addFact, addPolicyVersion, listPolicies, runMonthOnRequest } from './policy-service.ts';
import { DOCX_MIME, reportDocx } from './report-docx.ts';
import { createReport, currentQuarter, listReports, loadReport, reportSummary, submitReport, updateReport } from './report-service.ts';
import { registerWarningJobs } from './warning-jobs.ts';
import { decideAppeal, fileAppeal, listAppeals, selfView } from './self-service.ts';

const Created = Type.Object({ id: Type.String() });

/** Routes of the early-warning module (队伍质态研判), mounted at /api/v1/warning. */
export async function warningRoutes(app: FastifyInstance): Promise<void> {
  registerWarningJobs(app);
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['warning'];
  const ctx = () => app.ctx;
  const read = { permission: 'warning:read' };
  const handle = { permission: 'warning:handle' };
  const configure = { permission: 'warning:configure' };
  const report = { permission: 'warning:report' };
  const withUser = (req: Parameters<typeof actorOf>[0]) => ({ ...actorOf(req), userId: principalOf(req).userId });

  r.get('/alerts', {
    schema: { tags, querystring: WarningAlertListQuery, response: { 200: AlertListResponse } },
    config: read,
    handler: async (req) => listAlerts(ctx(), await scopeOf(req), actorOf(req), req.query),
  });
  r.get('/alerts/:id', {
    schema: { tags, params: IdParams, response: { 200: AlertDetailResponse } },
    config: read,
    handler: async (req) => getAlert(ctx(), await scopeOf(req), actorOf(req), req.params.id),
  });
  r.post('/alerts/:id/assign', {
    schema: { tags, params: IdParams, body: AssignBody, response: { 200: AlertActionResponse } },
    config: handle,
    handler: async (req) =>
      actOnAlert(ctx(), await scopeOf(req), withUser(req), req.params.id, { action: 'assign', note: req.body.note ?? null }),
  });
  r.post('/alerts/:id/consultations', {
    schema: { tags, params: IdParams, body: ConsultBody, response: { 200: AlertActionResponse } },
    config: handle,
    handler: async (req) => actOnAlert(ctx(), await scopeOf(req), withUser(req), req.params.id, { action: 'consult', body: req.body }),
  });
  r.post('/alerts/:id/measures', {
    schema: { tags, params: IdParams, body: MeasureBody, response: { 200: AlertActionResponse } },
    config: handle,
    handler: async (req) => actOnAlert(ctx(), await scopeOf(req), withUser(req), req.params.id, { action: 'measure', body: req.body }),
  });
  r.post('/alerts/:id/follow-ups', {
    schema: { tags, params: IdParams, body: FollowUpBody, response: { 200: AlertActionResponse } },
    config: handle,
    handler: async (req) => actOnAlert(ctx(), await scopeOf(req), withUser(req), req.params.id, { action: 'follow_up', body: req.body }),
  });
  r.post('/alerts/:id/close', {
    schema: { tags, params: IdParams, body: CloseBody, response: { 200: AlertActionResponse } },
    config: handle,
    handler: async (req) => actOnAlert(ctx(), await scopeOf(req), withUser(req), req.params.id, { action: 'close', body: req.body }),
  });
  r.post('/alerts/:id/dismiss', {
    schema: { tags, params: IdParams, body: DismissBody, response: { 200: AlertActionResponse } },
    config: handle,
    handler: async (req) => actOnAlert(ctx(), await scopeOf(req), withUser(req), req.params.id, { action: 'dismiss', body: req.body }),
  });

  r.get('/appeals', {
    schema: { tags, response: { 200: AppealListResponse } },
    config: handle,
    handler: async (req) => listAppeals(ctx(), await scopeOf(req)),
  });
  r.post('/appeals/:id/decide', {
    schema: { tags, params: IdParams, body: DecideAppealBody, response: { 200: OkResponse } },
    config: handle,
    handler: async (req) => decideAppeal(ctx(), await scopeOf(req), withUser(req), req.params.id, req.body),
  });
  r.get('/self', {
    schema: { tags, response: { 200: SelfViewResponse } },
    config: { permission: 'personnel:self' },
    handler: async (req) => selfView(ctx(), principalOf(req), actorOf(req)),
  });
  r.post('/self/appeals', {
    schema: { tags, body: WarningAppealBody, response: { 201: Created } },
    config: { permission: 'personnel:self' },
    handler: async (req, reply) => reply.status(201).send(await fileAppeal(ctx(), principalOf(req), actorOf(req), req.body)),
  });

  r.get('/policies', {
    schema: { tags, response: { 200: PolicyListResponse } },
    config: read,
    handler: async () => listPolicies(ctx()),
  });
  r.post('/policies/:code/versions', {
    schema: { tags, params: PolicyCodeParams, body: PolicyVersionBody, response: { 201: PolicyListResponse.properties.items.items } },
    config: configure,
    handler: async (req, reply) =>
      reply.status(201).send(await addPolicyVersion(ctx(), await scopeOf(req), actorOf(req), req.params.code, req.body)),
  });
  r.post('/facts', {
    schema: { tags, body: FactBody, response: { 201: Created } },
    config: configure,
    handler: async (req, reply) => reply.status(201).send(await addFact(ctx(), await scopeOf(req), actorOf(req), req.body)),
  });
  r.post('/runs', {
    schema: { tags, body: RunBody, response: { 200: RunResponse } },
    config: configure,
    handler: async (req) => runMonthOnRequest(ctx(), await scopeOf(req), actorOf(req), req.body.asOf),
  });
  r.get('/disparity', {
    schema: { tags, querystring: DisparityQuery, response: { 200: DisparityResponse } },
    config: configure,
    handler: async (req) => disparityReport(ctx(), await scopeOf(req), actorOf(req), req.query),
  });

  r.get('/cockpit', {
    schema: { tags, querystring: CockpitQuery, response: { 200: CockpitResponse } },
    config: { permission: 'warning:cockpit' },
    handler: async (req) => cockpit(ctx(), await scopeOf(req), principalOf(req).orgId, req.query),
  });
  r.get('/cockpit/drill', {
    schema: { tags, querystring: CockpitDrillQuery, response: { 200: CockpitDrillResponse } },
    config: { permission: 'warning:cockpit' },
    handler: async (req) => cockpitDrill(ctx(), await scopeOf(req), req.query),
  });

  r.get('/reports', {
    schema: { tags, querystring: ReportListQuery, response: { 200: ReportListResponse } },
    config: report,
    handler: async (req) => listReports(ctx(), await scopeOf(req), req.query.quarter),
  });
  r.get('/reports/summary', {
    schema: { tags, querystring: ReportListQuery, response: { 200: ReportSummaryResponse } },
    config: report,
    handler: async (req) => reportSummary(ctx(), await scopeOf(req), req.query.quarter ?? currentQuarter(ctx())),
  });
  r.post('/reports', {
    schema: { tags, body: CreateReportBody, response: { 201: ReportResponse } },
    config: report,
    handler: async (req, reply) => reply.status(201).send(await createReport(ctx(), await scopeOf(req), actorOf(req), req.body)),
  });
  r.get('/reports/:id', {
    schema: { tags, params: IdParams, response: { 200: ReportResponse } },
    config: report,
    handler: async (req) => loadReport(ctx().db, await scopeOf(req), req.params.id),
  });
  r.put('/reports/:id', {
    schema: { tags, params: IdParams, body: UpdateReportBody, response: { 200: ReportResponse } },
    config: report,
    handler: async (req) => updateReport(ctx(), await scopeOf(req), actorOf(req), req.params.id, req.body.sections),
  });
  r.post('/reports/:id/submit', {
    schema: { tags, params: IdParams, response: { 200: ReportResponse } },
    config: { ...report, noBody: true },
    handler: async (req) => submitReport(ctx(), await scopeOf(req), withUser(req), req.params.id),
  });
  r.get('/reports/:id/docx', {
    schema: { tags, params: IdParams, response: { 200: FileDownload } },
    config: report,
    handler: async (req, reply) => {
      const rep = await loadReport(ctx().db, await scopeOf(req), req.params.id);
      const name = `${rep.orgName}${rep.quarter}队伍质态分析报告.docx`;
      return reply
        .header('content-type', DOCX_MIME)
        .header('content-disposition', `attachment; filename="report-${rep.quarter}.docx"; filename*=UTF-8''${encodeURIComponent(name)}`)
        .send(await reportDocx(rep));
    },
  });
}
