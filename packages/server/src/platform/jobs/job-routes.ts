import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { JobList, JobNameParams, JobView } from '@zhenggong/core';
import type { FastifyInstance } from 'fastify';
import { auditAlone } from '../audit/audit-service.ts';
import { actorOf } from '../http/request-context.ts';

/**
 * The system administrator's view of this instance's scheduled jobs (/api/v1/system/jobs):
 * name, schedule, last run with its state and error, next run; and run-now. Jobs are
 * instance-wide housekeeping, not rows of a unit, so no data scope applies.
 */
export async function jobRoutes(app: FastifyInstance): Promise<void> {
  const r = app.withTypeProvider<TypeBoxTypeProvider>();
  const tags = ['system'];
  r.get('/', {
    schema: { tags, response: { 200: JobList } },
    config: { permission: 'system:jobs' },
    handler: async () => ({ items: await app.jobs.list() }),
  });
  r.post('/:name/run', {
    schema: { tags, params: JobNameParams, response: { 200: JobView } },
    config: { permission: 'system:jobs', noBody: true },
    handler: async (req) => {
      const view = await app.jobs.runNow(req.params.name);
      await auditAlone(app.ctx.db, app.ctx.clock, actorOf(req), {
        eventType: 'system.job.run',
        objectType: 'job',
        objectId: req.params.name,
        detail: { state: view.lastRun?.state ?? null },
      });
      return view;
    },
  });
}
