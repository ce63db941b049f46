import crypto from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginPage } from './pom/LoginPage.ts';
import { launchBrowser, snap } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';
import { nextCode, rememberSecret } from './support/totp.ts';

const NEW_PASSWORD = 'Zhenggong#2026';

/**
 * The second factor (L3-CES1-04, ADR 018) as an administrator meets it: at first login the
 * password alone opens nothing but the enrolment page; the QR code's key gives the codes, the
 * recovery codes are shown once; the next login asks for a fresh code.
 */
describe('second factor in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('a password-only administrator session can do nothing but enrol', async () => {
    const login = new LoginPage(page, server.url);
    await login.open();
    await page.getByLabel('用户名').fill('sysadmin');
    await page.getByLabel('密码').fill(server.initialPasswords.sysadmin as string);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL('**/second-factor');
    await page.getByTestId('totp-qr').waitFor();
    await snap(page, 'mfa-01-enrol');
    // Any page of the app leads back to the enrolment step.
    for (const path of ['/', '/orgs', '/users', '/change-password']) {
      await page.goto(`${server.url}${path}`);
      await page.waitForURL('**/second-factor');
    }
    // And the API refuses the session everywhere else, whatever the browser is made to send.
    const status = await page.evaluate(async () => (await fetch('/api/v1/orgs/tree')).status);
    expect(status).toBe(403);
    const code = await page.evaluate(
      async () => ((await (await fetch('/api/v1/orgs/tree')).json()) as { error: { code: string } }).error.code,
    );
    expect(code).toBe('MFA_ENROLMENT_REQUIRED');
  });

  it('enrols with the QR code, keeps the recovery codes once, then logs in with a code', async () => {
    const login = new LoginPage(page, server.url);
    await page.getByTestId('totp-qr').waitFor();
    const uri = (await page.getByTestId('totp-secret').getAttribute('data-uri')) ?? '';
    expect(uri).toMatch(/^otpauth:\/\/totp\/.+\?secret=[A-Z2-7]{32}&/);
    const secret = new URL(uri).searchParams.get('secret') as string;
    expect(await page.getByTestId('totp-secret').innerText()).toContain(secret);
    rememberSecret(server.url, 'sysadmin', secret);
    // A wrong code is refused with a clear message.
    await page
      .getByLabel('动态口令或恢复码')
      .fill(crypto.randomInt(0, 999_999).toString().padStart(6, '0') === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: '完成绑定' }).click();
    await page.getByRole('alert').filter({ hasText: '动态口令或恢复码不正确或已使用' }).waitFor();
    await page.getByLabel('动态口令或恢复码').fill(await nextCode(server.url, 'sysadmin'));
    await page.getByRole('button', { name: '完成绑定' }).click();
    const codes = page.getByTestId('recovery-codes').locator('li');
    await codes.first().waitFor();
    expect(await codes.count()).toBe(10);
    await snap(page, 'mfa-02-recovery-codes');
    await page.getByRole('button', { name: '我已保存，继续' }).click();
    await login.changePassword(server.initialPasswords.sysadmin as string, NEW_PASSWORD);
    await login.logout();

    // The next login: password, then a fresh code.
    await page.getByLabel('用户名').fill('sysadmin');
    await page.getByLabel('密码').fill(NEW_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL('**/second-factor');
    expect(await page.getByTestId('totp-qr').count()).toBe(0);
    await snap(page, 'mfa-03-verify');
    await page.getByLabel('动态口令或恢复码').fill(await nextCode(server.url, 'sysadmin'));
    await page.getByRole('button', { name: '验证' }).click();
    await page.getByTestId('current-user').waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await snap(page, 'mfa-04-home');
  });
});
