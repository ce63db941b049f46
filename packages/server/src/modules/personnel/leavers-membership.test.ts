import { makeIdNumber } from '@zhenggong/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrg, makeRole, makeUser } from '../../test-support/factories.ts';
import { createTestApp, dialects, login, type Client, type TestApp } from '../../test-support/test-app.ts';

/** A status change that takes someone off the force closes the unit membership on its date. */
describe.each(dialects)('leavers and as-of membership on %s', (dialect) => {
  let t: TestApp;
  let hr: Client;
  let station: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const root = await makeOrg(t.ctx, null, '示例市公安局', { type: 'city_bureau' });
    station = await makeOrg(t.ctx, root, '湖滨派出所', { type: 'station' });
    const role = await makeRole(t.ctx, 'hr-all', ['personnel:read', 'personnel:write'], 'all');
    await makeUser(t.ctx, 'hr', root, 'Hr#Pass12345', [role]);
    hr = await login(t.app, 'hr', 'Hr#Pass12345');
    let seq = 1;
    for (const name of ['留任者', '退休者']) {
      const res = await hr.post('/api/v1/personnel/people', {
        kind: 'officer',
        name,
        idNumber: makeIdNumber('330102', '1966-03-03', seq++),
        orgId: station,
        policeStartDate: '1990-07-01',
      });
      expect(res.statusCode, res.body).toBe(201);
      ids[name] = res.json().id;
    }
  });
  afterAll(() => t.close());

  const statsTotal = async (asOf: string) =>
    (await hr.get(`/api/v1/personnel/stats?orgId=${station}&asOf=${asOf}`)).json<{ total: number }>().total;
  const members = async (asOf: string) =>
    (await hr.get(`/api/v1/personnel/people?orgId=${station}&asOf=${asOf}`))
      .json<{ items: { name: string }[] }>()
      .items.map((p) => p.name)
      .sort();

  it('stops counting a retired officer in the unit after the retirement date, and counts him before it', async () => {
    expect(await statsTotal('2026-04-01')).toBe(2);
    const res = await hr.patch(`/api/v1/personnel/people/${ids['退休者']}`, { status: 'retired', effectiveDate: '2026-03-01' });
    expect(res.statusCode, res.body).toBe(200);
    expect(await statsTotal('2026-02-28')).toBe(2);
    expect(await statsTotal('2026-03-01')).toBe(1);
    expect(await statsTotal('2026-04-01')).toBe(1);
    expect(await members('2026-02-28')).toEqual(['留任者', '退休者'].sort());
    expect(await members('2026-04-01')).toEqual(['留任者']);
    // Back on the force (returned from retirement to a post): a new membership from that day.
    await hr.patch(`/api/v1/personnel/people/${ids['退休者']}`, { status: 'serving', effectiveDate: '2026-05-01' });
    expect(await statsTotal('2026-04-15')).toBe(1);
    expect(await statsTotal('2026-05-02')).toBe(2);
  });
});
