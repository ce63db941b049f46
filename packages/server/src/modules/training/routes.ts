import type { FastifyInstance } from 'fastify';

/** Routes of this module, mounted at /api/v1/training. */
export async function trainingRoutes(_app: FastifyInstance): Promise<void> {}
