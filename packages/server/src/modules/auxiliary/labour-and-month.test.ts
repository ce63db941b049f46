import { makeIdNumber } from '@zhenggong/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrg, makeRole, makeUser } from '../../test-support/factories.ts';
import { createTestApp, dialects, login, type Client, type TestApp } from '../../test-support/test-app.ts';
import { createPersonRecord } from '../personnel/people.ts';
import { makeAuxOfficer } from './test-support.ts';

const BASE = '/api/v1/auxiliary';
const perms = ['auxiliary:read', 'auxiliary:write', 'auxiliary:assess', 'auxiliary:pay'];

/**
 * Issue #10's auxiliary-police corrections: one grade and payout per person and month, the month
 * roster of who served that month, the 优秀 quota and 以罚补奖 as rule data, 劳动合同法 on
 * contracts (probation, open-ended right, compensation), expiry kept apart from resignation,
 * one reminder window for the list and the to-do, and no made-up 0.00 pay.
 * The test clock stands at 2026-06-01 (Beijing).
 */
describe.each(dialects)('auxiliary labour rules and monthly roster on %s', (dialect) => {
  let t: TestApp;
  let city: Client;
  let branch: string;
  let station: string;
  const p: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const root = await makeOrg(t.ctx, null, '示例市公安局', { type: 'city_bureau' });
    branch = await makeOrg(t.ctx, root, '上城分局');
    station = await makeOrg(t.ctx, branch, '清波派出所', { type: 'station' });
    await makeUser(t.ctx, 'auxcity', root, 'Aux#Pass12345', [await makeRole(t.ctx, 'aux-city', perms, 'all')]);
    city = await login(t.app, 'auxcity', 'Aux#Pass12345');
    for (const name of ['甲', '乙', '丙', '丁', '戊']) p[name] = await makeAuxOfficer(t.ctx, station, `辅警${name}`);
    // Imported with only a 合同到期 date on the record, 25 days from today.
    p['导入'] = (
      await t.ctx.db.transaction().execute((trx) =>
        createPersonRecord(
          trx,
          t.ctx,
          {
            kind: 'auxiliary',
            name: '辅警导入',
            idNumber: makeIdNumber('330106', '1996-02-02', 901),
            orgId: station,
            auxCategory: '勤务辅警',
            contractEnd: '2026-06-26',
          },
          '2022-01-01',
        ),
      )
    ).id;
  });
  afterAll(() => t.close());

  const grid = async (id: string) => {
    const res = await city.get(`${BASE}/assessment-months/${id}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const open = async (orgId: string, month: string, fundFen: number) => {
    const res = await city.post(`${BASE}/assessment-months`, { orgId, month, fundFen });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };

  it('grades and pays nobody twice in a month when a branch and its station both open it', async () => {
    const byBranch = await open(branch, '2026-03', 1_000_000);
    const byStation = await open(station, '2026-03', 1_000_000);
    expect((await grid(byStation)).rows).toHaveLength(6);
    const saved = await city.put(`${BASE}/assessment-months/${byBranch}/entries`, {
      entries: [{ personId: p['甲'], grade: 'qualified', score: null }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    // The station's roster no longer offers 甲, and grading 甲 there is refused.
    expect((await grid(byStation)).rows.map((r: { personId: string }) => r.personId)).not.toContain(p['甲']);
    const twice = await city.put(`${BASE}/assessment-months/${byStation}/entries`, {
      entries: [{ personId: p['甲'], grade: 'excellent', score: null }],
    });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.code).toBe('AUX_GRADED_ELSEWHERE');
    expect(twice.json().error.message).toContain('上城分局');
  });

  it('keeps the 优秀 quota of the grade table in force, and lets 以罚补奖 fund rewards from penalties', async () => {
    const id = await open(station, '2026-04', 10_000_000);
    const entries = ['甲', '乙', '丙', '丁', '戊', '导入'].map((n, i) => ({
      personId: p[n],
      grade: i < 2 ? 'excellent' : i === 5 ? 'unqualified' : 'qualified',
      score: null,
    }));
    await city.put(`${BASE}/assessment-months/${id}/entries`, { entries });
    const g = await grid(id);
    // Default table (evidence U): at most 20 % 优秀 → 1 of 6.
    expect(g.quota).toEqual({ allowed: 1, count: 2, fits: false });
    const refused = await city.post(`${BASE}/assessment-months/${id}/confirm`);
    expect(refused.json().error).toMatchObject({ code: 'AUX_EXCELLENT_QUOTA', details: { allowed: 1, count: 2 } });
    expect((await grid(id)).status).toBe('draft');
    await city.put(`${BASE}/assessment-months/${id}/entries`, { entries: [{ personId: p['乙'], grade: 'qualified', score: null }] });
    expect((await city.post(`${BASE}/assessment-months/${id}/confirm`)).statusCode).toBe(200);

    // 以罚补奖 as a new version of the grade table: a penalty of 200 adds to the fund's room.
    const table = {
      effectiveFrom: '2026-05-01',
      evidence: 'U',
      value: {
        grades: [
          { code: 'excellent', label: '优秀', minScore: 90, amountFen: 50_000 },
          { code: 'qualified', label: '合格', minScore: 70, amountFen: 10_000 },
          { code: 'basic', label: '基本合格', minScore: 60, amountFen: 0 },
          { code: 'unqualified', label: '不合格', minScore: 0, amountFen: -20_000 },
        ],
        excellentMaxShare: 0.2,
        fundMode: 'penaltiesFundRewards',
      },
    };
    expect((await city.post(`${BASE}/rules/grade-table`, table)).statusCode).toBe(201);
    const may = await open(station, '2026-05', 90_000);
    await city.put(`${BASE}/assessment-months/${may}/entries`, { entries });
    await city.put(`${BASE}/assessment-months/${may}/entries`, { entries: [{ personId: p['乙'], grade: 'qualified', score: null }] });
    // Rewards 50 000 + 4 × 10 000 = 90 000 fit 90 000; under 'separate' they would too — make it tight:
    await city.put(`${BASE}/assessment-months/${may}/fund`, { fundFen: 70_000 });
    const tight = await grid(may);
    expect(tight.fundMode).toBe('penaltiesFundRewards');
    expect(tight.fund).toMatchObject({ drawnFen: 90_000, deductedFen: 20_000, fundFen: 70_000, fits: true, overFen: 0 });
    expect((await city.post(`${BASE}/assessment-months/${may}/confirm`)).statusCode).toBe(200);
  });

  it('sets probation within 劳动合同法 第十九条 and flags the open-ended right on renewal (第十四条)', async () => {
    const short = await city.post(`${BASE}/officers/${p['丙']}/contracts`, {
      kind: 'fixed',
      startDate: '2016-01-01',
      endDate: '2016-06-30',
      probationMonths: 3,
    });
    expect(short.json().error).toMatchObject({ code: 'AUX_PROBATION_TOO_LONG', details: { max: 1 } });
    const first = await city.post(`${BASE}/officers/${p['丙']}/contracts`, { kind: 'fixed', startDate: '2016-01-01' });
    expect(first.statusCode, first.body).toBe(201);
    let detail = (await city.get(`${BASE}/officers/${p['丙']}`)).json();
    expect(detail.contracts[0]).toMatchObject({ endDate: '2018-12-31', probationEnd: '2016-03-31' });
    // Second fixed term: no right yet (one fixed term so far, two years of service).
    const second = await city.post(`${BASE}/contracts/${first.json().id}/renew`, { endDate: '2026-06-20' });
    expect(second.statusCode, second.body).toBe(201);
    detail = (await city.get(`${BASE}/officers/${p['丙']}`)).json();
    expect(detail.contracts[0]).toMatchObject({ probationEnd: null, openEndedReasons: [] });
    // It ends within the window: the reminder says a renewal must offer an open-ended contract.
    const todo = (await city.get(`${BASE}/contracts/reminders`)).json();
    expect(todo.items.find((i: { personId: string }) => i.personId === p['丙'])).toMatchObject({ openEndedRight: true, daysLeft: 19 });
    const fixed = await city.post(`${BASE}/contracts/${second.json().id}/renew`, { kind: 'fixed' });
    expect(fixed.statusCode).toBe(409);
    expect(fixed.json().error.code).toBe('AUX_OPEN_ENDED_RIGHT');
    const chosen = await city.post(`${BASE}/contracts/${second.json().id}/renew`, { kind: 'fixed', workerChoseFixedTerm: true });
    expect(chosen.statusCode, chosen.body).toBe(201);
    detail = (await city.get(`${BASE}/officers/${p['丙']}`)).json();
    expect(detail.contracts[0]).toMatchObject({ openEndedReasons: ['tenYears', 'twoFixedTerms'], workerChoseFixedTerm: true });
  });

  it('records contract expiry as 合同期满 with its 经济补偿, not as a resignation', async () => {
    await city.post(`${BASE}/officers/${p['丁']}/contracts`, { kind: 'fixed', startDate: '2022-11-01', endDate: '2026-05-31' });
    const res = await city.post(`${BASE}/officers/${p['丁']}/exit`, {
      kind: 'contract_end',
      exitDate: '2026-05-31',
      reason: '合同期满不再续订',
      compensationWageFen: 500_000,
    });
    expect(res.statusCode, res.body).toBe(201);
    const detail = (await city.get(`${BASE}/officers/${p['丁']}`)).json();
    expect(detail.status).toBe('contract_ended');
    // 3 years 6 months: 3 + 1 (six months or more count as a year) = 4 months' wage.
    expect(detail.exits[0]).toMatchObject({ kind: 'contract_end', compensationMonths: 4, compensationFen: 2_000_000 });
    // Still on the May roster (served until the 31st), not on June's.
    const june = await open(station, '2026-06', 1_000_000);
    expect((await grid(june)).rows.map((r: { personId: string }) => r.personId)).not.toContain(p['丁']);
  });

  it('shows the same due contracts in the list, 到期提醒 and the to-do count, and no 0.00 pay without a pay grade', async () => {
    const list = (await city.get(`${BASE}/officers?orgId=${station}`)).json();
    expect(list.reminderDays).toBe(60);
    const imported = list.items.find((i: { id: string }) => i.id === p['导入']);
    expect(imported).toMatchObject({ contractEnd: '2026-06-26', contractDue: true, grossFen: null, netBeforeTaxFen: null });
    const todo = (await city.get(`${BASE}/contracts/reminders`)).json();
    expect(todo.items.find((i: { personId: string }) => i.personId === p['导入'])).toMatchObject({
      contractId: null,
      endDate: '2026-06-26',
      daysLeft: 25,
    });
    const due = list.items
      .filter((i: { contractDue: boolean }) => i.contractDue)
      .map((i: { id: string }) => i.id)
      .sort();
    expect(todo.items.map((i: { personId: string }) => i.personId).sort()).toEqual(due);
    expect((await city.get(`${BASE}/contracts/reminders/count`)).json().count).toBe(due.length);
    // With a pay grade the estimate is real money.
    expect((await city.post(`${BASE}/officers/${p['戊']}/pay-grades`, { grade: '七级', startDate: '2026-01-01' })).statusCode).toBe(201);
    const priced = (await city.get(`${BASE}/officers?orgId=${station}`)).json().items.find((i: { id: string }) => i.id === p['戊']);
    expect(priced.grossFen).toBeGreaterThan(0);
    expect(priced.netBeforeTaxFen).toBeGreaterThan(0);
  });
});
