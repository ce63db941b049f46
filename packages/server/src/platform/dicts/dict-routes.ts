import type { FastifyInstance } from 'fastify';

export async function dictRoutes(_app: FastifyInstance): Promise<void> {}
