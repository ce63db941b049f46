import type { Page } from 'playwright-core';

export class UsersPage {
  constructor(private readonly page: Page, private readonly baseUrl: string) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/users`);
    await this.page.getByTestId('users-table').waitFor();
  }

  async create(username: string, displayName: string, orgName: string, password: string): Promise<void> {
    await this.page.getByRole('button', { name: '新建用户' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill(username);
    await dialog.getByLabel('姓名').fill(displayName);
    await dialog.getByLabel('所属机构').click({ force: true });
    await this.page.locator('.ant-select-dropdown:visible').getByTitle(orgName, { exact: true }).click();
    await dialog.getByLabel('初始密码').fill(password);
    await dialog.getByRole('button', { name: '保存' }).click();
    await this.row(username).waitFor();
  }

  row(username: string) {
    return this.page.getByTestId('users-table').locator('tr', { hasText: username });
  }

  async assignRole(username: string, roleName: string): Promise<void> {
    await this.row(username).getByRole('button', { name: '分配角色' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel(roleName).check();
    await dialog.getByRole('button', { name: '保存' }).click();
    await this.row(username).getByText(roleName).waitFor();
  }

  async usernames(): Promise<string[]> {
    const cells = this.page.getByTestId('users-table').locator('tbody tr td:first-child');
    return (await cells.allInnerTexts()).map((s) => s.trim()).filter((s) => s.length > 0);
  }
}
