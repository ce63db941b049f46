import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { ProvinceStatsQuery, ProvinceStatsView } from '@zhenggong/core';
import type { FastifyInstance } from 'fastify';
import { actorOf, scopeOf } from '../../platform/http/request-context.ts';
import { provinceStats } from './province-service.ts';

/** Province views (全省统计) under /api/v1/province. */
export async function provinceRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['province'];
  r.get(
    '/stats',
    { schema: { tags, querystring: ProvinceStatsQuery, response: { 200: ProvinceStatsView } }, config: { permission: 'province:read' } },
    async (req) => provinceStats(app.ctx, await scopeOf(req), actorOf(req), req.query),
  );
}
