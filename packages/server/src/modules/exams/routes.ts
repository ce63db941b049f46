import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  AnswerParams,
  CreateExamBody,
  CreateExamResponse,
  ExamEventBody,
  ExamIdParams,
  ExamineeListQuery,
  ExamListQuery,
  ExamStatsResponse,
  FileDownload,
  GradeAnswerBody,
  GradeAnswerResponse,
  GradingQueueQuery,
  GradingQueueResponse,
  Id,
  IdParams,
  ItemAnalysisResponse,
  ListExamineesResponse,
  ListExamsResponse,
  MakeUpBody,
  MyExamsResponse,
  MyResultResponse,
  NoContent,
  PersonResults2Response,
  ResultsQuery,
  SaveAnswerBody,
  StartExamResponse,
  StatsQuery,
  Strict,
  SubmitExamResponse,
  UpdateExamBody,
} from '@zhenggong/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { attachment, XLSX_MIME } from '../../platform/files/attachment.ts';
import { actorOf, principalOf, scopeOf } from '../../platform/http/request-context.ts';
import { exportExams } from './exam-export.ts';
import { cancelExam, createExam, getExam, listExams, makeUpExam, scheduleExam, updateExam } from './exam-service.ts';
import { personResults, publishResults } from './exam-results-service.ts';
import { gradeAnswer, gradingQueue } from './grading-service.ts';
import { listExaminees } from './proctor-service.ts';
import { myExams, myResult, recordEvent, saveAnswer, startExam, submitExam } from './session-service.ts';
import { itemAnalysis, examStats } from './stats-service.ts';
import { registerDeadlineSweep } from './sweep.ts';

const sessionToken = (req: FastifyRequest): string | undefined => {
  const h = req.headers['x-exam-session'];
  return Array.isArray(h) ? h[0] : h;
};

