import type { Page } from 'playwright-core';
import { pickTreeNode } from './tree-select.ts';

/** The staff recruitment pages (/recruitment) on a desktop. */
export class RecruitmentPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  private dialog() {
    return this.page.getByRole('dialog');
  }

  /** Picks an org in the shared OrgTreeSelect labelled `label`, by typing part of its name. */
  async pickOrg(label: string, name: string): Promise<void> {
    await pickTreeNode(this.page, this.dialog().getByLabel(label), name);
  }

  /** Types both ends of an antd RangePicker (YYYY-MM-DD). */
  async fillRange(picker: import('playwright-core').Locator, from: string, until: string): Promise<void> {
    await picker.locator('input').first().click();
    await picker.locator('input').first().fill(from);
    await picker.locator('input').first().press('Enter');
    await picker.locator('input').last().fill(until);
    await picker.locator('input').last().press('Enter');
  }

  /** 新建招聘公告 from the list page; answers the new announcement's id (from the URL it opens). */
  async createAnnouncement(a: {
    title: string;
    unit: string;
    from: string;
    until: string;
    summary: string;
    body: string;
  }): Promise<string> {
    await this.page.goto(`${this.baseUrl}/recruitment`);
    await this.page.getByTestId('announcement-table').waitFor();
    await this.page.getByRole('button', { name: '新建招聘公告' }).click();
    const dialog = this.dialog();
    await dialog.getByLabel('公告标题').fill(a.title);
    await this.pickOrg('发布单位', a.unit);
    await this.fillRange(dialog.locator('.ant-picker-range'), a.from, a.until);
    await dialog.getByLabel('摘要').fill(a.summary);
    await dialog.getByLabel('公告正文').fill(a.body);
    await dialog.getByLabel('考试地点').fill('上城分局培训中心');
    await dialog.getByRole('button', { name: '保存' }).click();
    await this.page.waitForURL(/\/recruitment\/announcements\/[^/?]+/);
    await this.page.getByTestId('announcement-admin').waitFor();
    return /announcements\/([^/?]+)/.exec(this.page.url())?.[1] ?? '';
  }

  async addPost(p: {
    code: string;
    name: string;
    unit: string;
    headcount: number;
    ageMin: number;
    ageMax: number;
    education: string;
    household: string;
    other: string;
  }): Promise<void> {
    await this.page.getByRole('button', { name: '新增岗位' }).click();
    const dialog = this.dialog();
    await dialog.getByLabel('岗位代码').fill(p.code);
    await dialog.getByLabel('岗位名称').fill(p.name);
    await this.pickOrg('用人单位', p.unit);
    await dialog.getByLabel('招聘人数').fill(String(p.headcount));
    await dialog.getByLabel('最低年龄').fill(String(p.ageMin));
    await dialog.getByLabel('最高年龄').fill(String(p.ageMax));
    await dialog.getByLabel('最低学历').click({ force: true });
    await this.page.locator('.ant-select-dropdown:visible').getByTitle(p.education, { exact: true }).click();
    const household = dialog.getByLabel('户籍地区');
    await household.fill(p.household);
    await household.press('Enter');
    await dialog.getByLabel('其他条件').fill(p.other);
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'hidden' });
  }

  async publish(): Promise<void> {
    await this.page.getByRole('button', { name: '发布公告' }).click();
    await this.confirmPopover();
    await this.page.getByTestId('announcement-admin').getByText('已发布').waitFor();
  }

  async openAnnouncement(id: string, tab: 'posts' | 'review' | 'scores' | 'hiring'): Promise<void> {
    await this.page.goto(`${this.baseUrl}/recruitment/announcements/${id}?tab=${tab}`);
    await this.page.getByTestId('announcement-admin').waitFor();
    await this.page.waitForLoadState('networkidle');
  }

  /** Opens an application from the review queue (filtered to the given status). */
  async openFromQueue(name: string): Promise<void> {
    await this.page.getByTestId('review-table').getByText(name, { exact: true }).click();
    await this.page.getByTestId('application-review').waitFor();
  }

  async reject(reason: string): Promise<void> {
    await this.page.getByRole('button', { name: '退回' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.getByLabel('退回原因').fill(reason);
    await dialog.getByRole('button', { name: '退回' }).click();
    await this.page.getByText('已退回，考生可修改后重新提交').waitFor();
    await dialog.waitFor({ state: 'hidden' });
  }

  async approve(): Promise<void> {
    await this.page.getByRole('button', { name: '审核通过' }).click();
    await this.page.getByText('已审核通过').first().waitFor();
  }

  async confirmPopover(): Promise<void> {
    await this.page
      .locator('.ant-popconfirm:visible')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
  }

  async issueTickets(): Promise<void> {
    await this.page.getByRole('button', { name: '发放准考证' }).click();
    await this.confirmPopover();
    await this.page.getByText(/已发放 \d+ 张准考证/).waitFor();
  }

  async saveWeights(): Promise<void> {
    await this.page.getByRole('button', { name: '保存权重' }).click();
    await this.page.getByText('已保存').waitFor();
  }

  async checkScores(file: string): Promise<void> {
    await this.page.getByTestId('scores-file').setInputFiles(file);
  }

  async commitScores(): Promise<void> {
    await this.page.getByRole('button', { name: '确认导入' }).click();
    await this.confirmPopover();
    await this.page.getByTestId('score-import-done').waitFor();
  }

  async shortlist(name: string): Promise<void> {
    const row = this.page.getByTestId('ranking-group').locator('tr', { hasText: name });
    await row.locator('input[type=checkbox]').check();
    await this.page.getByRole('button', { name: /确定入围/ }).click();
    await this.confirmPopover();
    await this.page.getByText(/\d+ 人入围/).waitFor();
  }

  /** 发布公示: everyone who passed 体检; the period is the workflow's, in working days. */
  async publicize(): Promise<void> {
    await this.page.getByRole('button', { name: '发布公示' }).click();
    await this.confirmPopover();
    await this.page.getByText(/已公示 \d+ 人/).waitFor();
  }

  /** 办理 → 体检: 合格 (the form's default) with today's date at the given institution. */
  async recordMedical(name: string, institution: string): Promise<void> {
    const row = this.page.getByTestId('ranking-group').locator('tr', { hasText: name });
    await row.getByRole('button', { name: '办理' }).click();
    const form = this.page.getByTestId('medical-form');
    await form.getByLabel('体检机构').fill(institution);
    await form
      .getByRole('button', { name: '登 记' })
      .or(form.getByRole('button', { name: '登记' }))
      .click();
    await this.page.getByTestId('stage-panel').getByText(institution).waitFor();
  }

  /** 录用 with the unit picked in the shared OrgTreeSelect by typing part of its name. */
  async hire(name: string, unitName: string): Promise<void> {
    const row = this.page.getByTestId('ranking-group').locator('tr', { hasText: name });
    await row.getByRole('button', { name: '录用' }).click();
    const dialog = this.page.getByRole('dialog');
    await pickTreeNode(this.page, dialog.getByLabel('录用单位'), unitName, 'last');
  }

  async confirmHire(): Promise<void> {
    await this.page.getByRole('dialog').getByRole('button', { name: '确认录用' }).click();
    await this.page.getByTestId('hire-done').waitFor();
  }
}
