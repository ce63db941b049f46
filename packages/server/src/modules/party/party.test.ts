import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrg, makeRole, makeUser } from '../../test-support/factories.ts';
import { createTestApp, dialects, login, type Client, type TestApp } from '../../test-support/test-app.ts';
import { sendPartyReminders } from './reminders-job.ts';
import { linkAccount, makeOfficer } from './party-test-support.ts';

const BASE = '/api/v1/party';
const perms = ['party:read', 'party:write', 'party:dues'];

// The test clock stands at 2026-05-31T23:30Z: 2026-06-01 in Beijing, the platform's "today".
describe.each(dialects)('party building on %s', (dialect) => {
  let t: TestApp;
  let secretary: Client;
  let otherBranch: Client;
  let memberA: Client;
  let branchOrg: string;
  let otherOrg: string;
  let partyOrg: string;
  const people = {} as Record<'a' | 'b' | 'c' | 'd' | 'young' | 'x', string>;
  const members = {} as Record<'a' | 'b' | 'c' | 'd', string>;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const root = await makeOrg(t.ctx, null, '示例市公安局', { type: 'city_bureau' });
    const branch = await makeOrg(t.ctx, root, '上城分局');
    branchOrg = await makeOrg(t.ctx, branch, '清波派出所', { type: 'station' });
    otherOrg = await makeOrg(t.ctx, root, '拱墅分局');
    const role = await makeRole(t.ctx, 'party-branch', perms, 'org_and_below');
    await makeUser(t.ctx, 'shuji', branch, 'Party#Pass12345', [role]);
    await makeUser(t.ctx, 'other', otherOrg, 'Party#Pass12345', [role]);
    const memberUser = await makeUser(t.ctx, 'dangyuan', branchOrg, 'Party#Pass12345');
    secretary = await login(t.app, 'shuji', 'Party#Pass12345');
    otherBranch = await login(t.app, 'other', 'Party#Pass12345');
    for (const [key, name, birth] of [
      ['a', '王芳', '1985-03-01'],
      ['b', '李强', '1990-05-01'],
      ['c', '赵敏', '1995-08-01'],
      ['d', '孙磊', '1998-01-01'],
      ['young', '周杰', '2008-06-02'],
    ] as const) {
      people[key] = await makeOfficer(t.ctx, branchOrg, name, birth);
    }
    people.x = await makeOfficer(t.ctx, otherOrg, '吴昊');
    await linkAccount(t.ctx, memberUser, people.a);
    memberA = await login(t.app, 'dangyuan', 'Party#Pass12345');
  });
  afterAll(() => t.close());

  it('maps a branch onto the org tree and keeps it inside data scope', async () => {
    const res = await secretary.post(`${BASE}/orgs`, {
      orgId: branchOrg,
      kind: 'branch',
      name: '清波派出所党支部',
      secretaryPersonId: people.a,
      termStart: '2024-07-01',
      termEnd: '2027-06-30',
    });
    expect(res.statusCode, res.body).toBe(201);
    partyOrg = res.json().id;
    // 2026-06-01 → 2027-06-30: 394 days to the election (换届).
    expect(res.json()).toMatchObject({ secretaryName: '王芳', electionDaysLeft: 394 });
    expect((await otherBranch.get(`${BASE}/orgs/${partyOrg}`)).statusCode).toBe(404);
    expect((await otherBranch.post(`${BASE}/orgs`, { orgId: branchOrg, kind: 'branch', name: '越权' })).statusCode).toBe(404);
    const group = await secretary.post(`${BASE}/orgs`, { orgId: branchOrg, kind: 'group', name: '无上级党小组' });
    expect(group.json().error.code).toBe('PARTY_ORG_PARENT');
  });

  it('computes the member pipeline deadlines and refuses steps taken too early', async () => {
    const add = async (key: 'a' | 'b' | 'c' | 'd', stage: string, since: string) => {
      const res = await secretary.post(`${BASE}/members`, { personId: people[key], partyOrgId: partyOrg, stage, since });
      expect(res.statusCode, res.body).toBe(201);
      members[key] = res.json().id;
      return res.json();
    };
    expect((await add('a', 'full', '2015-07-01')).next).toBeNull();
    // Probation from 2025-03-15: conversion due 2026-03-15, 78 days overdue on 2026-06-01.
    expect((await add('b', 'probationary', '2025-03-15')).next).toMatchObject({
      nextStage: 'full',
      due: '2026-03-15',
      overdue: true,
      daysLeft: -78,
    });
    // An activist since 2025-06-30 may become a candidate from 2026-06-30, with no deadline.
    expect((await add('c', 'activist', '2025-06-30')).next).toMatchObject({ earliest: '2026-06-30', due: null, overdue: false });
    // An application of 2026-04-30 calls for a talk by 2026-05-30: two days overdue.
    expect((await add('d', 'applicant', '2026-04-30')).next).toMatchObject({ due: '2026-05-30', overdue: true, daysLeft: -2 });
    const young = await secretary.post(`${BASE}/members`, {
      personId: people.young,
      partyOrgId: partyOrg,
      stage: 'applicant',
      since: '2026-06-01',
    });
    expect(young.json().error.code).toBe('PARTY_TOO_YOUNG');
    const twice = await secretary.post(`${BASE}/members`, {
      personId: people.a,
      partyOrgId: partyOrg,
      stage: 'applicant',
      since: '2026-01-01',
    });
    expect(twice.json().error.code).toBe('PARTY_MEMBER_EXISTS');
    expect(
      (await secretary.post(`${BASE}/members`, { personId: people.x, partyOrgId: partyOrg, stage: 'applicant', since: '2026-01-01' }))
        .statusCode,
    ).toBe(404);

    const due = (await secretary.get(`${BASE}/pipeline/due`)).json();
    expect(due.items.map((i: { name: string }) => i.name)).toEqual(['李强', '孙磊']);
    expect((await secretary.get(`${BASE}/pipeline/due/count`)).json()).toEqual({ count: 2, overdue: 2 });

    const early = await secretary.post(`${BASE}/members/${members.c}/steps`, { stage: 'candidate', date: '2026-06-01' });
    expect(early.json().error.code).toBe('PARTY_STEP_TOO_EARLY');
    const skip = await secretary.post(`${BASE}/members/${members.d}/steps`, { stage: 'candidate', date: '2026-05-20' });
    expect(skip.json().error.code).toBe('PARTY_STEP_NOT_NEXT');
    const tooEarly = await secretary.post(`${BASE}/members/${members.b}/steps`, { stage: 'full', date: '2026-03-14' });
    expect(tooEarly.json().error.code).toBe('PARTY_STEP_TOO_EARLY');
    const converted = await secretary.post(`${BASE}/members/${members.b}/steps`, {
      stage: 'full',
      date: '2026-03-20',
      note: '支部大会讨论通过转正',
    });
    expect(converted.statusCode, converted.body).toBe(200);
    expect(converted.json().steps.map((s: { stage: string }) => s.stage)).toEqual(['probationary', 'full']);
    // The person's record follows: 中共党员 (01), joined on the admission day.
    const person = await t.ctx.db
      .selectFrom('person')
      .select(['political_status', 'party_join_date'])
      .where('id', '=', people.b)
      .executeTakeFirstOrThrow();
    expect(person).toEqual({ political_status: '01', party_join_date: '2025-03-15' });
    expect((await secretary.get(`${BASE}/pipeline/due/count`)).json()).toEqual({ count: 1, overdue: 1 });
    expect((await otherBranch.get(`${BASE}/members/${members.b}`)).statusCode).toBe(404);
  });

  it('reminds of overdue steps once, on the bell of the branch staff', async () => {
    const first = await sendPartyReminders(t.ctx);
    expect(first.steps).toBe(1);
    expect((await sendPartyReminders(t.ctx)).steps).toBe(0);
    const bell = (await secretary.get('/api/v1/workflow/notifications')).json();
    expect(JSON.stringify(bell)).toContain('孙磊');
  });

  const hold = async (kind: string, heldOn: string) => {
    const planned = await secretary.post(`${BASE}/meetings`, {
      partyOrgId: partyOrg,
      kind,
      title: `${kind} ${heldOn}`,
      plannedDate: heldOn,
    });
    expect(planned.statusCode, planned.body).toBe(201);
    const held = await secretary.put(`${BASE}/meetings/${planned.json().id}/minutes`, { heldOn, minutes: '会议记录' });
    expect(held.statusCode, held.body).toBe(200);
  };

  it('counts the quarter compliance of 三会一课 and moves it when a 支委会 is held with phone sign-in', async () => {
    for (const [kind, on] of [
      ['committee', '2026-04-10'],
      ['committee', '2026-05-12'],
      ['general', '2026-05-20'],
      ['lecture', '2026-05-20'],
      ['theme_day', '2026-04-01'],
      ['theme_day', '2026-05-01'],
      ['theme_day', '2026-06-01'],
      ['committee', '2026-03-30'],
    ] as const) {
      await hold(kind, on);
    }
    // Q2 periods: committee 3, general 1, group 3, lecture 1, theme day 3 = 11; met 2+1+0+1+3 = 7 → 63 %.
    const before = (await secretary.get(`${BASE}/orgs/${partyOrg}/compliance?quarter=2026Q2`)).json();
    expect(before.rate).toBe(63);
    expect(before.kinds.find((k: { kind: string }) => k.kind === 'committee').periods.map((p: { held: number }) => p.held)).toEqual([
      1, 1, 0,
    ]);

    const meeting = (
      await secretary.post(`${BASE}/meetings`, {
        partyOrgId: partyOrg,
        kind: 'committee',
        title: '六月支委会',
        plannedDate: '2026-06-01',
        place: '三楼会议室',
      })
    ).json();
    expect(meeting.expected).toBe(2);
    const code = (await secretary.post(`${BASE}/meetings/${meeting.id}/sign-in-code`, { minutes: 10 })).json().code as string;
    expect(code).toMatch(/^\d{6}$/);
    const mine = (await memberA.get(`${BASE}/my/meetings`)).json();
    expect(mine.items.find((m: { id: string }) => m.id === meeting.id)).toMatchObject({ signInOpen: true, myStatus: null });
    const wrong = await memberA.post(`${BASE}/my/meetings/${meeting.id}/sign-in`, { code: code === '000000' ? '111111' : '000000' });
    expect(wrong.json().error.code).toBe('PARTY_CODE_INVALID');
    expect((await memberA.post(`${BASE}/my/meetings/${meeting.id}/sign-in`, { code })).statusCode).toBe(200);
    const leave = await secretary.put(`${BASE}/meetings/${meeting.id}/attendance`, {
      marks: [{ personId: people.b, status: 'leave', reason: '外出办案' }],
    });
    expect(
      leave
        .json()
        .attendance.map((x: { name: string; status: string; method: string }) => [x.name, x.status, x.method])
        .sort(),
    ).toEqual([
      ['李强', 'leave', 'staff'],
      ['王芳', 'present', 'code'],
    ]);
    const stranger = await secretary.put(`${BASE}/meetings/${meeting.id}/attendance`, {
      marks: [{ personId: people.c, status: 'present' }],
    });
    expect(stranger.json().error.code).toBe('PARTY_NOT_A_MEMBER');
    const held = await secretary.put(`${BASE}/meetings/${meeting.id}/minutes`, {
      heldOn: '2026-06-01',
      minutes: '研究七月主题党日安排',
      resolutions: '通过',
    });
    expect(held.json()).toMatchObject({ status: 'held', present: 1 });
    // June's 支委会 is now held: 8 of 11 periods → 72 %.
    expect((await secretary.get(`${BASE}/orgs/${partyOrg}/compliance?quarter=2026Q2`)).json().rate).toBe(72);
    expect((await otherBranch.get(`${BASE}/meetings/${meeting.id}`)).statusCode).toBe(404);
    const future = await secretary.put(`${BASE}/meetings/${meeting.id}/minutes`, { heldOn: '2026-06-02', minutes: 'x' });
    expect(future.json().error.code).toBe('PARTY_STEP_DATE');
  });

  it('computes dues by bracket, lists arrears and exports the branch dues sheet', async () => {
    const pay = async (key: 'a' | 'b', payFen: number) => {
      const res = await secretary.post(`${BASE}/dues/payments`, { personId: people[key], month: '2026-05', payFen, paidOn: '2026-05-10' });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    // 4,500.00 元 is in the 3,000–5,000 bracket: 1 % of the whole pay, 45.00 元.
    expect(await pay('a', 450_000)).toMatchObject({ ratePermille: 10, dueFen: 4_500, paidFen: 4_500 });
    // 3,000.00 元 is the top of the first bracket (inclusive): 0.5 %, 15.00 元.
    expect(await pay('b', 300_000)).toMatchObject({ ratePermille: 5, dueFen: 1_500 });
    const notMember = await secretary.post(`${BASE}/dues/payments`, {
      personId: people.c,
      month: '2026-05',
      payFen: 300_000,
      paidOn: '2026-05-10',
    });
    expect(notMember.json().error.code).toBe('PARTY_NOT_A_MEMBER');
    const sheet = (await secretary.get(`${BASE}/orgs/${partyOrg}/dues?month=2026-05`)).json();
    expect(sheet).toMatchObject({ totalDueFen: 6_000, totalPaidFen: 6_000, unpaid: 0 });
    // January to April unpaid for both members.
    const owed = (await secretary.get(`${BASE}/dues/arrears?month=2026-05`)).json();
    expect(owed.items.map((i: { name: string; months: string[] }) => [i.name, i.months.length]).sort()).toEqual([
      ['李强', 4],
      ['王芳', 4],
    ]);
    const file = await secretary.get(`${BASE}/orgs/${partyOrg}/dues/export.xlsx?month=2026-05`);
    expect(file.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell('A1').value)).toContain('2026-05 党费收缴表');
    const rows = [3, 4].map((r) => [ws.getCell(`B${r}`).value, ws.getCell(`D${r}`).value, ws.getCell(`F${r}`).value]);
    expect(rows.sort()).toEqual([
      ['李强', 3000, 15],
      ['王芳', 4500, 45],
    ]);
    expect(ws.getCell('F5').value).toBe(60);
    expect((await otherBranch.get(`${BASE}/orgs/${partyOrg}/dues/export.xlsx?month=2026-05`)).statusCode).toBe(404);
    expect((await memberA.get(`${BASE}/my/dues`)).json().items).toHaveLength(1);
  });

  it('takes a new dues bracket version from its effective month, and only city-wide', async () => {
    const value = {
      brackets: [
        { upToFen: 400_000, ratePermille: 5 },
        { upToFen: null, ratePermille: 10 },
      ],
    };
    expect((await secretary.post(`${BASE}/rules/dues`, { effectiveFrom: '2026-06-01', value })).json().error.code).toBe('PARTY_RULE_SCOPE');
    const cityRole = await makeRole(t.ctx, 'party-city', perms, 'all');
    const root = (await t.ctx.db.selectFrom('org').select('id').where('parent_id', 'is', null).executeTakeFirstOrThrow()).id;
    await makeUser(t.ctx, 'city-party', root, 'Party#Pass12345', [cityRole]);
    const city = await login(t.app, 'city-party', 'Party#Pass12345');
    const bad = await city.post(`${BASE}/rules/dues`, {
      effectiveFrom: '2026-06-01',
      value: { brackets: [{ upToFen: 400_000, ratePermille: 5 }] },
    });
    expect(bad.json().error.code).toBe('PARTY_RULE_INVALID');
    expect((await city.post(`${BASE}/rules/dues`, { effectiveFrom: '2026-06-01', value })).statusCode).toBe(201);
    // June under the new brackets: 3,500.00 元 ≤ 4,000 → 0.5 % = 17.50 元; May stays under the old ones.
    expect(
      (await city.post(`${BASE}/dues/payments`, { personId: people.b, month: '2026-06', payFen: 350_000, paidOn: '2026-06-01' })).json()
        .dueFen,
    ).toBe(1_750);
    expect(
      (await city.post(`${BASE}/dues/payments`, { personId: people.b, month: '2026-05', payFen: 350_000, paidOn: '2026-05-10' })).json()
        .dueFen,
    ).toBe(3_500);
  });
});
