import { PassThrough } from 'node:stream';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { FileDownload, IdParams } from '@zhenggong/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/http/app-error.ts';
import { actorOf, principalOf, scopeOf } from '../../../platform/http/request-context.ts';
import { DOCX_MIME } from './appointment-docx.ts';
import { defaultColumnKeys, exportColumns } from './export-columns.ts';
import { AppointmentQuery, ExportColumnList, LrmxPreview, PersonExportQuery } from './export-schemas.ts';
import { appointmentFormDocx, appointmentFormLrmx, printPage, type DocumentRequest } from './export-service.ts';
import { planListExport, writeListXlsx, XLSX_MIME } from './list-export.ts';
import { LRMX_MIME, readLrmx } from './lrmx.ts';
import { PRINT_CSP } from './print-html.ts';
import { watermarkOf } from './watermark.ts';
import { attachment } from '../../../platform/files/attachment.ts';

const LRMX_MAX_BYTES = 4 * 1024 * 1024;

/** RFC 6266 / 5987: an ASCII fallback plus the UTF-8 name browsers show. */
const stampOf = (iso: string) => iso.replace(/[-:]/g, '').replace(/\..*$/, '');

/**
 * Exports of personnel data (L3-CES1-35): the filtered list as xlsx, one person's 干部任免审批表
 * (docx and .lrmx) and printable profile. Every route needs `personnel:export`, is scoped by
 * that permission's data scope, is audited (person.export), and stamps the requester and time
 * into the file. Reading a .lrmx back (preview only) needs `personnel:import`.
 */
export async function exportRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['personnel'];
  const mark = (req: FastifyRequest) => watermarkOf(principalOf(req), app.ctx.clock.now());
  const documentRequest = async (req: FastifyRequest, personId: string, extras: AppointmentQuery): Promise<DocumentRequest> => ({
    principal: principalOf(req),
    actor: actorOf(req),
    scope: await scopeOf(req),
    revealScope: () => scopeOf(req, 'personnel:reveal'),
    personId,
    extras,
    mark: mark(req),
  });

  // The .lrmx arrives as the file's bytes; the encoding is read from the XML declaration.
  app.addContentTypeParser(
    ['application/xml', 'text/xml', 'application/octet-stream'],
    { parseAs: 'buffer', bodyLimit: LRMX_MAX_BYTES },
    (_req, body, done) => done(null, body),
  );

  r.get('/export/columns', {
    schema: { tags, response: { 200: ExportColumnList } },
    config: { permission: 'personnel:export', sensitive: true },
    handler: async () =>
      exportColumns.map((c) => ({
        key: c.key,
        header: c.header,
        reveal: c.reveal === true,
        default: (defaultColumnKeys as readonly string[]).includes(c.key),
      })),
  });

  r.get('/export.xlsx', {
    schema: { tags, querystring: PersonExportQuery, produces: [XLSX_MIME], response: { 200: FileDownload } },
    config: { permission: 'personnel:export', sensitive: true },
    handler: async (req, reply) => {
      const m = mark(req);
      const plan = await planListExport(app.ctx, {
        principal: principalOf(req),
        actor: actorOf(req),
        scope: await scopeOf(req),
        revealScope: () => scopeOf(req, 'personnel:reveal'),
        query: req.query,
        mark: m,
      });
      const out = new PassThrough();
      // Rows stream after the headers are sent; a failure midway aborts the download rather than ending it cleanly.
      writeListXlsx(out, plan, m).catch((err: unknown) => {
        req.log.error({ err }, 'personnel export failed');
        out.destroy(err instanceof Error ? err : new Error(String(err)));
      });
      const stamp = stampOf(m.at);
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachment(`people-${stamp}.xlsx`, `人员名单-${stamp}.xlsx`))
        .header('cache-control', 'no-store')
        .send(out);
    },
  });

  r.get('/people/:id/appointment-form.docx', {
    schema: { tags, params: IdParams, querystring: AppointmentQuery, produces: [DOCX_MIME], response: { 200: FileDownload } },
    config: { permission: 'personnel:export', sensitive: true },
    handler: async (req, reply) => {
      const file = await appointmentFormDocx(app.ctx, await documentRequest(req, req.params.id, req.query));
      return reply
        .type(DOCX_MIME)
        .header('content-disposition', attachment(`appointment-form-${req.params.id}.docx`, `干部任免审批表-${file.name}.docx`))
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  });

  r.get('/people/:id/appointment-form.lrmx', {
    schema: { tags, params: IdParams, querystring: AppointmentQuery, produces: [LRMX_MIME], response: { 200: FileDownload } },
    config: { permission: 'personnel:export', sensitive: true },
    handler: async (req, reply) => {
      const file = await appointmentFormLrmx(app.ctx, await documentRequest(req, req.params.id, req.query));
      return reply
        .type(`${LRMX_MIME}; charset=utf-8`)
        .header('content-disposition', attachment(`appointment-form-${req.params.id}.lrmx`, `${file.name}.lrmx`))
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  });

  r.get('/people/:id/print', {
    schema: { tags, params: IdParams, produces: ['text/html'], response: { 200: FileDownload } },
    config: { permission: 'personnel:export', sensitive: true },
    handler: async (req, reply) => {
      const file = await printPage(app.ctx, await documentRequest(req, req.params.id, {}));
      // Replaces the app-wide policy for this response: the page runs no script and loads nothing.
      return reply
        .type('text/html; charset=utf-8')
        .header('content-security-policy', PRINT_CSP)
        .header('cache-control', 'no-store')
        .send(file.body);
    },
  });

  r.post('/lrmx/preview', {
    schema: {
      tags,
      consumes: ['application/xml'],
      body: Type.Unsafe<Buffer>({ description: 'The .lrmx file, sent as application/xml' }),
      response: { 200: LrmxPreview },
    },
    config: { permission: 'personnel:import' },
    bodyLimit: LRMX_MAX_BYTES,
    handler: async (req) => {
      if (!Buffer.isBuffer(req.body)) throw new AppError('LRMX_INVALID', { reason: 'send the file itself as application/xml' });
      return readLrmx(req.body);
    },
  });
}
