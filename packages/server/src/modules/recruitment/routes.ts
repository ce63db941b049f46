import type { FastifyInstance } from 'fastify';

/** Routes of this module, mounted at /api/v1/recruitment. */
export async function recruitmentRoutes(_app: FastifyInstance): Promise<void> {}
