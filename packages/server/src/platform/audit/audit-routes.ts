import { PassThrough } from 'node:stream';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { AuditCheckpoint, AuditExportQuery, AuditPage, AuditQuery, AuditVerifyResult } from '@zhenggong/core';
import type { FastifyInstance } from 'fastify';
import { actorOf, principalOf } from '../http/request-context.ts';
import { writeAuditXlsx, XLSX_MIME } from './audit-export.ts';
import { makeCheckpoint } from './checkpoint.ts';
import { auditExportRows, planAuditExport, searchAuditLog, verifyAuditLog } from './audit-log-service.ts';

/** RFC 6266 / 5987: an ASCII fallback plus the UTF-8 name for browsers that read it. */
function attachment(stamp: string): string {
  const utf8 = encodeURIComponent(`审计日志-${stamp}.xlsx`);
  return `attachment; filename="audit-log-${stamp}.xlsx"; filename*=UTF-8''${utf8}`;
}

/**
 * The audit console (审计管理员). Read-only by construction: there is no route that edits or
 * deletes audit rows, and the database refuses UPDATE/DELETE on audit_log anyway.
 */
export async function auditRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['audit'];

  r.get('/', {
    schema: { tags, querystring: AuditQuery, response: { 200: AuditPage } },
    config: { permission: 'audit:read' },
    handler: async (req) => searchAuditLog(app.ctx, actorOf(req), req.query),
  });

  r.get('/export', {
    schema: { tags, querystring: AuditExportQuery, produces: [XLSX_MIME] },
    config: { permission: 'audit:export', sensitive: true },
    handler: async (req, reply) => {
      const plan = await planAuditExport(app.ctx, actorOf(req), req.query);
      const now = app.ctx.clock.now().toISOString();
      const out = new PassThrough();
      const info = { filter: req.query, exportedBy: principalOf(req).username, exportedAt: now, ...plan };
      // Rows stream after the headers are sent; a failure midway aborts the download rather than ending it cleanly.
      writeAuditXlsx(out, auditExportRows(app.ctx.db, req.query, plan), info).catch((err: unknown) => {
        req.log.error({ err }, 'audit export failed');
        out.destroy(err instanceof Error ? err : new Error(String(err)));
      });
      const stamp = now.replace(/[-:]/g, '').replace(/\..*$/, '');
      return reply.type(XLSX_MIME).header('content-disposition', attachment(stamp)).header('cache-control', 'no-store').send(out);
    },
  });

  r.get('/verify', {
    schema: { tags, response: { 200: AuditVerifyResult } },
    config: { permission: 'audit:read' },
    handler: async (req) => verifyAuditLog(app.ctx, actorOf(req)),
  });

  // The audit administrator's signed checkpoint of the chain head, to keep off the server (ADR 006).
  r.get('/checkpoint', {
    schema: { tags, response: { 200: AuditCheckpoint } },
    config: { permission: 'audit:export' },
    handler: async (req, reply) => {
      const checkpoint = await makeCheckpoint(app.ctx, actorOf(req));
      const name = `audit-checkpoint-${checkpoint.seq}.json`;
      return reply.header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'no-store').send(checkpoint);
    },
  });
}
