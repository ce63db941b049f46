import fs from 'node:fs';
import { PassThrough } from 'node:stream';
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { FileDownload, NdjsonProgress, pickLocale } from '@zhenggong/core';
import { ImportQuery, ImportReportQuery, type ImportLine } from '@zhenggong/core/personnel/roster-import-api';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '../../../platform/http/app-error.ts';
import { actorOf, principalOf, scopeOf } from '../../../platform/http/request-context.ts';
import { findJob } from './import-jobs.ts';
import { presentError, presentJob } from './import-presenter.ts';
import { acquireImportSlot, importLimits, runImport } from './import-service.ts';
import { attachment, templateXlsx, writeReportXlsx, XLSX_MIME } from './import-sheets.ts';
import { importTmpDir, receiveUpload, sweepImportFiles } from '../../../platform/files/upload.ts';
import { readZipDirectory } from '../../../platform/files/zip-entries.ts';

const NDJSON = 'application/x-ndjson; charset=utf-8';
const permission = 'personnel:import';

/**
 * Roster import (人员信息导入): template, dry run, commit and error report. Dry run and commit
 * each take the file (multipart field `file`) and answer NDJSON progress lines then one result
 * line, so progress shows even while a SQLite commit holds the only connection.
 */
export async function importRoutes(app: FastifyInstance): Promise<void> {
  // Scoped to this plugin: no other route accepts multipart bodies.
  await app.register(multipart, { limits: { fileSize: importLimits.maxUploadBytes, files: 1, fields: 0, parts: 1 } });
  const tmpDir = importTmpDir(app.ctx.config.dataDir);
  sweepImportFiles(tmpDir);
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['personnel'];

  r.get('/template', {
    schema: { tags, produces: [XLSX_MIME], response: { 200: FileDownload } },
    config: { permission },
    handler: async (req, reply) => {
      const file = await templateXlsx(app.ctx.db, await scopeOf(req));
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachment('personnel-import-template.xlsx', '人员信息导入模板.xlsx'))
        .send(file);
    },
  });

  for (const [url, dryRun] of [
    ['/dry-run', true],
    ['/commit', false],
  ] as const) {
    r.post(url, {
      schema: {
        tags,
        querystring: ImportQuery,
        consumes: ['multipart/form-data'],
        produces: ['application/x-ndjson'],
        response: { 200: NdjsonProgress },
      },
      config: { permission },
      handler: (req, reply) => streamImport(app, req, reply, req.query, dryRun, tmpDir),
    });
  }

  r.get('/report', {
    schema: { tags, querystring: ImportReportQuery, produces: [XLSX_MIME], response: { 200: FileDownload } },
    config: { permission },
    handler: async (req, reply) => {
      const job = await findJob(app.ctx, req.query.jobId, principalOf(req).userId);
      if (!job) throw new AppError('IMPORT_JOB_NOT_FOUND');
      const out = new PassThrough();
      writeReportXlsx(out, job, pickLocale(req.headers['accept-language'])).catch((err: unknown) => {
        req.log.error({ err }, 'import report failed');
        out.destroy(err instanceof Error ? err : new Error(String(err)));
      });
      return reply
        .type(XLSX_MIME)
        .header('content-disposition', attachment('import-problems.xlsx', `导入问题清单-${job.fileName.replace(/\.xlsx$/i, '')}.xlsx`))
        .header('cache-control', 'no-store')
        .send(out);
    },
  });
}

/**
 * Receives the file, checks it is a zip before answering 200, then streams progress and the
 * result. The upload is deleted when the import ends, however it ends.
 */
async function streamImport(
  app: FastifyInstance,
  req: FastifyRequest,
  reply: FastifyReply,
  query: ImportQuery,
  dryRun: boolean,
  tmpDir: string,
) {
  const release = acquireImportSlot();
  let upload: { path: string; fileName: string } | undefined;
  try {
    const scope = await scopeOf(req);
    const ownerId = principalOf(req).userId;
    upload = await receiveUpload(req, tmpDir, importLimits.maxUploadBytes);
    await readZipDirectory(upload.path, importLimits);
    const { path: file, fileName } = upload;
    const locale = pickLocale(req.headers['accept-language']);
    const out = new PassThrough();
    const send = (line: ImportLine) => out.write(`${JSON.stringify(line)}\n`);
    void runImport(app.ctx, scope, actorOf(req), { file, fileName, dryRun, defaultKind: query.defaultKind, ownerId }, (p) =>
      send({ type: 'progress', ...p }),
    )
      .then((job) => send(presentJob(job, locale)))
      .catch((err: unknown) => {
        if (!(err instanceof AppError)) req.log.error({ err }, 'import failed');
        send(presentError(err, locale));
      })
      .finally(() => {
        release();
        out.end();
        fs.rmSync(file, { force: true });
      });
    return reply.type(NDJSON).header('cache-control', 'no-store').send(out);
  } catch (error) {
    release();
    if (upload) fs.rmSync(upload.path, { force: true });
    throw error;
  }
}
