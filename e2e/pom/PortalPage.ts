import type { Page } from 'playwright-core';

/** The applicant's side of the public recruitment portal (/portal), used on a phone. */
export class PortalPage {
  constructor(
    private readonly page: Page,
    private readonly baseUrl: string,
  ) {}

  async openHome(): Promise<void> {
    await this.page.goto(`${this.baseUrl}/portal`);
    await this.page.getByTestId('portal-announcements').waitFor();
  }

  async openAnnouncement(title: string): Promise<void> {
    await this.page.getByTestId('portal-announcements').getByText(title).click();
    await this.page.getByTestId('portal-announcement').waitFor();
  }

  /**
   * Fills phone and captcha, asks for the SMS code and returns once the "sent" state shows; the
   * caller reads the code from wherever the message sender put it.
   */
  async requestCode(phone: string, captcha: string): Promise<void> {
    await this.page.goto(`${this.baseUrl}/portal/register`);
    await this.page.getByTestId('portal-register').waitFor();
    await this.page.getByLabel('手机号码').fill(phone);
    await this.page.getByTestId('captcha-image').locator('img').waitFor();
    await this.page.getByLabel('图形验证码').fill(captcha);
    await this.page.getByRole('button', { name: '获取验证码' }).click();
    await this.page.getByText('验证码已发送').waitFor();
  }

  async finishRegistration(code: string, password: string): Promise<void> {
    await this.page.getByLabel('短信验证码').fill(code);
    await this.page.getByLabel('密码', { exact: true }).fill(password);
    await this.page.getByLabel('确认密码').fill(password);
    await this.page.getByRole('button', { name: '注册并登录' }).click();
    await this.page.getByTestId('portal-applicant').waitFor();
  }

  async chooseOption(label: string, option: string): Promise<void> {
    await this.page.getByLabel(label, { exact: true }).click({ force: true });
    await this.page.locator('.ant-select-dropdown:visible').getByTitle(option, { exact: true }).click();
  }

  async fillApplication(f: {
    name: string;
    idNumber: string;
    phone: string;
    education: string;
    political: string;
    /** 户籍所在地 as the applicant picks it: province, city, county. */
    household: readonly string[];
    address: string;
  }): Promise<void> {
    await this.page.getByTestId('portal-apply').waitFor();
    await this.page.getByLabel('姓名').fill(f.name);
    await this.page.getByLabel('公民身份号码').fill(f.idNumber);
    await this.page.getByLabel('联系电话').fill(f.phone);
    await this.chooseOption('最高学历', f.education);
    await this.chooseOption('政治面貌', f.political);
    await this.chooseDivision(f.household);
    await this.page.getByLabel('现居住地址').fill(f.address);
  }

  /** Walks the 省/市/区 cascader one column at a time, as a thumb would. */
  async chooseDivision(names: readonly string[]): Promise<void> {
    await this.page.getByLabel('户籍所在地').click();
    for (const [level, name] of names.entries()) {
      await this.page.locator('.ant-cascader-menu').nth(level).locator(`.ant-cascader-menu-item[title="${name}"]`).click();
    }
    await this.page.locator('.ant-cascader-dropdown').waitFor({ state: 'hidden' });
  }

  async submitApplication(): Promise<void> {
    await this.page.getByRole('button', { name: '提交报名' }).click();
    await this.page.getByTestId('portal-application').waitFor();
  }

  async uploadPhoto(file: string): Promise<void> {
    await this.page.getByTestId('photo-input').setInputFiles(file);
  }

  async status(): Promise<string> {
    return (await this.page.getByTestId('portal-application').getByTestId('application-status').innerText()).trim();
  }

  async resubmit(): Promise<void> {
    await this.page.getByRole('button', { name: '重新提交' }).click();
    await this.page
      .locator('.ant-popconfirm:visible')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await this.page.getByText('已重新提交，请等待审核').waitFor();
  }
}
