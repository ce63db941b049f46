import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrg, makeRole, makeUser } from '../../test-support/factories.ts';
import { createTestApp, dialects, login, type Client, type TestApp } from '../../test-support/test-app.ts';
import { multipartBody } from '../personnel/import/import-test-support.ts';
import { payoutColumns } from './payout-sheet.ts';
import { makeAuxOfficer } from './test-support.ts';

const BASE = '/api/v1/auxiliary';
const perms = ['auxiliary:read', 'auxiliary:write', 'auxiliary:assess', 'auxiliary:pay'];

describe.each(dialects)('auxiliary officers on %s', (dialect) => {
  let t: TestApp;
  let city: Client;
  let branchUser: Client;
  let branch: string;
  let station: string;
  let other: string;
  const people = {} as Record<'a' | 'b' | 'c' | 'd' | 'x', string>;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const root = await makeOrg(t.ctx, null, '示例市公安局', { type: 'city_bureau' });
    branch = await makeOrg(t.ctx, root, '上城分局');
    station = await makeOrg(t.ctx, branch, '清波派出所', { type: 'station' });
    other = await makeOrg(t.ctx, root, '拱墅分局');
    const cityRole = await makeRole(t.ctx, 'aux-city', perms, 'all');
    const branchRole = await makeRole(t.ctx, 'aux-branch', perms, 'org_and_below');
    await makeUser(t.ctx, 'auxcity', root, 'Aux#Pass12345', [cityRole]);
    await makeUser(t.ctx, 'auxbranch', branch, 'Aux#Pass12345', [branchRole]);
    city = await login(t.app, 'auxcity', 'Aux#Pass12345');
    branchUser = await login(t.app, 'auxbranch', 'Aux#Pass12345');
    for (const [key, name, org] of [
      ['a', '王芳', station],
      ['b', '李强', station],
      ['c', '赵敏', station],
      ['d', '孙磊', branch],
      ['x', '周杰', other],
    ] as const) {
      people[key] = await makeAuxOfficer(t.ctx, org, name);
    }
  });
  afterAll(() => t.close());

  it('lists only auxiliary officers in scope, and answers 404 for one outside it', async () => {
    const mine = (await branchUser.get(`${BASE}/officers`)).json();
    expect(mine.items.map((i: { name: string }) => i.name).sort()).toEqual(['孙磊', '李强', '王芳', '赵敏'].sort());
    expect((await branchUser.get(`${BASE}/officers/${people.x}`)).statusCode).toBe(404);
    expect((await city.get(`${BASE}/officers?orgId=${other}`)).json().total).toBe(1);
  });

  it('creates contracts, reminds of those ending soon, renews into a new row', async () => {
    // The clock stands at 2026-05-31T23:30Z, already 2026-06-01 in Beijing; the default reminder
    // window is 60 days.
    const soon = await branchUser.post(`${BASE}/officers/${people.a}/contracts`, {
      kind: 'fixed',
      startDate: '2023-07-01',
      endDate: '2026-06-30',
    });
    expect(soon.statusCode, soon.body).toBe(201);
    const later = await branchUser.post(`${BASE}/officers/${people.b}/contracts`, { kind: 'fixed', startDate: '2025-01-01' });
    expect(later.statusCode, later.body).toBe(201);
    const twice = await branchUser.post(`${BASE}/officers/${people.a}/contracts`, { kind: 'fixed', startDate: '2026-07-01' });
    expect(twice.json().error.code).toBe('AUX_CONTRACT_ACTIVE');
    const badDates = await branchUser.post(`${BASE}/officers/${people.c}/contracts`, {
      kind: 'fixed',
      startDate: '2026-07-01',
      endDate: '2026-01-01',
    });
    expect(badDates.json().error.code).toBe('AUX_CONTRACT_DATES');

    const todo = (await branchUser.get(`${BASE}/contracts/reminders`)).json();
    expect(todo.days).toBe(60);
    expect(todo.today).toBe('2026-06-01');
    expect(todo.items).toHaveLength(1);
    expect(todo.items[0]).toMatchObject({ name: '王芳', endDate: '2026-06-30', daysLeft: 29 });
    expect((await branchUser.get(`${BASE}/contracts/reminders/count`)).json()).toMatchObject({ count: 1, overdue: 0 });
    // The first contract ran three years by default (settings), so it is not due yet…
    const wide = (await branchUser.get(`${BASE}/contracts/reminders?days=730`)).json();
    expect(wide.items.map((i: { name: string; endDate: string }) => [i.name, i.endDate])).toEqual([
      ['王芳', '2026-06-30'],
      ['李强', '2027-12-31'],
    ]);
    // …and the window is a setting with an effective date.
    const settings = await city.post(`${BASE}/rules/settings`, {
      effectiveFrom: '2026-01-01',
      value: { contractReminderDays: 20, firstContractYears: 3, renewalYears: 2 },
    });
    expect(settings.statusCode, settings.body).toBe(201);
    expect((await branchUser.get(`${BASE}/contracts/reminders/count`)).json().count).toBe(0);

    const renewed = await branchUser.post(`${BASE}/contracts/${soon.json().id}/renew`, {});
    expect(renewed.statusCode, renewed.body).toBe(201);
    const detail = (await branchUser.get(`${BASE}/officers/${people.a}`)).json();
    expect(detail.contracts.map((c: { status: string; startDate: string; endDate: string }) => [c.status, c.startDate, c.endDate])).toEqual(
      [
        ['active', '2026-07-01', '2028-06-30'],
        ['renewed', '2023-07-01', '2026-06-30'],
      ],
    );
    expect(detail.contractEnd).toBe('2028-06-30');
    const person = await t.ctx.db.selectFrom('person').select('contract_end').where('id', '=', people.a).executeTakeFirstOrThrow();
    expect(person.contract_end).toBe('2028-06-30');
    expect((await branchUser.post(`${BASE}/contracts/${soon.json().id}/renew`, {})).json().error.code).toBe('AUX_CONTRACT_NOT_ACTIVE');
  });

  it('refuses rule changes from a caller without city-wide scope', async () => {
    const res = await branchUser.post(`${BASE}/rules/grade-table`, {
      effectiveFrom: '2026-01-01',
      value: {
        grades: [
          { code: 'excellent', label: '优秀', minScore: 90, amountFen: 1 },
          { code: 'qualified', label: '合格', minScore: 70, amountFen: 1 },
          { code: 'basic', label: '基本合格', minScore: 60, amountFen: 1 },
          { code: 'unqualified', label: '不合格', minScore: 0, amountFen: 1 },
        ],
      },
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('AUX_RULE_SCOPE');
  });

  it('monthly payout: amounts follow the grade table, the fund limit is enforced, the sheet matches', async () => {
    // A dated grade table: the May version differs from the default, so the amounts prove which one applied.
    const table = {
      effectiveFrom: '2026-05-01',
      value: {
        grades: [
          { code: 'excellent', label: '优秀', minScore: 90, amountFen: 100_000 },
          { code: 'qualified', label: '合格', minScore: 75, amountFen: 60_000 },
          { code: 'basic', label: '基本合格', minScore: 60, amountFen: 25_050 },
          { code: 'unqualified', label: '不合格', minScore: 0, amountFen: -10_000 },
        ],
      },
    };
    expect((await city.post(`${BASE}/rules/grade-table`, table)).statusCode).toBe(201);
    const later = { ...table, effectiveFrom: '2026-07-01', value: { grades: table.value.grades.map((g) => ({ ...g, amountFen: 1 })) } };
    expect((await city.post(`${BASE}/rules/grade-table`, later)).statusCode).toBe(201);

    const opened = await branchUser.post(`${BASE}/assessment-months`, { orgId: branch, month: '2026-05', fundFen: 150_000 });
    expect(opened.statusCode, opened.body).toBe(201);
    const id = opened.json().id;
    expect((await branchUser.post(`${BASE}/assessment-months`, { orgId: branch, month: '2026-05', fundFen: 1 })).json().error.code).toBe(
      'AUX_MONTH_EXISTS',
    );
    expect((await branchUser.post(`${BASE}/assessment-months`, { orgId: other, month: '2026-05', fundFen: 1 })).statusCode).toBe(404);

    const grid0 = (await branchUser.get(`${BASE}/assessment-months/${id}`)).json();
    expect(grid0.rows).toHaveLength(4);
    expect(grid0.gradeTable.effectiveFrom).toBe('2026-05-01');
    expect((await branchUser.post(`${BASE}/assessment-months/${id}/confirm`)).json().error.code).toBe('AUX_MONTH_INCOMPLETE');
    const outsider = await branchUser.put(`${BASE}/assessment-months/${id}/entries`, {
      entries: [{ personId: people.x, grade: 'excellent', score: null }],
    });
    expect(outsider.json().error.code).toBe('AUX_PERSON_NOT_IN_UNIT');

    const saved = await branchUser.put(`${BASE}/assessment-months/${id}/entries`, {
      entries: [
        { personId: people.a, grade: 'excellent', score: null },
        { personId: people.b, grade: null, score: 80 },
        { personId: people.c, grade: 'basic', score: null },
        { personId: people.d, grade: 'unqualified', score: null, note: '旷工' },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const grid = saved.json();
    const amounts = Object.fromEntries(
      grid.rows.map((r: { personId: string; grade: string; amountFen: number }) => [r.personId, [r.grade, r.amountFen]]),
    );
    expect(amounts).toEqual({
      [people.a]: ['excellent', 100_000],
      [people.b]: ['qualified', 60_000],
      [people.c]: ['basic', 25_050],
      [people.d]: ['unqualified', -10_000],
    });
    expect(grid.fund).toMatchObject({ drawnFen: 185_050, deductedFen: 10_000, fundFen: 150_000, overFen: 35_050, fits: false });

    // Over the fund: refused with the figures, nothing locked.
    const refused = await branchUser.post(`${BASE}/assessment-months/${id}/confirm`);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'AUX_FUND_EXCEEDED',
      details: { drawnFen: 185_050, fundFen: 150_000, overFen: 35_050 },
    });
    expect((await branchUser.get(`${BASE}/assessment-months/${id}`)).json().status).toBe('draft');
    expect((await branchUser.get(`${BASE}/assessment-months/${id}/payout-sheet.xlsx`)).json().error.code).toBe('AUX_MONTH_NOT_CONFIRMED');

    // Exactly at the limit fits.
    expect((await branchUser.put(`${BASE}/assessment-months/${id}/fund`, { fundFen: 185_050 })).json().fund.fits).toBe(true);
    const confirmed = await branchUser.post(`${BASE}/assessment-months/${id}/confirm`);
    expect(confirmed.statusCode, confirmed.body).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', confirmedByName: 'auxbranch' });
    expect(
      (
        await branchUser.put(`${BASE}/assessment-months/${id}/entries`, { entries: [{ personId: people.a, grade: 'basic', score: null }] })
      ).json().error.code,
    ).toBe('AUX_MONTH_CONFIRMED');
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select(['event_type', 'actor_name'])
      .where('event_type', '=', 'auxiliary.assessment.confirm')
      .execute();
    expect(audit).toEqual([{ event_type: 'auxiliary.assessment.confirm', actor_name: 'auxbranch' }]);

    // A later change of the table never touches a confirmed month.
    await city.post(`${BASE}/rules/grade-table`, {
      ...table,
      effectiveFrom: '2026-05-15',
      value: { grades: table.value.grades.map((g) => ({ ...g, amountFen: 7 })) },
    });
    const frozen = (await branchUser.get(`${BASE}/assessment-months/${id}`)).json();
    expect(frozen.rows.map((r: { amountFen: number }) => r.amountFen).sort((x: number, y: number) => x - y)).toEqual([
      -10_000, 25_050, 60_000, 100_000,
    ]);

    // The sheet read back matches the computed payouts.
    const sheet = await branchUser.get(`${BASE}/assessment-months/${id}/payout-sheet.xlsx`);
    expect(sheet.statusCode).toBe(200);
    expect(sheet.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(sheet.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell(1, 1).value)).toBe('上城分局 2026年5月 辅警月度考核奖惩金发放表');
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual([...payoutColumns]);
    const labels: Record<string, string> = { excellent: '优秀', qualified: '合格', basic: '基本合格', unqualified: '不合格' };
    const expected = frozen.rows.map(
      (r: { orgName: string; name: string; idNumberMasked: string; grade: string; amountFen: number }, i: number) => [
        i + 1,
        r.orgName,
        r.name,
        r.idNumberMasked,
        labels[r.grade],
        r.amountFen / 100,
      ],
    );
    const read = frozen.rows.map((_: unknown, i: number) => (ws.getRow(4 + i).values as unknown[]).slice(1, 7));
    expect(read).toEqual(expected);
    for (const r of read) expect(String(r[3])).toMatch(/\*{4,}/);
    const total = ws.getRow(4 + frozen.rows.length);
    expect(total.getCell(1).value).toBe('合计');
    expect(total.getCell(6).value).toBe((100_000 + 60_000 + 25_050 - 10_000) / 100);
    expect(sheet.rawPayload.toString('latin1')).not.toContain('330106199504');
    const exported = await t.ctx.db
      .selectFrom('audit_log')
      .select('event_type')
      .where('event_type', '=', 'auxiliary.payout.export')
      .execute();
    expect(exported).toHaveLength(1);
  });

  it('imports grades from the filled template all-or-nothing, naming row and column of each problem', async () => {
    const id = (await branchUser.post(`${BASE}/assessment-months`, { orgId: station, month: '2026-04', fundFen: 500_000 })).json().id;
    const template = await branchUser.get(`${BASE}/assessment-months/${id}/template.xlsx`);
    expect(template.statusCode).toBe(200);
    const fill = async (grades: Record<string, [string, number | string]>) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
      const ws = wb.worksheets[0]!;
      ws.eachRow((row, n) => {
        const name = String(row.getCell(3).value ?? '');
        if (n > 2 && grades[name]) {
          row.getCell(5).value = grades[name][0];
          row.getCell(6).value = grades[name][1];
        }
      });
      return Buffer.from(await wb.xlsx.writeBuffer());
    };
    const upload = async (file: Buffer) =>
      branchUser.request({ method: 'POST', url: `${BASE}/assessment-months/${id}/import`, ...multipartBody(file, '评定.xlsx') });

    const bad = await upload(await fill({ 王芳: ['优异', ''], 李强: ['', 'abc'], 赵敏: ['合格', ''] }));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('AUX_IMPORT_INVALID');
    const problems = bad
      .json()
      .error.details.problems.map((p: { row: number; column: string; code: string }) => `${p.column}:${p.code}`)
      .sort();
    expect(problems).toEqual(['E:unknown_grade', 'F:bad_score']);
    const untouched = await t.ctx.db.selectFrom('aux_assessment_entry').select('id').where('month_id', '=', id).execute();
    expect(untouched).toHaveLength(0);

    const ok = await upload(await fill({ 王芳: ['优秀', ''], 李强: ['', 72], 赵敏: ['基本合格', 95] }));
    expect(ok.statusCode, ok.body).toBe(200);
    // April uses the default table (the May version is not yet in force): 800 / 500 / 200 yuan.
    expect(
      ok
        .json()
        .rows.map((r: { name: string; grade: string; amountFen: number }) => [r.name, r.grade, r.amountFen])
        .sort(),
    ).toEqual(
      [
        ['李强', 'qualified', 50_000],
        ['王芳', 'excellent', 80_000],
        ['赵敏', 'basic', 20_000],
      ].sort(),
    );
    const notXlsx = await upload(Buffer.from('not a spreadsheet'));
    expect(notXlsx.statusCode).toBe(400);
  });

  it('keeps pay grade history, previews a bulk raise and applies it from a date', async () => {
    for (const [k, g] of [
      ['a', '五级'],
      ['b', '七级'],
      ['c', '七级'],
    ] as const) {
      const res = await branchUser.post(`${BASE}/officers/${people[k]}/pay-grades`, { grade: g, startDate: '2026-01-01' });
      expect(res.statusCode, res.body).toBe(201);
    }
    expect(
      (await branchUser.post(`${BASE}/officers/${people.a}/pay-grades`, { grade: '九级', startDate: '2026-02-01' })).json().error.code,
    ).toBe('AUX_PAY_GRADE_UNKNOWN');
    expect(
      (await branchUser.post(`${BASE}/officers/${people.a}/pay-grades`, { grade: '四级', startDate: '2025-12-01' })).json().error.code,
    ).toBe('AUX_PAY_DATE');

    const request = { effectiveDate: '2026-07-01', filter: { orgId: station, grades: ['七级'] }, change: { kind: 'percent', percent: 5 } };
    const preview = await branchUser.post(`${BASE}/pay-adjustments/preview`, request);
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json();
    // 七级 default: 3,200 base + 300 post + 300 transport = 3,800 yuan; +5% = 190 yuan.
    expect(
      p.rows
        .map((r: { name: string; grossBeforeFen: number; grossAfterFen: number }) => [r.name, r.grossBeforeFen, r.grossAfterFen])
        .sort(),
    ).toEqual([
      ['李强', 380_000, 399_000],
      ['赵敏', 380_000, 399_000],
    ]);
    expect(p.totals).toMatchObject({ people: 2, beforeFen: 760_000, afterFen: 798_000 });
    const unchanged = await t.ctx.db.selectFrom('aux_pay_grade').select('id').execute();
    expect(unchanged).toHaveLength(3);

    expect((await branchUser.post(`${BASE}/pay-adjustments`, { ...request, expectedAfterTotalFen: 1 })).json().error.code).toBe(
      'AUX_PREVIEW_STALE',
    );
    const applied = await branchUser.post(`${BASE}/pay-adjustments`, { ...request, expectedAfterTotalFen: 798_000 });
    expect(applied.statusCode, applied.body).toBe(201);
    const b = (await branchUser.get(`${BASE}/officers/${people.b}`)).json();
    expect(
      b.payGrades.map((g: { grade: string; personalAdjustFen: number; startDate: string; endDate: string | null }) => [
        g.grade,
        g.personalAdjustFen,
        g.startDate,
        g.endDate,
      ]),
    ).toEqual([
      ['七级', 19_000, '2026-07-01', null],
      ['七级', 0, '2026-01-01', '2026-07-01'],
    ]);
    // The estimate today (June) still uses the old pay; May's assessment is not June's.
    expect(b.payEstimate).toMatchObject({ grade: '七级', grossFen: 380_000, assessmentFen: 0 });
    // 3,800 yuan is below the default contribution floor of 4,000, so insurance is paid on 4,000.
    expect(b.payEstimate).toMatchObject({ insuranceBaseFen: 400_000, personalInsuranceFen: 400_000 * (0.08 + 0.02 + 0.005 + 0.12) });

    // A new scale binds the whole city: a branch may preview it but not apply it.
    const scale = {
      grades: [
        { code: '七级', basePayFen: 400_000, allowances: [] },
        { code: '五级', basePayFen: 500_000, allowances: [] },
      ],
    };
    const scaleReq = { effectiveDate: '2026-08-01', filter: { orgId: station }, change: { kind: 'scale', scale } };
    const sp = (await branchUser.post(`${BASE}/pay-adjustments/preview`, scaleReq)).json();
    expect(sp.totals).toMatchObject({ people: 3, afterFen: 500_000 + 2 * (400_000 + 19_000) });
    expect(
      (await branchUser.post(`${BASE}/pay-adjustments`, { ...scaleReq, expectedAfterTotalFen: sp.totals.afterFen })).json().error.code,
    ).toBe('AUX_RULE_SCOPE');
    expect((await city.post(`${BASE}/pay-adjustments`, { ...scaleReq, expectedAfterTotalFen: sp.totals.afterFen })).statusCode).toBe(201);
    const scales = (await city.get(`${BASE}/rules/pay-scale?date=2026-08-01`)).json();
    expect(scales.inForce.effectiveFrom).toBe('2026-08-01');
    expect((await branchUser.post(`${BASE}/pay-adjustments/preview`, { ...request, filter: { orgId: other } })).statusCode).toBe(404);
  });

  it('records uniforms with their next due date', async () => {
    const res = await branchUser.post(`${BASE}/officers/${people.c}/uniforms`, {
      item: '春秋执勤服',
      size: '175/92A',
      quantity: 2,
      issueDate: '2025-06-15',
      nextDueDate: '2026-06-15',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(
      (
        await branchUser.post(`${BASE}/officers/${people.c}/uniforms`, {
          item: '帽子',
          quantity: 1,
          issueDate: '2026-01-01',
          nextDueDate: '2025-01-01',
        })
      ).json().error.code,
    ).toBe('AUX_UNIFORM_DATES');
    const due = (await branchUser.get(`${BASE}/uniforms/due`)).json();
    expect(due.map((d: { name: string; item: string }) => [d.name, d.item])).toEqual([['赵敏', '春秋执勤服']]);
    expect((await branchUser.get(`${BASE}/officers/${people.c}`)).json().uniforms).toHaveLength(1);
  });

  it('exit changes the person status through personnel history and closes the contract', async () => {
    const res = await branchUser.post(`${BASE}/officers/${people.b}/exit`, {
      kind: 'resignation',
      exitDate: '2026-06-20',
      reason: '个人原因辞职',
    });
    expect(res.statusCode, res.body).toBe(201);
    const person = await t.ctx.db
      .selectFrom('person')
      .select(['status', 'status_date'])
      .where('id', '=', people.b)
      .executeTakeFirstOrThrow();
    expect(person).toEqual({ status: 'resigned', status_date: '2026-06-20' });
    const history = await t.ctx.db
      .selectFrom('person_status_history')
      .select(['status', 'start_date'])
      .where('person_id', '=', people.b)
      .orderBy('start_date')
      .execute();
    expect(history.at(-1)).toEqual({ status: 'resigned', start_date: '2026-06-20' });
    const contract = await t.ctx.db
      .selectFrom('aux_contract')
      .select(['status', 'ended_date', 'end_reason'])
      .where('person_id', '=', people.b)
      .executeTakeFirstOrThrow();
    expect(contract).toEqual({ status: 'ended', ended_date: '2026-06-20', end_reason: '个人原因辞职' });
    expect(
      (await branchUser.post(`${BASE}/officers/${people.b}/exit`, { kind: 'dismissal', exitDate: '2026-06-21', reason: 'x' })).json().error
        .code,
    ).toBe('AUX_NOT_SERVING');
    expect((await branchUser.get(`${BASE}/officers`)).json().items.map((i: { name: string }) => i.name)).not.toContain('李强');
    expect((await branchUser.get(`${BASE}/officers?status=left`)).json().items.map((i: { name: string }) => i.name)).toEqual(['李强']);
  });
});
