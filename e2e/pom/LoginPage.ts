import type { Page } from 'playwright-core';
import { nextCode, rememberSecret, secretOf } from '../support/totp.ts';

export class LoginPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/login`);
    await this.page.getByTestId('login-form').waitFor();
  }

  async login(username: string, password: string): Promise<void> {
    await this.page.getByLabel('用户名').fill(username);
    await this.page.getByLabel('密码').fill(password);
    await this.page.getByRole('button', { name: '登录' }).click();
    await this.page.waitForURL((url) => !url.pathname.startsWith('/login'));
    if (new URL(this.page.url()).pathname === '/second-factor') await this.secondFactor(username);
  }

  /**
   * The second step: enrols with the key shown under the QR code (computing the code as an
   * authenticator app would) and acknowledges the recovery codes, or enters the next code.
   */
  async secondFactor(username: string): Promise<void> {
    const secretText = this.page.getByTestId('totp-secret');
    const codeField = this.page.getByLabel('动态口令或恢复码');
    await codeField.waitFor();
    const enrolling = await this.page.getByRole('button', { name: '完成绑定' }).isVisible();
    if (enrolling || !secretOf(this.baseUrl, username)) {
      await secretText.waitFor();
      rememberSecret(this.baseUrl, username, (await secretText.getAttribute('data-uri'))?.match(/secret=([A-Z2-7]+)/)?.[1] ?? '');
    }
    await codeField.fill(await nextCode(this.baseUrl, username));
    if (enrolling) {
      await this.page.getByRole('button', { name: '完成绑定' }).click();
      await this.page.getByTestId('recovery-codes').waitFor();
      await this.page.getByRole('button', { name: '我已保存，继续' }).click();
    } else {
      await this.page.getByRole('button', { name: '验证' }).click();
    }
    await this.page.waitForURL((url) => url.pathname !== '/second-factor');
  }

  /** Changes the initial password on the forced page and lands on the home page. */
  async changePassword(oldPassword: string, newPassword: string): Promise<void> {
    await this.page.waitForURL('**/change-password');
    await this.page.getByLabel('当前密码').fill(oldPassword);
    await this.page.getByLabel('新密码', { exact: true }).fill(newPassword);
    await this.page.getByLabel('确认新密码').fill(newPassword);
    await this.page.getByRole('button', { name: '修改密码' }).click();
    await this.page.getByTestId('current-user').waitFor();
  }

  async logout(): Promise<void> {
    await this.page
      .getByRole('button', { name: '退出登录' })
      .click()
      .catch(async (error: Error) => {
        // Say where the header went: a redirect, an error page or the login page.
        const text = (
          await this.page
            .locator('body')
            .innerText()
            .catch(() => '')
        ).slice(0, 300);
        throw new Error(`no 退出登录 on ${this.page.url()} showing "${text}": ${error.message}`);
      });
    await this.page.getByTestId('login-form').waitFor();
  }
}
