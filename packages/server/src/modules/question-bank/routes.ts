import type { FastifyInstance } from 'fastify';

/** Routes of this module, mounted at /api/v1/question-bank. */
export async function questionBankRoutes(_app: FastifyInstance): Promise<void> {}
