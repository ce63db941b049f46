import type { FastifyInstance } from 'fastify';
import { appendAudit } from '../audit/audit-service.ts';
import { actorOf } from './request-context.ts';

/**
 * Responses that carry personal data (SECURITY.md L3-CES1-35, ASVS 14.3.2):
 * - `config.sensitive` — `Cache-Control: no-store`, so no browser or proxy keeps a copy;
 * - `config.auditView` — the platform writes the view/download audit row itself before the
 *   first byte leaves (fail closed: if the row cannot be written the client gets an error, not
 *   the file). A route serving personal files cannot forget it: the route-inventory test
 *   (sensitive-routes.test.ts) fails for a file route without it.
 */
export function registerSensitiveResponses(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const cfg = request.routeOptions.config;
    if (!cfg.sensitive && !cfg.auditView) return payload;
    reply.header('Cache-Control', 'no-store');
    if (cfg.auditView && reply.statusCode >= 200 && reply.statusCode < 300) {
      // Path parameters are strings by construction (Fastify parses them from the URL).
      const params = (request.params ?? {}) as Record<string, string>;
      const { ctx } = request.server;
      await ctx.db.transaction().execute((trx) =>
        appendAudit(trx, ctx.clock, actorOf(request), {
          eventType: cfg.auditView?.eventType ?? 'file.view',
          objectType: cfg.auditView?.objectType,
          objectId: params.id,
          detail: {
            route: request.routeOptions.url,
            ...(params.fileId ? { fileId: params.fileId } : {}),
            portal: request.principal === null,
          },
        }),
      );
    }
    return payload;
  });
}
