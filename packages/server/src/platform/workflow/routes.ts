import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import {
  BatchDecisionBody,
  BatchDecisionResult,
  CalendarBody,
  CalendarYear,
  CaseDetail,
  CommentBody,
  DelegationBody,
  DelegationList,
  IdParams,
  NotificationIdsBody,
  NotificationPage,
  NotificationQuery,
  ObjectionParams,
  Ok,
  ReasonBody,
  ResolutionBody,
  ReturnBody,
  TextBody,
  TodoCounts,
  TodoPage,
  TodoQuery,
  YearParams,
  formatMessage,
  pickLocale,
  platformErrors,
} from '@zhenggong/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { actorOf, principalOf, scopeOf } from '../http/request-context.ts';
import {
  approveCase,
  commentCase,
  decideBatch,
  raiseObjection,
  rejectCase,
  resolveObjection,
  resubmitCase,
  returnCase,
  withdrawCase,
} from './actions.ts';
import { calendarYear, editCalendarYear } from './calendar.ts';
import { delegate, myDelegations, revokeDelegation } from './delegation.ts';
import type { Actor } from './engine.ts';
import { markManyRead, markRead, myNotifications } from './notifications.ts';
import { caseDetail, todoCounts, todoList } from './todo.ts';

/** Every workflow action is a person's: the guard has put one on the request. */
const actor = (req: FastifyRequest): Actor => ({ ...actorOf(req), userId: principalOf(req).userId });

/**
 * The to-do centre, case actions, delegations, notifications and the working-day calendar.
 * Case routes need only a session (`workflow:self`): the case's current step decides who may act.
 */
export async function workflowRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const { ctx } = app;
  const tags = ['workflow'];
  const self = { permission: 'workflow:self' };
  const ok = { 200: Ok };

  r.get('/todo', { schema: { tags, querystring: TodoQuery, response: { 200: TodoPage } }, config: self }, async (req) =>
    todoList(ctx, principalOf(req).userId, req.query),
  );
  r.get('/todo/counts', { schema: { tags, response: { 200: TodoCounts } }, config: self }, async (req) =>
    todoCounts(ctx, principalOf(req).userId),
  );
  r.get('/cases/:id', { schema: { tags, params: IdParams, response: { 200: CaseDetail } }, config: self }, async (req) =>
    caseDetail(ctx, principalOf(req).userId, req.params.id),
  );
  // Several to-dos at once (批量审批), each decided on its own and reported case by case.
  r.post(
    '/cases/batch',
    { schema: { tags, body: BatchDecisionBody, response: { 200: BatchDecisionResult } }, config: self },
    async (req) => {
      const results = await decideBatch(ctx, actor(req), req.body.caseIds, req.body.action, req.body.comment);
      const locale = pickLocale(req.headers['accept-language']);
      return {
        decided: results.filter((r) => r.outcome !== 'refused').length,
        refused: results.filter((r) => r.outcome === 'refused').length,
        results: results.map(({ caseId, outcome, error }) => ({
          caseId,
          outcome,
          ...(error ? { error: { code: error.code, message: formatMessage(platformErrors[error.code][locale], error.details) } } : {}),
        })),
      };
    },
  );
  r.post('/cases/:id/approve', { schema: { tags, params: IdParams, body: CommentBody, response: ok }, config: self }, async (req) =>
    approveCase(ctx, actor(req), req.params.id, req.body.comment),
  );
  r.post('/cases/:id/reject', { schema: { tags, params: IdParams, body: ReasonBody, response: ok }, config: self }, async (req) =>
    rejectCase(ctx, actor(req), req.params.id, req.body.reason),
  );
  r.post('/cases/:id/return', { schema: { tags, params: IdParams, body: ReturnBody, response: ok }, config: self }, async (req) =>
    returnCase(ctx, actor(req), req.params.id, req.body.to, req.body.reason),
  );
  r.post('/cases/:id/resubmit', { schema: { tags, params: IdParams, body: CommentBody, response: ok }, config: self }, async (req) =>
    resubmitCase(ctx, actor(req), req.params.id, req.body.comment),
  );
  r.post('/cases/:id/withdraw', { schema: { tags, params: IdParams, body: CommentBody, response: ok }, config: self }, async (req) =>
    withdrawCase(ctx, actor(req), req.params.id, req.body.comment),
  );
  r.post('/cases/:id/comments', { schema: { tags, params: IdParams, body: TextBody, response: ok }, config: self }, async (req) =>
    commentCase(ctx, actor(req), req.params.id, req.body.text),
  );
  r.post('/cases/:id/objections', { schema: { tags, params: IdParams, body: TextBody, response: ok }, config: self }, async (req) =>
    raiseObjection(ctx, actor(req), req.params.id, req.body.text),
  );
  r.post(
    '/cases/:id/objections/:objectionId/resolve',
    { schema: { tags, params: ObjectionParams, body: ResolutionBody, response: ok }, config: self },
    async (req) => resolveObjection(ctx, actor(req), req.params.id, req.params.objectionId, req.body.resolution, req.body.uphold ?? false),
  );

  r.get('/delegations', { schema: { tags, response: { 200: DelegationList } }, config: self }, async (req) =>
    myDelegations(ctx, principalOf(req).userId),
  );
  r.post(
    '/delegations',
    { schema: { tags, body: DelegationBody, response: { 201: DelegationList } }, config: { permission: 'workflow:delegate' } },
    async (req, reply) => reply.status(201).send(await delegate(ctx, await scopeOf(req), actor(req), req.body)),
  );
  r.post(
    '/delegations/:id/revoke',
    { schema: { tags, params: IdParams, response: ok }, config: { permission: 'workflow:delegate', noBody: true } },
    async (req) => revokeDelegation(ctx, actor(req), req.params.id),
  );

  r.get(
    '/notifications',
    { schema: { tags, querystring: NotificationQuery, response: { 200: NotificationPage } }, config: self },
    async (req) => myNotifications(ctx, principalOf(req).userId, req.query),
  );
  r.post('/notifications/:id/read', { schema: { tags, params: IdParams, response: ok }, config: { ...self, noBody: true } }, async (req) =>
    markRead(ctx, principalOf(req).userId, req.params.id),
  );
  r.post('/notifications/read', { schema: { tags, body: NotificationIdsBody, response: ok }, config: self }, async (req) =>
    markManyRead(ctx, principalOf(req).userId, req.body.ids),
  );

  // The calendar is national data: everyone reads it; editing a year is its own permission.
  r.get('/calendar/:year', { schema: { tags, params: YearParams, response: { 200: CalendarYear } }, config: self }, async (req) =>
    calendarYear(ctx, req.params.year),
  );
  r.put(
    '/calendar/:year',
    {
      schema: { tags, params: YearParams, body: CalendarBody, response: { 200: CalendarYear } },
      config: { permission: 'workflow:calendar' },
    },
    async (req) => editCalendarYear(ctx, actor(req), req.params.year, req.body),
  );
}
