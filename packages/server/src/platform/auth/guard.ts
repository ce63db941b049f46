import type { FastifyInstance, FastifyRequest } from 'fastify';
import { auditAlone } from '../audit/audit-service.ts';
import { nodeCrypto } from '../crypto.ts';
import { AppError } from '../http/app-error.ts';
import { actorOf } from '../http/request-context.ts';
import { authenticate } from './auth-service.ts';

export const SESSION_COOKIE = 'zg_sid';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** True for routes that are part of the API (the guard ignores static files of the web app). */
const isApi = (url: string | undefined): boolean => url !== undefined && url.startsWith('/api/') && !url.startsWith('/api/docs');

/**
 * One guard for every API route, in `onRequest` so it runs before body parsing: session,
 * CSRF, pending password change, then the route's single permission. A route that declares
 * neither `public`, `sessionOnly` nor a permission is refused (deny by default).
 */
export function registerGuard(app: FastifyInstance): void {
  app.decorateRequest('principal', null);
  app.decorateRequest('scopeCache', null);

  app.decorate('routeInventory', []);
  app.addHook('onRoute', (route) => {
    const cfg = (route.config ?? {}) as { public?: boolean; sessionOnly?: boolean; permission?: string; mfaStep?: boolean; sensitive?: boolean; auditView?: object };
    if (!isApi(route.url)) return;
    if (!cfg.public && !cfg.sessionOnly && !cfg.permission) {
      throw new Error(`Route ${String(route.method)} ${route.url} declares no permission (config.permission, public or sessionOnly)`);
    }
    for (const method of [route.method].flat()) {
      if (method === 'HEAD') continue;
      app.routeInventory.push({ method, url: route.url, permission: cfg.permission, public: cfg.public === true, sessionOnly: cfg.sessionOnly === true,
        mfaStep: cfg.mfaStep === true,
        sensitive: cfg.sensitive === true || cfg.auditView !== undefined,
        auditView: cfg.auditView !== undefined,
      });
    }
  });

  app.addHook('onRequest', async (request, reply) => {
    const cfg = request.routeOptions.config;
    if (!isApi(request.routeOptions.url) || cfg.public) return;
    const token = request.cookies[SESSION_COOKIE];
    if (!token) throw new AppError('AUTH_REQUIRED');
    const info = { ip: request.ip, userAgent: request.headers['user-agent'] ?? '', requestId: request.id };
    const check = await authenticate(request.server.ctx, token, info);
    if (!check.ok) {
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      throw new AppError(check.code);
    }
    const principal = check.principal;
    request.principal = principal;
    if (!SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !nodeCrypto.timingSafeEqual(sent, principal.csrfToken)) {
        await deny(request, 'csrf');
        throw new AppError('CSRF_INVALID');
      }
    }
    // A password-only session of an account that needs a second factor can do nothing but
    // finish enrolment or verification (L3-CES1-04 a, ADR 018).
    if (principal.mfa !== 'done' && !cfg.mfaStep) throw new AppError(principal.mfa === 'enrol' ? 'MFA_ENROLMENT_REQUIRED' : 'MFA_REQUIRED');
    if (cfg.sessionOnly) return;
    if (principal.mustChangePassword || principal.passwordExpired) throw new AppError('PASSWORD_CHANGE_REQUIRED');
    if (!cfg.permission || !principal.permissions.has(cfg.permission)) {
      await deny(request, 'permission');
      throw new AppError('FORBIDDEN');
    }
  });
}

/** Authorisation denials are audited (ASVS 16.3.2), outside any business transaction. */
function deny(request: FastifyRequest, reason: string): Promise<void> {
  return auditAlone(request.server.ctx.db, request.server.ctx.clock, actorOf(request), {
    eventType: 'access.denied',
    outcome: 'failure',
    detail: { reason, method: request.method, route: request.routeOptions.url, permission: request.routeOptions.config.permission ?? null },
  });
}
