import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrg, makeRole, makeUser } from '../../test-support/factories.ts';
import { createTestApp, dialects, login, type Client, type TestApp } from '../../test-support/test-app.ts';
import { allPeople, seedDemoPeople } from '../personnel/people.ts';
import { seedCareerHistory } from './cadre-history-demo.ts';
import { simulate } from './simulation.ts';

/** The 套改 what-if over a demo city of 10,000 people: every person gets a result with its reasons. */
describe.each(dialects)('套改 over the demo city on %s', (dialect) => {
  let t: TestApp;
  let city: Client;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const root = await makeOrg(t.ctx, null, '示例市公安局', { type: 'city_bureau' });
    for (const b of ['上城分局', '拱墅分局', '西湖分局']) {
      const branch = await makeOrg(t.ctx, root, b);
      for (const s of ['一所', '二所', '三所']) await makeOrg(t.ctx, branch, `${b.slice(0, 2)}${s}`, { type: 'station' });
    }
    await seedDemoPeople(t.ctx, { people: 10_000 });
    const officers = await t.ctx.db
      .selectFrom(allPeople(t.ctx.db).as('p'))
      .select(['p.id', 'p.police_start_date'])
      .where('p.kind', '=', 'officer')
      .execute();
    await seedCareerHistory(t.ctx, officers, 2026);
    await makeUser(t.ctx, 'simcity', root, 'Sim#Pass12345', [await makeRole(t.ctx, 'sim', ['cadres:simulate', 'cadres:read'], 'all')]);
    city = await login(t.app, 'simcity', 'Sim#Pass12345');
  }, 600_000);
  afterAll(() => t.close());

  it('gives every officer a result with reasons, and the quota usage per unit', async () => {
    const d = await simulate(t.ctx, { all: true }, { ruleSetId: 'rank.convert@2019' });
    expect(d.people.length).toBeGreaterThan(5000);
    expect(d.runA.results).toHaveLength(d.people.length);
    for (const r of d.runA.results) {
      expect(r.reasons.length).toBeGreaterThan(0);
      expect(r.reasons.at(-1)!.zh.length).toBeGreaterThan(4);
    }
    const converted = d.runA.results.filter((r) => r.status === 'converted');
    const quota = d.runA.results.filter((r) => r.status === 'quota');
    expect(converted.length).toBeGreaterThan(1000);
    for (const r of quota) expect(r.reasons.some((x) => x.rule === 'QUOTA' && !x.ok)).toBe(true);
    // No unit goes over any of its quotas.
    for (const u of d.runA.usage) expect(u.used, `${u.unitId} ${u.ruleId}`).toBeLessThanOrEqual(u.limit);
    const res = await city.post('/api/v1/cadres/simulations', {
      ruleSetId: 'rank.convert@2019',
      compareWith: 'rank.convert@2016',
      pageSize: 200,
    });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    const body = res.json();
    expect(body.people).toBe(d.people.length);
    expect(
      Object.entries(body.summary)
        .filter(([k]) => k !== 'changed')
        .reduce((n, [, v]) => n + (v as number), 0),
    ).toBe(d.people.length);
    expect(body.items).toHaveLength(200);
  }, 600_000);
});
