import type { Page } from 'playwright-core';

/** The staff pages of training classes and coverage. */
export class TrainingPages {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async openClasses(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/training`);
    await this.page.locator('.ant-table-row').first().waitFor();
  }

  async openClass(title: string): Promise<void> {
    await this.page.getByRole('cell', { name: title, exact: true }).click();
    await this.page.getByTestId('attendance-grid').waitFor();
  }

  /** Ticks one attendance cell (checkbox labelled "name date subject") and waits for the grid to refresh. */
  async mark(name: string, date: string, subject: string): Promise<void> {
    const label = `${name} ${date} ${subject}`;
    // The cell is controlled by the server's answer, so click and wait rather than check().
    await this.page.getByLabel(label, { exact: true }).click();
    await this.page.waitForFunction((l) => {
      const box = document.querySelector(`input[aria-label="${l}"]`) as HTMLInputElement | null;
      return box?.checked === true && !box.disabled;
    }, label);
  }

  /** Waits until every ticked box has finished its colour transition, so screenshots show settled cells. */
  async settled(): Promise<void> {
    await this.page.mouse.move(0, 0);
    await this.page.waitForFunction(() => {
      const inners = Array.from(document.querySelectorAll('[data-testid="attendance-grid"] .ant-checkbox-checked .ant-checkbox-inner'));
      const colours = new Set(inners.map((el) => getComputedStyle(el).backgroundColor));
      return inners.length > 0 && colours.size === 1;
    });
  }

  async openSignIn(): Promise<string> {
    await this.page.getByRole('button', { name: '发起签到' }).click();
    await this.page
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    const code = this.page.getByTestId('sign-in-code');
    await code.waitFor();
    return (await code.innerText()).trim();
  }

  async confirmCompletion(names: string[], reason?: string): Promise<void> {
    for (const name of names)
      await this.page
        .getByRole('row', { name: new RegExp(name) })
        .getByRole('checkbox')
        .first()
        .check();
    await this.page.getByRole('button', { name: /确认结业/ }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.waitFor();
    if (reason) await dialog.getByLabel('说明').fill(reason);
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  async openCoverage(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/training?tab=coverage`);
    await this.page.getByTestId('coverage-summary').waitFor();
  }

  summary(): Promise<string> {
    return this.page.getByTestId('coverage-summary').innerText();
  }

  missingNames(): Promise<string[]> {
    return this.page.getByTestId('coverage-people').locator('.ant-table-row td:nth-child(3)').allInnerTexts();
  }
}
