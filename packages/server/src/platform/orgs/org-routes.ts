import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { CreateOrgBody, IdParams, MoveOrgBody, OrgNodeSchema, OrgView, TreeQuery, UpdateOrgBody } from '@zhenggong/core';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance } from 'fastify';
import { actorOf, scopeOf } from '../http/request-context.ts';
import { closeOrg, createOrg, getOrg, moveOrg, orgTree, updateOrg } from './org-service.ts';

/** Organisation tree (公安机关机构): reads and writes are limited to the caller's data scope. */
export async function orgRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['orgs'];
  app.addSchema(OrgNodeSchema);

  r.get('/tree', {
    schema: { tags, querystring: TreeQuery, response: { 200: Type.Array(Type.Ref(OrgNodeSchema)) } },
    config: { permission: 'org:read' },
    handler: async (req) => orgTree(app.ctx, await scopeOf(req), req.query.includeClosed ?? false),
  });
  r.get('/:id', {
    schema: { tags, params: IdParams, response: { 200: OrgView } },
    config: { permission: 'org:read' },
    handler: async (req) => getOrg(app.ctx, await scopeOf(req), req.params.id),
  });
  r.post('/', {
    schema: { tags, body: CreateOrgBody, response: { 201: OrgView } },
    config: { permission: 'org:write' },
    handler: async (req, reply) => reply.status(201).send(await createOrg(app.ctx, await scopeOf(req), actorOf(req), req.body)),
  });
  r.patch('/:id', {
    schema: { tags, params: IdParams, body: UpdateOrgBody, response: { 200: OrgView } },
    config: { permission: 'org:write' },
    handler: async (req) => updateOrg(app.ctx, await scopeOf(req), actorOf(req), req.params.id, req.body),
  });
  r.post('/:id/move', {
    schema: { tags, params: IdParams, body: MoveOrgBody, response: { 200: OrgView } },
    config: { permission: 'org:write' },
    handler: async (req) => moveOrg(app.ctx, await scopeOf(req), actorOf(req), req.params.id, req.body.parentId),
  });
  r.post('/:id/close', {
    schema: { tags, params: IdParams, response: { 200: OrgView } },
    config: { permission: 'org:write', noBody: true },
    handler: async (req) => closeOrg(app.ctx, await scopeOf(req), actorOf(req), req.params.id),
  });
}
