import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  CreatePersonBody,
  Id,
  IdParams,
  LinkAccountResponse,
  OwnProfileResponse,
  Page,
  PersonListItem,
  PersonSearchQuery,
  Strict,
  UpdatePersonBody,
} from '@zhenggong/core';
import type { FastifyInstance } from 'fastify';
import { actorOf, scopeOf } from '../../platform/http/request-context.ts';
import { linkAccount } from './person-account.ts';
import { createPerson, getPerson, revealPerson, updatePerson } from './person-service.ts';
import { searchPeople } from './person-search.ts';

/** Personnel records (队伍信息) of officers and auxiliary officers, scoped by the person's current unit. */
export async function personRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['personnel'];
  r.get('/people', {
    schema: { tags, querystring: PersonSearchQuery, response: { 200: Page(PersonListItem) } },
    config: { permission: 'personnel:read' },
    handler: async (req) => searchPeople(app.ctx, await scopeOf(req), req.query),
  });
  r.get('/people/:id', {
    schema: { tags, params: IdParams, response: { 200: OwnProfileResponse } },
    config: { permission: 'personnel:read', sensitive: true },
    handler: async (req) => getPerson(app.ctx, await scopeOf(req), req.params.id),
  });
  r.post('/people', {
    schema: { tags, body: CreatePersonBody, response: { 201: OwnProfileResponse } },
    config: { permission: 'personnel:write' },
    handler: async (req, reply) => reply.status(201).send(await createPerson(app.ctx, await scopeOf(req), actorOf(req), req.body)),
  });
  r.patch('/people/:id', {
    schema: { tags, params: IdParams, body: UpdatePersonBody, response: { 200: OwnProfileResponse } },
    config: { permission: 'personnel:write' },
    // The TypeBox schema is built from PersonFields dynamically, so its static type is looser than UpdatePersonBody.
    handler: async (req) => updatePerson(app.ctx, await scopeOf(req), actorOf(req), req.params.id, req.body as UpdatePersonBody),
  });
  r.get('/people/:id/sensitive', {
    schema: {
      tags,
      params: IdParams,
      response: {
        200: Type.Object({
          idNumber: Type.String(),
          phone: Type.Union([Type.String(), Type.Null()]),
          /** The 15-digit first-generation number the person was registered with (absent when it was 18 digits). */
          idNumberOriginal: Type.Optional(Type.String()),
        }),
      },
    },
    config: { permission: 'personnel:reveal', sensitive: true },
    handler: async (req) => revealPerson(app.ctx, await scopeOf(req), actorOf(req), req.params.id),
  });
  r.put('/people/:id/account', {
    schema: { tags, params: IdParams, body: Strict({ userId: Type.Union([Id, Type.Null()]) }), response: { 200: LinkAccountResponse } },
    config: { permission: 'personnel:write' },
    handler: async (req) => linkAccount(app.ctx, await scopeOf(req), actorOf(req), req.params.id, req.body.userId),
  });
}