/** Routes of this module, mounted at /api/v1/exams. */
export async function examRoutes(app: FastifyInstance): Promise<void> {
  registerDeadlineSweep(app);
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['exams'];
  const manage = { permission: 'exam:manage' };
  const read = { permission: 'exam:read' };
  const take = { permission: 'exam:take' };
  const grade = { permission: 'exam:grade' };

  // Examinee (考生) — the caller's linked person.
  r.get('/mine', {
    schema: { tags, response: { 200: MyExamsResponse } },
    config: take,
    handler: async (req) => myExams(app.ctx, principalOf(req)),
  });
  r.post('/mine/:examId/start', {
    schema: { tags, params: ExamIdParams, response: { 200: StartExamResponse } },
    config: { ...take, noBody: true },
    handler: async (req) => startExam(app.ctx, principalOf(req), actorOf(req), req.params.examId),
  });
  r.put('/mine/:examId/answers/:no', {
    schema: {
      tags,
      params: AnswerParams,
      body: SaveAnswerBody,
      response: { 200: Type.Object({ savedAt: Type.String(), applied: Type.Boolean() }) },
    },
    config: take,
    handler: async (req) => saveAnswer(app.ctx, principalOf(req), req.params.examId, req.params.no, sessionToken(req), req.body),
  });
  r.post('/mine/:examId/events', {
    schema: { tags, params: ExamIdParams, body: ExamEventBody, response: { 204: NoContent } },
    config: take,
    handler: async (req, reply) => {
      await recordEvent(app.ctx, principalOf(req), req.params.examId, sessionToken(req));
      return reply.status(204).send();
    },
  });
  r.post('/mine/:examId/submit', {
    schema: { tags, params: ExamIdParams, response: { 200: SubmitExamResponse } },
    config: { ...take, noBody: true },
    handler: async (req) => submitExam(app.ctx, principalOf(req), actorOf(req), req.params.examId, sessionToken(req)),
  });
  r.get('/mine/:examId/result', {
    schema: { tags, params: ExamIdParams, response: { 200: MyResultResponse } },
    config: take,
    handler: async (req) => myResult(app.ctx, principalOf(req), req.params.examId),
  });

  // Grading (阅卷) — blind.
  r.get('/grading/queue', {
    schema: { tags, querystring: GradingQueueQuery, response: { 200: GradingQueueResponse } },
    config: grade,
    handler: async (req) => gradingQueue(app.ctx, await scopeOf(req), req.query),
  });
  r.post('/grading/:answerId', {
    schema: { tags, params: Strict({ answerId: Id }), body: GradeAnswerBody, response: { 200: GradeAnswerResponse } },
    config: grade,
    handler: async (req) => gradeAnswer(app.ctx, await scopeOf(req), actorOf(req), req.params.answerId, req.body),
  });

  // A person's results (成绩档案).
  r.get('/people/:personId/results', {
    schema: { tags, params: Strict({ personId: Id }), querystring: ResultsQuery, response: { 200: PersonResults2Response } },
    config: read,
    handler: async (req) => personResults(app.ctx, await scopeOf(req), req.params.personId, req.query),
  });

  // Administration (考试管理).
  r.get('/', {
    schema: { tags, querystring: ExamListQuery, response: { 200: ListExamsResponse } },
    config: read,
    handler: async (req) => listExams(app.ctx, await scopeOf(req), req.query),
  });
  r.get('/export.xlsx', {
    schema: { tags, querystring: ExamListQuery, produces: [XLSX_MIME], response: { 200: FileDownload } },
    config: { ...read, sensitive: true },
    handler: async (req, reply) => {
      const file = await exportExams(app.ctx, await scopeOf(req), actorOf(req), req.query);
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachment('exams.xlsx', '考试列表.xlsx'))
        .header('cache-control', 'no-store')
        .send(file);
    },
  });
  r.post('/', {
    schema: { tags, body: CreateExamBody, response: { 201: CreateExamResponse } },
    config: manage,
    handler: async (req, reply) => reply.status(201).send(await createExam(app.ctx, await scopeOf(req), actorOf(req), req.body)),
  });
  r.get('/:id', {
    schema: { tags, params: IdParams, response: { 200: CreateExamResponse } },
    config: read,
    handler: async (req) => getExam(app.ctx, await scopeOf(req), req.params.id),
  });
  r.patch('/:id', {
    schema: { tags, params: IdParams, body: UpdateExamBody, response: { 200: CreateExamResponse } },
    config: manage,
    handler: async (req) => updateExam(app.ctx, await scopeOf(req), actorOf(req), req.params.id, req.body),
  });
  r.post('/:id/schedule', {
    schema: { tags, params: IdParams, response: { 200: CreateExamResponse } },
    config: { ...manage, noBody: true },
    handler: async (req) => scheduleExam(app.ctx, await scopeOf(req), actorOf(req), req.params.id),
  });
  r.post('/:id/cancel', {
    schema: { tags, params: IdParams, response: { 200: CreateExamResponse } },
    config: { ...manage, noBody: true },
    handler: async (req) => cancelExam(app.ctx, await scopeOf(req), actorOf(req), req.params.id),
  });
  r.post('/:id/make-up', {
    schema: { tags, params: IdParams, body: MakeUpBody, response: { 201: CreateExamResponse } },
    config: manage,
    handler: async (req, reply) =>
      reply.status(201).send(await makeUpExam(app.ctx, await scopeOf(req), actorOf(req), req.params.id, req.body)),
  });
  r.post('/:id/publish-results', {
    schema: { tags, params: IdParams, response: { 200: CreateExamResponse } },
    config: { ...manage, noBody: true },
    handler: async (req) => {
      const scope = await scopeOf(req);
      await publishResults(app.ctx, scope, actorOf(req), req.params.id);
      return getExam(app.ctx, scope, req.params.id);
    },
  });
  r.get('/:id/examinees', {
    schema: { tags, params: IdParams, querystring: ExamineeListQuery, response: { 200: ListExamineesResponse } },
    config: read,
    handler: async (req) => listExaminees(app.ctx, await scopeOf(req), req.params.id, req.query),
  });
  r.get('/:id/stats', {
    schema: { tags, params: IdParams, querystring: StatsQuery, response: { 200: ExamStatsResponse } },
    config: read,
    handler: async (req) => examStats(app.ctx, await scopeOf(req), req.params.id),
  });
  r.get('/:id/item-analysis', {
    schema: { tags, params: IdParams, response: { 200: ItemAnalysisResponse } },
    config: read,
    handler: async (req) => itemAnalysis(app.ctx, await scopeOf(req), req.params.id),
  });
}
