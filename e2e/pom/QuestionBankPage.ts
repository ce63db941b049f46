import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { pickTreeNode } from './tree-select.ts';

export interface ImportProblemRow {
  readonly row: number;
  readonly column: string;
  readonly message: string;
}

/** 题库管理 (/question-bank) and 批量导入试题 (/question-bank/import) on a desktop. */
export class QuestionBankPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  /** Picks `text` in an antd Select found by its root locator, by typing and clicking the option. */
  private async pick(select: Locator, text: string): Promise<void> {
    await select.locator('.ant-select-selector').click();
    await this.page.keyboard.type(text);
    await this.page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: text }).first().click();
    await this.page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
  }

  async open(bankId?: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/question-bank${bankId ? `?bankId=${bankId}` : ''}`);
    await this.page.getByTestId('qb-question-table').waitFor();
    await this.page.waitForLoadState('networkidle');
  }

  /** 新建题库 owned by `orgName` (picked in the org tree by typing part of its name). */
  async createBank(name: string, orgName: string): Promise<void> {
    await this.page.getByTestId('qb-create-bank').click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('题库名称').fill(name);
    await pickTreeNode(this.page, dialog.getByLabel('所属单位'), orgName);
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    await this.page.waitForLoadState('networkidle');
  }

  async openImport(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/question-bank/import`);
    await this.page.getByTestId('qb-import-upload').waitFor();
    await this.page.waitForLoadState('networkidle');
  }

  async chooseImportBank(bankName: string): Promise<void> {
    await this.pick(this.page.getByTestId('qb-import-bank'), bankName);
  }

  async downloadTemplate(): Promise<string> {
    const [download] = await Promise.all([this.page.waitForEvent('download'), this.page.getByTestId('qb-import-template').click()]);
    return download.suggestedFilename();
  }

  /** Uploads a file for the dry run (预检) and waits for its summary or error. */
  async upload(file: string): Promise<void> {
    await this.page.getByTestId('qb-import-upload').locator('input[type=file]').setInputFiles(file);
    await this.page.locator('[data-testid="qb-import-summary"], [data-testid="qb-import-error"]').first().waitFor();
  }

  async summaryText(): Promise<string> {
    return (await this.page.getByTestId('qb-import-summary').innerText()).trim();
  }

  /** The problem table: sheet row, column letter and message of each problem (first page). */
  async problems(): Promise<ImportProblemRow[]> {
    const rows = this.page.getByTestId('qb-import-problems').locator('tbody tr.ant-table-row');
    const out: ImportProblemRow[] = [];
    for (let i = 0; i < (await rows.count()); i++) {
      const cells = rows.nth(i).locator('td');
      out.push({
        row: Number(await cells.nth(0).innerText()),
        column: (await cells.nth(1).innerText()).trim(),
        message: (await cells.nth(4).innerText()).trim(),
      });
    }
    return out;
  }

  async reupload(): Promise<void> {
    await this.page.getByTestId('qb-import-reupload').click();
    await this.page.getByTestId('qb-import-upload').waitFor();
  }

  /** 确认导入 (all or nothing) and waits for the success page. */
  async commit(): Promise<void> {
    await this.page.getByTestId('qb-import-commit').click();
    await this.page.locator('.ant-popconfirm .ant-btn-primary').click();
    await this.page.getByTestId('qb-import-done').waitFor();
  }

  /** The whole import of a clean file into a bank: choose bank, upload, check, commit. */
  async importFile(bankName: string, file: string): Promise<void> {
    await this.openImport();
    await this.chooseImportBank(bankName);
    await this.upload(file);
    await this.commit();
  }

  /** Waits for the list's answer to a request matching `match`. */
  private async listAnswer(match: (url: URL) => boolean): Promise<void> {
    await this.page.waitForResponse((r) => {
      const url = new URL(r.url());
      return url.pathname === '/api/v1/question-bank/questions' && match(url);
    });
    await this.page.locator('[data-testid="qb-question-list"][data-loading="false"]').waitFor();
  }

  /** The list's total ("共 N 条"). */
  async total(): Promise<number> {
    await this.page.locator('[data-testid="qb-question-list"][data-loading="false"]').waitFor();
    // antd hides the pagination of an empty table.
    const totalText = this.page.locator('.ant-pagination-total-text');
    if ((await totalText.count()) === 0) return this.page.locator('.ant-table-tbody tr.ant-table-row').count();
    const text = await totalText.innerText();
    return Number(/\d+/.exec(text)?.[0] ?? 0);
  }

  async filterType(label: '单选题' | '多选题' | '判断题' | '填空题' | '简答题'): Promise<void> {
    await this.pick(
      this.page.getByTestId('qb-filters').locator('.ant-select', { has: this.page.getByLabel('题型', { exact: true }) }),
      label,
    );
    await this.page.waitForLoadState('networkidle');
  }

  async search(keyword: string): Promise<void> {
    const box = this.page.getByLabel('按题干查询');
    await box.fill(keyword);
    await Promise.all([this.listAnswer((u) => u.searchParams.get('q') === keyword), box.press('Enter')]);
  }

  /** Opens the question with exactly this stem in the drawer. */
  async openQuestion(stem: string): Promise<void> {
    await this.page.getByTestId('qb-question-table').getByText(stem, { exact: true }).click();
    await this.page.getByTestId('question-view').waitFor();
  }

  /** Edits the open question's stem and saves a new version. */
  async editStem(newStem: string): Promise<void> {
    await this.page.getByTestId('question-edit').click();
    const drawer = this.page.locator('.ant-drawer-content');
    await drawer.getByLabel('题干').fill(newStem);
    await this.page.getByTestId('question-save').click();
    await this.page.getByTestId('question-view').waitFor();
  }

  /** 新建试题 for a choice type: fills the drawer; ticks `correct` and saves, answering the inline errors if it did not save. */
  async createChoiceQuestion(q: { type: '单选题' | '多选题'; stem: string; options: string[]; correct: string[] }): Promise<string[]> {
    await this.page.getByTestId('qb-create-question').click();
    const drawer = this.page.locator('.ant-drawer-content');
    await drawer.getByLabel('题干').waitFor();
    await this.pick(this.page.getByTestId('question-type-select'), q.type);
    await drawer.getByLabel('题干').fill(q.stem);
    for (const [i, text] of q.options.entries()) await drawer.getByLabel(`选项 ${'ABCDEFGH'[i]}`, { exact: true }).fill(text);
    for (const key of q.correct) await this.markCorrect(q.type === '单选题' ? 'radio' : 'checkbox', key);
    return this.saveQuestion();
  }

  /** Marks an option correct in the open form, waiting until the box holds the state (the answer widget is rebuilt as the form settles). */
  async markCorrect(role: 'radio' | 'checkbox', key: string): Promise<void> {
    const box = this.page.locator('.ant-drawer-content').getByRole(role, { name: key, exact: true });
    await expect.poll(async () => (await box.isChecked()) || (await box.click(), box.isChecked())).toBe(true);
  }

  /** Saves the open question form; answers the inline errors shown, or [] once the drawer closed. */
  async saveQuestion(): Promise<string[]> {
    const drawer = this.page.locator('.ant-drawer-content');
    await this.page.getByTestId('question-save').click();
    const errors = drawer.locator('.ant-form-item-explain-error');
    await Promise.race([errors.first().waitFor(), drawer.waitFor({ state: 'hidden' })]);
    return (await drawer.isVisible()) ? errors.allInnerTexts() : [];
  }
}
