import type { Page } from 'playwright-core';

/** 我的考试 and 答题 as an examinee sees them on a phone. */
export class ExamTakePage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async openList(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/my-exams`);
    await this.page.getByTestId('my-exams').waitFor();
  }

  card(title: string) {
    return this.page.getByTestId('my-exams').locator('.ant-card', { hasText: title });
  }

  /**
   * 开始答题 opens 考试须知 and starts only once it is confirmed (the attempt counts from there);
   * 继续答题 goes straight back in. `onNotice` sees the open notice (for a screenshot).
   */
  async start(title: string, onNotice?: () => Promise<void>): Promise<void> {
    const button = this.card(title).getByRole('button', { name: /开始答题|继续答题/ });
    const fresh = (await button.innerText()).replace(/\s/g, '') === '开始答题';
    await button.click();
    if (fresh) {
      const notice = this.page.getByRole('dialog', { name: '考试须知' });
      await notice.waitFor();
      if (onNotice) await onNotice();
      await notice.getByRole('button', { name: /开始考试/ }).click();
    }
    await this.page.getByTestId('countdown').waitFor();
  }

  question() {
    return this.page.locator('[data-testid^="question-"]');
  }

  /** Type of the question on screen, from its tag (单选题, 多选题 …). */
  async currentType(): Promise<string> {
    return (await this.question().locator('.ant-tag').first().innerText()).trim();
  }

  /** Answers the question on screen with its first option / some text; returns what was entered. */
  async answerCurrent(text: string): Promise<string> {
    const q = this.question();
    const type = await this.currentType();
    if (type === '单选题' || type === '判断题') {
      const option = q.locator('label.ant-radio-wrapper').first();
      await option.click();
      return (await option.innerText()).trim();
    }
    if (type === '多选题') {
      const boxes = q.locator('label.ant-checkbox-wrapper');
      await boxes.nth(0).click();
      await boxes.nth(1).click();
      return `${(await boxes.nth(0).innerText()).trim()}|${(await boxes.nth(1).innerText()).trim()}`;
    }
    if (type === '填空题') {
      const input = q.locator('input').first();
      await input.fill(text);
      return text;
    }
    await q.locator('textarea').fill(text);
    return text;
  }

  /** What the question on screen currently holds (the same shape answerCurrent returns). */
  async currentAnswer(): Promise<string> {
    const q = this.question();
    const type = await this.currentType();
    if (type === '单选题' || type === '判断题') {
      const checked = q.locator('label.ant-radio-wrapper-checked');
      return (await checked.count()) ? (await checked.first().innerText()).trim() : '';
    }
    if (type === '多选题') return (await q.locator('label.ant-checkbox-wrapper-checked').allInnerTexts()).map((s) => s.trim()).join('|');
    if (type === '填空题') return q.locator('input').first().inputValue();
    return q.locator('textarea').inputValue();
  }

  async next(): Promise<void> {
    const before = await this.question().getAttribute('data-testid');
    await this.page.getByRole('button', { name: /下一题/ }).click();
    await this.page.waitForFunction(
      (id) => document.querySelector('[data-testid^="question-"]')?.getAttribute('data-testid') !== id,
      before,
    );
  }

  async goTo(no: number): Promise<void> {
    await this.page.getByTestId('open-sheet').click();
    await this.page
      .getByTestId('answer-sheet')
      .getByRole('button', { name: new RegExp(`^第 ${no} / `) })
      .click();
    await this.page.getByTestId(`question-${no}`).waitFor();
  }

  /** Waits until every change is confirmed by the server (“已保存 hh:mm:ss”). */
  async waitSaved(): Promise<void> {
    await this.page
      .getByTestId('save-state')
      .getByText(/^已保存 \d{2}:\d{2}:\d{2}$/)
      .waitFor({ timeout: 15_000 });
  }

  async submit(): Promise<void> {
    await this.page.getByTestId('open-sheet').click();
    await this.page.locator('.ant-drawer').getByRole('button', { name: '交卷' }).click();
    await this.page.locator('.ant-modal-confirm').waitFor();
    await this.settled();
  }

  /** Waits until no drawer or dialog is still moving (for screenshots that show the end state). */
  async settled(): Promise<void> {
    // antd marks elements in motion with *-enter / *-appear / *-leave classes.
    await this.page.waitForFunction(() => !document.querySelector('[class*="-enter"], [class*="-appear"], [class*="-leave"]'));
  }

  async confirmSubmit(): Promise<void> {
    await this.page.locator('.ant-modal-confirm').getByRole('button', { name: '交卷' }).click();
    await this.page.getByTestId('exam-result').waitFor();
    await this.page.locator('.ant-modal-confirm').waitFor({ state: 'detached' });
  }
}
