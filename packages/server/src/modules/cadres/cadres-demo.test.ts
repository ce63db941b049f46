import { addMonths } from '@zhenggong/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { today } from '../../platform/clock.ts';
import { makeOrg, makeRole, makeUser } from '../../test-support/factories.ts';
import { createTestApp, dialects, login, type Client, type TestApp } from '../../test-support/test-app.ts';
import { seedDemoPeople } from '../personnel/people.ts';
import { seedCadresDemo } from './cadres-demo.ts';

const PW = 'Cadre#Pass12345';

interface DueRow {
  personId: string;
  eligibility: { track: string; status: string; dueDate: string | null; reasons: { rule: string; ok: boolean }[] };
}

/** The demo force is promoted on time: a branch's monthly due list is a handful, and every overdue rank says why. */
describe.each(dialects)('the demo due list on %s', (dialect) => {
  let t: TestApp;
  let branchUser: Client;
  let branchId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const root = await makeOrg(t.ctx, null, '示例市公安局', { type: 'city_bureau' });
    for (const name of ['西湖分局', '上城分局']) {
      const branch = await makeOrg(t.ctx, root, name);
      branchId ??= branch;
      for (const s of ['一所', '二所']) await makeOrg(t.ctx, branch, `${name.slice(0, 2)}${s}`, { type: 'station' });
    }
    await seedDemoPeople(t.ctx, { people: 900, seed: 11 });
    await seedCadresDemo(t.ctx);
    await makeUser(t.ctx, 'demodue', branchId, PW, [await makeRole(t.ctx, 'demo-due', ['cadres:read'], 'org_and_below')]);
    branchUser = await login(t.app, 'demodue', PW);
  }, 120_000);
  afterAll(() => t.close());

  it('lists under 15 % of the branch officers, none overdue without a reason', async () => {
    const month = today(t.ctx.clock).slice(0, 7);
    const res = await branchUser.get(`/api/v1/cadres/due?month=${month}&pageSize=100`);
    expect(res.statusCode, res.body).toBe(200);
    const due = res.json() as { total: number; items: DueRow[] };
    const branchOrgs = (await t.ctx.db.selectFrom('org').select('id').where('parent_id', '=', branchId).execute()).map((o) => o.id);
    const officers = await t.ctx.db
      .selectFrom('person')
      .select('id')
      .where('kind', '=', 'officer')
      .where('org_id', 'in', [branchId, ...branchOrgs])
      .execute();
    const people = new Set(due.items.map((i) => i.personId));
    expect(due.total).toBeLessThanOrEqual(100);
    expect(people.size).toBeGreaterThan(0);
    expect(people.size / officers.length).toBeLessThan(0.15);
    const asOf = `${month}-01`;
    for (const i of due.items) {
      const e = i.eligibility;
      // Eligible now: due this month, or within the few months an approval takes; older ones are held back.
      if (e.status === 'eligible') expect(e.dueDate! >= addMonths(asOf, -3), JSON.stringify(e)).toBe(true);
      if (e.status === 'blocked') expect(e.reasons.some((r) => !r.ok)).toBe(true);
    }
    // Both kinds show: some due now, a few held back with a stated reason.
    expect(due.items.some((i) => i.eligibility.status !== 'blocked')).toBe(true);
    expect(due.items.some((i) => i.eligibility.status === 'blocked')).toBe(true);
  });
});
