import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrg, makeRole, makeUser } from '../../test-support/factories.ts';
import { createTestApp, dialects, login, type Client, type TestApp } from '../../test-support/test-app.ts';
import { newId } from '../../platform/ids.ts';

/**
 * Province statistics by city with drill-down to branches, audited, inside the data scope; and the
 * service-layer refusal of business writes at a province instance (ADR 027).
 */
describe.each(dialects)('province views on %s', (dialect) => {
  let t: TestApp;
  let leader: Client;
  let branchOnly: Client;
  const cities: Record<string, { root: string; branches: string[] }> = {};

  const person = (city: string, org: string, extra: Record<string, unknown>) => {
    const at = t.ctx.clock.now().toISOString();
    const id = newId();
    return t.ctx.db
      .insertInto('person')
      .values({
        id,
        kind: 'officer',
        name: '测试',
        name_pinyin: 'ceshi',
        name_initials: 'cs',
        former_names: '[]',
        id_number_enc: 'x',
        id_number_bidx: id,
        id_number_masked: 'x',
        sex: '1',
        birth_date: '1990-01-01',
        org_id: org,
        status: 'serving',
        city_code: city,
        created_at: at,
        updated_at: at,
        ...extra,
      })
      .execute()
      .then(() => id);
  };

  beforeAll(async () => {
    // A province instance holding two cities' replicated trees (written here as the apply worker would).
    t = await createTestApp(dialect, { instanceRole: 'province', cityCode: '320000' });
    await makeOrg(t.ctx, null, '省公安厅');
    for (const [code, name] of [
      ['320100', '甲市公安局'],
      ['320200', '乙市公安局'],
    ] as const) {
      const root = await makeOrg(t.ctx, null, name);
      const b1 = await makeOrg(t.ctx, root, `${name}一分局`);
      const b2 = await makeOrg(t.ctx, root, `${name}二分局`);
      await t.ctx.db.updateTable('org').set({ city_code: code }).where('id', 'in', [root, b1, b2]).execute();
      cities[code] = { root, branches: [b1, b2] };
    }
    const a = cities['320100'] as { root: string; branches: string[] };
    const b = cities['320200'] as { root: string; branches: string[] };
    const p1 = await person('320100', a.branches[0] as string, { political_status: '01' });
    await person('320100', a.branches[1] as string, { kind: 'auxiliary', sex: '2', birth_date: '2000-05-05' });
    await person('320100', a.branches[1] as string, { status: 'retired' });
    await person('320200', b.branches[0] as string, { birth_date: '1960-01-01' });
    await t.ctx.db
      .insertInto('person_award')
      .values({
        id: newId(),
        person_id: p1,
        date: '2026-03-01',
        name: '嘉奖',
        level: '嘉奖',
        issuer: '甲市公安局',
        city_code: '320100',
        created_at: '2026-03-01T00:00:00Z',
      })
      .execute();
    const all = await makeRole(t.ctx, 'province-stats', ['province:read', 'personnel:write'], 'all');
    const own = await makeRole(t.ctx, 'branch-stats', ['province:read'], 'org_and_below');
    const provinceRoot = (await t.ctx.db.selectFrom('org').select('id').where('name', '=', '省公安厅').executeTakeFirstOrThrow()).id;
    await makeUser(t.ctx, 'leader', provinceRoot, 'Leader#Pass123', [all]);
    await makeUser(t.ctx, 'branch', a.branches[0] as string, 'Branch#Pass123', [own]);
    leader = await login(t.app, 'leader', 'Leader#Pass123');
    branchOnly = await login(t.app, 'branch', 'Branch#Pass123');
  });
  afterAll(() => t.close());

  it('counts each city and drills down into one city by branch, every view audited', async () => {
    const res = await leader.get('/api/v1/province/stats?year=2026');
    expect(res.statusCode).toBe(200);
    const view = res.json();
    expect(view.level).toBe('province');
    expect(
      view.rows.map((r: { key: string; officers: number; auxiliaries: number; awardsThisYear: number }) => [
        r.key,
        r.officers,
        r.auxiliaries,
        r.awardsThisYear,
      ]),
    ).toEqual([
      ['320100', 1, 1, 1],
      ['320200', 1, 0, 0],
    ]);
    const a = view.rows[0];
    expect([a.under35, a.from35to49, a.over50, a.women, a.partyMembers]).toEqual([1, 1, 0, 1, 1]);
    expect(view.rows[1].over50).toBe(1);

    const down = (await leader.get('/api/v1/province/stats?cityCode=320100&year=2026')).json();
    expect(down.level).toBe('city');
    expect(down.cityName).toBe('甲市公安局');
    expect(down.rows.map((r: { name: string; officers: number; auxiliaries: number }) => [r.name, r.officers, r.auxiliaries])).toEqual([
      ['甲市公安局一分局', 1, 0],
      ['甲市公安局二分局', 0, 1],
    ]);
    const audits = await t.ctx.db
      .selectFrom('audit_log')
      .select('object_id')
      .where('event_type', '=', 'province.stats.view')
      .orderBy('seq')
      .execute();
    expect(audits.map((x) => x.object_id)).toEqual(['320000', '320100']);
  });

  it('keeps to the data scope: a branch account sees no city and cannot drill into one', async () => {
    expect((await branchOnly.get('/api/v1/province/stats')).json().rows).toEqual([]);
    const res = await branchOnly.get('/api/v1/province/stats?cityCode=320100');
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('PROVINCE_CITY_NOT_FOUND');
    expect((await leader.get('/api/v1/province/stats?cityCode=12')).statusCode).toBe(400);
  });

  it('refuses business writes at the province with a clear error and changes nothing', async () => {
    const before = await t.ctx.db
      .selectFrom('person')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await leader.post('/api/v1/personnel/people', { name: '不应写入' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('PROVINCE_READ_ONLY');
    expect(res.json().error.message).toContain('省级库只读');
    const after = await t.ctx.db
      .selectFrom('person')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
    // Its own account work still goes through.
    expect((await leader.post('/api/v1/auth/logout')).statusCode).toBeLessThan(400);
  });
});
