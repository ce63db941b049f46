import type { Page } from 'playwright-core';

export interface ExamFormInput {
  title: string;
  kind: string;
  orgName: string;
  paperTitle: string;
  /** 'YYYY-MM-DD HH:mm' in the browser's time zone. */
  startsAt: string;
  endsAt: string;
  durationMinutes: number;
  passScore: number;
  targetOrgName: string;
}

/** 考试管理: the exam list, the create form and one exam's detail with its tabs. */
export class ExamAdminPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async open(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/exams`);
    await this.page.getByTestId('exam-table').waitFor();
    await this.page.waitForLoadState('networkidle');
  }

  private async pickTree(item: string, label: string, text: string): Promise<void> {
    const formItem = this.page.getByTestId('exam-form').locator('.ant-form-item', { hasText: label });
    await formItem.locator('.ant-select-selector').click();
    await this.page.keyboard.type(text);
    await this.page.locator('.ant-select-dropdown:visible').getByTitle(text, { exact: true }).click();
    // A multiple picker stays open; clicking the drawer's title closes it (Escape would close the drawer).
    if (item === 'multi') await this.page.locator('.ant-drawer-title').click();
    await this.noOpenDropdown();
  }

  /** Waits until every select dropdown has closed (one may still be fading out while the next opens). */
  private async noOpenDropdown(): Promise<void> {
    await this.page.waitForFunction(() =>
      Array.from(document.querySelectorAll('.ant-select-dropdown')).every(
        (el) => el.classList.contains('ant-select-dropdown-hidden') || el.getBoundingClientRect().height === 0,
      ),
    );
  }

  /** Fills the new-exam drawer; leaves it open so the caller can screenshot before saving. */
  async fillCreateForm(input: ExamFormInput): Promise<void> {
    await this.page.getByRole('button', { name: '新建考试' }).click();
    const form = this.page.getByTestId('exam-form');
    await form.waitFor();
    await form.getByLabel('考试名称').fill(input.title);
    await form.locator('.ant-form-item', { hasText: '考试类型' }).locator('.ant-select-selector').click();
    await this.page.locator('.ant-select-dropdown:visible').getByTitle(input.kind, { exact: true }).click();
    await this.noOpenDropdown();
    await this.pickTree('single', '组织单位', input.orgName);
    await form.locator('.ant-form-item', { hasText: '试卷' }).first().locator('.ant-select-selector').click();
    await this.page.keyboard.type(input.paperTitle);
    await this.page.locator('.ant-select-dropdown:visible').getByTitle(input.paperTitle, { exact: true }).click();
    await this.noOpenDropdown();
    const range = form.locator('.ant-picker-range input');
    await range.nth(0).click();
    await range.nth(0).fill(input.startsAt);
    await range.nth(0).press('Enter');
    await range.nth(1).fill(input.endsAt);
    await range.nth(1).press('Enter');
    await form.getByLabel('答题时长（分钟）').fill(String(input.durationMinutes));
    await form.getByLabel('及格分').fill(String(input.passScore));
    await this.pickTree('multi', '单位（含下级）', input.targetOrgName);
  }

  /** Saves and schedules; lands on the new exam's detail page. */
  async saveAndSchedule(): Promise<void> {
    await this.page.getByTestId('exam-save-schedule').click();
    await this.page.getByTestId('exam-detail').waitFor();
    await this.page.getByRole('tab', { name: '监考' }).waitFor();
  }

  async openExam(title: string): Promise<void> {
    await this.open();
    await this.page.getByTestId('exam-table').getByText(title).click();
    await this.page.getByTestId('exam-detail').waitFor();
  }

  async tab(name: '监考' | '成绩统计' | '试题分析'): Promise<void> {
    await this.page.getByRole('tab', { name }).click();
  }

  async publishResults(): Promise<void> {
    await this.page.getByTestId('publish-results').click();
    await this.page.locator('.ant-popconfirm .ant-btn-primary').click();
    await this.page.getByText('成绩已发布', { exact: true }).first().waitFor();
  }

  /** Grades every short answer of the blind queue with half the points; returns how many. */
  async gradeAll(): Promise<number> {
    await this.page.goto(`${this.baseUrl}/exams/grading`);
    const item = this.page.getByTestId('grading-item');
    const none = this.page.getByText('当前没有待评答卷');
    let graded = 0;
    for (;;) {
      // Wait for the queue's answer: a paper to grade or none left. On a busy machine the network
      // can fall idle while the app is still starting, before it has asked for the queue.
      await item.or(none).first().waitFor();
      if (!(await item.isVisible())) break;
      const max = Number((await item.locator('.ant-form-item-extra').innerText()).match(/\d+(\.\d+)?/)?.[0] ?? '0');
      const before = await this.page.getByText(/待评 \d+ 份/).innerText();
      await item.getByLabel('得分').fill(String(Math.floor(max / 2)));
      await item.getByRole('button', { name: '提交并评下一份' }).click();
      await this.page.waitForFunction((text) => !document.body.innerText.includes(text), before);
      graded += 1;
    }
    return graded;
  }
}
