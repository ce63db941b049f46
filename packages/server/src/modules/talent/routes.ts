import type { FastifyInstance } from 'fastify';

/** Routes of this module, mounted at /api/v1/talent. */
export async function talentRoutes(_app: FastifyInstance): Promise<void> {}
