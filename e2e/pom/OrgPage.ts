import type { Page } from 'playwright-core';

export class OrgPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/orgs`);
    await this.page.getByTestId('org-tree').waitFor();
    // Data the page shows may first come from the cache; act on what the server answers now.
    await this.page.waitForLoadState('networkidle');
  }

  async select(name: string): Promise<void> {
    await this.page.getByTestId('org-tree').getByText(name, { exact: true }).click();
  }

  /** Creates a child of the selected node through the 新建下级 dialog. */
  async createChild(name: string, typeLabel: string, isUnit: boolean): Promise<void> {
    await this.page.getByRole('button', { name: '新建下级' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('机构名称').fill(name);
    await dialog.getByLabel('机构类别').click({ force: true });
    await this.page.locator('.ant-select-dropdown:visible').getByText(typeLabel, { exact: true }).click();
    const unitSwitch = dialog.getByLabel('机构性质');
    if ((await unitSwitch.getAttribute('aria-checked')) !== String(isUnit)) await unitSwitch.click();
    await dialog.getByRole('button', { name: '保存' }).click();
    await this.page.getByTestId('org-tree').getByText(name, { exact: true }).waitFor();
  }

  async treeText(): Promise<string> {
    return (await this.page.getByTestId('org-tree').innerText()).trim();
  }
}
