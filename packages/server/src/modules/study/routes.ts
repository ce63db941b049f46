import type { FastifyInstance } from 'fastify';

/** Routes of this module, mounted at /api/v1/study. */
export async function studyRoutes(_app: FastifyInstance): Promise<void> {}
