import { makeIdNumber } from '@zhenggong/core';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrg, makeRole, makeUser } from '../../test-support/factories.ts';
import { createTestApp, dialects, login, type Client, type TestApp } from '../../test-support/test-app.ts';
import { pngOf } from '../../platform/files/hostile-files.ts';

describe.each(dialects)('personnel records, statistics and self-service on %s', (dialect) => {
  let t: TestApp;
  let hr: Client;
  let branch: string;
  let station: string;
  let otherBranch: string;
  const ids: Record<string, string> = {};

  const add = async (name: string, orgId: string, birth: string, seq: number, over: Record<string, unknown> = {}) => {
    const res = await hr.post('/api/v1/personnel/people', {
      kind: 'officer',
      name,
      idNumber: makeIdNumber('330102', birth, seq),
      orgId,
      policeStartDate: '2010-07-01',
      ...over,
    });
    expect(res.statusCode, res.body).toBe(201);
    ids[name] = res.json().id;
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const root = await makeOrg(t.ctx, null, '示例市公安局', { type: 'city_bureau' });
    branch = await makeOrg(t.ctx, root, '上城分局');
    station = await makeOrg(t.ctx, branch, '湖滨派出所', { type: 'station' });
    otherBranch = await makeOrg(t.ctx, root, '西湖分局');
    const role = await makeRole(t.ctx, 'hr-all', ['personnel:read', 'personnel:write', 'personnel:approve', 'personnel:export'], 'all');
    await makeUser(t.ctx, 'hr', root, 'Hr#Pass12345', [role]);
    hr = await login(t.app, 'hr', 'Hr#Pass12345');
    await add('王芳', station, '1990-02-02', 2, { rank: '一级警司', education: '本科', politicalStatus: '党员' });
    await add('刘洋', station, '1970-05-05', 1, { rank: '一级警督', education: '硕士', politicalStatus: '党员' });
    await add('陈静', otherBranch, '1995-09-09', 4, {
      rank: '二级警员',
      education: '大专',
      politicalStatus: '团员',
      policeStartDate: '2017-07-01',
    });
  });
  afterAll(() => t.close());

  it('adds and removes dated records, each audited', async () => {
    const resume = await hr.post(`/api/v1/personnel/people/${ids['王芳']}/resume`, {
      startDate: '2008-09',
      endDate: '2012-07',
      text: '浙江警察学院侦查学专业学生',
    });
    expect(resume.statusCode, resume.body).toBe(201);
    await hr.post(`/api/v1/personnel/people/${ids['王芳']}/family`, {
      relation: '父亲',
      name: '王建国',
      birthDate: '1962-01',
      politicalStatus: '群众',
      workUnit: '杭州市某公司职员',
    });
    await hr.post(`/api/v1/personnel/people/${ids['王芳']}/awards`, {
      date: '2020-12-01',
      name: '个人三等功',
      level: '三等功',
      issuer: '示例市公安局',
    });
    await hr.post(`/api/v1/personnel/people/${ids['王芳']}/training`, {
      date: '2025-05-10',
      course: '执法规范化培训',
      hours: 16,
      organizer: '市局政治部',
    });
    await hr.post(`/api/v1/personnel/people/${ids['王芳']}/training`, { date: '2025-09-01', course: '警务实战技能轮训', hours: 24 });
    const profile = (await hr.get(`/api/v1/personnel/people/${ids['王芳']}`)).json();
    expect(profile.history.training.map((x: { course: string }) => x.course)).toEqual(['执法规范化培训', '警务实战技能轮训']);
    expect(profile.trainingHours).toBe(40);
    expect(profile.history.resume[0].text).toBe('浙江警察学院侦查学专业学生');
    expect(profile.history.family[0].name).toBe('王建国');
    expect(profile.history.awards[0].name).toBe('个人三等功');
    expect((await hr.delete(`/api/v1/personnel/people/${ids['王芳']}/awards/${profile.history.awards[0].id}`)).statusCode).toBe(204);
    expect((await hr.get(`/api/v1/personnel/people/${ids['王芳']}`)).json().history.awards).toEqual([]);
    const events = await t.ctx.db.selectFrom('audit_log').select('event_type').where('object_id', '=', ids['王芳']!).execute();
    expect(events.map((e) => e.event_type)).toEqual(
      expect.arrayContaining(['person.resume.add', 'person.family.add', 'person.awards.add', 'person.awards.remove']),
    );
    const bad = await hr.post(`/api/v1/personnel/people/${ids['王芳']}/resume`, { startDate: 'yesterday', text: 'x' });
    expect(bad.statusCode).toBe(400);
  });

  it('counts by unit, rank, age band, education and political status, today and as of a past date', async () => {
    const s = (await hr.get('/api/v1/personnel/stats')).json();
    expect(s.total).toBe(3);
    expect(s.byUnit).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ orgName: '上城分局', count: 2 }),
        expect.objectContaining({ orgName: '西湖分局', count: 1 }),
      ]),
    );
    expect(s.byEducation.find((b: { key: string }) => b.key === '21')?.count).toBe(1);
    expect(s.byPolitical.find((b: { key: string }) => b.key === '01')?.count).toBe(2);
    // Test clock: 2026-06-01. Born 1990-02-02 → 36; 1970-05-05 → 56; 1995-09-09 → 30.
    expect(Object.fromEntries(s.byAge.map((b: { key: string; count: number }) => [b.key, b.count]))).toEqual({ '30-39': 2, '55+': 1 });
    const drill = (await hr.get(`/api/v1/personnel/stats?orgId=${branch}`)).json();
    expect(drill.total).toBe(2);
    expect(drill.byUnit).toEqual([expect.objectContaining({ orgName: '湖滨派出所', count: 2 })]);

    // A user who sees one branch gets its stations as bars, not a single bar of the branch.
    const branchRole = await makeRole(t.ctx, 'hr-branch', ['personnel:read'], 'org_and_below');
    await makeUser(t.ctx, 'hrbranch', branch, 'Hr#Pass12345', [branchRole]);
    const branchHr = await login(t.app, 'hrbranch', 'Hr#Pass12345');
    const own = (await branchHr.get('/api/v1/personnel/stats')).json();
    expect(own.byUnit).toEqual([expect.objectContaining({ orgName: '湖滨派出所', count: 2 })]);

    await hr.patch(`/api/v1/personnel/people/${ids['陈静']}`, { orgId: station, effectiveDate: '2026-04-01' });
    expect((await hr.get(`/api/v1/personnel/stats?orgId=${branch}`)).json().total).toBe(3);
    const past = (await hr.get(`/api/v1/personnel/stats?orgId=${branch}&asOf=2026-03-31`)).json();
    expect(past.total).toBe(2);
    // Ages at the past date: 王芳 was 36 on 2026-03-31 too; 刘洋 55.
    expect(Object.fromEntries(past.byAge.map((b: { key: string; count: number }) => [b.key, b.count]))).toEqual({ '30-39': 1, '55+': 1 });
  });

  it('stores a photo only when it is the image it claims to be, and serves it in scope', async () => {
    const png = pngOf(300, 400);
    const url = `/api/v1/personnel/people/${ids['刘洋']}/photo`;
    expect((await hr.request({ method: 'PUT', url, payload: png, headers: { 'content-type': 'image/png' } })).statusCode).toBe(204);
    const got = await hr.get(url);
    expect(got.headers['content-type']).toBe('image/png');
    expect(got.headers['cache-control']).toBe('no-store');
    expect(got.rawPayload.equals(png)).toBe(true);
    // Every view of the photo is audited (issue 11, point 3).
    const views = await t.ctx.db
      .selectFrom('audit_log')
      .select(['actor_id', 'object_id'])
      .where('event_type', '=', 'person.photo_view')
      .execute();
    expect(views).toEqual([{ actor_id: hr.userId, object_id: ids['刘洋'] }]);
    const profile = await hr.get(`/api/v1/personnel/people/${ids['刘洋']}`);
    expect(profile.json().hasPhoto).toBe(true);
    expect(profile.headers['cache-control']).toBe('no-store');
    // An out-of-scope photo is not found, and a refused view writes no view row.
    expect((await hr.get(`/api/v1/personnel/people/${ids['王芳']}/photo`)).statusCode).toBe(404);
    expect(await t.ctx.db.selectFrom('audit_log').select('id').where('event_type', '=', 'person.photo_view').execute()).toHaveLength(1);
    const fake = await hr.request({
      method: 'PUT',
      url,
      payload: Buffer.from('<script>alert(1)</script>'),
      headers: { 'content-type': 'image/png' },
    });
    expect(fake.statusCode).toBe(400);
    // A PNG signature followed by anything but PNG chunks is refused by the intake's chunk walk.
    const signatureOnly = Buffer.concat([png.subarray(0, 8), Buffer.from('rest-of-image')]);
    expect(
      (await hr.request({ method: 'PUT', url, payload: signatureOnly, headers: { 'content-type': 'image/png' } })).json().error.code,
    ).toBe('FILE_CORRUPT');
    const huge = await hr.request({
      method: 'PUT',
      url,
      payload: Buffer.concat([png, Buffer.alloc(3 * 1024 * 1024)]),
      headers: { 'content-type': 'image/png' },
    });
    expect(huge.statusCode).toBe(413);
    expect((await hr.get(url)).rawPayload.equals(png)).toBe(true);
    // No body, or a JSON body: a clear 400 naming what to send, and the stored photo stays.
    const empty = await hr.request({ method: 'PUT', url });
    expect(empty.statusCode, empty.body).toBe(400);
    expect(empty.json().error.code).toBe('PERSON_PHOTO_INVALID');
    const json = await hr.request({ method: 'PUT', url, payload: { photo: 'x' } });
    expect(json.statusCode, json.body).toBe(400);
    expect(json.json().error.code).toBe('PERSON_PHOTO_INVALID');
    // Scope before content: a user of another branch gets 404 whatever the body.
    const westRole = await makeRole(t.ctx, 'hr-west', ['personnel:read', 'personnel:write'], 'org_and_below');
    await makeUser(t.ctx, 'hr-west', otherBranch, 'Hr#Pass12345', [westRole]);
    const west = await login(t.app, 'hr-west', 'Hr#Pass12345');
    expect((await west.request({ method: 'PUT', url })).statusCode).toBe(404);
    expect(
      (await west.request({ method: 'PUT', url, payload: Buffer.from('junk'), headers: { 'content-type': 'image/png' } })).statusCode,
    ).toBe(404);
    expect((await hr.get(url)).rawPayload.equals(png)).toBe(true);
    // The 任免审批表 carries the photo in its photo cell.
    const docx = await hr.get(`/api/v1/personnel/people/${ids['刘洋']}/appointment-form.docx`);
    expect(docx.statusCode).toBe(200);
    const media = Object.keys((await JSZip.loadAsync(docx.rawPayload)).files).filter((f) => f.startsWith('word/media/'));
    expect(media).toHaveLength(1);
  });

  it('saves named filters per user', async () => {
    const saved = await hr.post('/api/v1/personnel/saved-filters', {
      name: '党员民警',
      filter: { politicalStatus: '01', kind: 'officer' },
    });
    expect(saved.statusCode).toBe(201);
    expect((await hr.get('/api/v1/personnel/saved-filters')).json()).toEqual([
      { id: saved.json().id, name: '党员民警', filter: { politicalStatus: '01', kind: 'officer' } },
    ]);
    expect((await hr.delete(`/api/v1/personnel/saved-filters/${saved.json().id}`)).statusCode).toBe(204);
  });

  it('bounds saved filters in size and number (40 filters of 900 KB were once accepted)', async () => {
    const big = await hr.post('/api/v1/personnel/saved-filters', {
      name: '巨大',
      filter: { keyword: 'x'.repeat(450), ...Object.fromEntries(Array.from({ length: 39 }, (_v, i) => [`k${i}`, 'y'.repeat(450)])) },
    });
    expect(big.statusCode).toBe(400);
    expect(big.json().error.code).toBe('SAVED_FILTER_TOO_LARGE');
    const tooLong = await hr.post('/api/v1/personnel/saved-filters', { name: '长', filter: { keyword: 'x'.repeat(900_000) } });
    expect(tooLong.statusCode).toBe(400);
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++)
      statuses.push((await hr.post('/api/v1/personnel/saved-filters', { name: `筛选${i}`, filter: { kind: 'officer' } })).statusCode);
    expect(statuses.slice(0, 30).every((s) => s === 201)).toBe(true);
    const over = await hr.post('/api/v1/personnel/saved-filters', { name: '第32个', filter: { kind: 'officer' } });
    expect(over.statusCode).toBe(409);
    expect(over.json().error.code).toBe('SAVED_FILTER_LIMIT');
    expect((await hr.get('/api/v1/personnel/saved-filters')).json()).toHaveLength(30);
  });

  it('lets a linked officer see their record and request a correction that staff approve or reject', async () => {
    const selfUser = await makeUser(t.ctx, 'wangfang', station, 'Wf#Pass12345');
    expect((await hr.put(`/api/v1/personnel/people/${ids['王芳']}/account`, { userId: selfUser })).statusCode).toBe(200);
    const otherAccount = await makeUser(t.ctx, 'wangfang2', station, 'Wf#Pass12345');
    // A person has at most one account: linking another moves the link.
    await hr.put(`/api/v1/personnel/people/${ids['王芳']}/account`, { userId: otherAccount });
    expect(
      (await t.ctx.db.selectFrom('app_user').select('person_id').where('id', '=', selfUser).executeTakeFirstOrThrow()).person_id,
    ).toBeNull();
    await hr.put(`/api/v1/personnel/people/${ids['王芳']}/account`, { userId: selfUser });
    const me = await login(t.app, 'wangfang', 'Wf#Pass12345');
    expect((await me.get('/api/v1/personnel/me')).json().name).toBe('王芳');
    // The menu shows the pages about "me" only to linked accounts.
    expect((await me.get('/api/v1/auth/me')).json().user.hasPerson).toBe(true);
    expect((await hr.get('/api/v1/auth/me')).json().user.hasPerson).toBe(false);
    expect((await me.get('/api/v1/personnel/people')).statusCode).toBe(403);
    const bad = await me.post('/api/v1/personnel/me/corrections', { changes: { rank: '一级警监' } });
    expect(bad.statusCode).toBe(400);
    const wrongValue = await me.post('/api/v1/personnel/me/corrections', { changes: { ethnicity: '火星族' } });
    expect(wrongValue.json().error.code).toBe('PERSON_INVALID');
    const req = await me.post('/api/v1/personnel/me/corrections', {
      changes: { degree: '法学学士', phone: '13912345678' },
      reason: '学位漏填，手机号已更换',
    });
    expect(req.statusCode, req.body).toBe(201);
    const todo = (await hr.get('/api/v1/personnel/corrections')).json();
    expect(todo).toHaveLength(1);
    expect(todo[0]).toMatchObject({ personName: '王芳', changes: { degree: '法学学士', phone: '139****5678' } });
    const stored = await t.ctx.db.selectFrom('correction_request').select('changes').where('id', '=', todo[0].id).executeTakeFirstOrThrow();
    expect(stored.changes).not.toContain('13912345678');
    // The decision is a workflow action on the request's case; the change applies in the same transaction.
    expect((await hr.post(`/api/v1/workflow/cases/${todo[0].caseId}/approve`, {})).statusCode).toBe(200);
    const after = (await me.get('/api/v1/personnel/me')).json();
    expect(after).toMatchObject({ degree: '法学学士', phoneMasked: '139****5678' });

    const second = await me.post('/api/v1/personnel/me/corrections', { changes: { education: '博士' } });
    const noReason = await hr.post(`/api/v1/workflow/cases/${second.json().caseId}/reject`, {});
    expect(noReason.statusCode).toBe(400);
    expect((await hr.post(`/api/v1/workflow/cases/${second.json().caseId}/reject`, { reason: '无学历证明' })).statusCode).toBe(200);
    const mine = (await me.get('/api/v1/personnel/me/corrections')).json();
    expect(mine.map((c: { status: string }) => c.status)).toEqual(['rejected', 'approved']);
    expect((await me.get('/api/v1/personnel/me')).json().education).toBe(after.education); // the rejected change was not applied
  });
});
