import type { ModuleFixtureSeeder } from '../../test-support/authorization-fixtures.ts';
import { systemActor } from '../../platform/audit/audit-service.ts';
import { newId } from '../../platform/ids.ts';
import { createReport } from './report-service.ts';
import { recordFacts } from './fact-intake.ts';
import { runMonth } from './monthly-run.ts';

const P = '/api/v1/warning';

/** Rows of branch B for the route-authorization test: an alert in progress, an appeal and a quarterly report. */
export const warningAuthorizationFixtures: ModuleFixtureSeeder = async ({ ctx, branchB, orgB, personB }) => {
  const must = async (res: Promise<{ statusCode: number; body: string }>) => {
    const r = await res;
    if (r.statusCode >= 300) throw new Error(`warning fixture: ${r.statusCode} ${r.body}`);
    return JSON.parse(r.body) as { id: string };
  };
  await ctx.db.transaction().execute((trx) =>
    recordFacts(
      trx,
      ctx,
      ['2026-02-03', '2026-03-04', '2026-03-20', '2026-04-05', '2026-04-18'].map((d) => ({
        personId: personB,
        kind: 'complaint' as const,
        eventDate: d,
        knownDate: d,
        value: 1,
      })),
    ),
  );
  await runMonth(ctx, '2026-04-30');
  const alert = await ctx.db.selectFrom('ew_alert').select(['id']).where('person_id', '=', personB).executeTakeFirstOrThrow();
  await must(branchB.post(`${P}/alerts/${alert.id}/assign`, {}));
  const fact = await ctx.db.selectFrom('ew_fact').select('id').where('person_id', '=', personB).executeTakeFirstOrThrow();
  const appealId = newId();
  await ctx.db
    .insertInto('ew_appeal')
    .values({
      id: appealId,
      person_id: personB,
      fact_ref: `ew_fact:${fact.id}`,
      reason: '投诉不属实',
      status: 'open',
      reviewer_id: null,
      answer: null,
      decided_at: null,
      city_code: ctx.config.cityCode,
      created_at: ctx.clock.now().toISOString(),
    })
    .execute();
  // Reports are drafted for the branch itself, above the branch-B user's station scope.
  const report = await createReport(ctx, { all: true }, systemActor, { orgId: orgB, quarter: '2026Q2' });
  const sections = { overview: 'hijacked', warnings: 'x', problems: 'x', measures: 'x' };
  return {
    params: {
      [`${P}/alerts`]: alert.id,
      [`${P}/appeals`]: appealId,
      [`${P}/reports`]: report.id,
      [`${P}/policies`]: 'ABS_COMPLAINT',
    },
    bodies: {
      [`POST ${P}/alerts/:id/assign`]: {},
      [`POST ${P}/alerts/:id/consultations`]: { date: '2026-05-01', attendees: '张三', conclusion: 'hijacked' },
      [`POST ${P}/alerts/:id/measures`]: { type: '谈心谈话', date: '2026-05-02', note: 'hijacked' },
      [`POST ${P}/alerts/:id/follow-ups`]: { day: 30, date: '2026-05-03', note: 'hijacked' },
      [`POST ${P}/alerts/:id/close`]: { outcome: '改善', note: 'hijacked' },
      [`POST ${P}/alerts/:id/dismiss`]: { reason: '其他', note: 'hijacked' },
      [`POST ${P}/appeals/:id/decide`]: { decision: 'upheld', answer: 'hijacked' },
      [`POST ${P}/self/appeals`]: { factRef: `ew_fact:${fact.id}`, reason: 'hijacked' },
      [`POST ${P}/policies/:code/versions`]: {
        effectiveFrom: '2026-06-01',
        body: {
          name: 'x',
          mode: 'absolute',
          level: 'warning',
          indicator: 'DISC_COMPLAINT_12M',
          op: '>=',
          threshold: 1,
          cooldownDays: 0,
          officerVisible: true,
        },
      },
      [`POST ${P}/facts`]: { personId: personB, kind: 'complaint', eventDate: '2026-05-01', value: 1 },
      [`POST ${P}/runs`]: { asOf: '2026-04-30' },
      [`POST ${P}/reports`]: { orgId: orgB, quarter: '2026Q1' },
      [`PUT ${P}/reports/:id`]: { sections },
    },
  };
};
