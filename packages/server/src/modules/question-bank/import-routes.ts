import fs from 'node:fs';
import { PassThrough } from 'node:stream';
import multipart from '@fastify/multipart';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';

import { FileDownload, NdjsonProgress, formatMessage, Id, pickLocale, platformErrors, Strict } from '@zhenggong/core';
import type { FastifyInstance } from 'fastify';
import { AppError } from '../../platform/http/app-error.ts';
import { actorOf, scopeOf } from '../../platform/http/request-context.ts';
import { attachment, XLSX_MIME } from '../../platform/files/attachment.ts';
import { importTmpDir, receiveUpload } from '../../platform/files/upload.ts';
import { writableBank } from './bank-scope.ts';
import { questionTemplateXlsx } from './import-template.ts';
import { importQuestions, questionImportLimits } from './question-import.ts';

const NDJSON = 'application/x-ndjson; charset=utf-8';
const permission = 'exam:question';
const ImportQuery = Strict({ bankId: Id });

/** Imports running in this process (each holds a parsed file in memory). */
let running = 0;
const MAX_RUNNING = 2;

/**
 * Question import (试题导入): template, dry run (预检) and commit. Both take the xlsx as the
 * multipart field `file` and answer NDJSON: progress lines, then one `result` or `error` line.
 */
export async function questionImportRoutes(app: FastifyInstance): Promise<void> {
  // Scoped to this plugin: no other route of the module accepts multipart bodies.
  await app.register(multipart, { limits: { fileSize: questionImportLimits.maxUploadBytes, files: 1, fields: 0, parts: 1 } });
  const tmpDir = importTmpDir(app.ctx.config.dataDir);
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['question-bank'];

  r.get('/import/template', {
    schema: { tags, produces: [XLSX_MIME], response: { 200: FileDownload } },
    config: { permission },
    handler: async (_req, reply) =>
      reply
        .type(XLSX_MIME)
        .header('content-disposition', attachment('question-import-template.xlsx', '试题导入模板.xlsx'))
        .send(await questionTemplateXlsx()),
  });

  for (const [url, dryRun] of [
    ['/import/dry-run', true],
    ['/import/commit', false],
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
      handler: async (req, reply) => {
        const scope = await scopeOf(req);
        // Refuse an unreachable bank before reading any upload.
        await writableBank(app.ctx.db, scope, req.query.bankId);
        if (running >= MAX_RUNNING) throw new AppError('IMPORT_BUSY');
        running++;
        let file: string | undefined;
        try {
          const upload = await receiveUpload(req, tmpDir, questionImportLimits.maxUploadBytes);
          file = upload.path;
          const locale = pickLocale(req.headers['accept-language']);
          const out = new PassThrough();
          const send = (line: object) => out.write(`${JSON.stringify(line)}\n`);
          const path = file;
          void importQuestions(
            app.ctx,
            scope,
            actorOf(req),
            { file: path, fileName: upload.fileName, bankId: req.query.bankId, dryRun, locale },
            (p) => send({ type: 'progress', ...p }),
          )
            .then((result) => send({ type: 'result', ...result }))
            .catch((err: unknown) => {
              if (!(err instanceof AppError)) req.log.error({ err }, 'question import failed');
              const code = err instanceof AppError ? err.code : 'INTERNAL';
              const details = err instanceof AppError ? err.details : undefined;
              send({
                type: 'error',
                error: { code, message: formatMessage(platformErrors[code][locale], details), ...(details ? { details } : {}) },
              });
            })
            .finally(() => {
              running--;
              out.end();
              fs.rmSync(path, { force: true });
            });
          return reply.type(NDJSON).header('cache-control', 'no-store').send(out);
        } catch (error) {
          running--;
          if (file) fs.rmSync(file, { force: true });
          throw error;
        }
      },
    });
  }
}
