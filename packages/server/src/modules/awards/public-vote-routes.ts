import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { IdParams, IdResponse, NoContent, PublicBallotBody, PublicCampaign, VoterCodeBody } from '@zhenggong/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../platform/http/app-error.ts';
import { portalSettings } from '../recruitment/portal/portal-settings.ts';
import { publicCampaign, publicVote, sendVoterCode } from './public-votes.ts';

const MINUTE = 60_000;

/**
 * Public voting, mounted at /api/v1/portal/exemplars with the portal's conventions: public routes,
 * per-address limits, per-phone limits keyed by the body (a code a minute, a few ballots).
 */
export async function publicVoteRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['portal'];
  const scale = portalSettings(app.ctx).rateScale;
  const perIp = (max: number) => ({ max: max * scale, timeWindow: MINUTE });
  const perPhone = (name: string, max: number) => {
    const limit = app.createRateLimit({
      max: max * scale,
      timeWindow: MINUTE,
      keyGenerator: (req) => `exemplar:${name}:${String((req.body as { phone?: string } | undefined)?.phone ?? req.ip)}`,
    });
    return async (req: FastifyRequest, reply: FastifyReply) => {
      const result = await limit(req);
      if (!result.isAllowed && result.isExceeded) {
        reply.header('retry-after', result.ttlInSeconds);
        throw new AppError('RATE_LIMITED');
      }
    };
  };

  r.get('/:id', {
    schema: { tags, params: IdParams, response: { 200: PublicCampaign } },
    config: { public: true, rateLimit: perIp(120) },
    handler: async (req) => publicCampaign(app.ctx, req.params.id),
  });
  r.post('/:id/code', {
    schema: { tags, params: IdParams, body: VoterCodeBody, response: { 204: NoContent } },
    config: { public: true, rateLimit: perIp(10) },
    preHandler: perPhone('code', 1),
    handler: async (req, reply) => {
      await sendVoterCode(app.ctx, req.params.id, req.body.phone);
      return reply.status(204).send();
    },
  });
  r.post('/:id/ballots', {
    schema: { tags, params: IdParams, body: PublicBallotBody, response: { 201: IdResponse } },
    config: { public: true, rateLimit: perIp(30) },
    preHandler: perPhone('ballot', 5),
    handler: async (req, reply) => reply.status(201).send(await publicVote(app.ctx, req.params.id, req.body, req.ip)),
  });
}
