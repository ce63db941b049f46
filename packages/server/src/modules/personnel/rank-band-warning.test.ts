import { makeIdNumber } from '@zhenggong/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrg, makeRole, makeUser } from '../../test-support/factories.ts';
import { createTestApp, dialects, login, type Client, type TestApp } from '../../test-support/test-app.ts';

/**
 * A 警衔 outside the band of the person's 职级 (rank.bands rule data) is saved, never refused,
 * and every list row and profile of that person carries the warning with the band.
 */
const officer = (orgId: string, name: string, sequence: number, rank: string, officerLevel: string) => ({
  kind: 'officer',
  name,
  idNumber: makeIdNumber('330102', '1988-05-20', sequence),
  policeStartDate: '2010-07-01',
  workStartDate: '2010-07-01',
  orgId,
  rank,
  officerLevel,
});

describe.each(dialects)('rank-band warning on list rows and profiles on %s', (dialect) => {
  let t: TestApp;
  let staff: Client;
  let station: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const root = await makeOrg(t.ctx, null, '示例市公安局', { type: 'city_bureau' });
    station = await makeOrg(t.ctx, root, '清波派出所', { type: 'station' });
    const role = await makeRole(t.ctx, 'hr', ['personnel:read', 'personnel:write'], 'org_and_below');
    await makeUser(t.ctx, 'hr', root, 'Hr#Pass12345', [role]);
    staff = await login(t.app, 'hr', 'Hr#Pass12345');
  });
  afterAll(() => t.close());

  it('saves the person and flags the rank on the list row and the profile; a rank inside the band carries nothing', async () => {
    // 二级警员 (612): 二级警员 (01) … 一级警司 (05). 一级警督 (08) lies outside; 一级警司 inside.
    const outside = await staff.post('/api/v1/personnel/people', officer(station, '越级者', 11, '一级警督', '二级警员'));
    expect(outside.statusCode, outside.body).toBe(201);
    const inside = await staff.post('/api/v1/personnel/people', officer(station, '合规者', 13, '一级警司', '二级警员'));
    expect(inside.statusCode, inside.body).toBe(201);
    const band = { code: 'rank_outside_band', field: 'rank', low: '01', high: '05' };
    expect(outside.json()).toMatchObject({ rank: '08', officerLevel: '612', warnings: [band] });
    expect(inside.json()).not.toHaveProperty('warnings');

    const list = (await staff.get('/api/v1/personnel/people?pageSize=50')).json<{ items: { name: string; warnings?: unknown }[] }>();
    expect(list.items.find((p) => p.name === '越级者')?.warnings).toEqual([band]);
    expect(list.items.find((p) => p.name === '合规者')).not.toHaveProperty('warnings');
    const profile = (await staff.get(`/api/v1/personnel/people/${outside.json<{ id: string }>().id}`)).json();
    expect(profile).toMatchObject({ warnings: [band] });

    // Promoted to a grade whose band holds the rank: the warning goes.
    const fixed = await staff.patch(`/api/v1/personnel/people/${outside.json<{ id: string }>().id}`, {
      officerLevel: '二级警长',
      levelDate: '2026-01-01',
    });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json()).not.toHaveProperty('warnings');
  });
});
