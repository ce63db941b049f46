import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginPage } from './pom/LoginPage.ts';
import { OrgPage } from './pom/OrgPage.ts';
import { RolesPage } from './pom/RolesPage.ts';
import { UsersPage } from './pom/UsersPage.ts';
import { runCliProcess } from '../packages/server/src/cli/cli-test-helpers.ts';
import { launchBrowser, newContext, snap } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

const NEW_PASSWORD = 'Zhenggong#2026';

/**
 * The first hour of a new installation, as people click it: the system administrator sets up a
 * branch and a user, the security administrator gives that user a role scoped to "own org and
 * below", and the user then sees only that branch.
 */
describe('foundation journey in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await (await newContext(browser, { viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('system administrator: first login, forced password change, branch with a unit, a user in it', async () => {
    const login = new LoginPage(page, server.url);
    await login.open();
    await snap(page, '01-login');
    await login.login('sysadmin', server.initialPasswords.sysadmin as string);
    await page.waitForURL('**/change-password');
    await snap(page, '02-forced-password-change');
    await login.changePassword(server.initialPasswords.sysadmin as string, NEW_PASSWORD);
    await snap(page, '03-home-sysadmin');

    const orgs = new OrgPage(page, server.url);
    await orgs.open();
    await orgs.select('市公安局');
    await orgs.createChild('上城分局', '分局', true);
    await orgs.select('上城分局');
    await orgs.createChild('清波派出所', '派出所', true);
    await snap(page, '04-org-tree');

    const users = new UsersPage(page, server.url);
    await users.open();
    await users.create('scstaff', '上城政工干事', '上城分局', 'Initial#Pass1');
    await snap(page, '05-users');
    await login.logout();
  });

  it('security administrator: a role with scope "own org and below", assigned to the user', async () => {
    const login = new LoginPage(page, server.url);
    await login.login('secadmin', server.initialPasswords.secadmin as string);
    await login.changePassword(server.initialPasswords.secadmin as string, NEW_PASSWORD);
    const roles = new RolesPage(page, server.url);
    await roles.open();
    await roles.create('branch_reader', '分局政工查询', ['查看机构', '查看用户'], '本单位及以下');
    await snap(page, '06-roles');
    const users = new UsersPage(page, server.url);
    await users.open();
    await users.assignRole('scstaff', '分局政工查询');
    await login.logout();
  });

  it('the branch user sees only their subtree', async () => {
    const login = new LoginPage(page, server.url);
    await login.login('scstaff', 'Initial#Pass1');
    await login.changePassword('Initial#Pass1', NEW_PASSWORD);
    const menu = await page.getByRole('menu').innerText();
    expect(menu).toContain('机构管理');
    expect(menu).not.toContain('角色管理');
    expect(menu).not.toContain('审计日志');
    const orgs = new OrgPage(page, server.url);
    await orgs.open();
    await page.getByTestId('org-tree').getByText('清波派出所').waitFor();
    const tree = await orgs.treeText();
    expect(tree).toContain('上城分局');
    expect(tree).toContain('清波派出所');
    expect(tree).not.toContain('市公安局');
    await snap(page, '07-branch-user-orgs');
    const users = new UsersPage(page, server.url);
    await users.open();
    expect(await users.usernames()).toEqual(['scstaff']);
    await snap(page, '08-branch-user-users');
    await login.logout();
  });

  it('audit administrator: sees every step in the hash-chained log', async () => {
    const login = new LoginPage(page, server.url);
    await login.login('auditadmin', server.initialPasswords.auditadmin as string);
    await login.changePassword(server.initialPasswords.auditadmin as string, NEW_PASSWORD);
    await page.goto(`${server.url}/audit`);
    const table = page.getByTestId('audit-table');
    // Events show by their localised names (新建机构 is org.create).
    await table.getByText('新建机构').first().waitFor();
    await page.getByRole('button', { name: '校验' }).click();
    await page.getByTestId('audit-verify-result').waitFor();
    expect(await page.getByTestId('audit-verify-result').innerText()).toMatch(/通过|完整|ok/i);
    await snap(page, '09-audit');

    // The signed checkpoint the audit administrator keeps off the server, checked by the CLI.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('audit-checkpoint').click()]);
    const file = path.join(os.tmpdir(), `zg-e2e-checkpoint-${process.pid}.json`);
    await download.saveAs(file);
    expect(download.suggestedFilename()).toMatch(/^audit-checkpoint-\d+\.json$/);
    await page.getByText('SM2').first().waitFor();
    await snap(page, '10-audit-checkpoint');
    const verified = await runCliProcess(['verify-audit', '--checkpoint', file], { DATA_DIR: server.dataDir });
    fs.rmSync(file);
    expect(verified.code, verified.stderr).toBe(0);
    expect(verified.stdout).toMatch(/SM2 signature valid/);
  });
});
