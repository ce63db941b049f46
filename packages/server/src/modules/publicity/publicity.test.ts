import { defaultScoring } from '@zhenggong/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrg, makeRole, makeUser } from '../../test-support/factories.ts';
import { createTestApp, dialects, login, type Client, type TestApp } from '../../test-support/test-app.ts';
import { linkAccount, makeOfficer } from '../party/party-test-support.ts';
import { publicityRanking } from './publicity-face.ts';

const BASE = '/api/v1/publicity';

// Today is 2026-06-01 in Beijing (the test clock).
describe.each(dialects)('publicity on %s', (dialect) => {
  let t: TestApp;
  let dept: Client;
  let city: Client;
  let otherBranch: Client;
  let reporter: Client;
  let outsider: Client;
  let branch: string;
  let station: string;
  let other: string;
  const people = {} as Record<'r' | 's' | 'n' | 'x', string>;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const root = await makeOrg(t.ctx, null, '示例市公安局', { type: 'city_bureau' });
    branch = await makeOrg(t.ctx, root, '上城分局');
    station = await makeOrg(t.ctx, branch, '清波派出所', { type: 'station' });
    other = await makeOrg(t.ctx, root, '拱墅分局');
    const perms = ['publicity:read', 'publicity:write', 'publicity:verify'];
    await makeUser(t.ctx, 'xuanchuan', branch, 'Pub#Pass123456', [await makeRole(t.ctx, 'pub-branch', perms, 'org_and_below')]);
    await makeUser(t.ctx, 'city-pub', root, 'Pub#Pass123456', [await makeRole(t.ctx, 'pub-city', perms, 'all')]);
    await makeUser(t.ctx, 'other-pub', other, 'Pub#Pass123456', [await makeRole(t.ctx, 'pub-other', perms, 'org_and_below')]);
    people.r = await makeOfficer(t.ctx, station, '陈晨');
    people.s = await makeOfficer(t.ctx, branch, '林立');
    people.n = await makeOfficer(t.ctx, station, '何平');
    people.x = await makeOfficer(t.ctx, other, '高远');
    await linkAccount(t.ctx, await makeUser(t.ctx, 'chenchen', station, 'Pub#Pass123456'), people.r);
    await linkAccount(t.ctx, await makeUser(t.ctx, 'heping', station, 'Pub#Pass123456'), people.n);
    dept = await login(t.app, 'xuanchuan', 'Pub#Pass123456');
    city = await login(t.app, 'city-pub', 'Pub#Pass123456');
    otherBranch = await login(t.app, 'other-pub', 'Pub#Pass123456');
    reporter = await login(t.app, 'chenchen', 'Pub#Pass123456');
    outsider = await login(t.app, 'heping', 'Pub#Pass123456');
  });
  afterAll(() => t.close());

  it('keeps the publicity team registry in scope', async () => {
    for (const [key, role] of [
      ['r', 'part_time'],
      ['s', 'full_time'],
    ] as const) {
      const res = await dept.post(`${BASE}/reporters`, { personId: people[key], role, since: '2026-01-01' });
      expect(res.statusCode, res.body).toBe(201);
    }
    expect((await dept.post(`${BASE}/reporters`, { personId: people.r, role: 'full_time', since: '2026-02-01' })).json().error.code).toBe(
      'PUB_REPORTER_EXISTS',
    );
    expect((await dept.post(`${BASE}/reporters`, { personId: people.x, role: 'part_time', since: '2026-01-01' })).statusCode).toBe(404);
    expect(
      (await dept.get(`${BASE}/reporters`))
        .json()
        .items.map((r: { name: string }) => r.name)
        .sort(),
    ).toEqual(['林立', '陈晨']);
    expect((await otherBranch.get(`${BASE}/reporters`)).json().items).toEqual([]);
  });

  const article = { kind: 'article', title: '清波派出所护航高考', outlet: '浙江法制报', level: 'provincial', publishedOn: '2026-05-20' };

  it('scores verified outputs by the rule in force on the publication date and moves the ranking', async () => {
    expect((await outsider.post(`${BASE}/my/outputs`, article)).json().error.code).toBe('PUB_NOT_A_REPORTER');
    const future = await reporter.post(`${BASE}/my/outputs`, { ...article, publishedOn: '2026-06-02' });
    expect(future.json().error.code).toBe('PUB_PUBLISHED_FUTURE');
    const mine = await reporter.post(`${BASE}/my/outputs`, article);
    expect(mine.statusCode, mine.body).toBe(201);
    expect(mine.json()).toMatchObject({ status: 'submitted', points: null, orgName: '清波派出所' });
    const byStaff = await dept.post(`${BASE}/outputs`, {
      personId: people.s,
      kind: 'photo',
      title: '警营开放日',
      outlet: '平安上城',
      level: 'own',
      publishedOn: '2026-05-08',
    });
    expect(byStaff.statusCode, byStaff.body).toBe(201);

    const before = (await dept.get(`${BASE}/rankings?period=2026-05&by=person`)).json();
    expect(before.items).toEqual([]);
    // Provincial article: 15 points, lead placement +50 % → 22.5 (225 tenths).
    const verified = await dept.post(`${BASE}/outputs/${mine.json().id}/verify`, { lead: true });
    expect(verified.json()).toMatchObject({ status: 'verified', points: 225, lead: true, verifiedByName: 'xuanchuan' });
    expect((await dept.post(`${BASE}/outputs/${mine.json().id}/verify`, {})).json().error.code).toBe('PUB_OUTPUT_DECIDED');
    // Own-channel photo: 1 point.
    expect((await dept.post(`${BASE}/outputs/${byStaff.json().id}/verify`, {})).json().points).toBe(10);
    const people5 = (await dept.get(`${BASE}/rankings?period=2026-05&by=person`)).json();
    expect(people5.items.map((i: { name: string; points: number; rank: number }) => [i.name, i.points, i.rank])).toEqual([
      ['陈晨', 225, 1],
      ['林立', 10, 2],
    ]);
    const units = (await dept.get(`${BASE}/rankings?period=2026&by=unit`)).json();
    expect(units.items.map((i: { name: string; points: number }) => [i.name, i.points])).toEqual([
      ['清波派出所', 225],
      ['上城分局', 10],
    ]);
    expect((await otherBranch.get(`${BASE}/rankings?period=2026`)).json().items).toEqual([]);
    expect((await otherBranch.post(`${BASE}/outputs/${mine.json().id}/verify`, {})).statusCode).toBe(404);
    // The face the assessment module reads gives the same city-wide figures.
    expect((await publicityRanking(t.ctx.db, { all: true }, '2026-05', 'person')).map((r) => r.points)).toEqual([225, 10]);
  });

  it('takes a new scoring version from its effective date only, city-wide only', async () => {
    const value = {
      ...defaultScoring,
      points: { ...defaultScoring.points, provincial: { ...defaultScoring.points.provincial, article: 20 } },
    };
    expect((await dept.post(`${BASE}/rules/scoring`, { effectiveFrom: '2026-05-15', value })).json().error.code).toBe('PUB_RULE_SCOPE');
    expect((await city.post(`${BASE}/rules/scoring`, { effectiveFrom: '2026-05-15', value })).statusCode).toBe(201);
    const later = (await reporter.post(`${BASE}/my/outputs`, { ...article, title: '后一篇', publishedOn: '2026-05-16' })).json();
    const earlier = (await reporter.post(`${BASE}/my/outputs`, { ...article, title: '前一篇', publishedOn: '2026-05-14' })).json();
    expect((await city.post(`${BASE}/outputs/${later.id}/verify`, {})).json().points).toBe(200);
    expect((await city.post(`${BASE}/outputs/${earlier.id}/verify`, {})).json().points).toBe(150);
    const rejected = (await reporter.post(`${BASE}/my/outputs`, { ...article, title: '重复报送' })).json();
    expect((await dept.post(`${BASE}/outputs/${rejected.id}/reject`, { reason: '重复报送' })).json().status).toBe('rejected');
    // 225 + 200 + 150 = 575 for 陈晨 in May; the rejected one counts nothing.
    expect((await dept.get(`${BASE}/rankings?period=2026-05`)).json().items[0]).toMatchObject({ name: '陈晨', points: 575, outputs: 3 });
  });

  it('registers official accounts, flags branches without one, and checks incident releases in step', async () => {
    const before = (await city.get(`${BASE}/accounts`)).json();
    expect(before.branchesWithout.map((b: { orgName: string }) => b.orgName).sort()).toEqual(['上城分局', '拱墅分局']);
    const acc = await dept.post(`${BASE}/accounts`, {
      orgId: branch,
      platform: 'wechat_official',
      name: '平安上城',
      operatorPersonId: people.s,
      reviewerPersonId: people.r,
      verified: true,
    });
    expect(acc.statusCode, acc.body).toBe(201);
    expect((await dept.post(`${BASE}/accounts`, { orgId: other, platform: 'weibo', name: '越权', verified: false })).statusCode).toBe(404);
    expect((await city.get(`${BASE}/accounts`)).json().branchesWithout.map((b: { orgName: string }) => b.orgName)).toEqual(['拱墅分局']);

    const incident = (
      await dept.post(`${BASE}/incidents`, { orgId: station, title: '某路段交通事故', occurredAt: '2026-05-30T02:00:00.000Z' })
    ).json();
    const release = (kind: string, at: string) =>
      dept.post(`${BASE}/incidents/${incident.id}/releases`, { kind, at, accountId: acc.json().id, summary: kind });
    expect((await release('update', '2026-05-30T05:00:00.000Z')).json().error.code).toBe('PUB_RELEASE_ORDER');
    expect((await release('first', '2026-05-30T06:30:00.000Z')).json().check).toMatchObject({
      firstReleaseOnTime: true,
      inStep: true,
      closed: false,
    });
    // 31.5 hours to the closure: a gap beyond the 24-hour update interval.
    const closed = (await release('closure', '2026-05-31T14:00:00.000Z')).json();
    expect(closed.check).toEqual({ firstReleaseOnTime: true, lateGaps: [31], closed: true, inStep: false });
    expect((await release('update', '2026-05-31T15:00:00.000Z')).json().error.code).toBe('PUB_RELEASE_ORDER');
  });
});
