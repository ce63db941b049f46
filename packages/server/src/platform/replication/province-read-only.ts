import type { FastifyInstance } from 'fastify';
import { AppError } from '../http/app-error.ts';

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Writes a province still does itself: signing in, its own accounts, roles and organisations (the
 * database trigger keeps city rows out of reach), audit exports, scheduled jobs, notifications
 * and its own province routes. Every other write belongs to the city that owns the rows.
 */
const PROVINCE_WRITES = [
  '/api/v1/auth/',
  '/api/v1/users',
  '/api/v1/roles',
  '/api/v1/orgs',
  '/api/v1/audit/',
  '/api/v1/system/',
  '/api/v1/province/',
  '/api/v1/workflow/notifications',
];

/**
 * At a province (INSTANCE_ROLE=province) the replicated business data is read-only at the service
 * layer too: a write route of a business module answers 409 PROVINCE_READ_ONLY after the guard
 * (so an anonymous caller still gets 401), before any handler runs (ADR 027).
 */
export function registerProvinceReadOnly(app: FastifyInstance): void {
  if (app.ctx.config.instanceRole !== 'province') return;
  app.addHook('onRequest', async (request) => {
    const url = request.routeOptions.url;
    if (SAFE.has(request.method) || url === undefined || !url.startsWith('/api/')) return;
    if (PROVINCE_WRITES.some((prefix) => url.startsWith(prefix))) return;
    throw new AppError('PROVINCE_READ_ONLY');
  });
}
