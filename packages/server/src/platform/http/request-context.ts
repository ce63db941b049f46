import type { FastifyRequest } from 'fastify';
import type { Principal } from '../access/principal.ts';
import { resolveScope, type ResolvedScope } from '../access/data-scope.ts';
import type { AuditActor } from '../audit/audit-service.ts';
import { AppError } from './app-error.ts';

/** The caller; the guard has already refused requests without one on protected routes. */
export function principalOf(request: FastifyRequest): Principal {
  if (!request.principal) throw new AppError('AUTH_REQUIRED');
  return request.principal;
}

export function actorOf(request: FastifyRequest): AuditActor {
  const p = request.principal;
  return {
    userId: p?.userId ?? null,
    username: p?.username ?? null,
    role: p ? (p.adminKind ?? p.roles.map((r) => r.code).join(',')) : null,
    ip: request.ip,
    requestId: request.id,
  };
}

/** The caller's data scope for the route's permission (or another one), resolved once per request. */
export async function scopeOf(request: FastifyRequest, permission?: string): Promise<ResolvedScope> {
  const perm = permission ?? request.routeOptions.config.permission;
  if (!perm) return { all: false, orgIds: [], subtreeRoots: [], selfUserId: null };
  request.scopeCache ??= new Map();
  const cached = request.scopeCache.get(perm);
  if (cached) return cached;
  const scope = await resolveScope(request.server.ctx.db, principalOf(request), perm);
  request.scopeCache.set(perm, scope);
  return scope;
}
