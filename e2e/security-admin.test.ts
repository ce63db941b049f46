import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginPage } from './pom/LoginPage.ts';
import { UsersPage } from './pom/UsersPage.ts';
import { ApiClient } from './support/api.ts';
import { launchBrowser, newContext, snap } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

const PASSWORD = 'Zhenggong#2026';

interface UserRow {
  id: string;
  orgId: string;
  pendingOrgId: string | null;
}

/**
 * 三员 in the browser (ADR 004): the system administrator moves a clerk's account to another
 * branch; the move waits, shown as a tag, until the security administrator confirms it.
 */
describe('security administrator confirms an org change in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let sys: ApiClient;
  let clerk: UserRow;
  let xihu: string;

  beforeAll(async () => {
    server = await startServer();
    sys = new ApiClient(server.url);
    await sys.firstLogin('sysadmin', server.initialPasswords.sysadmin as string, PASSWORD);
    const root = (await sys.call<{ id: string }[]>('GET', '/api/v1/orgs/tree'))[0]!.id; // a fresh install has its root
    const shangcheng = await sys.call<{ id: string }>('POST', '/api/v1/orgs', {
      name: '上城分局',
      parentId: root,
      type: 'branch',
      isUnit: true,
    });
    xihu = (await sys.call<{ id: string }>('POST', '/api/v1/orgs', { name: '西湖分局', parentId: root, type: 'branch', isUnit: true })).id;
    clerk = await sys.call<UserRow>('POST', '/api/v1/users', {
      username: 'scclerk',
      displayName: '上城政工干事',
      orgId: shangcheng.id,
      password: 'Initial#Pass1',
    });
    const sec = new ApiClient(server.url);
    await sec.firstLogin('secadmin', server.initialPasswords.secadmin as string, PASSWORD);
    const role = await sec.call<{ id: string }>('POST', '/api/v1/roles', {
      code: 'branch_hr',
      name: '分局人事',
      permissions: ['org:read', 'personnel:read'],
      dataScope: 'org_and_below',
      scopeOrgIds: [],
    });
    await sec.call('PUT', `/api/v1/users/${clerk.id}/roles`, { roleIds: [role.id] });
    browser = await launchBrowser();
    page = await (await newContext(browser, { viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the system administrator moves the clerk: the change waits for confirmation', async () => {
    const login = new LoginPage(page, server.url);
    await login.open();
    await login.login('sysadmin', PASSWORD);
    const users = new UsersPage(page, server.url);
    await users.open();
    await users.changeOrg('scclerk', '西湖分局');
    await users.row('scclerk').getByText('机构变更待确认').waitFor();
    // The system administrator cannot confirm it: the action is the security administrator's.
    expect(await users.row('scclerk').getByRole('button', { name: '确认机构变更' }).count()).toBe(0);
    const pending = await sys.call<UserRow>('GET', `/api/v1/users/${clerk.id}`);
    expect([pending.orgId, pending.pendingOrgId]).toEqual([clerk.orgId, xihu]);
    await snap(page, 'secadmin-01-pending-org-sysadmin');
    await login.logout();
  });

  it('the security administrator sees the pending change and confirms it', async () => {
    const login = new LoginPage(page, server.url);
    await login.login('secadmin', PASSWORD);
    const users = new UsersPage(page, server.url);
    await users.open();
    await users.row('scclerk').getByText('机构变更待确认').waitFor();
    await snap(page, 'secadmin-02-pending-org');
    await users.row('scclerk').getByRole('button', { name: '确认机构变更' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('.ant-modal-confirm-title', { hasText: '确认「上城政工干事」的机构变更？' }).waitFor();
    await snap(page, 'secadmin-03-confirm-dialog');
    await dialog.getByRole('button', { name: '确认机构变更' }).click();
    await users.row('scclerk').getByText('西湖分局').waitFor();
    expect(await users.row('scclerk').getByText('机构变更待确认').count()).toBe(0);
    const moved = await sys.call<UserRow>('GET', `/api/v1/users/${clerk.id}`);
    expect([moved.orgId, moved.pendingOrgId]).toEqual([xihu, null]);
    await snap(page, 'secadmin-04-confirmed');
    await login.logout();
  });

  it('a password reset holds the account until the security administrator releases it', async () => {
    await sys.call('POST', `/api/v1/users/${clerk.id}/reset-password`, { password: 'Reset#Pass2026' });
    const held = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'scclerk', password: 'Reset#Pass2026' }),
    });
    expect(held.status).toBeGreaterThanOrEqual(400);
    const login = new LoginPage(page, server.url);
    await login.login('secadmin', PASSWORD);
    const users = new UsersPage(page, server.url);
    await users.open();
    await users.row('scclerk').getByText('待放行').waitFor();
    await users.row('scclerk').getByRole('button', { name: '放行' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '放行' }).click();
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await expect.poll(async () => users.row('scclerk').getByText('待放行').count()).toBe(0);
    expect((await sys.call<{ held: boolean }>('GET', `/api/v1/users/${clerk.id}`)).held).toBe(false);
    await snap(page, 'secadmin-05-released');
    await login.logout();
  });
});
