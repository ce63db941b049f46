import type { Locator, Page } from 'playwright-core';
import { pickTreeNode } from './tree-select.ts';

export type QuestionTypeLabel = '单选题' | '多选题' | '判断题' | '填空题' | '简答题';

export interface RuleInput {
  readonly type: QuestionTypeLabel;
  readonly count: number;
  readonly score: number;
  /** Labels as shown: 易, 较易, 中, 较难, 难; absent = 不限. */
  readonly difficulty?: string;
  readonly policeCategory?: string;
  readonly subject?: string;
  readonly sourceLaw?: string;
}

export interface RulePaperInput {
  readonly title: string;
  readonly orgName: string;
  readonly banks: readonly string[];
  readonly rules: readonly RuleInput[];
  readonly timeMinutes?: number;
  readonly passScore?: number;
}

/** 试卷管理 (/question-bank/papers) and the paper composer, on a desktop. */
export class PaperPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  private async pick(select: Locator, text: string, exact = false): Promise<void> {
    await select.locator('.ant-select-selector').click();
    const pattern = exact ? new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : text;
    const option = this.page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: pattern });
    await option.first().click();
    await this.page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
  }

  async openList(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/question-bank/papers`);
    await this.page.getByTestId('paper-table').waitFor();
    await this.page.waitForLoadState('networkidle');
  }

  async openNew(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/question-bank/papers/new`);
    await this.page.getByTestId('paper-title').waitFor();
    await this.page.waitForLoadState('networkidle');
  }

  async open(paperId: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/question-bank/papers/${paperId}`);
    await this.page.getByTestId('paper-title').waitFor();
    await this.page.waitForLoadState('networkidle');
  }

  async setTitle(title: string): Promise<void> {
    await this.page.getByTestId('paper-title').fill(title);
  }

  async pickOrg(name: string): Promise<void> {
    await pickTreeNode(this.page, this.page.getByLabel('所属单位'), name);
  }

  async chooseKind(kind: 'rule' | 'fixed'): Promise<void> {
    await this.page.getByTestId(`paper-kind-${kind}`).click();
  }

  /** Adds banks to the rule paper's pool (multiple select; closed by clicking the card title). */
  async chooseBanks(names: readonly string[]): Promise<void> {
    const select = this.page.getByTestId('paper-banks');
    for (const name of names) {
      await select.locator('.ant-select-selector').click();
      await this.page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: name }).first().click();
    }
    await this.page.locator('.ant-card-head-title').first().click();
    await this.page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
  }

  private row(no: number): Locator {
    return this.page.getByTestId(`rule-row-${no}`);
  }

  async ruleCount(): Promise<number> {
    return this.page.getByTestId('paper-rules').locator('tbody tr[data-testid^="rule-row-"]').count();
  }

  /** Makes the rule table hold exactly these rows (adding or removing rows as needed). */
  async setRules(rules: readonly RuleInput[]): Promise<void> {
    while ((await this.ruleCount()) > rules.length) await this.page.getByTestId(`rule-remove-${await this.ruleCount()}`).click();
    while ((await this.ruleCount()) < rules.length) await this.page.getByTestId('paper-add-rule').click();
    for (const [i, r] of rules.entries()) {
      const no = i + 1;
      await this.row(no).waitFor();
      await this.pick(this.page.getByTestId(`rule-type-${no}`), r.type, true);
      await this.pick(this.page.getByTestId(`rule-difficulty-${no}`), r.difficulty ?? '不限', true);
      await this.pick(this.page.getByTestId(`rule-policeCategory-${no}`), r.policeCategory ?? '不限', true);
      await this.pick(this.page.getByTestId(`rule-subject-${no}`), r.subject ?? '不限', true);
      await this.pick(this.page.getByTestId(`rule-sourceLaw-${no}`), r.sourceLaw ?? '不限', true);
      await this.page.getByLabel(`规则 ${no} 抽题数`).fill(String(r.count));
      await this.page.getByLabel(`规则 ${no} 每题分值`).fill(String(r.score));
    }
    await this.page.locator('.ant-card-head-title').first().click();
  }

  /** Waits until every rule shows its available count, then answers them in order. */
  async availability(): Promise<{ available: number; ok: boolean }[]> {
    const n = await this.ruleCount();
    // The counts are re-checked (debounced) after every edit; wait for the last check to land.
    await this.page.locator('[data-testid="paper-rules"][data-checking="false"]').waitFor();
    await this.page.waitForFunction(
      (count) =>
        Array.from({ length: count }, (_x, i) => document.querySelector(`[data-testid="rule-available-${i + 1}"]`)).every(
          (el) => el?.getAttribute('data-ok') !== null,
        ),
      n,
    );
    const out: { available: number; ok: boolean }[] = [];
    for (let i = 1; i <= n; i++) {
      const tag = this.page.getByTestId(`rule-available-${i}`);
      out.push({ available: Number(await tag.getAttribute('data-available')), ok: (await tag.getAttribute('data-ok')) === 'true' });
    }
    return out;
  }

  async total(): Promise<number> {
    return Number(await this.page.getByTestId('paper-total').innerText());
  }

  async setTiming(timeMinutes?: number, passScore?: number): Promise<void> {
    if (timeMinutes !== undefined) await this.page.getByLabel('建议时长（分钟）').fill(String(timeMinutes));
    if (passScore !== undefined) await this.page.getByLabel('及格分').fill(String(passScore));
  }

  /** Saves; a new paper then opens at its own URL. Answers the paper id. */
  async save(): Promise<string> {
    await this.page.getByTestId('paper-save').click();
    await this.page.getByText('试卷已保存').first().waitFor();
    await this.page.waitForURL(/\/question-bank\/papers\/[0-9a-f-]{36}$/);
    return this.page.url().split('/').pop() as string;
  }

  /** The error shown above the composer (e.g. a rule lacking questions), or null. */
  async error(): Promise<string | null> {
    const alert = this.page.getByTestId('paper-error');
    return (await alert.count()) > 0 ? (await alert.innerText()).trim() : null;
  }

  /** A whole rule paper: title, org, banks, rules, timing; saved. Answers the paper id. */
  async composeRulePaper(input: RulePaperInput): Promise<string> {
    await this.openNew();
    await this.setTitle(input.title);
    await this.pickOrg(input.orgName);
    await this.chooseKind('rule');
    await this.setTiming(input.timeMinutes, input.passScore);
    await this.chooseBanks(input.banks);
    await this.setRules(input.rules);
    await this.availability();
    return this.save();
  }

  /** Opens the preview drawer of the saved paper; answers how many items it drew and the total. */
  async preview(): Promise<{ items: number; total: string }> {
    await this.page.getByTestId('paper-preview').click();
    await this.page.getByTestId('paper-preview-item').first().waitFor();
    return {
      items: await this.page.getByTestId('paper-preview-item').count(),
      total: (await this.page.getByTestId('paper-preview-total').innerText()).trim(),
    };
  }

  async closePreview(): Promise<void> {
    await this.page.locator('.ant-drawer-close').click();
    await this.page.getByTestId('paper-preview-item').first().waitFor({ state: 'hidden' });
  }
}
