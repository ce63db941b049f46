import { ChangePasswordBody, LoginBody, MeResponse, PasswordPolicyView, type Me } from '@zhenggong/core';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Principal } from '../access/principal.ts';
import { actorOf, principalOf } from '../http/request-context.ts';
import { changePassword, login, logout } from './auth-service.ts';
import { SESSION_COOKIE } from './guard.ts';

async function meView(app: FastifyInstance, p: Principal): Promise<Me> {
  const org = await app.ctx.db.selectFrom('org').select('name').where('id', '=', p.orgId).executeTakeFirst();
  const account = await app.ctx.db.selectFrom('app_user').select('person_id').where('id', '=', p.userId).executeTakeFirst();
  return {
    id: p.userId,
    username: p.username,
    displayName: p.displayName,
    orgId: p.orgId,
    orgName: org?.name ?? '',
    adminKind: p.adminKind,
    roles: p.roles.map((r) => ({ id: r.id, code: r.code, name: r.name, dataScope: r.dataScope })),
    permissions: [...p.permissions].sort(),
    mustChangePassword: p.mustChangePassword,
    passwordExpired: p.passwordExpired,
    mfa: p.mfa,
    orgChangePending: p.orgChangePending,
    hasPerson: (account?.person_id ?? null) !== null,
  };
}

export async function authRoutes(app: FastifyInstance): Promise<void> {
  const { config } = app.ctx;
  const r = app.withTypeProvider<TypeBoxTypeProvider>();

  r.post('/login', {
    schema: { tags: ['auth'], body: LoginBody, response: { 200: MeResponse } },
    // Brute force is throttled per IP here, and per account by the lockout counter.
    config: { public: true, rateLimit: { max: config.loginRateLimit.max, timeWindow: config.loginRateLimit.windowMs } },
    handler: async (request, reply) => {
      const { username, password } = request.body;
      const info = { ip: request.ip, userAgent: request.headers['user-agent'] ?? '', requestId: request.id };
      const { token, principal } = await login(app.ctx, username, password, info);
      reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure: config.production });
      return { user: await meView(app, principal), csrfToken: principal.csrfToken };
    },
  });

  r.post('/logout', {
    schema: { tags: ['auth'], response: { 204: { type: 'null' } } },
    config: { sessionOnly: true, mfaStep: true, noBody: true },
    handler: async (request, reply) => {
      await logout(app.ctx, principalOf(request), actorOf(request));
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      // ASVS 14.3.1: the browser forgets what this session cached.
      reply.header('Clear-Site-Data', '"cache", "storage"').header('Cache-Control', 'no-store');
      return reply.status(204).send();
    },
  });

  r.get('/me', {
    schema: { tags: ['auth'], response: { 200: MeResponse } },
    config: { sessionOnly: true, mfaStep: true },
    handler: async (request) => {
      const p = principalOf(request);
      return { user: await meView(app, p), csrfToken: p.csrfToken };
    },
  });

  r.post('/password', {
    schema: { tags: ['auth'], body: ChangePasswordBody, response: { 204: { type: 'null' } } },
    config: { sessionOnly: true },
    handler: async (request, reply) => {
      await changePassword(app.ctx, principalOf(request), request.body.oldPassword, request.body.newPassword, actorOf(request));
      return reply.status(204).send();
    },
  });

  r.get('/password-policy', {
    schema: { tags: ['auth'], response: { 200: PasswordPolicyView } },
    config: { public: true },
    handler: async () => config.passwordPolicy,
  });
}
