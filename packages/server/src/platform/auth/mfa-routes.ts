import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { MfaCodeBody, MfaEnrolmentView, MfaRecoveryCodesView } from '@zhenggong/core';
import type { FastifyInstance } from 'fastify';
import { actorOf, principalOf } from '../http/request-context.ts';
import { confirmEnrolment, startEnrolment, verifySecondFactor } from './mfa-service.ts';

/**
 * The second step of a login (ADR 018), under /api/v1/auth/mfa. Reachable by a password-only
 * session (`mfaStep`); throttled per IP like the login, and wrong codes feed the lockout.
 */
export async function mfaRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['auth'];
  const rateLimit = { max: app.ctx.config.loginRateLimit.max, timeWindow: app.ctx.config.loginRateLimit.windowMs };

  r.post('/enrol', {
    schema: { tags, response: { 200: MfaEnrolmentView } },
    config: { sessionOnly: true, mfaStep: true, noBody: true },
    handler: async (req, reply) => {
      // The secret is on this response only: nothing may keep it.
      reply.header('Cache-Control', 'no-store');
      return startEnrolment(app.ctx, principalOf(req), actorOf(req));
    },
  });
  r.post('/enrol/confirm', {
    schema: { tags, body: MfaCodeBody, response: { 200: MfaRecoveryCodesView } },
    config: { sessionOnly: true, mfaStep: true, rateLimit },
    handler: async (req, reply) => {
      reply.header('Cache-Control', 'no-store');
      return { recoveryCodes: await confirmEnrolment(app.ctx, principalOf(req), req.body.code, actorOf(req)) };
    },
  });
  r.post('/verify', {
    schema: { tags, body: MfaCodeBody, response: { 204: { type: 'null' } } },
    config: { sessionOnly: true, mfaStep: true, rateLimit },
    handler: async (req, reply) => {
      await verifySecondFactor(app.ctx, principalOf(req), req.body.code, actorOf(req));
      return reply.status(204).send();
    },
  });
}
