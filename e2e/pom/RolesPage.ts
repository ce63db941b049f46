import type { Page } from 'playwright-core';

export class RolesPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/roles`);
    await this.page.getByTestId('roles-table').waitFor();
    // Data the page shows may first come from the cache; act on what the server answers now.
    await this.page.waitForLoadState('networkidle');
  }

  async create(code: string, name: string, permissionLabels: string[], scopeLabel: string): Promise<void> {
    await this.page.getByRole('button', { name: '新建角色' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('角色代码').fill(code);
    await dialog.getByLabel('角色名称').fill(name);
    for (const label of permissionLabels) await dialog.getByRole('checkbox', { name: new RegExp(`^${label}`) }).check();
    await dialog.getByLabel('数据权限').click({ force: true });
    await this.page.locator('.ant-select-dropdown:visible').getByText(scopeLabel, { exact: true }).click();
    await dialog.getByRole('button', { name: '保存' }).click();
    await this.page.getByTestId('roles-table').getByText(name, { exact: true }).waitFor();
  }
}
