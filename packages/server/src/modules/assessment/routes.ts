import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AssessmentAppealBody,
  AppealDecisionBody,
  AppealView,
  CareContactBody,
  CaseResponse,
  ComputeBody,
  ConfirmGradesBody,
  ConfirmGradesResponse,
  CreateSchemeBody,
  DailyEntryBody,
  DailyListQuery,
  FileDownload,
  IdParams,
  AssessmentIdResponse,
  ListAppealsResponse,
  ListCareContactsResponse,
  ListDailyEntriesResponse,
  ListRoundsResponse,
  ListSchemesResponse,
  ListTalksResponse,
  ManualScoresBody,
  MyResultsResponse,
  OpenRoundBody,
  ReportQuery,
  ResultDetailResponse,
  RoundDetailResponse,
  RoundListQuery,
  RoundResultParams,
  RoundView,
  SchemeView,
  SelfScoresBody,
  TalkBody,
  TalkIntervalBody,
  TalkRemindersResponse,
  UnitRankingQuery,
  UnitRankingResponse,
} from '@zhenggong/core';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { attachment, XLSX_MIME } from '../../platform/files/attachment.ts';
import { actorOf, principalOf, scopeOf } from '../../platform/http/request-context.ts';
import { decideAppeal, fileAppeal, listAppeals, myResult, myResults, resultDetail, saveSelfAssessment } from './appeal-service.ts';
import './assessment-workflow.ts';
import {
  addCareContact,
  addEntry,
  addTalk,
  listCareContacts,
  listEntries,
  listTalks,
  setTalkInterval,
  talkReminders,
} from './daily-service.ts';
import { roundReport } from './report.ts';
import {
  computeRound,
  confirmGrades,
  listRounds,
  openRound,
  roundDetail,
  setManualScores,
  submitRound,
  unitRanking,
} from './round-service.ts';
import { createScheme, getScheme, listSchemes, publishScheme } from './scheme-service.ts';
import { registerTalkReminders } from './talk-reminder-job.ts';

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
/** Workflow actions need a user behind them; the guard has already refused anonymous calls. */
const wfActor = (req: FastifyRequest) => ({ ...actorOf(req), userId: principalOf(req).userId });

