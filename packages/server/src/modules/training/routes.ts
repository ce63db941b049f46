import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AddSessionResponse,
  AttendanceBody,
  ClassListQuery,
  CompletionBody,
  ConfirmCompletionResponse,
  CoverageQuery,
  CoverageStatusResponse,
  CreateClassBody,
  CreateClassResponse,
  CreateCoverageBody,
  CreateCoverageResponse,
  EnrollBody,
  EnrollResponse,
  EvaluationBody,
  EvaluationSummaryResponse,
  FileDownload,
  IdParams,
  ListClassesResponse,
  ListCoverageResponse,
  MyTrainingResponse,
  NoContent,
  OpenSignInResponse,
  pickLocale,
  RevokeCompletionBody,
  RosterResponse,
  SessionBody,
  SignInBody,
  SignInCodeBody,
  SignInResponse,
  TargetPreviewResponse,
  UpdateClassBody,
  WithdrawBody,
} from '@zhenggong/core';
import type { FastifyInstance } from 'fastify';
import { actorOf, principalOf, scopeOf } from '../../platform/http/request-context.ts';
import { createClass, getClass, listClasses, updateClass } from './class-service.ts';
import { exportClasses } from './class-export.ts';
import { coverageXlsx } from './coverage-export.ts';
import { coverageStatus, createCoverage, listCoverage } from './coverage-service.ts';
import {
  addSession,
  confirmCompletion,
  enroll,
  evaluationSummary,
  markAttendance,
  openSignIn,
  revokeCompletion,
  roster,
  targetPreview,
  withdraw,
} from './enrollment-service.ts';
import { evaluate, myTraining, signIn } from './my-training-service.ts';
import { attachment } from '../../platform/files/attachment.ts';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Routes of training classes (培训班), coverage (培训覆盖) and self-service, mounted at /api/v1/training. */
export async function trainingRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['training'];
  const read = { permission: 'training:read' };
  const write = { permission: 'training:write' };
  const self = { permission: 'training:self' };

  r.get('/classes', {
    schema: { tags, querystring: ClassListQuery, response: { 200: ListClassesResponse } },
    config: read,
    handler: async (req) => listClasses(app.ctx, await scopeOf(req), req.query),
  });
  r.get('/classes/export.xlsx', {
    schema: { tags, querystring: ClassListQuery, produces: [XLSX_MIME], response: { 200: FileDownload } },
    config: { ...read, sensitive: true },
    handler: async (req, reply) => {
      const file = await exportClasses(app.ctx, await scopeOf(req), actorOf(req), req.query);
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachment('training-classes.xlsx', '培训班.xlsx'))
        .header('cache-control', 'no-store')
        .send(file);
    },
  });
  r.post('/classes', {
    schema: { tags, body: CreateClassBody, response: { 201: CreateClassResponse } },
    config: write,
    handler: async (req, reply) => reply.status(201).send(await createClass(app.ctx, await scopeOf(req), actorOf(req), req.body)),
  });
  r.get('/classes/:id', {
    schema: { tags, params: IdParams, response: { 200: CreateClassResponse } },
    config: read,
    handler: async (req) => getClass(app.ctx, await scopeOf(req), req.params.id),
  });
  r.patch('/classes/:id', {
    schema: { tags, params: IdParams, body: UpdateClassBody, response: { 200: CreateClassResponse } },
    config: write,
    handler: async (req) => updateClass(app.ctx, await scopeOf(req), actorOf(req), req.params.id, req.body),
  });
  r.get('/classes/:id/candidates', {
    schema: { tags, params: IdParams, response: { 200: TargetPreviewResponse } },
    config: read,
    handler: async (req) => targetPreview(app.ctx, await scopeOf(req), req.params.id),
  });
  r.post('/classes/:id/enrollments', {
    schema: { tags, params: IdParams, body: EnrollBody, response: { 200: EnrollResponse } },
    config: write,
    handler: async (req) => enroll(app.ctx, await scopeOf(req), actorOf(req), req.params.id, req.body),
  });
  r.post('/classes/:id/withdrawals', {
    schema: { tags, params: IdParams, body: WithdrawBody, response: { 204: NoContent } },
    config: write,
    handler: async (req, reply) => {
      await withdraw(app.ctx, await scopeOf(req), actorOf(req), req.params.id, req.body.personIds);
      return reply.status(204).send();
    },
  });
  r.get('/classes/:id/roster', {
    schema: { tags, params: IdParams, response: { 200: RosterResponse } },
    config: read,
    handler: async (req) => roster(app.ctx, await scopeOf(req), req.params.id),
  });
  r.post('/classes/:id/sessions', {
    schema: { tags, params: IdParams, body: SessionBody, response: { 201: AddSessionResponse } },
    config: write,
    handler: async (req, reply) =>
      reply.status(201).send(await addSession(app.ctx, await scopeOf(req), actorOf(req), req.params.id, req.body)),
  });
  r.put('/classes/:id/attendance', {
    schema: { tags, params: IdParams, body: AttendanceBody, response: { 204: NoContent } },
    config: write,
    handler: async (req, reply) => {
      await markAttendance(app.ctx, await scopeOf(req), actorOf(req), req.params.id, req.body);
      return reply.status(204).send();
    },
  });
  r.post('/classes/:id/sign-in-code', {
    schema: { tags, params: IdParams, body: SignInCodeBody, response: { 200: OpenSignInResponse } },
    config: write,
    handler: async (req) => openSignIn(app.ctx, await scopeOf(req), actorOf(req), req.params.id, req.body.sessionId, req.body.minutes),
  });
  r.post('/classes/:id/completions', {
    schema: { tags, params: IdParams, body: CompletionBody, response: { 200: ConfirmCompletionResponse } },
    config: write,
    handler: async (req) => confirmCompletion(app.ctx, await scopeOf(req), actorOf(req), req.params.id, req.body),
  });
  r.post('/classes/:id/completions/revoke', {
    schema: { tags, params: IdParams, body: RevokeCompletionBody, response: { 204: NoContent } },
    config: write,
    handler: async (req, reply) => {
      await revokeCompletion(app.ctx, await scopeOf(req), actorOf(req), req.params.id, req.body.personIds, req.body.reason);
      return reply.status(204).send();
    },
  });
  r.get('/classes/:id/evaluations', {
    schema: { tags, params: IdParams, response: { 200: EvaluationSummaryResponse } },
    config: read,
    handler: async (req) => evaluationSummary(app.ctx, await scopeOf(req), req.params.id),
  });

  r.get('/coverage', {
    schema: { tags, response: { 200: ListCoverageResponse } },
    config: read,
    handler: async (req) => listCoverage(app.ctx, await scopeOf(req)),
  });
  r.post('/coverage', {
    schema: { tags, body: CreateCoverageBody, response: { 201: CreateCoverageResponse } },
    config: write,
    handler: async (req, reply) => reply.status(201).send(await createCoverage(app.ctx, await scopeOf(req), actorOf(req), req.body)),
  });
  r.get('/coverage/:id', {
    schema: { tags, params: IdParams, querystring: CoverageQuery, response: { 200: CoverageStatusResponse } },
    config: read,
    handler: async (req) => coverageStatus(app.ctx, await scopeOf(req), req.params.id, req.query),
  });
  r.get('/coverage/:id/export.xlsx', {
    schema: { tags, params: IdParams, querystring: CoverageQuery, produces: [XLSX_MIME], response: { 200: FileDownload } },
    config: { ...read, sensitive: true },
    handler: async (req, reply) => {
      const file = await coverageXlsx(
        app.ctx,
        await scopeOf(req),
        actorOf(req),
        req.params.id,
        req.query,
        pickLocale(req.headers['accept-language']),
      );
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachment('coverage.xlsx', `${file.title}.xlsx`))
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  });

  r.get('/my', {
    schema: { tags, response: { 200: MyTrainingResponse } },
    config: self,
    handler: async (req) => myTraining(app.ctx, principalOf(req)),
  });
  r.post('/my/classes/:id/sign-in', {
    schema: { tags, params: IdParams, body: SignInBody, response: { 200: SignInResponse } },
    config: self,
    handler: async (req) => signIn(app.ctx, principalOf(req), actorOf(req), req.params.id, req.body.code),
  });
  r.post('/my/classes/:id/evaluation', {
    schema: { tags, params: IdParams, body: EvaluationBody, response: { 204: NoContent } },
    config: self,
    handler: async (req, reply) => {
      await evaluate(app.ctx, principalOf(req), actorOf(req), req.params.id, req.body);
      return reply.status(204).send();
    },
  });
}
