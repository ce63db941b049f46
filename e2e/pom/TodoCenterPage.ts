import type { Page } from 'playwright-core';

/** The to-do centre and its case drawer, as a user clicks them. */
export class TodoCenterPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(box: 'pending' | 'done' | 'mine' = 'pending'): Promise<void> {
    await this.page.goto(`${this.baseUrl}/todo?box=${box}`);
    await this.page.getByTestId(`todo-${box}`).waitFor();
  }

  row(title: string) {
    return this.page.locator('.ant-table-row', { hasText: title });
  }

  /** Opens the bell, then the first notification whose title contains `text`. */
  async openFromBell(text: string): Promise<void> {
    await this.page.getByTestId('notification-bell').click();
    await this.page.locator('.ant-popover .ant-list-item', { hasText: text }).first().click();
    await this.page.locator('.ant-drawer-content').waitFor();
  }

  /** Presses an action in the case drawer and confirms it in the modal (with an optional comment). */
  async act(action: string, comment?: string): Promise<void> {
    await this.page.locator('.ant-drawer-content').getByRole('button', { name: action }).click();
    const modal = this.page.locator('.ant-modal-content');
    if (comment) await modal.locator('textarea').fill(comment);
    await modal.getByRole('button', { name: action }).click();
    await modal.waitFor({ state: 'detached' });
  }
}
