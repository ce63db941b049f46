import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export class UsersPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/users`);
    await this.page.getByTestId('users-table').waitFor();
    // Data the page shows may first come from the cache; act on what the server answers now.
    await this.page.waitForLoadState('networkidle');
  }

  async create(username: string, displayName: string, orgName: string, password: string): Promise<void> {
    await this.page.getByRole('button', { name: '新建用户' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('用户名').fill(username);
    await dialog.getByLabel('姓名').fill(displayName);
    // Click the picker itself (not forced), so the click waits for the dialog's opening animation.
    await dialog.locator('.ant-form-item', { hasText: '所属机构' }).locator('.ant-select-selector').click();
    // Type to filter: the tree may have loaded after the picker mounted, so nothing is expanded yet.
    await this.page.keyboard.type(orgName);
    await this.page.locator('.ant-select-dropdown:visible').getByTitle(orgName, { exact: true }).click();
    await dialog.getByLabel('初始密码').fill(password);
    await dialog.getByRole('button', { name: '保存' }).click();
    await this.row(username).waitFor();
  }

  /** Edits the account's organisation (for an account holding roles this only proposes it, ADR 004). */
  async changeOrg(username: string, orgName: string): Promise<void> {
    await this.row(username).getByRole('button', { name: '编辑' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.locator('.ant-form-item', { hasText: '所属机构' }).locator('.ant-select-selector').click();
    await this.page.keyboard.type(orgName);
    await this.page.locator('.ant-select-dropdown:visible').getByTitle(orgName, { exact: true }).click();
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  row(username: string) {
    return this.page.getByTestId('users-table').locator('tr', { hasText: username });
  }

  async assignRole(username: string, roleName: string): Promise<void> {
    await this.row(username).getByRole('button', { name: '分配角色' }).click();
    const dialog = this.page.getByRole('dialog');
    const box = dialog.getByRole('checkbox', { name: roleName });
    await box.waitFor();
    // The dialog's form takes its initial values when the roles have loaded; click until it sticks.
    await expect
      .poll(
        async () => {
          if (!(await box.isChecked())) await dialog.locator('label.ant-checkbox-wrapper', { hasText: roleName }).click();
          return box.isChecked();
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    await dialog.getByRole('button', { name: '保存' }).click();
    await this.row(username).getByText(roleName).waitFor();
  }

  async usernames(): Promise<string[]> {
    const cells = this.page.getByTestId('users-table').locator('tbody tr td:first-child');
    return (await cells.allInnerTexts()).map((s) => s.trim()).filter((s) => s.length > 0);
  }
}
