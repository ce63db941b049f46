import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../packages/core/src/personnel/id-number.ts';
import { LoginPage } from './pom/LoginPage.ts';
import { TodoCenterPage } from './pom/TodoCenterPage.ts';
import { ApiClient } from './support/api.ts';
import { launchBrowser, snap } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

const PASSWORD = 'Zhenggong#2026';
const INITIAL = 'Initial#Pass1';

/**
 * A correction request through the approvals workflow: an officer asks on a phone, the branch's
 * political office sees the bell count and the 待办 entry on a laptop and approves, and the
 * officer finds the result under 已办 — each step photographed.
 */
describe('correction approval journey in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let phone: BrowserContext;
  let laptop: BrowserContext;
  let officer: Page;
  let approver: Page;

  beforeAll(async () => {
    server = await startServer();
    const sys = new ApiClient(server.url);
    await sys.firstLogin('sysadmin', server.initialPasswords.sysadmin as string, PASSWORD);
    const root = (await sys.call<{ id: string }[]>('GET', '/api/v1/orgs/tree'))[0]!.id;
    const branch = (
      await sys.call<{ id: string }>('POST', '/api/v1/orgs', { name: '上城分局', parentId: root, type: 'branch', isUnit: true })
    ).id;
    const station = (
      await sys.call<{ id: string }>('POST', '/api/v1/orgs', { name: '湖滨派出所', parentId: branch, type: 'station', isUnit: true })
    ).id;
    const officerUser = await sys.call<{ id: string }>('POST', '/api/v1/users', {
      username: 'wangfang',
      displayName: '王芳',
      orgId: station,
      password: INITIAL,
    });
    const approverUser = await sys.call<{ id: string }>('POST', '/api/v1/users', {
      username: 'zhengzhichu',
      displayName: '政治处张科长',
      orgId: branch,
      password: INITIAL,
    });
    const sec = new ApiClient(server.url);
    await sec.firstLogin('secadmin', server.initialPasswords.secadmin as string, PASSWORD);
    const role = await sec.call<{ id: string }>('POST', '/api/v1/roles', {
      code: 'branch_political',
      name: '分局政治处',
      permissions: ['org:read', 'personnel:read', 'personnel:write', 'personnel:approve', 'workflow:calendar'],
      dataScope: 'org_and_below',
      scopeOrgIds: [],
    });
    await sec.call('PUT', `/api/v1/users/${approverUser.id}/roles`, { roleIds: [role.id] });
    const staff = new ApiClient(server.url);
    await staff.firstLogin('zhengzhichu', INITIAL, PASSWORD);
    const person = await staff.call<{ id: string }>('POST', '/api/v1/personnel/people', {
      kind: 'officer',
      name: '王芳',
      idNumber: makeIdNumber('330102', '1992-04-04', 12),
      orgId: station,
      education: '本科',
    });
    await staff.call('PUT', `/api/v1/personnel/people/${person.id}/account`, { userId: officerUser.id });
    await new ApiClient(server.url).firstLogin('wangfang', INITIAL, PASSWORD);

    browser = await launchBrowser();
    phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    laptop = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
    officer = await phone.newPage();
    approver = await laptop.newPage();
    for (const [page, user] of [
      [officer, 'wangfang'],
      [approver, 'zhengzhichu'],
    ] as const) {
      const login = new LoginPage(page, server.url);
      await login.open();
      await login.login(user, PASSWORD);
      await page.getByTestId('current-user').waitFor();
    }
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('an officer requests a correction on a phone', async () => {
    await officer.goto(`${server.url}/me`);
    await officer.getByRole('button', { name: '申请更正' }).click();
    const drawer = officer.locator('.ant-drawer-content');
    await drawer.getByLabel('学位').fill('法学学士');
    await drawer.getByLabel('更正理由').fill('学位漏填');
    await drawer.getByRole('button', { name: '提交申请' }).click();
    // The toast lasts three seconds; the request's row in 我的更正申请 stays.
    await drawer.waitFor({ state: 'detached' });
    const request = officer.getByTestId('my-profile').locator('.ant-table-row').filter({ hasText: '学位漏填' });
    await request.waitFor();
    expect(await request.textContent()).toContain('待审核');
    await snap(officer, 'workflow-1-officer-requests-on-phone');
  });

  it('the branch approver sees the bell count and the 待办 entry, and approves', async () => {
    await approver.goto(`${server.url}/`);
    const count = approver.getByTestId('notification-count').locator('.ant-scroll-number');
    await count.waitFor();
    expect(await count.getAttribute('title')).toBe('1');
    await snap(approver, 'workflow-2-approver-bell');
    const todo = new TodoCenterPage(approver, server.url);
    await todo.open('pending');
    await todo.row('信息更正：王芳').waitFor();
    expect(await todo.row('信息更正：王芳').textContent()).toContain('湖滨派出所');
    await snap(approver, 'workflow-3-approver-todo');
    await todo.openFromBell('待审批：信息更正：王芳');
    await approver.getByTestId('case-history').waitFor();
    await snap(approver, 'workflow-4-case-drawer');
    await todo.act('同意', '材料齐全，同意更正');
    await approver.locator('.ant-drawer-content').getByText('已通过').waitFor();
    await snap(approver, 'workflow-5-approved');
  });

  it('the officer sees the result under 已办 on the phone', async () => {
    const todo = new TodoCenterPage(officer, server.url);
    await todo.open('done');
    const row = todo.row('信息更正：王芳');
    await row.waitFor();
    expect(await row.textContent()).toContain('已通过');
    await row.click();
    await officer.getByTestId('case-history').getByText('材料齐全，同意更正').waitFor();
    await snap(officer, 'workflow-6-officer-done-on-phone');
    await officer.goto(`${server.url}/me`);
    await officer.getByText('法学学士').first().waitFor();
  });

  it('the approver selects several to-dos and approves them in one action, on a phone and on a laptop', async () => {
    const me = new ApiClient(server.url);
    await me.login('wangfang', PASSWORD);
    const reasons = ['手机号已更换', '学位有误', '学历漏填'];
    const changes = [{ phone: '13912345678' }, { degree: '法学硕士' }, { education: '本科' }];
    for (const [i, reason] of reasons.entries()) await me.call('POST', '/api/v1/personnel/me/corrections', { changes: changes[i], reason });

    // On a phone: tick one row; the batch bar appears above the list.
    const small = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const onPhone = await small.newPage();
    const login = new LoginPage(onPhone, server.url);
    await login.open();
    await login.login('zhengzhichu', PASSWORD);
    await onPhone.getByTestId('current-user').waitFor();
    const phoneTodo = new TodoCenterPage(onPhone, server.url);
    await phoneTodo.open('pending');
    await phoneTodo.row('信息更正：王芳').first().waitFor();
    await phoneTodo.row('信息更正：王芳').first().locator('.ant-checkbox-input').check();
    await onPhone.getByTestId('todo-batch-bar').getByText('已选 1 项').waitFor();
    await snap(onPhone, 'workflow-8-batch-selection-on-phone');
    await small.close();

    // On the laptop: select all three, approve them with one comment, read the summary.
    const todo = new TodoCenterPage(approver, server.url);
    await todo.open('pending');
    await expect.poll(() => todo.row('信息更正：王芳').count()).toBe(3);
    await approver.getByTestId('todo-pending').locator('thead .ant-checkbox-input').check();
    const bar = approver.getByTestId('todo-batch-bar');
    await bar.getByText('已选 3 项').waitFor();
    await bar.getByRole('button', { name: '批量同意' }).click();
    const modal = approver.locator('.ant-modal-content', { hasText: '批量同意（3 项）' });
    await modal.locator('textarea').fill('材料齐全，同意');
    await snap(approver, 'workflow-9-batch-approve-dialog');
    await modal.getByRole('button', { name: '批量同意' }).click();
    const result = approver.getByTestId('todo-batch-result');
    await result.getByText('已办理 3 项，未办理 0 项').waitFor();
    await snap(approver, 'workflow-10-batch-result');
    await approver
      .locator('.ant-modal-content', { hasText: '批量办理结果' })
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await expect.poll(() => todo.row('信息更正：王芳').count()).toBe(0);
    await todo.open('done');
    await expect.poll(() => todo.row('信息更正：王芳').count()).toBeGreaterThanOrEqual(3);
  });

  it('keeps the holiday calendar as staff see it, seeded for the year', async () => {
    await approver.goto(`${server.url}/workflow/calendar`);
    await approver.getByText(/来源：chinese-days 1\.5\.7，第 1 版/).waitFor();
    await approver.getByText('2026-10-10').waitFor();
    await snap(approver, 'workflow-7-holiday-calendar');
  });
});
