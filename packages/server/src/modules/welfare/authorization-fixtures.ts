import type { ModuleFixtureSeeder } from '../../test-support/authorization-fixtures.ts';
import { insertLeave, makeOfficer, recordConsent } from './test-support.ts';
import { ingestReadings, registerDeviceFor } from './wearable-service.ts';
import { systemActor } from '../../platform/audit/audit-service.ts';

const P = '/api/v1/welfare';

/**
 * Rows of branch B for the route-authorization test: an approved June leave of person B (on the
 * unit calendar, in the ledger and the lists), a wristband alert, a psychological case and a care record.
 */
export const welfareAuthorizationFixtures: ModuleFixtureSeeder = async ({ ctx, branchB, orgB, orgB1, personB, MARK }) => {
  const must = async (res: Promise<{ statusCode: number; body: string }>) => {
    const r = await res;
    if (r.statusCode >= 300) throw new Error(`welfare fixture: ${r.statusCode} ${r.body}`);
    return JSON.parse(r.body) as { id: string };
  };
  const wearer = await makeOfficer(ctx, orgB1, `乙手环${MARK}`, '2010-03-01');
  await recordConsent(ctx, wearer);
  const device = await registerDeviceFor(ctx, systemActor, wearer, { serial: `B-${MARK}` });
  const at = (m: number) => new Date(ctx.clock.now().getTime() - (10 - m) * 60_000).toISOString();
  await ingestReadings(ctx, device.token, {
    readings: [5, 6, 7, 8, 9].map((m) => ({ kind: 'heart_rate' as const, at: at(m), value: 150 })),
  });
  const alert = await ctx.db.selectFrom('wearable_alert').select('id').where('person_id', '=', wearer).executeTakeFirstOrThrow();
  const leave = await insertLeave(ctx, personB, { kind: 'annual', start: '2026-06-15', days: 3 });
  const psych = await must(branchB.post(`${P}/psych/cases`, { personId: personB, summary: `乙个案${MARK}`, risk: 'medium' }));
  const care = await must(branchB.post(`${P}/care/records`, { orgId: orgB1, kind: 'visit', date: '2026-05-20', title: `走访${MARK}` }));
  return {
    params: {
      [`${P}/leave/people`]: personB,
      [`${P}/leave/applications`]: leave,
      [`${P}/wearables/alerts`]: alert.id,
      [`${P}/psych/cases`]: psych.id,
      [`${P}/care/records`]: care.id,
    },
    bodies: {
      [`POST ${P}/leave/ledger-entries`]: { personId: personB, year: 2026, kind: 'payout', days: 1 },
      [`POST ${P}/leave/applications/:id/cancel`]: { note: null },
      [`POST ${P}/wearables/alerts/:id/ack`]: { note: 'x' },
      [`POST ${P}/wearables/alerts/:id/close`]: { note: 'x' },
      [`POST ${P}/psych/cases`]: { personId: personB, summary: 'x', risk: 'low' },
      [`POST ${P}/psych/cases/:id/sessions`]: { date: '2026-06-01', note: 'x' },
      [`POST ${P}/psych/cases/:id/escalate`]: { note: 'x' },
      [`POST ${P}/psych/cases/:id/close`]: { outcome: 'x' },
      [`POST ${P}/care/records`]: { orgId: orgB, kind: 'visit', date: '2026-06-01', title: 'x' },
    },
    queries: {
      [`GET ${P}/leave/calendar`]: { orgId: orgB1, month: '2026-06' },
      [`GET ${P}/leave/applications`]: { orgId: orgB1, year: '2026' },
      [`GET ${P}/leave/people/:id/ledger`]: { year: '2026' },
      [`GET ${P}/care/records`]: { orgId: orgB1 },
    },
  };
};
