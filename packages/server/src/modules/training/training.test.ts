import { makeIdNumber } from '@zhenggong/core';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrg, makeRole, makeUser } from '../../test-support/factories.ts';
import { createTestApp, dialects, login, type Client, type TestApp } from '../../test-support/test-app.ts';

interface Status {
  total: number;
  covered: number;
  branches: { branchName: string; total: number; covered: number; missing: number }[];
  people: { name: string; branchName: string; covered: boolean; done: number }[];
}

describe.each(dialects)('training classes and coverage on %s', (dialect) => {
  let t: TestApp;
  let staff: Client;
  let branchStaff: Client;
  let root: string;
  let east: string;
  let west: string;
  const ids: Record<string, string> = {};
  let seq = 1;

  const add = async (name: string, orgId: string, post: string | undefined) => {
    const res = await staff.post('/api/v1/personnel/people', {
      kind: 'officer',
      name,
      idNumber: makeIdNumber('330102', '1980-01-01', seq++),
      orgId,
      ...(post ? { post } : {}),
    });
    expect(res.statusCode, res.body).toBe(201);
    ids[name] = res.json().id;
  };
  const newClass = async (title: string, kind: string, startDate: string, endDate: string, target: object) => {
    const res = await staff.post('/api/v1/training/classes', { title, kind, orgId: root, startDate, endDate, plannedHours: 16, target });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const completeDirectly = async (classId: string, names: string[]) => {
    expect((await staff.post(`/api/v1/training/classes/${classId}/enrollments`, { personIds: names.map((n) => ids[n]) })).statusCode).toBe(
      200,
    );
    // No sessions recorded: 0 % attendance, so completion needs a written reason (and credits no hours).
    const done = await staff.post(`/api/v1/training/classes/${classId}/completions`, {
      personIds: names.map((n) => ids[n]),
      overrideReason: '按结业名单确认',
    });
    expect(done.statusCode, done.body).toBe(200);
  };
  const status = async (client: Client, id: string, query = '') => {
    const res = await client.get(`/api/v1/training/coverage/${id}${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json<Status>();
  };
  const missingNames = (s: Status) => s.people.map((p) => p.name).sort();

  beforeAll(async () => {
    t = await createTestApp(dialect);
    root = await makeOrg(t.ctx, null, '示例市公安局', { type: 'city_bureau' });
    east = await makeOrg(t.ctx, root, '上城分局');
    const eastStation = await makeOrg(t.ctx, east, '湖滨派出所', { type: 'station' });
    west = await makeOrg(t.ctx, root, '西湖分局');
    const role = await makeRole(t.ctx, 'political-all', ['personnel:read', 'personnel:write', 'training:read', 'training:write'], 'all');
    await makeUser(t.ctx, 'zhengzhi', root, 'Staff#Pass1234', [role]);
    staff = await login(t.app, 'zhengzhi', 'Staff#Pass1234');
    const branchRole = await makeRole(t.ctx, 'branch-training', ['training:read', 'training:write'], 'org_and_below');
    await makeUser(t.ctx, 'east-staff', east, 'Staff#Pass1234', [branchRole]);
    branchStaff = await login(t.app, 'east-staff', 'Staff#Pass1234');
    await add('赵所长', eastStation, '所长');
    await add('钱所长', eastStation, '所长');
    await add('孙队长', west, '队长');
    await add('李科长', west, '科长');
    await add('周民警', eastStation, undefined);
  });
  afterAll(() => t.close());

  it('shrinks the missing list exactly as completions are recorded, per branch, and grows it again on revocation', async () => {
    const req = await staff.post('/api/v1/training/coverage', {
      title: '2026年科所队长轮训',
      orgId: root,
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      target: { posts: ['所长', '队长', '科长'] },
      rule: { kind: 'classes', classKinds: ['rotation'], minClasses: 1 },
    });
    expect(req.statusCode, req.body).toBe(201);
    const coverageId = req.json<{ id: string }>().id;

    let s = await status(staff, coverageId);
    expect(s.total).toBe(4); // 周民警 has no chief post: not in the target group
    expect(missingNames(s)).toEqual(['孙队长', '李科长', '赵所长', '钱所长'].sort());
    expect(s.branches.map((b) => [b.branchName, b.covered, b.total])).toEqual([
      ['上城分局', 0, 2],
      ['西湖分局', 0, 2],
    ]);

    // A rotation class with two sessions; 赵 attends both, 钱 one of two (50 % < 80 %).
    const rotation = await newClass('2026年第一期科所队长轮训班', 'rotation', '2026-06-01', '2026-06-05', {
      posts: ['所长', '队长', '科长'],
    });
    const enrolled = await staff.post(`/api/v1/training/classes/${rotation}/enrollments`, { fromTarget: true });
    expect(enrolled.json()).toEqual({ added: 4 });
    const s1 = (
      await staff.post(`/api/v1/training/classes/${rotation}/sessions`, { date: '2026-06-01', title: '政治理论', hours: 8 })
    ).json().id;
    const s2 = (
      await staff.post(`/api/v1/training/classes/${rotation}/sessions`, { date: '2026-06-02', title: '警务实战', hours: 8 })
    ).json().id;
    const marked = await staff.put(`/api/v1/training/classes/${rotation}/attendance`, {
      marks: [
        { sessionId: s1, personId: ids['赵所长'], present: true },
        { sessionId: s2, personId: ids['赵所长'], present: true },
        { sessionId: s1, personId: ids['钱所长'], present: true },
        { sessionId: s2, personId: ids['钱所长'], present: false },
      ],
    });
    expect(marked.statusCode, marked.body).toBe(204);
    // Enrollment and attendance alone cover nobody.
    expect(missingNames(await status(staff, coverageId))).toHaveLength(4);

    expect((await staff.post(`/api/v1/training/classes/${rotation}/completions`, { personIds: [ids['赵所长']] })).statusCode).toBe(200);
    s = await status(staff, coverageId);
    expect(missingNames(s)).toEqual(['孙队长', '李科长', '钱所长'].sort());
    expect(s.branches.find((b) => b.branchName === '上城分局')).toMatchObject({ covered: 1, total: 2, missing: 1 });
    expect(s.covered).toBe(1);

    // Below the threshold: refused without a reason, accepted with one (a person decides).
    const refused = await staff.post(`/api/v1/training/classes/${rotation}/completions`, { personIds: [ids['钱所长']] });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.code).toBe('TRAINING_BELOW_THRESHOLD');
    expect(missingNames(await status(staff, coverageId))).toContain('钱所长');
    expect(
      (
        await staff.post(`/api/v1/training/classes/${rotation}/completions`, {
          personIds: [ids['钱所长']],
          overrideReason: '因公出差，已补学',
        })
      ).statusCode,
    ).toBe(200);

    // Completions that must NOT count: a spring class (wrong kind), a rotation class ending in 2025 (outside the period).
    const spring = await newClass('春训班', 'spring', '2026-03-01', '2026-03-10', { posts: ['队长'] });
    await completeDirectly(spring, ['孙队长']);
    const old = await newClass('2025年轮训班', 'rotation', '2025-11-01', '2025-11-05', { posts: ['科长'] });
    await completeDirectly(old, ['李科长']);
    s = await status(staff, coverageId);
    expect(missingNames(s)).toEqual(['孙队长', '李科长'].sort());
    expect(s.branches.map((b) => [b.branchName, b.covered, b.total])).toEqual([
      ['上城分局', 2, 2],
      ['西湖分局', 0, 2],
    ]);

    // Filters: covered list, one branch, the branch staff's own scope.
    expect(missingNames(await status(staff, coverageId, '?status=covered'))).toEqual(['赵所长', '钱所长'].sort());
    expect(missingNames(await status(staff, coverageId, `?status=all&branchId=${west}`))).toEqual(['孙队长', '李科长'].sort());
    // The requirement belongs to the city bureau, outside the branch staff's scope.
    expect((await branchStaff.get(`/api/v1/training/coverage/${coverageId}`)).statusCode).toBe(404);

    // The export has the same missing names.
    const xlsx = await staff.get(`/api/v1/training/coverage/${coverageId}/export.xlsx`);
    expect(xlsx.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const names = wb.worksheets[1]!.getColumn(3).values.slice(2).map(String).sort();
    expect(names).toEqual(['孙队长', '李科长'].sort());

    // Revoking a completion puts the person back on the list.
    expect(
      (await staff.post(`/api/v1/training/classes/${rotation}/completions/revoke`, { personIds: [ids['赵所长']], reason: '误录' }))
        .statusCode,
    ).toBe(204);
    expect(missingNames(await status(staff, coverageId))).toEqual(['孙队长', '李科长', '赵所长'].sort());
  });

  it('writes completion hours to the profile and counts them for an hours requirement', async () => {
    const hoursReq = (
      await staff.post('/api/v1/training/coverage', {
        title: '2026年全员学时',
        orgId: root,
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        target: { orgIds: [east] },
        rule: { kind: 'hours', minHours: 8 },
      })
    ).json<{ id: string }>().id;
    expect(missingNames(await status(staff, hoursReq))).toEqual(['周民警', '赵所长'].sort());
    // 钱所长 earned the 8 hours of the one session attended (confirmed by override).
    const profile = (await staff.get(`/api/v1/personnel/people/${ids['钱所长']}`)).json();
    expect(profile.history.training).toEqual([
      expect.objectContaining({ course: '2026年第一期科所队长轮训班', hours: 8, date: '2026-06-05', organizer: '示例市公安局' }),
    ]);
    expect(profile.trainingHours).toBe(8);
    // Hours recorded by personnel count too.
    await staff.post(`/api/v1/personnel/people/${ids['周民警']}/training`, { date: '2026-04-01', course: '执法规范化培训', hours: 8 });
    expect(missingNames(await status(staff, hoursReq))).toEqual(['赵所长']);
  });

  it('lets a trainee sign in with the code inside its window only, and evaluate anonymously once', async () => {
    const userId = await makeUser(t.ctx, 'zhou', east, 'Zhou#Pass12345');
    expect((await staff.put(`/api/v1/personnel/people/${ids['周民警']}/account`, { userId })).statusCode).toBe(200);
    const trainee = await login(t.app, 'zhou', 'Zhou#Pass12345');
    const cls = await newClass('新警培训', 'new_recruit', '2026-06-01', '2026-06-30', { personIds: [ids['周民警']] });
    await staff.post(`/api/v1/training/classes/${cls}/enrollments`, { fromTarget: true });
    const session = (await staff.post(`/api/v1/training/classes/${cls}/sessions`, { date: '2026-06-01', title: '开班', hours: 4 })).json()
      .id;
    const { code } = (await staff.post(`/api/v1/training/classes/${cls}/sign-in-code`, { sessionId: session, minutes: 10 })).json<{
      code: string;
    }>();
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    expect((await trainee.post(`/api/v1/training/my/classes/${cls}/sign-in`, { code: wrong })).statusCode).toBe(400);
    expect((await trainee.post(`/api/v1/training/my/classes/${cls}/sign-in`, { code })).statusCode).toBe(200);
    const mine = (await trainee.get('/api/v1/training/my')).json();
    const entry = mine.classes.find((c: { id: string }) => c.id === cls);
    expect(entry).toMatchObject({ attended: 1, sessionCount: 1, rate: 100 });
    t.clock.advance(11 * 60_000);
    const late = (await staff.post(`/api/v1/training/classes/${cls}/sessions`, { date: '2026-06-02', title: '第二天', hours: 4 })).json()
      .id;
    expect(late).toBeTruthy();
    expect((await trainee.post(`/api/v1/training/my/classes/${cls}/sign-in`, { code })).statusCode).toBe(400);
    // Not enrolled elsewhere: another class answers 404.
    const other = await newClass('别的班', 'other', '2026-06-01', '2026-06-30', { posts: ['所长'] });
    expect(
      (await trainee.post(`/api/v1/training/my/classes/${other}/evaluation`, { content: 5, teaching: 5, organisation: 5 })).statusCode,
    ).toBe(404);

    expect(
      (
        await trainee.post(`/api/v1/training/my/classes/${cls}/evaluation`, {
          content: 5,
          teaching: 4,
          organisation: 3,
          comment: '实战性强',
        })
      ).statusCode,
    ).toBe(204);
    expect(
      (await trainee.post(`/api/v1/training/my/classes/${cls}/evaluation`, { content: 1, teaching: 1, organisation: 1 })).statusCode,
    ).toBe(409);
    const summary = (await staff.get(`/api/v1/training/classes/${cls}/evaluations`)).json();
    expect(summary).toEqual({ count: 1, content: 5, teaching: 4, organisation: 3, comments: ['实战性强'] });
    const stored = await t.ctx.db.selectFrom('training_evaluation').selectAll().where('class_id', '=', cls).execute();
    expect(Object.keys(stored[0]!)).not.toContain('person_id');
  });

  it('keeps branch staff inside their scope', async () => {
    const westClass = (
      await staff.post('/api/v1/training/classes', {
        title: '西湖班',
        kind: 'specialty',
        orgId: west,
        startDate: '2026-07-01',
        endDate: '2026-07-02',
        plannedHours: 8,
        target: { orgIds: [west] },
      })
    ).json().id;
    expect((await branchStaff.get(`/api/v1/training/classes/${westClass}`)).statusCode).toBe(404);
    expect((await branchStaff.get('/api/v1/training/classes')).json().items.map((c: { title: string }) => c.title)).not.toContain('西湖班');
    const eastClass = await branchStaff.post('/api/v1/training/classes', {
      title: '上城班',
      kind: 'specialty',
      orgId: east,
      startDate: '2026-07-01',
      endDate: '2026-07-02',
      plannedHours: 8,
      capacity: 1,
      target: { orgIds: [east] },
    });
    expect(eastClass.statusCode, eastClass.body).toBe(201);
    const id = eastClass.json().id;
    expect((await branchStaff.post(`/api/v1/training/classes/${id}/enrollments`, { personIds: [ids['孙队长']] })).statusCode).toBe(404);
    expect(
      (
        await branchStaff.post('/api/v1/training/classes', {
          title: 'x',
          kind: 'other',
          orgId: east,
          startDate: '2026-07-01',
          endDate: '2026-07-02',
          plannedHours: 8,
          target: { orgIds: [west] },
        })
      ).statusCode,
    ).toBe(404);
    expect((await branchStaff.post(`/api/v1/training/classes/${id}/enrollments`, { fromTarget: true })).json().error.code).toBe(
      'TRAINING_CAPACITY_EXCEEDED',
    );

    // A branch's own requirement counts only its own people, grouped under its stations.
    const own = await branchStaff.post('/api/v1/training/coverage', {
      title: '上城分局所长轮训',
      orgId: east,
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      target: { posts: ['所长', '队长', '科长'] },
      rule: { kind: 'classes', classKinds: ['rotation'], minClasses: 1 },
    });
    expect(own.statusCode, own.body).toBe(201);
    const s = await status(branchStaff, own.json().id, '?status=all');
    expect(s.people.map((p) => p.name).sort()).toEqual(['赵所长', '钱所长'].sort());
    expect(s.branches.map((b) => [b.branchName, b.covered, b.total])).toEqual([['湖滨派出所', 1, 2]]);
  });

  it('lists and shows a class whose target uses the newer person-set rules', async () => {
    const target = { orgIds: [east], kinds: ['officer'], ageMax: 45, includeSubUnits: false };
    const id = await newClass('2026年民警专项培训班', 'specialty', '2026-08-03', '2026-08-04', target);
    const shown = (await staff.get(`/api/v1/training/classes/${id}`)).json<{ target: object }>().target;
    expect(shown).toMatchObject(target);
    const list = await staff.get('/api/v1/training/classes?keyword=民警专项');
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json<{ items: { target: object }[] }>().items[0]?.target).toMatchObject(target);
  });
});
