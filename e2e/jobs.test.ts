import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { LoginPage } from './pom/LoginPage.ts';
import { ApiClient } from './support/api.ts';
import { launchBrowser, snap } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

const PASSWORD = 'Zhenggong#2026';

/** The system administrator opens the scheduled-job list and runs the contract reminders now. */
describe('scheduled jobs in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    // The runner stays off: every run shown is the one the administrator starts.
    server = await startServer({ JOB_TICK_MS: '0' });
    const sys = new ApiClient(server.url);
    await sys.firstLogin('sysadmin', server.initialPasswords.sysadmin as string, PASSWORD);
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    page = await context.newPage();
    const login = new LoginPage(page, server.url);
    await login.open();
    await login.login('sysadmin', PASSWORD);
    await page.getByTestId('current-user').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lists every job with its schedule and next run, and runs one now', async () => {
    await page.getByRole('menuitem', { name: '定时任务' }).click();
    await page.waitForURL('**/system/jobs');
    const row = page.locator('tr', { hasText: 'auxiliary.contract-reminders' });
    await row.getByText('辅警合同到期提醒').waitFor();
    await row.getByText('尚未运行').waitFor();
    await page.locator('tr', { hasText: 'exams.deadline-sweep' }).getByText('每 15 秒').waitFor();
    await row.getByRole('button', { name: '立即运行' }).click();
    await row.getByText('成功').waitFor();
    await snap(page, '90-system-jobs');
  });
});
