import type { FastifyInstance } from 'fastify';

/** Routes of this module, mounted at /api/v1/competitions. */
export async function competitionRoutes(_app: FastifyInstance): Promise<void> {}
