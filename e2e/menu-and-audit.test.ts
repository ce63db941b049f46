import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginPage } from './pom/LoginPage.ts';
import { ApiClient } from './support/api.ts';
import { launchBrowser, newContext, snap } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

const PASSWORD = 'Zhenggong#2026';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 768 };

/** Labels of the menu entries (sub-menus opened so every entry is rendered). */
async function menuLabels(page: Page): Promise<string[]> {
  const menu = page.locator('.ant-layout-sider .ant-menu');
  for (const group of await menu.locator('.ant-menu-submenu:not(.ant-menu-submenu-open) > .ant-menu-submenu-title').all())
    await group.click();
  return (await menu.locator('.ant-menu-item').allInnerTexts()).map((s) => s.trim());
}

const selectedLabels = async (page: Page) =>
  (await page.locator('.ant-layout-sider .ant-menu-item-selected').allInnerTexts()).map((s) => s.trim());

/** Moves inside the single-page app as a link would, without reloading it. */
async function navigateInApp(page: Page, path: string): Promise<void> {
  await page.evaluate((to) => {
    window.history.pushState({}, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, path);
}

/**
 * First-impression checks of the shell and the audit log: the three administrators see no
 * person-only pages, page titles equal their menu labels, the menu keeps the current page in
 * sight on sub-routes and highlights nothing on the 404 page; the audit log names its events
 * and its filter picks them from a list.
 */
describe('menu and audit log in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    const sys = new ApiClient(server.url);
    await sys.firstLogin('sysadmin', server.initialPasswords.sysadmin as string, PASSWORD);
    const root = (await sys.call<{ id: string }[]>('GET', '/api/v1/orgs/tree'))[0]!.id;
    const user = await sys.call<{ id: string }>('POST', '/api/v1/users', {
      username: 'jyk',
      displayName: '教育训练科',
      orgId: root,
      password: 'Initial#Pass1',
    });
    const sec = new ApiClient(server.url);
    await sec.firstLogin('secadmin', server.initialPasswords.secadmin as string, PASSWORD);
    const role = await sec.call<{ id: string }>('POST', '/api/v1/roles', {
      code: 'city_jy',
      name: '市局教育训练',
      permissions: ['org:read', 'training:read', 'talent:read', 'exam:question', 'exam:read', 'exam:manage'],
      dataScope: 'all',
      scopeOrgIds: [],
    });
    await sec.call('PUT', `/api/v1/users/${user.id}/roles`, { roleIds: [role.id] });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the audit administrator sees no person-only pages and reads the log as words', async () => {
    page = await (await newContext(browser, { viewport: DESKTOP, locale: 'zh-CN' })).newPage();
    const login = new LoginPage(page, server.url);
    await login.open();
    await login.login('auditadmin', server.initialPasswords.auditadmin as string);
    await login.changePassword(server.initialPasswords.auditadmin as string, PASSWORD);
    const labels = await menuLabels(page);
    expect(labels).toContain('审计日志');
    for (const personOnly of ['本人信息', '我的考试', '我的学习培训']) expect(labels).not.toContain(personOnly);

    await page.locator('.ant-layout-sider').getByRole('link', { name: '审计日志' }).click();
    await page.waitForURL('**/audit');
    const table = page.locator('.ant-table');
    await table.getByText('登录', { exact: true }).first().waitFor();
    expect(await table.getByText('auth.login').count()).toBe(0);
    // The filter offers the catalogue's names; typing part of one narrows the list.
    await page.getByLabel('事件类型').click();
    await page.getByLabel('事件类型').fill('修改密码');
    await page.locator('.ant-select-dropdown').getByText('修改密码', { exact: true }).click();
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await table.locator('tbody tr.ant-table-row').first().getByText('修改密码').waitFor();
    const column = (await table.locator('thead th').allInnerTexts()).map((s) => s.trim()).indexOf('事件') + 1;
    const events = await table.locator(`tbody tr.ant-table-row td:nth-child(${column})`).allInnerTexts();
    expect(events.length).toBeGreaterThan(0);
    expect(new Set(events)).toEqual(new Set(['修改密码']));
    expect(await table.getByText('审计管理员').count()).toBeGreaterThan(0);
    await snap(page, 'impression-audit-desktop');
    await page.setViewportSize(PHONE);
    await snap(page, 'impression-audit-phone');
    await page.setViewportSize(DESKTOP);
  });

  it('page titles equal menu labels, sub-routes keep their entry highlighted and in sight, 404 highlights nothing', async () => {
    page = await (await newContext(browser, { viewport: DESKTOP, locale: 'zh-CN' })).newPage();
    const login = new LoginPage(page, server.url);
    await login.open();
    await login.login('jyk', 'Initial#Pass1');
    await login.changePassword('Initial#Pass1', PASSWORD);
    expect(await selectedLabels(page)).toEqual(['首页']);

    // From 首页 (its sub-menu closed) into a grouped page and one of its sub-routes, as a link would.
    for (const [path, label] of [
      ['/training', '培训班'],
      ['/talent', '教官与人才库'],
      ['/question-bank/papers/new', '试卷管理'],
    ] as const) {
      await navigateInApp(page, '/');
      // Close whatever sub-menu is open, so only the navigation itself can open it again.
      for (const open of await page.locator('.ant-menu-submenu-open > .ant-menu-submenu-title').all()) await open.click();
      await navigateInApp(page, path);
      const selected = page.locator('.ant-layout-sider .ant-menu-item-selected');
      await selected.getByText(label).waitFor();
      expect(await selected.isVisible()).toBe(true);
      if (path !== '/question-bank/papers/new') await page.locator('.ant-card-head-title', { hasText: label }).first().waitFor();
    }
    await snap(page, 'impression-menu-subroute-desktop');

    await page.goto(`${server.url}/no-such-page`);
    await page.getByText('返回首页').waitFor();
    expect(await selectedLabels(page)).toEqual([]);
    await snap(page, 'impression-404-desktop');

    await page.setViewportSize(PHONE);
    await page.goto(`${server.url}/training`);
    await page.locator('.ant-card-head-title', { hasText: '培训班' }).first().waitFor();
    await snap(page, 'impression-training-title-phone');
    await page.goto(`${server.url}/no-such-page`);
    await page.getByText('返回首页').waitFor();
    await snap(page, 'impression-404-phone');
  });

  it('a sub-route shows its breadcrumb under the menu highlight, opened pages become tabs, the window title names the page', async () => {
    page = await (await newContext(browser, { viewport: DESKTOP, locale: 'zh-CN' })).newPage();
    const login = new LoginPage(page, server.url);
    await login.open();
    await login.login('jyk', PASSWORD);
    await page.getByTestId('current-user').waitFor();
    const crumbs = page.locator('.page-breadcrumb li:not(.ant-breadcrumb-separator)');
    const crumbTexts = async () => (await crumbs.allInnerTexts()).map((s) => s.trim());
    const tabs = page.locator('.page-tabs .ant-tabs-tab');
    const tabTexts = async () => (await tabs.allInnerTexts()).map((s) => s.trim());

    await navigateInApp(page, '/training');
    await page.locator('.ant-card-head-title', { hasText: '培训班' }).first().waitFor();
    await navigateInApp(page, '/question-bank/papers/new');
    await page.locator('.page-breadcrumb', { hasText: '新建试卷' }).waitFor();
    expect(await crumbTexts()).toEqual(['首页', '教育训练', '试卷管理', '新建试卷']);
    expect(await selectedLabels(page)).toEqual(['试卷管理']);
    expect(await page.title()).toBe('试卷管理 - 智慧政工');
    expect(await tabTexts()).toEqual(['首页', '培训班', '试卷管理']);
    expect(await tabs.filter({ hasText: '试卷管理' }).getAttribute('class')).toContain('ant-tabs-tab-active');
    // 首页 is pinned: it has no close button.
    expect(await tabs.first().locator('.ant-tabs-tab-remove').count()).toBe(0);
    await snap(page, 'navigation-breadcrumb-tabs-desktop');

    // The parent crumb leads back to the page; a tab returns to where that page was left.
    await page.locator('.page-breadcrumb').getByRole('link', { name: '试卷管理' }).click();
    await page.waitForURL('**/question-bank/papers');
    await expect.poll(crumbTexts).toEqual(['首页', '教育训练', '试卷管理']);
    await tabs.filter({ hasText: '培训班' }).click();
    await page.waitForURL('**/training');
    await expect.poll(() => page.title()).toBe('培训班 - 智慧政工');

    // Closing the current tab hands over to its right-hand neighbour; the tabs outlive a reload.
    await tabs.filter({ hasText: '培训班' }).locator('.ant-tabs-tab-remove').click();
    await page.waitForURL('**/question-bank/papers');
    await expect.poll(tabTexts).toEqual(['首页', '试卷管理']);
    await page.reload();
    await page.locator('.page-breadcrumb', { hasText: '试卷管理' }).waitFor();
    expect(await tabTexts()).toEqual(['首页', '试卷管理']);

    await page.goto(`${server.url}/no-such-page`);
    await page.getByText('返回首页').waitFor();
    await expect.poll(() => page.title()).toBe('页面不存在 - 智慧政工');
    expect(await crumbs.count()).toBe(0);

    // A phone keeps the menu drawer only: no tab strip, and the breadcrumb just for the way back.
    await page.setViewportSize(PHONE);
    await page.goto(`${server.url}/question-bank/papers/new`);
    await page.locator('.page-breadcrumb', { hasText: '新建试卷' }).waitFor();
    expect(await crumbTexts()).toEqual(['试卷管理', '新建试卷']);
    expect(await page.locator('.page-tabs').count()).toBe(0);
    await snap(page, 'navigation-breadcrumb-phone');
    await page.goto(`${server.url}/training`);
    await page.locator('.ant-card-head-title', { hasText: '培训班' }).first().waitFor();
    expect(await page.locator('.page-breadcrumb').count()).toBe(0);
  });

  it('a list keeps the columns and density chosen in its settings (列设置), across a reload', async () => {
    page = await (await newContext(browser, { viewport: DESKTOP, locale: 'zh-CN' })).newPage();
    const login = new LoginPage(page, server.url);
    await login.open();
    await login.login('jyk', PASSWORD);
    await page.getByTestId('current-user').waitFor();
    await page.goto(`${server.url}/exams`);
    const headers = page.getByTestId('exam-table').locator('thead th');
    await headers.filter({ hasText: '试卷' }).waitFor();

    await page.getByRole('button', { name: '列设置' }).click();
    const settings = page.getByTestId('table-settings-exams');
    await settings.getByRole('checkbox', { name: '试卷' }).uncheck();
    await settings.getByText('中等').click();
    await expect.poll(() => headers.filter({ hasText: '试卷' }).count()).toBe(0);
    await page.getByTestId('exam-table').locator('.ant-table-middle').waitFor();
    await snap(page, 'table-settings-desktop');

    await page.reload();
    await headers.filter({ hasText: '考试名称' }).waitFor();
    expect(await headers.filter({ hasText: '试卷' }).count()).toBe(0);
    expect(await page.getByTestId('exam-table').locator('.ant-table-middle').count()).toBe(1);
  });
});
