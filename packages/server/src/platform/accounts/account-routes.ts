import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  AssignRolesBody,
  CreateUserBody,
  IdParams,
  ResetPasswordBody,
  UpdateUserBody,
  UserListQuery,
  UserPage,
  UserView,
} from '@zhenggong/core';
import type { FastifyInstance } from 'fastify';
import { actorOf, scopeOf } from '../http/request-context.ts';
import { resetSecondFactor } from '../auth/mfa-service.ts';
import {
  assignRoles,
  confirmOrgChange,
  createUser,
  getUser,
  listUsers,
  releaseUser,
  resetPassword,
  unlockUser,
  updateUser,
} from './account-service.ts';

/**
 * Accounts. `user:read`/`user:write` belong to the system administrator, role assignment and
 * unlock to the security administrator (三员分立); every route is data-scoped by its permission.
 */
export async function accountRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['users'];

  r.get('/', {
    schema: { tags, querystring: UserListQuery, response: { 200: UserPage } },
    config: { permission: 'user:read' },
    handler: async (req) => listUsers(app.ctx, await scopeOf(req), req.query),
  });
  r.get('/:id', {
    schema: { tags, params: IdParams, response: { 200: UserView } },
    config: { permission: 'user:read' },
    handler: async (req) => getUser(app.ctx, await scopeOf(req), req.params.id),
  });
  r.post('/', {
    schema: { tags, body: CreateUserBody, response: { 201: UserView } },
    config: { permission: 'user:write' },
    handler: async (req, reply) => reply.status(201).send(await createUser(app.ctx, await scopeOf(req), actorOf(req), req.body)),
  });
  r.patch('/:id', {
    schema: { tags, params: IdParams, body: UpdateUserBody, response: { 200: UserView } },
    config: { permission: 'user:write' },
    handler: async (req) => updateUser(app.ctx, await scopeOf(req), actorOf(req), req.params.id, req.body),
  });
  r.post('/:id/reset-password', {
    schema: { tags, params: IdParams, body: ResetPasswordBody, response: { 204: Type.Null() } },
    config: { permission: 'user:write' },
    handler: async (req, reply) => {
      await resetPassword(app.ctx, await scopeOf(req), actorOf(req), req.params.id, req.body.password);
      return reply.status(204).send(null);
    },
  });
  r.put('/:id/roles', {
    schema: { tags, params: IdParams, body: AssignRolesBody, response: { 200: UserView } },
    config: { permission: 'user:assign-role' },
    handler: async (req) => assignRoles(app.ctx, await scopeOf(req), actorOf(req), req.params.id, req.body.roleIds),
  });
  r.post('/:id/unlock', {
    schema: { tags, params: IdParams, response: { 200: UserView } },
    config: { permission: 'user:unlock', noBody: true },
    handler: async (req) => unlockUser(app.ctx, await scopeOf(req), actorOf(req), req.params.id),
  });
  // The security administrator's confirmations that close the 三员 holes (ADR 004).
  r.post('/:id/confirm-org', {
    schema: { tags, params: IdParams, response: { 200: UserView } },
    config: { permission: 'user:assign-role', noBody: true },
    handler: async (req) => confirmOrgChange(app.ctx, await scopeOf(req), actorOf(req), req.params.id),
  });
  r.post('/:id/release', {
    schema: { tags, params: IdParams, response: { 200: UserView } },
    config: { permission: 'user:unlock', noBody: true },
    handler: async (req) => releaseUser(app.ctx, await scopeOf(req), actorOf(req), req.params.id),
  });
  r.post('/:id/mfa-reset', {
    schema: { tags, params: IdParams, response: { 204: Type.Null() } },
    config: { permission: 'user:unlock', noBody: true },
    handler: async (req, reply) => {
      await resetSecondFactor(app.ctx, await scopeOf(req), actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  });
}
