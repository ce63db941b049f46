import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../packages/core/src/personnel/id-number.ts';
import { LoginPage } from './pom/LoginPage.ts';
import { ApiClient } from './support/api.ts';
import { launchBrowser, newContext, snap } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

const PASSWORD = 'Zhenggong#2026';
const INITIAL = 'Initial#Pass1';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 768 };

/** The number a figure card shows, once it has loaded. */
async function figure(page: Page, key: string): Promise<number> {
  const value = page.getByTestId(`figure-${key}`).locator('.ant-statistic-content-value');
  await value.waitFor();
  return Number((await value.innerText()).replace(/[^\d]/g, ''));
}

/** The list's "共 N 条" once the table under it has loaded. */
async function listTotal(page: Page): Promise<number> {
  const total = page.locator('.ant-pagination-total-text');
  await total.waitFor();
  return Number((await total.innerText()).replace(/[^\d]/g, ''));
}

/**
 * 首页 as a desk: a branch political office sees its scope's figures, each opening the list it
 * counts with the same number; the system administrator sees the accounts instead; both at
 * desktop and phone sizes.
 */
describe('home desk in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer();
    const sys = new ApiClient(server.url);
    await sys.firstLogin('sysadmin', server.initialPasswords.sysadmin as string, PASSWORD);
    const root = (await sys.call<{ id: string }[]>('GET', '/api/v1/orgs/tree'))[0]!.id;
    const branch = (
      await sys.call<{ id: string }>('POST', '/api/v1/orgs', { name: '西湖分局', parentId: root, type: 'branch', isUnit: true })
    ).id;
    const stations = [];
    for (const name of ['北山派出所', '灵隐派出所'])
      stations.push((await sys.call<{ id: string }>('POST', '/api/v1/orgs', { name, parentId: branch, type: 'station', isUnit: true })).id);
    const user = await sys.call<{ id: string }>('POST', '/api/v1/users', {
      username: 'xhzzc',
      displayName: '西湖分局政治处',
      orgId: branch,
      password: INITIAL,
    });
    const sec = new ApiClient(server.url);
    await sec.firstLogin('secadmin', server.initialPasswords.secadmin as string, PASSWORD);
    const role = await sec.call<{ id: string }>('POST', '/api/v1/roles', {
      code: 'branch_political',
      name: '分局政治处',
      permissions: ['org:read', 'personnel:read', 'personnel:write', 'workflow:self', 'auxiliary:read'],
      dataScope: 'org_and_below',
      scopeOrgIds: [],
    });
    await sec.call('PUT', `/api/v1/users/${user.id}/roles`, { roleIds: [role.id] });
    const staff = new ApiClient(server.url);
    await staff.firstLogin('xhzzc', INITIAL, PASSWORD);
    let n = 100;
    for (const [i, kind] of (['officer', 'officer', 'officer', 'officer', 'officer', 'auxiliary', 'auxiliary'] as const).entries())
      await staff.call('POST', '/api/v1/personnel/people', {
        kind,
        name: `${kind === 'officer' ? '民警' : '辅警'}${i + 1}`,
        idNumber: makeIdNumber('330106', `199${i}-03-0${i + 1}`, n++),
        orgId: stations[i % 2],
        ...(kind === 'auxiliary' ? { auxCategory: '勤务辅警' } : {}),
      });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a branch political office: every figure equals the list it opens, on a laptop and a phone', async () => {
    const page = await (await newContext(browser, { viewport: DESKTOP, locale: 'zh-CN' })).newPage();
    const login = new LoginPage(page, server.url);
    await login.open();
    await login.login('xhzzc', PASSWORD);
    await page.getByTestId('home-desk').waitFor();
    await page.getByTestId('home-unit-strength').locator('canvas').waitFor();
    expect(await figure(page, 'officers')).toBe(5);
    expect(await figure(page, 'auxiliaries')).toBe(2);
    // The branch's two stations as bars, and no 本人信息 for an account without a person record.
    await page.getByTestId('home-unit-strength').getByText('各单位人数').waitFor();
    expect(await page.locator('.ant-layout-sider').getByText('本人信息').count()).toBe(0);
    await snap(page, 'home-desk-branch-desktop');

    for (const [key, expected] of [
      ['officers', 5],
      ['auxiliaries', 2],
    ] as const) {
      await page.goto(`${server.url}/`);
      const shown = await figure(page, key);
      await page.getByTestId(`figure-${key}`).click();
      await page.waitForURL('**/personnel?**');
      expect(await listTotal(page)).toBe(shown);
      expect(shown).toBe(expected);
    }

    await page.setViewportSize(PHONE);
    await page.goto(`${server.url}/`);
    await page.getByTestId('figure-officers').waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await snap(page, 'home-desk-branch-phone');
  });

  it('the system administrator gets an accounts desk whose figures equal the users list', async () => {
    const page = await (await newContext(browser, { viewport: DESKTOP, locale: 'zh-CN' })).newPage();
    const login = new LoginPage(page, server.url);
    await login.open();
    await login.login('sysadmin', PASSWORD);
    await page.getByTestId('home-desk').waitFor();
    expect(await page.getByTestId('figure-officers').count()).toBe(0);
    const users = await figure(page, 'users');
    expect(users).toBe(4);
    await snap(page, 'home-desk-sysadmin');
    await page.getByTestId('figure-users').click();
    await page.waitForURL('**/users');
    expect(await listTotal(page)).toBe(users);
  });
});
