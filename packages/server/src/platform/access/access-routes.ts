import type { FastifyInstance } from 'fastify';

export async function accessRoutes(_app: FastifyInstance): Promise<void> {}
