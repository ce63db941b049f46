import { makeIdNumber } from '@zhenggong/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrg, makeRole, makeUser } from '../../test-support/factories.ts';
import { createTestApp, dialects, login, type Client, type TestApp } from '../../test-support/test-app.ts';

interface Line {
  course: string;
  hours: number;
  source: string;
}

/** The 学时 ledger: one decimal, every source on one record, and no credit without sessions. */
describe.each(dialects)('学时 ledger on %s', (dialect) => {
  let t: TestApp;
  let staff: Client;
  let trainee: Client;
  let root: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(dialect);
    root = await makeOrg(t.ctx, null, '示例市公安局', { type: 'city_bureau' });
    const role = await makeRole(
      t.ctx,
      'hours-all',
      ['personnel:read', 'personnel:write', 'training:read', 'training:write', 'study:read', 'study:write', 'study:approve'],
      'all',
    );
    await makeUser(t.ctx, 'jiaoyu', root, 'Staff#Pass1234', [role]);
    staff = await login(t.app, 'jiaoyu', 'Staff#Pass1234');
    let seq = 1;
    for (const name of ['陈民警', '林民警']) {
      const res = await staff.post('/api/v1/personnel/people', {
        kind: 'officer',
        name,
        idNumber: makeIdNumber('330102', '1986-05-05', seq++),
        orgId: root,
      });
      expect(res.statusCode, res.body).toBe(201);
      ids[name] = res.json().id;
    }
    const userId = await makeUser(t.ctx, 'chen', root, 'Chen#Pass12345');
    await staff.put(`/api/v1/personnel/people/${ids['陈民警']}/account`, { userId });
    trainee = await login(t.app, 'chen', 'Chen#Pass12345');
  });
  afterAll(() => t.close());

  const ledger = async (name: string) => {
    const p = (await staff.get(`/api/v1/personnel/people/${ids[name]}`)).json<{ trainingHours: number; history: { training: Line[] } }>();
    return { total: p.trainingHours, lines: p.history.training.map((l) => [l.course, l.hours, l.source]) };
  };

  it('credits a 3.5-hour session as 3.5 and a class without sessions with nothing', async () => {
    const cls = (
      await staff.post('/api/v1/training/classes', {
        title: '执法记录仪使用',
        kind: 'specialty',
        orgId: root,
        startDate: '2026-03-02',
        endDate: '2026-03-02',
        plannedHours: 3.5,
        target: { personIds: [ids['陈民警']] },
      })
    ).json<{ id: string }>().id;
    const session = await staff.post(`/api/v1/training/classes/${cls}/sessions`, { date: '2026-03-02', title: '实操', hours: 3.5 });
    expect(session.statusCode, session.body).toBe(201);
    const sessionId = session.json<{ id: string }>().id;
    await staff.post(`/api/v1/training/classes/${cls}/enrollments`, { personIds: [ids['陈民警']] });
    const marked = await staff.put(`/api/v1/training/classes/${cls}/attendance`, {
      marks: [{ sessionId, personId: ids['陈民警'], present: true }],
    });
    expect(marked.statusCode, marked.body).toBe(204);
    expect((await staff.post(`/api/v1/training/classes/${cls}/completions`, { personIds: [ids['陈民警']] })).statusCode).toBe(200);

    // A class that never recorded a session: 0 % attendance, so completion needs a reason and credits 0 学时.
    const empty = (
      await staff.post('/api/v1/training/classes', {
        title: '未排课的培训班',
        kind: 'other',
        orgId: root,
        startDate: '2026-04-01',
        endDate: '2026-04-03',
        plannedHours: 24,
        target: { personIds: [ids['林民警']] },
      })
    ).json<{ id: string }>().id;
    await staff.post(`/api/v1/training/classes/${empty}/enrollments`, { personIds: [ids['林民警']] });
    const grid = (await staff.get(`/api/v1/training/classes/${empty}/roster`)).json<{ people: { rate: number; hours: number }[] }>();
    expect(grid.people[0]).toMatchObject({ rate: 0, hours: 0 });
    const refused = await staff.post(`/api/v1/training/classes/${empty}/completions`, { personIds: [ids['林民警']] });
    expect(refused.json().error.code).toBe('TRAINING_BELOW_THRESHOLD');
    await staff.post(`/api/v1/training/classes/${empty}/completions`, { personIds: [ids['林民警']], overrideReason: '补录结业' });
    expect((await ledger('林民警')).total).toBe(0);
    expect(await ledger('陈民警')).toEqual({ total: 3.5, lines: [['执法记录仪使用', 3.5, 'training']] });
  });

  it('puts approved study and clerk lines beside training, one decimal, and checks an annual 90 学时 rule on all of them', async () => {
    const declared = await trainee.post('/api/v1/study/my/records', { date: '2026-05-10', hours: 0.3, title: '学习强警讲话' });
    expect(declared.statusCode, declared.body).toBe(201);
    // Refused: two decimals, and the request changes nothing.
    expect((await trainee.post('/api/v1/study/my/records', { date: '2026-05-10', hours: 0.25, title: 'x' })).statusCode).toBe(400);
    const caseId = (await staff.get('/api/v1/study/approvals')).json<{ items: { caseId: string }[] }>().items[0]!.caseId;
    expect((await staff.post(`/api/v1/workflow/cases/${caseId}/approve`, {})).statusCode).toBe(200);
    const clerk = await staff.post(`/api/v1/personnel/people/${ids['陈民警']}/training`, {
      date: '2026-06-01',
      course: '网络学院专题',
      hours: 86.2,
      source: 'other',
    });
    expect(clerk.statusCode, clerk.body).toBe(201);
    const l = await ledger('陈民警');
    expect(l.total).toBe(90);
    expect(l.lines).toEqual(
      expect.arrayContaining([
        ['学习强警讲话', 0.3, 'study'],
        ['网络学院专题', 86.2, 'other'],
      ]),
    );
    const req = (
      await staff.post('/api/v1/training/coverage', {
        title: '2026年度90学时',
        orgId: root,
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        target: { personIds: [ids['陈民警'], ids['林民警']] },
        rule: { kind: 'hours', minHours: 90 },
      })
    ).json<{ id: string }>().id;
    const s = (await staff.get(`/api/v1/training/coverage/${req}?status=all`)).json<{
      people: { name: string; covered: boolean; done: number }[];
    }>();
    expect(s.people.map((p) => [p.name, p.covered, p.done]).sort()).toEqual([
      ['林民警', false, 0],
      ['陈民警', true, 90],
    ]);
  });
});
