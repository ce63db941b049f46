import type { FastifyInstance } from 'fastify';

/** Routes of this module, mounted at /api/v1/auxiliary. */
export async function auxiliaryRoutes(_app: FastifyInstance): Promise<void> {}
