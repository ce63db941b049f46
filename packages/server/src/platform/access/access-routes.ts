import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { CreateRoleBody, IdParams, PermissionView, RoleView, UpdateRoleBody } from '@zhenggong/core';
import type { FastifyInstance } from 'fastify';
import { actorOf, scopeOf } from '../http/request-context.ts';
import { createRole, deleteRole, listPermissions, listRoles, updateRole } from './role-service.ts';

/** Roles and the permission catalogue (授权): the security administrator's console. */
export async function accessRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['roles'];

  r.get('/roles', {
    schema: { tags, response: { 200: Type.Array(RoleView) } },
    config: { permission: 'role:read' },
    handler: async () => listRoles(app.ctx),
  });
  r.get('/permissions', {
    schema: { tags, response: { 200: Type.Array(PermissionView) } },
    config: { permission: 'role:read' },
    handler: async () => listPermissions(),
  });
  r.post('/roles', {
    schema: { tags, body: CreateRoleBody, response: { 201: RoleView } },
    config: { permission: 'role:write' },
    handler: async (req, reply) => reply.status(201).send(await createRole(app.ctx, await scopeOf(req), actorOf(req), req.body)),
  });
  r.patch('/roles/:id', {
    schema: { tags, params: IdParams, body: UpdateRoleBody, response: { 200: RoleView } },
    config: { permission: 'role:write' },
    handler: async (req) => updateRole(app.ctx, await scopeOf(req), actorOf(req), req.params.id, req.body),
  });
  r.delete('/roles/:id', {
    schema: { tags, params: IdParams, response: { 204: Type.Null() } },
    config: { permission: 'role:write' },
    handler: async (req, reply) => {
      await deleteRole(app.ctx, actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  });
}
