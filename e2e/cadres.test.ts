import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../packages/core/src/personnel/id-number.ts';
import { LoginPage } from './pom/LoginPage.ts';
import { TodoCenterPage } from './pom/TodoCenterPage.ts';
import { ApiClient } from './support/api.ts';
import { launchBrowser, snap } from './support/browser.ts';
import { docxText } from './support/docx-text.ts';
import { startServer, type RunningServer } from './support/server.ts';

const PASSWORD = 'Zhenggong#2026';
const INITIAL = 'Initial#Pass1';
const DAY = 86_400_000;

/** Beijing's date of an instant (the server counts years in grade on Beijing dates). */
const beijing = (ms: number) => new Date(ms + 8 * 3_600_000).toISOString().slice(0, 10);

/**
 * A grade promotion from the due list to the record: the political office finds an officer due
 * this month with the reason, opens a promotion case; the city approves, the public notice runs
 * its working days, the city approves again; the grade history and the 任免审批表 show the new grade.
 */
describe('cadres: due list → promotion case → notice → approval → grade history, in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let laptop: BrowserContext;
  let phone: BrowserContext;
  let staff: Page;
  let staffPhone: Page;
  let approver: Page;
  let sys: ApiClient;
  let staffApi: ApiClient;
  let personId = '';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zg-cadres-'));
  const clockFile = path.join(dir, 'clock-offset-ms');
  const today = beijing(Date.now());
  const month = today.slice(0, 7);
  const twoYearsAgo = `${Number(today.slice(0, 4)) - 2}${today.slice(4, 7)}-01`;

  const login = async (page: Page, user: string) => {
    const l = new LoginPage(page, server.url);
    await l.open();
    await l.login(user, PASSWORD);
    await page.getByTestId('current-user').waitFor();
  };

  beforeAll(async () => {
    server = await startServer({ TEST_CLOCK_FILE: clockFile });
    sys = new ApiClient(server.url);
    await sys.firstLogin('sysadmin', server.initialPasswords.sysadmin as string, PASSWORD);
    const root = (await sys.call<{ id: string }[]>('GET', '/api/v1/orgs/tree'))[0]!.id;
    const branch = (
      await sys.call<{ id: string }>('POST', '/api/v1/orgs', { name: '上城分局', parentId: root, type: 'branch', isUnit: true })
    ).id;
    const office = (
      await sys.call<{ id: string }>('POST', '/api/v1/orgs', { name: '政治处', parentId: branch, type: 'department', isUnit: false })
    ).id;
    const station = (
      await sys.call<{ id: string }>('POST', '/api/v1/orgs', { name: '湖滨派出所', parentId: branch, type: 'station', isUnit: true })
    ).id;
    const staffUser = await sys.call<{ id: string }>('POST', '/api/v1/users', {
      username: 'zhengzhichu',
      displayName: '政治处李科长',
      orgId: office,
      password: INITIAL,
    });
    const cityUser = await sys.call<{ id: string }>('POST', '/api/v1/users', {
      username: 'zhengzhibu',
      displayName: '市局政治部王主任',
      orgId: root,
      password: INITIAL,
    });
    const sec = new ApiClient(server.url);
    await sec.firstLogin('secadmin', server.initialPasswords.secadmin as string, PASSWORD);
    const perms = [
      'workflow:calendar',
      'org:read',
      'personnel:read',
      'personnel:write',
      'personnel:export',
      'cadres:read',
      'cadres:write',
      'cadres:approve',
      'cadres:simulate',
    ];
    const branchRole = await sec.call<{ id: string }>('POST', '/api/v1/roles', {
      code: 'branch_cadres',
      name: '分局政治处',
      permissions: perms,
      dataScope: 'org_and_below',
      scopeOrgIds: [],
    });
    const cityRole = await sec.call<{ id: string }>('POST', '/api/v1/roles', {
      code: 'city_cadres',
      name: '市局政治部',
      permissions: perms,
      dataScope: 'all',
      scopeOrgIds: [],
    });
    await sec.call('PUT', `/api/v1/users/${staffUser.id}/roles`, { roleIds: [branchRole.id] });
    await sec.call('PUT', `/api/v1/users/${cityUser.id}/roles`, { roleIds: [cityRole.id] });
    staffApi = new ApiClient(server.url);
    await staffApi.firstLogin('zhengzhichu', INITIAL, PASSWORD);
    await staffApi.ensureNextYearCalendar();
    await new ApiClient(server.url).firstLogin('zhengzhibu', INITIAL, PASSWORD);
    // 四级警长 since the first of this month two years ago, rated 称职 both years: due this month.
    personId = (
      await staffApi.call<{ id: string }>('POST', '/api/v1/personnel/people', {
        kind: 'officer',
        name: '王建国',
        idNumber: makeIdNumber('330102', '1986-05-05', 13),
        orgId: station,
        education: '21',
        post: '副所长',
        postLevel: '乡科级副职',
        officerLevel: '610',
        levelDate: twoYearsAgo,
        rank: '04',
        rankDate: `${Number(today.slice(0, 4)) - 1}-12-01`,
        policeStartDate: '2009-07-01',
      })
    ).id;
    for (const year of [Number(today.slice(0, 4)) - 2, Number(today.slice(0, 4)) - 1])
      await staffApi.call('POST', `/api/v1/cadres/people/${personId}/appraisals`, { year, grade: '称职' });

    browser = await launchBrowser();
    laptop = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    staff = await laptop.newPage();
    approver = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })).newPage();
    staffPhone = await phone.newPage();
    await login(staff, 'zhengzhichu');
    await login(approver, 'zhengzhibu');
    await login(staffPhone, 'zhengzhichu');
  }, 420_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the due list shows the officer with the reason, on a laptop and on a phone', async () => {
    await staff.goto(`${server.url}/cadres`);
    const row = staff.getByTestId('due-table').locator('.ant-table-row', { hasText: '王建国' }).first();
    await row.waitFor();
    expect(await row.textContent()).toContain('晋升三级警长须任现职级满2年；已计2年');
    expect(await row.textContent()).toContain('可晋升');
    await snap(staff, 'cadres-1-due-list');
    await staffPhone.goto(`${server.url}/cadres`);
    await staffPhone.getByTestId('due-table').locator('.ant-table-row', { hasText: '王建国' }).first().waitFor();
    await snap(staffPhone, 'cadres-2-due-list-phone');
    expect(month).toMatch(/^\d{4}-\d{2}$/);
  });

  it('opens the person and proposes the promotion', async () => {
    await staff.getByTestId('due-table').locator('.ant-table-row', { hasText: '王建国' }).first().click();
    const drawer = staff.locator('.ant-drawer-content');
    await drawer.getByTestId('eligibility-grade').waitFor();
    expect(await drawer.getByTestId('eligibility-grade').textContent()).toContain('四级警长 → 三级警长');
    await snap(staff, 'cadres-3-person-drawer');
    await drawer.getByTestId('propose-grade').click();
    await staff.getByText('已提交晋升案件，进入审核、公示、审批流程').waitFor();
    await drawer.getByText('办理中').waitFor();
    await snap(staff, 'cadres-4-case-opened');
  });

  it('the city reviews, the public notice runs its working days, the city approves', async () => {
    const todo = new TodoCenterPage(approver, server.url);
    await todo.open('pending');
    await todo.row('王建国 晋升三级警长').waitFor();
    await todo.row('王建国 晋升三级警长').click();
    await approver.getByTestId('case-history').waitFor();
    await snap(approver, 'cadres-5-review');
    await todo.act('同意', '任职年限、考核均符合条件');
    await approver.locator('.ant-drawer-content').getByText('任前公示').first().waitFor();
    await snap(approver, 'cadres-6-notice');
    // Past the notice's last working day: the scheduled due-work job (every 15 minutes on the
    // server's clock) ends the notice at its next tick, and the approval step reaches the city.
    fs.writeFileSync(clockFile, String(16 * DAY));
    await login(approver, 'zhengzhibu');
    const deadline = Date.now() + 90_000;
    for (;;) {
      await todo.open('pending');
      const found = await todo
        .row('王建国 晋升三级警长')
        .waitFor({ timeout: 5_000 })
        .then(() => true)
        .catch(() => false);
      if (found) break;
      if (Date.now() > deadline) throw new Error('the notice did not end');
    }
    await todo.row('王建国 晋升三级警长').click();
    await approver.getByTestId('case-history').getByText('公示期满').waitFor();
    await todo.act('同意', '党委会研究同意');
    await approver.locator('.ant-drawer-content').getByText('已通过').waitFor();
    await snap(approver, 'cadres-7-approved');
  });

  it('the grade history and the 任免审批表 show the new grade', async () => {
    await login(staff, 'zhengzhichu');
    await staff.goto(`${server.url}/cadres`);
    await staff.getByRole('tab', { name: '晋升案件' }).click();
    await staff.getByTestId('promotions-table').locator('.ant-table-row', { hasText: '已批准' }).waitFor();
    await snap(staff, 'cadres-8-cases');
    const profile = await (async () => {
      await staffApi.login('zhengzhichu', PASSWORD);
      return staffApi.call<{ person: { levelName: string }; gradeHistory: { name: string; endDate: string | null }[] }>(
        'GET',
        `/api/v1/cadres/people/${personId}`,
      );
    })();
    expect(profile.person.levelName).toBe('三级警长');
    expect(profile.gradeHistory.at(-1)).toMatchObject({ name: '三级警长', endDate: null });
    await staff.getByRole('tab', { name: '晋升到期提醒' }).click();
    await staff.goto(`${server.url}/personnel/${personId}`);
    await staff.getByText('三级警长').first().waitFor();
    await snap(staff, 'cadres-9-personnel-profile');
    const download = staff.waitForEvent('download');
    await staff.evaluate((url) => {
      const a = document.createElement('a');
      a.href = url;
      a.download = 'form.docx';
      document.body.appendChild(a);
      a.click();
    }, `${server.url}/api/v1/personnel/people/${personId}/appointment-form.docx`);
    const file = path.join(dir, 'form.docx');
    await (await download).saveAs(file);
    const text = await docxText(file);
    expect(text).toContain('三级警长（');
    expect(text).toContain('乡科级副职');
  });

  it("personnel's form shows and edits 职级任职时间 and 职务层次, refusing a grade held before starting work", async () => {
    await staff.goto(`${server.url}/personnel/${personId}`);
    const details = staff.getByTestId('person-profile');
    await details.locator('.ant-descriptions-item-label', { hasText: '职务层次' }).waitFor();
    expect(await details.locator('.ant-descriptions-row', { hasText: '职务层次' }).textContent()).toContain('乡科级副职');
    expect(await details.locator('.ant-descriptions-row', { hasText: '职级任职时间' }).textContent()).toMatch(/职级任职时间\d{4}-\d{2}/);
    await staff.getByRole('button', { name: '编辑' }).click();
    const drawer = staff.locator('.ant-drawer-content');
    const setDate = async (label: string, value: string) => {
      const input = drawer.getByLabel(label);
      await input.click();
      await input.fill(value);
      await input.press('Enter');
    };
    await setDate('参加工作时间', '2009-07-01');
    await setDate('职级任职时间', '2008-05-01');
    await drawer.getByLabel('职务层次').fill('乡科级正职');
    await drawer.getByRole('button', { name: '保存' }).click();
    await drawer.getByText('职级任职时间不能早于参加工作时间').waitFor();
    await snap(staff, 'cadres-10-personnel-form-refused');
    const since = `${Number(today.slice(0, 4)) - 1}-03-01`;
    await setDate('职级任职时间', since);
    await drawer.getByRole('button', { name: '保存' }).click();
    await staff.getByText('已保存').first().waitFor();
    await drawer.waitFor({ state: 'detached' });
    await details.locator('.ant-descriptions-row', { hasText: '乡科级正职' }).waitFor();
    expect(await details.locator('.ant-descriptions-row', { hasText: '职级任职时间' }).textContent()).toContain(since);
    await snap(staff, 'cadres-11-personnel-profile-fields');
    const saved = await staffApi.call<{ levelDate: string | null; postLevel: string | null; workStartDate: string | null }>(
      'GET',
      `/api/v1/personnel/people/${personId}`,
    );
    expect(saved).toMatchObject({ levelDate: since, postLevel: '乡科级正职', workStartDate: '2009-07-01' });
  });
});
