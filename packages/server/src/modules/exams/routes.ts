import type { FastifyInstance } from 'fastify';

/** Routes of this module, mounted at /api/v1/exams. */
export async function examRoutes(_app: FastifyInstance): Promise<void> {}
