import type { FastifyInstance } from 'fastify';
import type { AnyDb } from './catalogue.ts';
import { beat } from './heartbeat.ts';
import { rebuildProvinceClosure } from './province-setup.ts';
import { reconcileAll } from './reconcile.ts';

/**
 * Scheduled replication work (ADR 012 jobs, so one node runs each slot):
 * - province: nightly reconciliation of every city with repair, recorded in the audit chain;
 *   and the org closure derived again every ten minutes (cities add and move units).
 * - city on PostgreSQL: a heartbeat row every REPLICATION_HEARTBEAT_SECONDS, by a plain timer —
 *   too frequent for job_run rows, and harmless when several nodes beat the same row.
 */
export function defineReplicationJobs(app: FastifyInstance): void {
  const { config } = app.ctx;
  const db = app.ctx.db as unknown as AnyDb; // replication works on the schema untyped, like a migration
  if (config.instanceRole === 'province') {
    app.jobs.define({
      name: 'replication.reconcile',
      schedule: { kind: 'daily', at: '03:00' },
      leaseMs: 3 * 3_600_000,
      maxAttempts: 1,
      handler: async (ctx) => {
        const results = await reconcileAll({ db, clock: ctx.clock }, { repair: true });
        return results.map((r) =>
          'error' in r ? r : { cityCode: r.cityCode, diverged: r.tables.filter((t) => t.diverged.length > 0).map((t) => t.table) },
        );
      },
    });
    app.jobs.define({
      name: 'replication.org-closure',
      schedule: { kind: 'interval', everyMs: 10 * 60_000 },
      handler: async (ctx) => ({ rows: await rebuildProvinceClosure(db, ctx.config.cityCode) }),
    });
    return;
  }
  if (app.ctx.dialect !== 'postgres' || config.heartbeatSeconds === 0 || config.jobTickMs === 0) return;
  let timer: NodeJS.Timeout | undefined;
  app.addHook('onReady', async () => {
    const tick = () =>
      beat(db, config.cityCode, app.ctx.clock.now())
        .catch((error: unknown) => app.log.warn({ err: error }, 'replication heartbeat failed'))
        .finally(() => {
          timer = setTimeout(tick, config.heartbeatSeconds * 1000).unref();
        });
    timer = setTimeout(tick, 0).unref();
  });
  app.addHook('onClose', async () => clearTimeout(timer));
}
