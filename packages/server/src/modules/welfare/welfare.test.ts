import { isWorkday } from 'chinese-days';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrg, makeRole, makeUser } from '../../test-support/factories.ts';
import { createTestApp, dialects, login, type Client, type TestApp } from '../../test-support/test-app.ts';
import { insertLeave, linkAccount, makeOfficer } from './test-support.ts';
import { verifyAuditChain } from '../../platform/audit/audit-service.ts';
import { purgeReadings } from './wearable-service.ts';

const P = '/api/v1/welfare';
const PASS = 'Welfare#Pass123';

describe.each(dialects)('welfare (从优待警) on %s', (dialect) => {
  let t: TestApp;
  let station: string;
  let branch: string;
  let officer: Client;
  let officerId: string;
  let approver: Client;
  let care: Client;
  let leaderOfUnit: Client;
  let political: Client;
  let psych: Client;

  async function user(name: string, org: string, perms: string[], scope: 'all' | 'org_and_below', personId?: string) {
    const role = await makeRole(t.ctx, `r-${name}`, perms, scope);
    const id = await makeUser(t.ctx, name, org, PASS, [role]);
    if (personId) await linkAccount(t.ctx, id, personId);
    return login(t.app, name, PASS);
  }
  const auditTypes = async () => (await t.ctx.db.selectFrom('audit_log').select('event_type').execute()).map((r) => r.event_type);

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const root = await makeOrg(t.ctx, null, '示例市公安局', { type: 'city_bureau' });
    branch = await makeOrg(t.ctx, root, '东城分局');
    station = await makeOrg(t.ctx, branch, '东城派出所', { type: 'station' });
    officerId = await makeOfficer(t.ctx, station, '张民警', '2010-03-01');
    officer = await user('zhang', station, ['personnel:self'], 'org_and_below', officerId);
    approver = await user('suozhang', station, ['leave:read', 'leave:approve', 'personnel:read'], 'org_and_below');
    leaderOfUnit = await user('jiaodaoyuan', station, ['personnel:read', 'leave:read'], 'org_and_below');
    care = await user('guanai', station, ['health:alert'], 'org_and_below');
    political = await user('zhengzhi', root, ['personnel:read', 'leave:read', 'leave:manage', 'welfare:read', 'welfare:manage'], 'all');
    psych = await user('xinli', root, ['psych:care'], 'all');
  });
  afterAll(() => t.close());

  it('computes annual-leave entitlement at every boundary, read from the database (as of 2026-06-01, organ rule)', async () => {
    // name, work start, approved leave already on file [kind, start, days], entitled days, exclusion
    type Leave = [kind: string, start: string, days: number];
    const cases: [string, string, Leave[], number, string | null][] = [
      ['not a year by the end of last month', '2025-06-15', [], 0, 'NOT_ELIGIBLE'],
      ['a year by 31 May: from June', '2025-05-31', [], 5, null],
      ['ten years reached 31 May', '2016-05-31', [], 10, null],
      ['ten years reached 1 June: still 5 in June', '2016-06-01', [], 5, null],
      ['twenty years', '2006-05-01', [], 15, null],
      ['twenty years reached 31 May: 15 from June', '2006-05-31', [], 15, null],
      ['twenty years reached 1 June: still 10 in June', '2006-06-01', [], 10, null],
      ['sick 59 days, under 10 years', '2020-01-01', [['sick', '2026-01-05', 59]], 5, null],
      ['sick 60 days (2 months), under 10 years', '2020-01-01', [['sick', '2026-01-05', 60]], 0, 'EXCL_SICK'],
      [
        'sick in two spells adding up to 60 days',
        '2020-01-01',
        [
          ['sick', '2026-01-05', 30],
          ['sick', '2026-03-02', 30],
        ],
        0,
        'EXCL_SICK',
      ],
      ['sick leave approved for after today not counted yet', '2020-01-01', [['sick', '2026-07-01', 90]], 5, null],
      ['sick 89 days, 10–20 years', '2010-01-01', [['sick', '2026-01-05', 89]], 10, null],
      ['sick 90 days (3 months), 10–20 years', '2010-01-01', [['sick', '2026-01-05', 90]], 0, 'EXCL_SICK'],
      ['sick 119 days, 20+ years', '2000-01-01', [['sick', '2026-01-05', 119]], 15, null],
      ['sick 120 days (4 months), 20+ years', '2000-01-01', [['sick', '2026-01-05', 120]], 0, 'EXCL_SICK'],
      ['personal 19 days', '2020-01-01', [['personal', '2026-02-02', 19]], 5, null],
      ['personal 20 days', '2020-01-01', [['personal', '2026-02-02', 20]], 0, 'EXCL_PERSONAL'],
      [
        'claw-back: annual last year, then sick 90',
        '2015-01-01',
        [
          ['annual', '2025-03-02', 5],
          ['sick', '2025-06-02', 90],
        ],
        0,
        'CLAWBACK',
      ],
      [
        'claw-back: annual last year, then personal 20',
        '2015-01-01',
        [
          ['annual', '2025-03-02', 5],
          ['personal', '2025-06-02', 20],
        ],
        0,
        'CLAWBACK',
      ],
      ['no claw-back: sick 90 last year, no annual taken', '2015-01-01', [['sick', '2025-06-02', 90]], 10, null],
      [
        'no claw-back: annual last year, sick 89',
        '2015-01-01',
        [
          ['annual', '2025-03-02', 5],
          ['sick', '2025-06-02', 89],
        ],
        10,
        null,
      ],
    ];
    for (const [name, start, leaves, days, exclusion] of cases) {
      const id = await makeOfficer(t.ctx, station, `表${name.slice(0, 6)}`, start);
      for (const [kind, from, n] of leaves) await insertLeave(t.ctx, id, { kind, start: from, days: n });
      const res = await political.get(`${P}/leave/people/${id}/ledger?year=2026`);
      expect(res.statusCode, res.body).toBe(200);
      expect([name, res.json().entitled, res.json().exclusion]).toEqual([name, days, exclusion]);
    }
  });

  it('keeps each home-visit cycle, read from the database (once a year, every two and every four years)', async () => {
    type Relation = 'spouse' | 'parents_unmarried' | 'parents_married';
    type Visit = [option: string, relation: Relation, start: string, status?: 'pending'];
    // name, option asked about in 2026, earlier visits, allowed, next year it opens
    const cases: [string, string, Visit[], boolean, number][] = [
      ['spouse, never visited', 'spouse', [], true, 2026],
      ['spouse, visited last year', 'spouse', [['spouse', 'spouse', '2025-08-01']], true, 2026],
      ['spouse, visited this year', 'spouse', [['spouse', 'spouse', '2026-02-01']], false, 2027],
      ['unmarried, yearly, visited this year', 'parents_yearly', [['parents_yearly', 'parents_unmarried', '2026-02-01']], false, 2027],
      ['unmarried, yearly, visited last year', 'parents_yearly', [['parents_yearly', 'parents_unmarried', '2025-02-01']], true, 2026],
      [
        'unmarried, every two years, visited last year',
        'parents_biennial',
        [['parents_yearly', 'parents_unmarried', '2025-02-01']],
        false,
        2027,
      ],
      [
        'unmarried, every two years, visited two years ago',
        'parents_biennial',
        [['parents_biennial', 'parents_unmarried', '2024-02-01']],
        true,
        2026,
      ],
      [
        'married, every four years, visited three years ago',
        'parents_married',
        [['parents_married', 'parents_married', '2023-05-01']],
        false,
        2027,
      ],
      [
        'married, every four years, visited four years ago',
        'parents_married',
        [['parents_married', 'parents_married', '2022-05-01']],
        true,
        2026,
      ],
      [
        'married, a visit still pending this year counts',
        'parents_married',
        [['parents_married', 'parents_married', '2026-03-01', 'pending']],
        false,
        2030,
      ],
      ['married, a spouse visit does not count', 'parents_married', [['spouse', 'spouse', '2026-02-01']], true, 2026],
    ];
    for (const [name, option, visits, allowed, nextYear] of cases) {
      const id = await makeOfficer(t.ctx, station, `探${name.slice(0, 6)}`, '2010-01-01');
      for (const [code, relation, start, status] of visits)
        await insertLeave(t.ctx, id, {
          kind: 'home_visit',
          start,
          days: 20,
          homeVisit: { option: code, relation },
          ...(status ? { status } : {}),
        });
      const res = await political.get(`${P}/leave/people/${id}/ledger?year=2026`);
      expect(res.statusCode, res.body).toBe(200);
      const got = res.json().homeVisit.find((h: { option: string }) => h.option === option);
      expect([name, got.allowed, got.nextYear]).toEqual([name, allowed, nextYear]);
    }
    const newcomer = await makeOfficer(t.ctx, station, '探新入职', '2025-07-01');
    const fresh = (await political.get(`${P}/leave/people/${newcomer}/ledger?year=2026`)).json();
    expect(fresh.homeVisit.every((h: { allowed: boolean }) => !h.allowed)).toBe(true);
  });

  let leaveId: string;
  it('an officer applies for annual leave; holidays are not counted; the unit approver decides; ledger and calendar show it', async () => {
    const mine = (await officer.get(`${P}/leave/my?year=2026`)).json();
    expect(mine.entitled).toBe(10);
    // 15–21 June 2026: Dragon Boat Festival on Friday 19th, then the weekend → 4 working days.
    const apply = await officer.post(`${P}/leave/applications`, {
      kind: 'annual',
      startDate: '2026-06-15',
      endDate: '2026-06-21',
      reason: '回老家',
    });
    expect(apply.statusCode, apply.body).toBe(201);
    leaveId = apply.json().id;
    expect((await officer.get(`${P}/leave/my?year=2026`)).json()).toMatchObject({ pending: 4, remaining: 6 });
    const overlap = await officer.post(`${P}/leave/applications`, {
      kind: 'personal',
      startDate: '2026-06-18',
      endDate: '2026-06-18',
      reason: 'x',
    });
    expect(overlap.json().error.code).toBe('LEAVE_OVERLAP');
    const holidayOnly = await officer.post(`${P}/leave/applications`, {
      kind: 'annual',
      startDate: '2026-10-01',
      endDate: '2026-10-04',
      reason: 'x',
    });
    expect(holidayOnly.json().error.code).toBe('LEAVE_NO_DAYS');
    const tooMuch = await officer.post(`${P}/leave/applications`, {
      kind: 'annual',
      startDate: '2026-07-06',
      endDate: '2026-07-17',
      reason: 'x',
    });
    expect(tooMuch.json().error.code).toBe('LEAVE_BALANCE');

    const todo = (await approver.get('/api/v1/workflow/todo')).json();
    const task = todo.items.find((i: { title: string }) => i.title.includes('张民警'));
    expect(task, JSON.stringify(todo)).toBeTruthy();
    expect((await leaderOfUnit.get('/api/v1/workflow/todo')).json().items).toHaveLength(0);
    const ok = await approver.post(`/api/v1/workflow/cases/${task.caseId ?? task.id}/approve`, { comment: '同意' });
    expect(ok.statusCode, ok.body).toBe(200);

    const ledger = (await officer.get(`${P}/leave/my?year=2026`)).json();
    expect(ledger).toMatchObject({ taken: 4, pending: 0, remaining: 6 });
    expect(ledger.leaves[0]).toMatchObject({ id: leaveId, status: 'approved', days: 4 });
    const cal = (await approver.get(`${P}/leave/calendar?orgId=${station}&month=2026-06`)).json();
    expect(cal.days.find((d: { date: string }) => d.date === '2026-06-16')).toMatchObject({ away: 1, working: true });
    expect(cal.days.find((d: { date: string }) => d.date === '2026-06-19')).toMatchObject({ working: false });
    expect(cal.leaves.map((l: { id: string }) => l.id)).toContain(leaveId);
    const stats = (await political.get(`${P}/leave/stats?year=2026`)).json();
    expect(stats.units.find((u: { orgId: string }) => u.orgId === station).byKind.annual).toBeGreaterThanOrEqual(4);
  });

  it('home-visit leave keeps its cycle; carry-over and payout move the balance', async () => {
    const first = await officer.post(`${P}/leave/applications`, {
      kind: 'home_visit',
      homeVisitOption: 'parents_married',
      startDate: '2026-08-01',
      endDate: '2026-08-20',
      reason: '探望父母',
    });
    expect(first.statusCode, first.body).toBe(201);
    const again = await officer.post(`${P}/leave/applications`, {
      kind: 'home_visit',
      homeVisitOption: 'parents_married',
      startDate: '2026-09-01',
      endDate: '2026-09-05',
      reason: 'x',
    });
    expect(again.json().error.code).toBe('LEAVE_HOME_VISIT_CYCLE');
    const ledger = (await officer.get(`${P}/leave/my?year=2026`)).json();
    expect(ledger.homeVisit.find((h: { option: string }) => h.option === 'parents_married')).toMatchObject({
      allowed: false,
      nextYear: 2030,
    });
    const pay = await political.post(`${P}/leave/ledger-entries`, { personId: officerId, year: 2026, kind: 'payout', days: 7 });
    expect(pay.json().error.code).toBe('LEAVE_BALANCE');
    expect(
      (await political.post(`${P}/leave/ledger-entries`, { personId: officerId, year: 2026, kind: 'payout', days: 2 })).statusCode,
    ).toBe(201);
    expect((await officer.get(`${P}/leave/my?year=2026`)).json()).toMatchObject({ paidOut: 2, remaining: 4 });
  });

  it('property: working-day leave on the platform calendar never counts a holiday or a rest day, and counts make-up working days', async () => {
    const personId = await makeOfficer(t.ctx, station, '孙属性', '2012-01-01');
    const prop = await user('sunshuxing', station, ['personnel:self'], 'org_and_below', personId);
    const day = (n: number) => new Date(Date.UTC(2026, 5, 2) + n * 86_400_000).toISOString().slice(0, 10);
    // 2 June to 31 December 2026 (the calendar seeded from chinese-days knows 2026; 2027 not yet).
    const range = fc
      .tuple(fc.integer({ min: 0, max: 212 }), fc.integer({ min: 0, max: 40 }))
      .map(([s, len]) => [day(s), day(Math.min(212, s + len))] as const);
    const national = [day(116), day(131)] as const; // 26 September – 11 October: National Day and its make-up working days
    await fc.assert(
      fc.asyncProperty(range, async ([start, end]) => {
        let expected = 0;
        for (let d = start; d <= end; d = new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10))
          if (isWorkday(d)) expected += 1;
        const res = await prop.post(`${P}/leave/applications`, { kind: 'personal', startDate: start, endDate: end, reason: '属性测试' });
        if (expected === 0) {
          expect(res.json().error.code, `${start}..${end}`).toBe('LEAVE_NO_DAYS');
          return;
        }
        expect(res.statusCode, `${start}..${end} ${res.body}`).toBe(201);
        const id = res.json().id as string;
        const leave = (await prop.get(`${P}/leave/my?year=2026`)).json().leaves.find((l: { id: string }) => l.id === id);
        expect(leave.days, `${start}..${end}`).toBe(expected);
        expect((await prop.post(`${P}/leave/applications/${id}/cancel`, { note: null })).statusCode).toBe(200);
      }),
      { numRuns: 25, examples: [[national]] },
    );
  });

  let token: string;
  it('consent: no consent → no device and readings refused, no alert; with consent an alert goes to the care contact only', async () => {
    expect((await officer.post(`${P}/wearables/devices`, { serial: 'HW-0001' })).json().error.code).toBe('WEAR_NO_CONSENT');
    const me = (await officer.get(`${P}/wearables/me`)).json();
    expect((await officer.post(`${P}/consents`, { category: 'wearable', noticeVersion: me.noticeVersion })).statusCode).toBe(201);
    const dev = await officer.post(`${P}/wearables/devices`, { serial: 'HW-0001' });
    expect(dev.statusCode, dev.body).toBe(201);
    token = dev.json().token;
    const stored = await t.ctx.db.selectFrom('wearable_device').select('token_hash').executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(token);

    const now = t.ctx.clock.now().getTime();
    const at = (m: number) => new Date(now - (10 - m) * 60_000).toISOString();
    const batch = { readings: [5, 6, 7, 8, 9].map((m) => ({ kind: 'heart_rate', at: at(m), value: 135 })) };
    const send = (b: unknown, tok = token) =>
      t.app.inject({ method: 'POST', url: `${P}/wearables/ingest`, headers: { 'x-device-token': tok }, payload: b as object });
    const first = await send(batch);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toEqual({ accepted: 5, duplicates: 0, alerts: 1 });
    expect((await send(batch)).json()).toEqual({ accepted: 0, duplicates: 5, alerts: 0 });
    expect((await send({ readings: [{ kind: 'blood_pressure', at: at(9), value: 120 }] })).json().error.code).toBe('WEAR_READING_INVALID');
    expect((await send(batch, 'x'.repeat(32))).statusCode).toBe(401);

    const bell = async (c: Client) => (await c.get('/api/v1/workflow/notifications')).json();
    expect(JSON.stringify(await bell(care))).toContain('心率持续偏高');
    expect(JSON.stringify(await bell(leaderOfUnit))).not.toContain('心率');
    expect(JSON.stringify(await bell(approver))).not.toContain('心率');

    const alerts = (await care.get(`${P}/wearables/alerts?status=open`)).json();
    expect(alerts.items).toHaveLength(1);
    expect(alerts.items[0]).toMatchObject({ ruleCode: 'HR_HIGH_RESTING', name: '张民警', peak: 135 });
    const ack = await care.post(`${P}/wearables/alerts/${alerts.items[0].id}/ack`, { note: '已电话联系本人' });
    expect(ack.json()).toMatchObject({ status: 'acknowledged', acknowledgedByName: 'guanai' });
    expect((await political.get(`${P}/wearables/alerts`)).statusCode).toBe(403);

    const roster = (await care.get(`${P}/wearables/roster?pageSize=200`)).json();
    expect(roster.items.find((i: { name: string }) => i.name === '张民警').state).toBe('monitored');
    expect(roster.items.filter((i: { state: string }) => i.state === 'no_data').length).toBeGreaterThan(0);
    expect(await auditTypes()).toEqual(
      expect.arrayContaining(['welfare.alert.view', 'welfare.alert.raise', 'welfare.alert.ack', 'welfare.wearable.roster']),
    );
  });

  it('a psychological case is invisible to the political department; the psychological-care role sees it, audited; statistics count only', async () => {
    expect((await officer.post(`${P}/psych/self-referral`, { summary: '最近睡眠很差，压力大' })).statusCode).toBe(201);
    expect((await political.get(`${P}/psych/cases`)).statusCode).toBe(403);
    const list = (await psych.get(`${P}/psych/cases`)).json();
    expect(list.items).toHaveLength(1);
    const id = list.items[0].id;
    expect((await political.get(`${P}/psych/cases/${id}`)).statusCode).toBe(403);
    const stored = await t.ctx.db.selectFrom('psych_case').select('summary_enc').executeTakeFirstOrThrow();
    expect(stored.summary_enc).not.toContain('睡眠');
    const detail = (await psych.get(`${P}/psych/cases/${id}`)).json();
    expect(detail.summary).toContain('睡眠');
    const session = await psych.post(`${P}/psych/cases/${id}/sessions`, { date: '2026-07-02', note: '首次面谈', nextDate: '2026-07-09' });
    expect(session.json().sessions).toHaveLength(1);
    expect((await psych.post(`${P}/psych/cases/${id}/escalate`, { note: '出现危机信号' })).json().status).toBe('crisis');
    const stats = (await political.get(`${P}/stats?year=2026`)).json();
    expect(stats.psychCases).toEqual({ open: 0, crisis: 1, closed: 0 });
    expect(JSON.stringify(stats)).not.toContain('张民警');
    const views = await t.ctx.db
      .selectFrom('audit_log')
      .select(['event_type', 'object_id'])
      .where('event_type', '=', 'welfare.psych.view')
      .execute();
    expect(views.map((v) => v.object_id)).toContain(id);
  });

  it('care records: a charity disbursement waits for approval; a visit is recorded at once; bad input changes nothing', async () => {
    const branchManager = await user('fenju-guanai', branch, ['welfare:read', 'welfare:manage'], 'org_and_below');
    const visit = await political.post(`${P}/care/records`, {
      orgId: station,
      personId: officerId,
      kind: 'visit',
      date: '2026-06-03',
      title: '住院慰问',
    });
    expect(visit.statusCode, visit.body).toBe(201);
    const fund = await political.post(`${P}/care/records`, {
      orgId: station,
      kind: 'charity',
      date: '2026-06-03',
      title: '困难帮扶',
      amountFen: 200000,
    });
    expect(fund.statusCode, fund.body).toBe(201);
    const list = (await political.get(`${P}/care/records`)).json();
    expect(list.items.find((i: { id: string }) => i.id === fund.json().id)).toMatchObject({ status: 'pending' });
    const task = (await branchManager.get('/api/v1/workflow/todo')).json().items[0];
    expect((await branchManager.post(`/api/v1/workflow/cases/${task.caseId ?? task.id}/approve`, { comment: '同意' })).statusCode).toBe(
      200,
    );
    const after = (await political.get(`${P}/care/records`)).json();
    expect(after.items.find((i: { id: string }) => i.id === fund.json().id)).toMatchObject({ status: 'open' });
    const before = (await t.ctx.db.selectFrom('care_record').select('id').execute()).length;
    const bad = await political.post(`${P}/care/records`, { orgId: station, kind: 'visit', date: '2026-13-01', title: '' });
    expect(bad.statusCode).toBe(400);
    expect((await t.ctx.db.selectFrom('care_record').select('id').execute()).length).toBe(before);
  });

  it('withdrawal stops ingestion at once and the raw readings go after the retention period', async () => {
    const alertsBefore = (await t.ctx.db.selectFrom('wearable_alert').select('id').where('person_id', '=', officerId).execute()).length;
    expect((await officer.post(`${P}/consents/withdraw`, { category: 'wearable' })).statusCode).toBe(200);
    const later = { readings: [{ kind: 'heart_rate', at: t.ctx.clock.now().toISOString(), value: 150 }] };
    const refused = await t.app.inject({
      method: 'POST',
      url: `${P}/wearables/ingest`,
      headers: { 'x-device-token': token },
      payload: later,
    });
    expect(refused.statusCode).toBe(401);
    const count = async () =>
      (await t.ctx.db.selectFrom('wearable_reading').select('id').where('person_id', '=', officerId).execute()).length;
    expect(await count()).toBe(5);
    await purgeReadings(t.ctx);
    expect(await count()).toBe(5);
    t.clock.advance(31 * 86_400_000);
    await purgeReadings(t.ctx);
    expect(await count()).toBe(0);
    expect((await t.ctx.db.selectFrom('wearable_alert').select('id').where('person_id', '=', officerId).execute()).length).toBe(
      alertsBefore,
    );
  });

  it('consent under an older notice counts as none: readings refused, nothing stored, no alert; fresh consent lets them in', async () => {
    // The clock moved a month on above: sessions of the earlier logins have expired.
    const [political, care] = [await login(t.app, 'zhengzhi', PASS), await login(t.app, 'guanai', PASS)];
    const personId = await makeOfficer(t.ctx, station, '周同意', '2012-01-01');
    const zhou = await user('zhoutongyi', station, ['personnel:self'], 'org_and_below', personId);
    const notice = (await zhou.get(`${P}/wearables/me`)).json().noticeVersion as string;
    expect((await zhou.post(`${P}/consents`, { category: 'wearable', noticeVersion: notice })).statusCode).toBe(201);
    const device = (await zhou.post(`${P}/wearables/devices`, { serial: 'HW-ZHOU' })).json().token as string;
    const inForce = (await political.get(`${P}/rules/wearable`)).json().inForce.value;
    const today = t.ctx.clock.now().toISOString().slice(0, 10);
    const v2 = await political.post(`${P}/rules/wearable`, {
      effectiveFrom: today,
      value: { ...inForce, consentNoticeVersion: `${notice}-2` },
    });
    expect(v2.statusCode, v2.body).toBe(201);

    const now = t.ctx.clock.now().getTime();
    const high = {
      readings: [5, 4, 3, 2, 1].map((m) => ({ kind: 'heart_rate', at: new Date(now - m * 60_000).toISOString(), value: 150 })),
    };
    const send = () => t.app.inject({ method: 'POST', url: `${P}/wearables/ingest`, headers: { 'x-device-token': device }, payload: high });
    const alertsOf = async () =>
      (await t.ctx.db.selectFrom('wearable_alert').select('id').where('person_id', '=', personId).execute()).length;
    const readingsOf = async () =>
      (await t.ctx.db.selectFrom('wearable_reading').select('id').where('person_id', '=', personId).execute()).length;
    const refused = await send();
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('WEAR_NO_CONSENT');
    expect([await readingsOf(), await alertsOf()]).toEqual([0, 0]);
    expect(JSON.stringify((await care.get('/api/v1/workflow/notifications')).json())).not.toContain('周同意');
    const roster = (await care.get(`${P}/wearables/roster?pageSize=200`)).json();
    expect(roster.items.find((i: { name: string }) => i.name === '周同意').state).toBe('no_data');

    expect((await zhou.post(`${P}/consents`, { category: 'wearable', noticeVersion: notice })).json().error.code).toBe(
      'WELFARE_RULE_INVALID',
    );
    expect((await zhou.post(`${P}/consents`, { category: 'wearable', noticeVersion: `${notice}-2` })).statusCode).toBe(201);
    expect((await send()).json()).toEqual({ accepted: 5, duplicates: 0, alerts: 1 });
    expect([await readingsOf(), await alertsOf()]).toEqual([5, 1]);
  });

  it('every view of health and psychological data is in the audit chain, under the viewer, and the chain verifies', async () => {
    const idOf = async (username: string) =>
      (await t.ctx.db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
    const [careId, psychId] = [await idOf('guanai'), await idOf('xinli')];
    const [care, psych] = [await login(t.app, 'guanai', PASS), await login(t.app, 'xinli', PASS)];
    const alert = (await care.get(`${P}/wearables/alerts`)).json().items.find((a: { status: string }) => a.status !== 'closed');
    const psychCase = (await psych.get(`${P}/psych/cases`)).json().items[0];
    const views: [string, string, () => Promise<{ statusCode: number; body: string }>, string, string | null][] = [
      ['alert list', 'welfare.alert.view', () => care.get(`${P}/wearables/alerts`), careId, null],
      ['roster', 'welfare.wearable.roster', () => care.get(`${P}/wearables/roster`), careId, null],
      [
        'alert closed',
        'welfare.alert.close',
        () => care.post(`${P}/wearables/alerts/${alert.id}/close`, { note: '已处理' }),
        careId,
        alert.id,
      ],
      ['psychological case list', 'welfare.psych.view', () => psych.get(`${P}/psych/cases`), psychId, null],
      ['psychological case', 'welfare.psych.view', () => psych.get(`${P}/psych/cases/${psychCase.id}`), psychId, psychCase.id],
    ];
    for (const [name, eventType, call, actorId, objectId] of views) {
      const rows = () => {
        let q = t.ctx.db.selectFrom('audit_log').select('seq').where('event_type', '=', eventType).where('actor_id', '=', actorId);
        if (objectId) q = q.where('object_id', '=', objectId);
        return q.execute();
      };
      const before = (await rows()).length;
      const res = await call();
      expect(res.statusCode, `${name}: ${res.body}`).toBe(200);
      expect([name, (await rows()).length]).toEqual([name, before + 1]);
    }
    expect(await verifyAuditChain(t.ctx.db)).toMatchObject({ ok: true });
  });
});
