import fs from 'node:fs';
import path from 'node:path';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { HealthView } from '@zhenggong/core';
import Fastify, { LogController, type FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import type { Connection } from './db/connect.ts';
import './platform/http/fastify-types.ts';
import { accessRoutes } from './platform/access/access-routes.ts';
import { accountRoutes } from './platform/accounts/account-routes.ts';
import { auditRoutes } from './platform/audit/audit-routes.ts';
import { authRoutes } from './platform/auth/auth-routes.ts';
import { mfaRoutes } from './platform/auth/mfa-routes.ts';
import { registerSensitiveResponses } from './platform/http/sensitive-responses.ts';
import { registerGuard } from './platform/auth/guard.ts';
import { registerAdminNetworkCheck, registerIntrusionGuard } from './platform/network/network-guards.ts';
import { systemClock, type Clock } from './platform/clock.ts';
import { dictRoutes } from './platform/dicts/dict-routes.ts';
import { ensureDataDir } from './platform/data-dir.ts';
import { fieldCryptoFromFile } from './platform/field-crypto.ts';
import { errorHandler, sendError } from './platform/http/error-handler.ts';
import { registerResponseCheck } from './platform/http/response-check.ts';
import { buildValidator } from './platform/http/validators.ts';
import { newId } from './platform/ids.ts';
import { JobRunner } from './platform/jobs/job-runner.ts';
import { importReportExpiryJob } from './platform/jobs/import-reports.ts';
import { databaseRateLimitStore, removeExpiredCounters } from './platform/http/shared-counters.ts';
import { registerProvinceReadOnly } from './platform/replication/province-read-only.ts';
import { defineReplicationJobs } from './platform/replication/replication-jobs.ts';
import { jobRoutes } from './platform/jobs/job-routes.ts';
import { orgRoutes } from './platform/orgs/org-routes.ts';
import { personExtraRoutes } from './modules/personnel/person-extra-routes.ts';
import { personPhotoRoutes } from './modules/personnel/person-photo.ts';
import { personRoutes } from './modules/personnel/person-routes.ts';
import { importRoutes } from './modules/personnel/import/import-routes.ts';
import { exportRoutes } from './modules/personnel/export/export-routes.ts';
import { questionBankRoutes } from './modules/question-bank/routes.ts';
import { examRoutes } from './modules/exams/routes.ts';
import { trainingRoutes } from './modules/training/routes.ts';
import { studyRoutes } from './modules/study/routes.ts';
import { talentRoutes } from './modules/talent/routes.ts';
import { competitionRoutes } from './modules/competitions/routes.ts';
import { recruitmentRoutes } from './modules/recruitment/routes.ts';
import { portalRoutes } from './modules/recruitment/portal/portal-routes.ts';
import { auxiliaryRoutes } from './modules/auxiliary/routes.ts';
import { partyRoutes } from './modules/party/routes.ts';
import { publicityRoutes } from './modules/publicity/routes.ts';
import { cultureRoutes } from './modules/culture/routes.ts';
import { cadresRoutes } from './modules/cadres/routes.ts';
import { welfareRoutes } from './modules/welfare/routes.ts';
import { assessmentRoutes } from './modules/assessment/routes.ts';
import { warningRoutes } from './modules/warning/routes.ts';
import { provinceRoutes } from './modules/province/routes.ts';
import { awardsRoutes, disciplineRoutes, exemplarRoutes, publicVoteRoutes } from './modules/awards/index.ts';
import { registerSecurityHeaders } from './platform/http/security-headers.ts';
import { seedWorkCalendar } from './platform/workflow/calendar.ts';
import { runWorkflowDueWork } from './platform/workflow/due-work.ts';
import { disableStaleAccounts } from './platform/accounts/account-expiry.ts';
import { ensureDefinitions } from './platform/workflow/engine.ts';
import { registeredKinds } from './platform/workflow/registry.ts';
import { workflowRoutes } from './platform/workflow/routes.ts';

export interface BuildOptions {
  readonly config: Config;
  readonly connection: Connection;
  readonly clock?: Clock;
  /** false in tests; pino options otherwise. */
  readonly logger?: boolean | object;
  /** Tests and the e2e server: fail any JSON answer that its response schema would change. */
  readonly checkResponses?: boolean;
}

const version = '0.1.0';

/** Builds the whole application without listening; tests call this and use `inject`. */
export async function buildApp(options: BuildOptions): Promise<FastifyInstance> {
  const { config, connection } = options;
  const app = Fastify({
    logger: options.logger ?? false,
    genReqId: () => newId(),
    // One structured line per request (the onResponse hook below) instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: config.bodyLimitBytes,
    trustProxy: process.env.TRUST_PROXY ?? false,
    // Fastify's builder type is Ajv-specific; ours returns the same compile function shape.
    schemaController: { compilersFactory: { buildValidator: buildValidator as never } },
  });
  const { secretKeyFile } = ensureDataDir(config.dataDir);
  const fieldCrypto = fieldCryptoFromFile(secretKeyFile, config.cryptoProfile);
  app.decorate('ctx', { db: connection.db, dialect: connection.dialect, config, clock: options.clock ?? systemClock, fieldCrypto });
  app.setErrorHandler(errorHandler);
  const jobs = new JobRunner(app.ctx, (error, job) => app.log.error({ err: error, job }, 'scheduled job failed'));
  app.decorate('jobs', jobs);
  jobs.define(importReportExpiryJob());
  jobs.define({
    name: 'platform.rate-counter-expiry',
    schedule: { kind: 'interval', everyMs: 10 * 60_000 },
    handler: (ctx) => removeExpiredCounters(ctx.db, ctx.clock.now().getTime()),
  });
  defineReplicationJobs(app);
  // Public notices that reached their last working day move on; overdue approvers are reminded once.
  // Expired and long-unused accounts are disabled even when nobody tries to log in with them (L3-CES1-07).
  jobs.define({ name: 'accounts.disable-stale', schedule: { kind: 'daily', at: '02:00' }, handler: (ctx) => disableStaleAccounts(ctx) });
  jobs.define({
    name: 'workflow.due-work',
    schedule: { kind: 'interval', everyMs: 15 * 60_000 },
    handler: (ctx) => runWorkflowDueWork(ctx, ctx.clock.now()),
  });
  // Started once every module has defined its jobs; stopped (and awaited) before the pool closes.
  app.addHook('onReady', async () => {
    if (config.jobTickMs > 0) jobs.start(config.jobTickMs);
  });
  app.addHook('onClose', () => jobs.stop());

  registerSecurityHeaders(app, { hsts: config.production });
  await app.register(cookie);
  // Registered before the guard so throttling counts requests the guard would refuse.
  // Counters in the database: several app nodes behind a load balancer count the same requests.
  await app.register(rateLimit, { global: false, store: databaseRateLimitStore(connection.db) });
  await app.register(swagger, {
    openapi: {
      info: { title: 'Zhenggong 智慧政工 API', version },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'zg_sid' } } },
    },
  });
  if (!config.production || process.env.ENABLE_API_DOCS === '1') {
    await app.register(swaggerUi, { routePrefix: '/api/docs' });
  }
  registerIntrusionGuard(app);
  registerGuard(app);
  registerProvinceReadOnly(app);
  registerSensitiveResponses(app);
  registerAdminNetworkCheck(app);
  if (options.checkResponses) registerResponseCheck(app);
  app.addHook('onResponse', async (request, reply) => {
    request.log.info(
      {
        method: request.method,
        url: request.url,
        status: reply.statusCode,
        ms: Math.round(reply.elapsedTime),
        user: request.principal?.username,
      },
      'request',
    );
  });

  app.get('/api/health', { config: { public: true }, schema: { tags: ['platform'], response: { 200: HealthView } } }, async () => ({
    status: 'ok',
    db: connection.dialect,
    version,
  }));
  await app.register(authRoutes, { prefix: '/api/v1/auth' });
  await app.register(mfaRoutes, { prefix: '/api/v1/auth/mfa' });
  await app.register(orgRoutes, { prefix: '/api/v1/orgs' });
  await app.register(accountRoutes, { prefix: '/api/v1/users' });
  await app.register(accessRoutes, { prefix: '/api/v1' });
  await app.register(auditRoutes, { prefix: '/api/v1/audit' });
  await app.register(dictRoutes, { prefix: '/api/v1/dicts' });
  await app.register(jobRoutes, { prefix: '/api/v1/system/jobs' });
  await app.register(workflowRoutes, { prefix: '/api/v1/workflow' });
  await app.register(personRoutes, { prefix: '/api/v1/personnel' });
  await app.register(importRoutes, { prefix: '/api/v1/personnel/import' });
  await app.register(exportRoutes, { prefix: '/api/v1/personnel' });
  await app.register(personExtraRoutes, { prefix: '/api/v1/personnel' });
  await app.register(personPhotoRoutes, { prefix: '/api/v1/personnel' });
  await app.register(questionBankRoutes, { prefix: '/api/v1/question-bank' });
  await app.register(examRoutes, { prefix: '/api/v1/exams' });
  await app.register(trainingRoutes, { prefix: '/api/v1/training' });
  await app.register(studyRoutes, { prefix: '/api/v1/study' });
  await app.register(talentRoutes, { prefix: '/api/v1/talent' });
  await app.register(competitionRoutes, { prefix: '/api/v1/competitions' });
  await app.register(recruitmentRoutes, { prefix: '/api/v1/recruitment' });
  await app.register(portalRoutes, { prefix: '/api/v1/portal' });
  await app.register(auxiliaryRoutes, { prefix: '/api/v1/auxiliary' });
  await app.register(partyRoutes, { prefix: '/api/v1/party' });
  await app.register(publicityRoutes, { prefix: '/api/v1/publicity' });
  await app.register(cultureRoutes, { prefix: '/api/v1/culture' });
  await app.register(cadresRoutes, { prefix: '/api/v1/cadres' });
  await app.register(welfareRoutes, { prefix: '/api/v1/welfare' });
  await app.register(assessmentRoutes, { prefix: '/api/v1/assessment' });
  await app.register(warningRoutes, { prefix: '/api/v1/warning' });
  await app.register(provinceRoutes, { prefix: '/api/v1/province' });
  await app.register(awardsRoutes, { prefix: '/api/v1/awards' });
  await app.register(disciplineRoutes, { prefix: '/api/v1/discipline' });
  await app.register(exemplarRoutes, { prefix: '/api/v1/exemplars' });
  await app.register(publicVoteRoutes, { prefix: '/api/v1/portal/exemplars' });
  // Modules registered their case kinds on import; their first definitions and the calendar are data from here on.
  await ensureDefinitions(app.ctx, registeredKinds());
  await seedWorkCalendar(app.ctx);

  const hasWeb = fs.existsSync(path.join(config.webDist, 'index.html'));
  if (hasWeb) await app.register(fastifyStatic, { root: config.webDist, wildcard: false });
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || !hasWeb || request.method !== 'GET') return sendError(request, reply, 'ROUTE_NOT_FOUND');
    // Client-side routes of the single-page app.
    return reply.type('text/html').sendFile('index.html');
  });
  return app;
}
