import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  AttendanceBody,
  ClassListQuery,
  CompletionBody,
  CoverageQuery,
  CreateClassBody,
  CreateCoverageBody,
  EnrollBody,
  EvaluationBody,
  IdParams,
  pickLocale,
  RevokeCompletionBody,
  SessionBody,
  SignInBody,
  SignInCodeBody,
  UpdateClassBody,
  WithdrawBody,
} from '@zhenggong/core';
import type { FastifyInstance } from 'fastify';
import { actorOf, principalOf, scopeOf } from '../../platform/http/request-context.ts';
import { createClass, getClass, listClasses, updateClass } from './class-service.ts';
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

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const attachment = (ascii: string, utf8: string) => `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(utf8)}`;

/** Routes of training classes (培训班), coverage (培训覆盖) and self-service, mounted at /api/v1/training. */
export async function trainingRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['training'];
  const read = { permission: 'training:read' };
  const write = { permission: 'training:write' };
  const self = { permission: 'training:self' };

  r.get('/classes', {
    schema: { tags, querystring: ClassListQuery },
    config: read,
    handler: async (req) => listClasses(app.ctx, await scopeOf(req), req.query),
  });
  r.post('/classes', {
    schema: { tags, body: CreateClassBody },
    config: write,
    handler: async (req, reply) => reply.status(201).send(await createClass(app.ctx, await scopeOf(req), actorOf(req), req.body)),
  });
  r.get('/classes/:id', {
    schema: { tags, params: IdParams },
    config: read,
    handler: async (req) => getClass(app.ctx, await scopeOf(req), req.params.id),
  });
  r.patch('/classes/:id', {
    schema: { tags, params: IdParams, body: UpdateClassBody },
    config: write,
    handler: async (req) => updateClass(app.ctx, await scopeOf(req), actorOf(req), req.params.id, req.body),
  });
  r.get('/classes/:id/candidates', {
    schema: { tags, params: IdParams },
    config: read,
    handler: async (req) => targetPreview(app.ctx, await scopeOf(req), req.params.id),
  });
  r.post('/classes/:id/enrollments', {
    schema: { tags, params: IdParams, body: EnrollBody },
    config: write,
    handler: async (req) => enroll(app.ctx, await scopeOf(req), actorOf(req), req.params.id, req.body),
  });
  r.post('/classes/:id/withdrawals', {
    schema: { tags, params: IdParams, body: WithdrawBody },
    config: write,
    handler: async (req, reply) => {
      await withdraw(app.ctx, await scopeOf(req), actorOf(req), req.params.id, req.body.personIds);
      return reply.status(204).send();
    },
  });
  r.get('/classes/:id/roster', {
    schema: { tags, params: IdParams },
    config: read,
    handler: async (req) => roster(app.ctx, await scopeOf(req), req.params.id),
  });
  r.post('/classes/:id/sessions', {
    schema: { tags, params: IdParams, body: SessionBody },
    config: write,
    handler: async (req, reply) =>
      reply.status(201).send(await addSession(app.ctx, await scopeOf(req), actorOf(req), req.params.id, req.body)),
  });
  r.put('/classes/:id/attendance', {
    schema: { tags, params: IdParams, body: AttendanceBody },
    config: write,
    handler: async (req, reply) => {
      await markAttendance(app.ctx, await scopeOf(req), actorOf(req), req.params.id, req.body);
      return reply.status(204).send();
    },
  });
  r.post('/classes/:id/sign-in-code', {
    schema: { tags, params: IdParams, body: SignInCodeBody },
    config: write,
    handler: async (req) => openSignIn(app.ctx, await scopeOf(req), actorOf(req), req.params.id, req.body.sessionId, req.body.minutes),
  });
  r.post('/classes/:id/completions', {
    schema: { tags, params: IdParams, body: CompletionBody },
    config: write,
    handler: async (req) => confirmCompletion(app.ctx, await scopeOf(req), actorOf(req), req.params.id, req.body),
  });
  r.post('/classes/:id/completions/revoke', {
    schema: { tags, params: IdParams, body: RevokeCompletionBody },
    config: write,
    handler: async (req, reply) => {
      await revokeCompletion(app.ctx, await scopeOf(req), actorOf(req), req.params.id, req.body.personIds, req.body.reason);
      return reply.status(204).send();
    },
  });
  r.get('/classes/:id/evaluations', {
    schema: { tags, params: IdParams },
    config: read,
    handler: async (req) => evaluationSummary(app.ctx, await scopeOf(req), req.params.id),
  });

  r.get('/coverage', { schema: { tags }, config: read, handler: async (req) => listCoverage(app.ctx, await scopeOf(req)) });
  r.post('/coverage', {
    schema: { tags, body: CreateCoverageBody },
    config: write,
    handler: async (req, reply) => reply.status(201).send(await createCoverage(app.ctx, await scopeOf(req), actorOf(req), req.body)),
  });
  r.get('/coverage/:id', {
    schema: { tags, params: IdParams, querystring: CoverageQuery },
    config: read,
    handler: async (req) => coverageStatus(app.ctx, await scopeOf(req), req.params.id, req.query),
  });
  r.get('/coverage/:id/export.xlsx', {
    schema: { tags, params: IdParams, querystring: CoverageQuery, produces: [XLSX_MIME] },
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

  r.get('/my', { schema: { tags }, config: self, handler: async (req) => myTraining(app.ctx, principalOf(req)) });
  r.post('/my/classes/:id/sign-in', {
    schema: { tags, params: IdParams, body: SignInBody },
    config: self,
    handler: async (req) => signIn(app.ctx, principalOf(req), actorOf(req), req.params.id, req.body.code),
  });
  r.post('/my/classes/:id/evaluation', {
    schema: { tags, params: IdParams, body: EvaluationBody },
    config: self,
    handler: async (req, reply) => {
      await evaluate(app.ctx, principalOf(req), actorOf(req), req.params.id, req.body);
      return reply.status(204).send();
    },
  });
}
