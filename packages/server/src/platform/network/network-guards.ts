import type { FastifyInstance } from 'fastify';
import { auditAlone } from '../audit/audit-service.ts';
import { AppError } from '../http/app-error.ts';
import { actorOf } from '../http/request-context.ts';
import { adminAllowlist } from './admin-allowlist.ts';
import { blockedUntil, noteFailure } from './intrusion.ts';

const isApi = (url: string | undefined): boolean => url !== undefined && url.startsWith('/api/') && !url.startsWith('/api/docs');

/**
 * Before the guard: addresses blocked by the intrusion threshold get nothing, the login route
 * included (L3-CES1-22). Refusals are counted toward that threshold when they are sent.
 */
export function registerIntrusionGuard(app: FastifyInstance): void {
  app.addHook('onRequest', async (request) => {
    if (!isApi(request.routeOptions.url) && !isApi(request.url)) return;
    const until = await blockedUntil(app.ctx, request.ip);
    if (until) throw new AppError('IP_BLOCKED', { blockedUntil: until });
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if ((reply.statusCode === 401 || reply.statusCode === 403) && isApi(request.url)) await noteFailure(app.ctx, request.ip);
    return payload;
  });
}

/**
 * After the guard, which has identified the caller: the three administrators work only from
 * the configured management network (ADMIN_IP_ALLOWLIST, L3-CES1-19); elsewhere every request
 * of theirs is refused and audited.
 */
export function registerAdminNetworkCheck(app: FastifyInstance): void {
  const allowlist = adminAllowlist(app.ctx.config.adminIpAllowlist);
  app.addHook('onRequest', async (request) => {
    const principal = request.principal;
    if (!principal?.adminKind || allowlist.allows(request.ip)) return;
    await auditAlone(app.ctx.db, app.ctx.clock, actorOf(request), {
      eventType: 'access.denied',
      outcome: 'failure',
      detail: { reason: 'admin_network', method: request.method, route: request.routeOptions.url ?? null },
    });
    throw new AppError('ADMIN_NETWORK_DENIED');
  });
}
