import type { Page } from 'playwright-core';

/** The talent (教官与人才) and competition (比武竞赛) pages, as a user clicks them. */
export class TalentPages {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async openTab(tab: 'instructors' | 'pool' | 'courseware'): Promise<void> {
    await this.page.goto(`${this.baseUrl}/talent?tab=${tab}`);
    await this.page.locator('.ant-table-tbody').first().waitFor();
    await this.settled();
  }

  /** No table still loading (antd dims a loading table), so a screenshot shows the data as users see it. */
  async settled(): Promise<void> {
    await this.page.locator('.ant-spin-spinning').first().waitFor({ state: 'detached' });
  }

  /** The row of the suggestions table for a person and category. */
  suggestion(name: string, category: string) {
    return this.card('推荐名单').locator('.ant-table-row').filter({ hasText: name }).filter({ hasText: category });
  }

  /** A small card (a section inside the page's card), found by its title. */
  card(title: string) {
    return this.page.locator('.ant-card-small').filter({ has: this.page.locator('.ant-card-head-title', { hasText: title }) });
  }

  async openCompetition(id: string, tab: 'items' | 'entries' | 'scores' | 'rankings'): Promise<void> {
    await this.page.goto(`${this.baseUrl}/competitions/${id}?tab=${tab}`);
    // Scoped to the page: the shell's strip of open pages is a tab list too.
    await this.page.locator('.ant-layout-content .ant-tabs-tabpane-active').waitFor();
  }

  scoreInput(person: string) {
    return this.page.getByLabel(`成绩 ${person}`, { exact: true });
  }
}
