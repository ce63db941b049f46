import type { Page } from 'playwright-core';

export class LoginPage {
  constructor(private readonly page: Page, private readonly baseUrl: string) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/login`);
    await this.page.getByTestId('login-form').waitFor();
  }

  async login(username: string, password: string): Promise<void> {
    await this.page.getByLabel('用户名').fill(username);
    await this.page.getByLabel('密码').fill(password);
    await this.page.getByRole('button', { name: '登录' }).click();
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
    await this.page.getByRole('button', { name: '退出登录' }).click();
    await this.page.getByTestId('login-form').waitFor();
  }
}