/** Routes of assessment (百分制考核、年度考核) and daily management (日常管理); mounted at /api/v1/assessment. */
export async function assessmentRoutes(app: FastifyInstance): Promise<void> {
  registerTalkReminders(app);
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const ctx = () => app.ctx;
  const tags = ['assessment'];
  const read = { permission: 'assessment:read' };
  const scheme = { permission: 'assessment:scheme' };
  const score = { permission: 'assessment:score' };
  const review = { permission: 'assessment:review' };
  const daily = { permission: 'assessment:daily' };
  const self = { permission: 'assessment:self' };

  r.get('/schemes', { schema: { tags, response: { 200: ListSchemesResponse } }, config: read, handler: async () => listSchemes(ctx()) });
  r.post('/schemes', {
    schema: { tags, body: CreateSchemeBody, response: { 201: SchemeView } },
    config: scheme,
    handler: async (req, reply) => reply.status(201).send(await createScheme(ctx(), await scopeOf(req), actorOf(req), req.body)),
  });
  r.get('/schemes/:id', {
    schema: { tags, params: IdParams, response: { 200: SchemeView } },
    config: read,
    handler: async (req) => getScheme(ctx(), req.params.id),
  });
  r.post('/schemes/:id/publish', {
    schema: { tags, params: IdParams, response: { 200: SchemeView } },
    config: { ...scheme, noBody: true },
    handler: async (req) => publishScheme(ctx(), await scopeOf(req), actorOf(req), req.params.id),
  });

  r.get('/rounds', {
    schema: { tags, querystring: RoundListQuery, response: { 200: ListRoundsResponse } },
    config: read,
    handler: async (req) => listRounds(ctx(), await scopeOf(req), req.query),
  });
  r.post('/rounds', {
    schema: { tags, body: OpenRoundBody, response: { 201: RoundView } },
    config: score,
    handler: async (req, reply) => reply.status(201).send(await openRound(ctx(), await scopeOf(req), actorOf(req), req.body)),
  });
  r.get('/rounds/:id', {
    schema: { tags, params: IdParams, response: { 200: RoundDetailResponse } },
    config: read,
    handler: async (req) => roundDetail(ctx(), await scopeOf(req), req.params.id),
  });
  r.post('/rounds/:id/compute', {
    schema: { tags, params: IdParams, body: ComputeBody, response: { 200: RoundDetailResponse } },
    config: score,
    handler: async (req) => computeRound(ctx(), await scopeOf(req), actorOf(req), req.params.id, req.body.asOf),
  });
  r.put('/rounds/:id/results/:resultId/manual', {
    schema: { tags, params: RoundResultParams, body: ManualScoresBody, response: { 200: RoundDetailResponse } },
    config: score,
    handler: async (req) => setManualScores(ctx(), await scopeOf(req), actorOf(req), req.params.id, req.params.resultId, req.body),
  });
  r.get('/rounds/:id/results/:resultId', {
    schema: { tags, params: RoundResultParams, response: { 200: ResultDetailResponse } },
    config: read,
    handler: async (req) => resultDetail(ctx(), await scopeOf(req), req.params.id, req.params.resultId),
  });
  r.post('/rounds/:id/submit', {
    schema: { tags, params: IdParams, response: { 200: CaseResponse } },
    config: { ...score, noBody: true },
    handler: async (req) => submitRound(ctx(), await scopeOf(req), wfActor(req), req.params.id),
  });
  r.post('/rounds/:id/grades', {
    schema: { tags, params: IdParams, body: ConfirmGradesBody, response: { 200: ConfirmGradesResponse } },
    config: review,
    handler: async (req) => confirmGrades(ctx(), await scopeOf(req), wfActor(req), req.params.id, req.body),
  });
  r.get('/rounds/:id/report', {
    schema: { tags, params: IdParams, querystring: ReportQuery, produces: [XLSX_MIME, DOCX_MIME], response: { 200: FileDownload } },
    config: read,
    handler: async (req, reply) => {
      const f = req.query.format;
      const file = await roundReport(ctx(), await scopeOf(req), actorOf(req), req.params.id, f);
      return reply
        .type(f === 'xlsx' ? XLSX_MIME : DOCX_MIME)
        .header('content-disposition', attachment(`assessment.${f}`, `${file.title}.${f}`))
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  });
  r.get('/ranking', {
    schema: { tags, querystring: UnitRankingQuery, response: { 200: UnitRankingResponse } },
    config: read,
    handler: async (req) => unitRanking(ctx(), await scopeOf(req), req.query),
  });

  r.get('/appeals', {
    schema: { tags, response: { 200: ListAppealsResponse } },
    config: review,
    handler: async (req) => listAppeals(ctx(), await scopeOf(req)),
  });
  r.post('/appeals/:id/decision', {
    schema: { tags, params: IdParams, body: AppealDecisionBody, response: { 200: AppealView } },
    config: review,
    handler: async (req) => decideAppeal(ctx(), await scopeOf(req), wfActor(req), req.params.id, req.body),
  });

  r.get('/my', {
    schema: { tags, response: { 200: MyResultsResponse } },
    config: self,
    handler: async (req) => myResults(ctx(), principalOf(req).userId),
  });
  r.get('/my/results/:id', {
    schema: { tags, params: IdParams, response: { 200: ResultDetailResponse } },
    config: self,
    handler: async (req) => myResult(ctx(), principalOf(req).userId, req.params.id),
  });
  r.put('/my/results/:id/self', {
    schema: { tags, params: IdParams, body: SelfScoresBody, response: { 200: ResultDetailResponse } },
    config: self,
    handler: async (req) => saveSelfAssessment(ctx(), principalOf(req).userId, actorOf(req), req.params.id, req.body),
  });
  r.post('/my/results/:id/appeals', {
    schema: { tags, params: IdParams, body: AssessmentAppealBody, response: { 201: AppealView } },
    config: self,
    handler: async (req, reply) => reply.status(201).send(await fileAppeal(ctx(), wfActor(req), req.params.id, req.body)),
  });

  r.get('/daily/entries', {
    schema: { tags, querystring: DailyListQuery, response: { 200: ListDailyEntriesResponse } },
    config: daily,
    handler: async (req) => listEntries(ctx(), await scopeOf(req), req.query),
  });
  r.post('/daily/entries', {
    schema: { tags, body: DailyEntryBody, response: { 201: AssessmentIdResponse } },
    config: daily,
    handler: async (req, reply) => reply.status(201).send(await addEntry(ctx(), await scopeOf(req), actorOf(req), req.body)),
  });
  r.get('/daily/talks', {
    schema: { tags, querystring: DailyListQuery, response: { 200: ListTalksResponse } },
    config: daily,
    handler: async (req) => listTalks(ctx(), await scopeOf(req), actorOf(req), req.query),
  });
  r.post('/daily/talks', {
    schema: { tags, body: TalkBody, response: { 201: AssessmentIdResponse } },
    config: daily,
    handler: async (req, reply) => reply.status(201).send(await addTalk(ctx(), await scopeOf(req), actorOf(req), req.body)),
  });
  r.get('/daily/care', {
    schema: { tags, querystring: DailyListQuery, response: { 200: ListCareContactsResponse } },
    config: daily,
    handler: async (req) => listCareContacts(ctx(), await scopeOf(req), req.query),
  });
  r.post('/daily/care', {
    schema: { tags, body: CareContactBody, response: { 201: AssessmentIdResponse } },
    config: daily,
    handler: async (req, reply) => reply.status(201).send(await addCareContact(ctx(), await scopeOf(req), actorOf(req), req.body)),
  });
  r.get('/daily/talk-reminders', {
    schema: {
      tags,
      querystring: Type.Object({ orgId: Type.Optional(Type.String({ format: 'uuid' })) }),
      response: { 200: TalkRemindersResponse },
    },
    config: daily,
    handler: async (req) => talkReminders(ctx(), await scopeOf(req), req.query.orgId),
  });
  r.post('/daily/talk-interval', {
    schema: { tags, body: TalkIntervalBody, response: { 201: AssessmentIdResponse } },
    config: daily,
    handler: async (req, reply) => reply.status(201).send(await setTalkInterval(ctx(), await scopeOf(req), actorOf(req), req.body)),
  });
}
