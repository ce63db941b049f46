import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingDate } from '../packages/core/src/platform/beijing-date.ts';
import { makeIdNumber } from '../packages/core/src/personnel/id-number.ts';
import { LoginPage } from './pom/LoginPage.ts';
import { PortalPage } from './pom/PortalPage.ts';
import { RecruitmentPage } from './pom/RecruitmentPage.ts';
import { ApiClient } from './support/api.ts';
import { launchBrowser, newContext, snap } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

const PASSWORD = 'Zhenggong#2026';
const APPLICANT_PHONE = '13912345678';
const APPLICANT_PASSWORD = 'Apply2026ok';
const APPLICANT_NAME = '陈志远';
const APPLICANT_ID = makeIdNumber('330102', '2000-05-20', 137);
const TITLE = '上城分局2026年度公开招聘辅警公告';
const REASON = '照片不是近期免冠证件照，请上传白底或蓝底正面照片';

const MINIMAL_PDF = [
  '%PDF-1.4',
  '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
  '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
  '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 120] >> endobj',
  'trailer << /Root 1 0 R >>',
  '%%EOF',
].join('\n');

const day = (offset: number): string => beijingDate(new Date(Date.now() + offset * 86_400_000));

/** A plain-background ID-style photo, drawn by the browser and saved as a real PNG. */
async function drawPhoto(browser: Browser, file: string, background: string): Promise<void> {
  const page = await (await newContext(browser, { viewport: { width: 330, height: 462 } })).newPage();
  await page.setContent(
    `<body style="margin:0;background:${background}"><div style="position:absolute;left:95px;top:70px;width:140px;height:170px;border-radius:50%;background:#e8c4a0"></div><div style="position:absolute;left:45px;top:250px;width:240px;height:230px;border-radius:120px 120px 0 0;background:#1f2f4f"></div></body>`,
  );
  await page.screenshot({ path: file, clip: { x: 0, y: 0, width: 330, height: 462 } });
  await page.close();
}

/**
 * The acceptance journey of issue #5: an applicant registers on a phone, applies, uploads a
 * photo, is returned with a reason, fixes and resubmits; the recruiter approves, imports the
 * scores from xlsx and hires; the new auxiliary officer is in the chosen unit's personnel list.
 */
describe('auxiliary-police recruitment journey in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let phone: BrowserContext;
  let desk: BrowserContext;
  let applicant: Page;
  let staff: Page;
  let announcementId = '';
  let hireUnitId = '';
  let branchId = '';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zg-recruit-'));
  const clockFile = path.join(dir, 'clock-offset-ms');

  beforeAll(async () => {
    // The captcha is drawn for people; with the switch off any answer passes, while the SMS code
    // still goes through the console sender and is read from the server's output below.
    // The 公示 runs working days on the official calendar: time moves through TEST_CLOCK_FILE, not by waiting.
    fs.writeFileSync(clockFile, '0');
    server = await startServer({ PORTAL_CAPTCHA: 'off', TEST_CLOCK_FILE: clockFile });
    const sys = new ApiClient(server.url);
    await sys.firstLogin('sysadmin', server.initialPasswords.sysadmin as string, PASSWORD);
    const root = (await sys.call<{ id: string }[]>('GET', '/api/v1/orgs/tree'))[0]!.id;
    const branch = await sys.call<{ id: string }>('POST', '/api/v1/orgs', {
      name: '上城分局',
      parentId: root,
      type: 'branch',
      isUnit: true,
    });
    const unit = await sys.call<{ id: string }>('POST', '/api/v1/orgs', {
      name: '上城分局巡特警大队',
      parentId: branch.id,
      type: 'brigade',
      isUnit: true,
    });
    hireUnitId = unit.id;
    const user = await sys.call<{ id: string }>('POST', '/api/v1/users', {
      username: 'recruiter',
      displayName: '分局政治处招录专干',
      orgId: branch.id,
      password: 'Initial#Pass1',
    });
    const sec = new ApiClient(server.url);
    await sec.firstLogin('secadmin', server.initialPasswords.secadmin as string, PASSWORD);
    const permissions = [
      'org:read',
      'personnel:read',
      'recruitment:read',
      'recruitment:write',
      'recruitment:review',
      'recruitment:score',
      'recruitment:hire',
      'workflow:calendar',
    ];
    const role = await sec.call<{ id: string }>('POST', '/api/v1/roles', {
      code: 'recruiter',
      name: '辅警招录',
      permissions,
      dataScope: 'org_and_below',
      scopeOrgIds: [],
    });
    await sec.call('PUT', `/api/v1/users/${user.id}/roles`, { roleIds: [role.id] });

    branchId = branch.id;

    browser = await launchBrowser();
    await drawPhoto(browser, path.join(dir, 'casual.png'), '#7fa36b');
    await drawPhoto(browser, path.join(dir, 'id-photo.png'), '#ffffff');
    fs.writeFileSync(path.join(dir, 'not-a-photo.jpg'), 'this is a text file with a .jpg name\n');
    fs.writeFileSync(path.join(dir, '身份证正反面.pdf'), MINIMAL_PDF);
    phone = await newContext(browser, {
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    applicant = await phone.newPage();
    desk = await newContext(browser, { viewport: { width: 1366, height: 768 }, locale: 'zh-CN', acceptDownloads: true });
    staff = await desk.newPage();
    // A page that crashes shows up in the test output, not only as a timeout.
    for (const page of [applicant, staff]) page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
    const login = new LoginPage(staff, server.url);
    await login.open();
    await login.login('recruiter', 'Initial#Pass1');
    await login.changePassword('Initial#Pass1', PASSWORD);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('the recruiter writes the announcement, adds a post with its requirements and publishes', async () => {
    const staffPages = new RecruitmentPage(staff, server.url);
    announcementId = await staffPages.createAnnouncement({
      title: TITLE,
      unit: '上城分局',
      from: day(-1),
      until: day(20),
      summary: '面向社会公开招聘辅警 20 名，网上报名、网上资格审核。',
      body: '一、招聘岗位及人数\n巡逻防控辅警 20 名。\n二、报名方式\n一律在本网站网上报名，资格审核结果在“我的报名”中查看。',
    });
    await staffPages.addPost({
      code: '01',
      name: '巡逻防控辅警',
      unit: '上城分局',
      headcount: 20,
      ageMin: 18,
      ageMax: 30,
      education: '大学专科',
      household: '33',
      other: '身体健康，无违法犯罪记录',
    });
    await staff.getByTestId('posts-table').getByText('18–30 周岁').waitFor();
    await snap(staff, '60-staff-announcement-posts');
    await staffPages.publish();
    expect(branchId).not.toBe('');
  });

  it('an applicant registers on a phone with the SMS code from the console sender', async () => {
    const portal = new PortalPage(applicant, server.url);
    await portal.openHome();
    await snap(applicant, '60-portal-announcements');
    await portal.openAnnouncement(TITLE);
    await applicant.getByText('身体健康，无违法犯罪记录').waitFor();
    // No fixed reference date on this post: age counts on the day of application, and the sentence says which.
    await applicant.getByText(/^年龄 18–30 周岁（以 \d{4}-\d{2}-\d{2} 计算）$/).waitFor();
    // The post's household requirement ('33') reads as the province's name.
    await applicant.getByText('户籍：浙江省', { exact: true }).waitFor();
    await snap(applicant, '61-portal-announcement');

    await portal.requestCode(APPLICANT_PHONE, '0000');
    let code = '';
    await expect
      .poll(() => {
        const line = server
          .output()
          .split('\n')
          .find((l) => l.includes('[portal message]') && l.includes(APPLICANT_PHONE));
        code = /\b(\d{6})\b/.exec(line ?? '')?.[1] ?? '';
        return code;
      })
      .toMatch(/^\d{6}$/);
    // The password hint shows before anything is sent.
    await applicant.getByLabel('密码', { exact: true }).fill('short');
    await applicant.getByLabel('确认密码').click();
    await applicant.getByText('密码至少 8 位，并同时包含字母和数字').waitFor();
    await snap(applicant, '62-portal-register');
    await portal.finishRegistration(code, APPLICANT_PASSWORD);
  });

  it('applies with the ID number checked in the browser and a photo checked before upload', async () => {
    const portal = new PortalPage(applicant, server.url);
    await applicant.goto(`${server.url}/portal/announcements/${announcementId}`);
    await applicant.getByRole('button', { name: '报名此岗位' }).click();
    await portal.fillApplication({
      name: APPLICANT_NAME,
      idNumber: APPLICANT_ID.slice(0, 17) + (APPLICANT_ID[17] === '1' ? '2' : '1'),
      phone: APPLICANT_PHONE,
      education: '大学本科',
      political: '共青团员',
      household: ['浙江省', '杭州市', '上城区'],
      address: '杭州市上城区望江街道秋涛路 88 号',
    });
    await applicant.getByText('校验位不正确，请核对号码').waitFor();
    await snap(applicant, '63-portal-apply-id-error');
    await applicant.getByLabel('公民身份号码').fill(APPLICANT_ID);
    await applicant.getByTestId('id-derived').getByText('男 · 出生 2000-05-20').waitFor();
    await snap(applicant, '63a-portal-apply-cascader');
    await applicant.setViewportSize({ width: 1366, height: 768 });
    await snap(applicant, '63b-portal-apply-cascader-desktop');
    await applicant.setViewportSize({ width: 390, height: 844 });
    await portal.submitApplication();
    expect(await portal.status()).toBe('待审核');
    // The cascader stored the GB/T 2260 code of the county picked, and the page names it back.
    await applicant.getByTestId('household-region').getByText('浙江省 / 杭州市 / 上城区（330102）').waitFor();
    await applicant.locator('[data-testid="applicant-steps"][data-current="upload"]').waitFor();

    await portal.uploadPhoto(path.join(dir, 'not-a-photo.jpg'));
    await applicant.getByTestId('photo-error').getByText('照片只能是 JPG 或 PNG 格式').waitFor();
    await snap(applicant, '64-portal-photo-refused');
    await portal.uploadPhoto(path.join(dir, 'casual.png'));
    await applicant.getByText('照片已上传').waitFor();
    await applicant.getByTestId('photo-preview').waitFor();
    await applicant.getByTestId('file-input').setInputFiles(path.join(dir, '身份证正反面.pdf'));
    await applicant.getByTestId('document-uploads').getByText('身份证正反面.pdf').waitFor();
    await snap(applicant, '65-portal-applied');
  });

  it('the recruiter returns it with a reason; the applicant fixes the photo and resubmits', async () => {
    const staffPages = new RecruitmentPage(staff, server.url);
    await staffPages.openAnnouncement(announcementId, 'review');
    await staff.getByTestId('review-table').getByText(APPLICANT_NAME).waitFor();
    await snap(staff, '66-staff-review-queue');
    await staffPages.openFromQueue(APPLICANT_NAME);
    await staff.getByTestId('staff-photo').waitFor();
    await staff.getByText('身份证正反面.pdf').waitFor();
    await staffPages.reject(REASON);
    await snap(staff, '66-staff-rejected');

    const portal = new PortalPage(applicant, server.url);
    // The phone's portal session ended while the clock moved past the notice: sign in again.
    await applicant.goto(`${server.url}/portal/login`);
    const form = applicant.getByTestId('portal-login');
    await form.getByLabel('手机号码').fill(APPLICANT_PHONE);
    await form.getByLabel('密码').fill(APPLICANT_PASSWORD);
    await form.getByLabel('图形验证码').fill('0000');
    await form.getByRole('button', { name: '登录' }).click();
    await applicant.waitForURL((url) => !url.pathname.endsWith('/login'));
    await applicant.goto(`${server.url}/portal/applications`);
    await applicant.getByTestId('my-application').getByText(REASON, { exact: false }).waitFor();
    await applicant.getByTestId('my-application').click();
    await applicant.getByTestId('reject-reason').getByText(REASON, { exact: false }).waitFor();
    expect(await portal.status()).toBe('已退回');
    await portal.uploadPhoto(path.join(dir, 'id-photo.png'));
    await applicant.getByText('照片已上传').waitFor();
    await portal.resubmit();
    expect(await portal.status()).toBe('待审核');
    await snap(applicant, '67-portal-resubmitted');
  });

  it('the recruiter approves, issues tickets and imports the scores from xlsx', async () => {
    const staffPages = new RecruitmentPage(staff, server.url);
    await staffPages.openAnnouncement(announcementId, 'review');
    await staffPages.openFromQueue(APPLICANT_NAME);
    await staffPages.approve();
    // Live counts by post: one applied, one approved for 20 places (ratio 0.05).
    await staffPages.openAnnouncement(announcementId, 'posts');
    const posts = staff.getByTestId('posts-table');
    await posts.getByText('0.05').waitFor();
    await snap(staff, '68-staff-posts-counts');
    await staffPages.openAnnouncement(announcementId, 'review');
    await staffPages.issueTickets();

    await staffPages.openAnnouncement(announcementId, 'scores');
    await staffPages.saveWeights();
    const [download] = await Promise.all([staff.waitForEvent('download'), staff.getByRole('button', { name: '下载成绩模板' }).click()]);
    const sheetFile = path.join(dir, '成绩.xlsx');
    await download.saveAs(sheetFile);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(sheetFile);
    const sheet = book.worksheets[0]!;
    const header = Array.from(sheet.getRow(1).values as unknown[], (v) => String(v ?? ''));
    const col = (name: string) => header.findIndex((h) => h.includes(name));
    const fill = (interview: number) => {
      let filled = 0;
      sheet.eachRow((row, n) => {
        if (n === 1 || !String(row.getCell(col('准考证号')).value ?? '')) return;
        row.getCell(col('笔试')).value = 86.5;
        row.getCell(col('面试')).value = interview;
        row.getCell(col('体能')).value = '合格';
        row.getCell(col('政审')).value = '合格';
        filled++;
      });
      return filled;
    };
    // First a slip of the keyboard (150 for 90): the check names row and column and stores nothing.
    expect(fill(150)).toBe(1);
    const badFile = path.join(dir, '成绩（有误）.xlsx');
    await book.xlsx.writeFile(badFile);
    await staffPages.checkScores(badFile);
    const problems = staff.getByTestId('score-problems');
    await problems.getByText('成绩须在 0–100 之间').waitFor();
    expect(await problems.innerText()).toMatch(/2\s+面试/);
    await snap(staff, '68-staff-scores-problems');
    fill(90);
    await book.xlsx.writeFile(sheetFile);
    await staffPages.checkScores(sheetFile);
    await staff.getByTestId('score-check-ok').waitFor();
    await staffPages.commitScores();
    await staff.getByRole('button', { name: '公布成绩' }).click();
    await staffPages.confirmPopover();
    await staff.getByText(/成绩已于 .* 公布/).waitFor();
    await snap(staff, '68-staff-scores-imported');
  });

  it('shortlist → 体检 → 公示 → hire creates the officer in the chosen unit', async () => {
    const staffPages = new RecruitmentPage(staff, server.url);
    await staffPages.openAnnouncement(announcementId, 'hiring');
    await staff.getByTestId('ranking-group').getByText('87.9').waitFor();
    await staffPages.shortlist(APPLICANT_NAME);
    // 体检 (medical check): 合格, with date and institution.
    await staffPages.recordMedical(APPLICANT_NAME, '上城区人民医院体检中心');
    await snap(staff, '69-staff-medical-recorded');
    await staff.getByRole('dialog').locator('.ant-modal-close').click();
    await staff.getByRole('dialog').waitFor({ state: 'hidden' });
    await staff.getByTestId('ranking-group').getByText('体检合格').waitFor();
    const recruiterApi = new ApiClient(server.url);
    await recruiterApi.login('recruiter', PASSWORD);
    await recruiterApi.ensureNextYearCalendar();
    await staffPages.publicize();
    // The list is up for 5 working days: the hire is refused with the date it ends.
    await staffPages.hire(APPLICANT_NAME, '巡特警大队');
    await staff.getByRole('dialog').getByRole('button', { name: '确认录用' }).click();
    await staff.getByText(/公示期满后方可录用/).waitFor();
    await snap(staff, '69-staff-hire-refused-during-publicity');
    await staff
      .getByRole('dialog')
      .getByRole('button', { name: /取\s*消/ })
      .click();
    // Ten days later the notice has run its course with no objection.
    fs.writeFileSync(clockFile, String(10 * 86_400_000));
    const login = new LoginPage(staff, server.url);
    await login.open();
    await login.login('recruiter', PASSWORD);
    await staff.getByTestId('current-user').waitFor();
    await staffPages.openAnnouncement(announcementId, 'hiring');
    await staffPages.hire(APPLICANT_NAME, '巡特警大队');
    await staff.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
    await snap(staff, '69-staff-hire-dialog');
    await staffPages.confirmHire();

    // The unit's personnel list, auxiliary officers only (人员类别：辅警).
    await staff.goto(`${server.url}/personnel?orgId=${hireUnitId}&kind=auxiliary`);
    const table = staff.getByTestId('personnel-table');
    await table.getByText(APPLICANT_NAME).waitFor();
    await staff.waitForLoadState('networkidle');
    await snap(staff, '69-personnel-unit-list');
    expect(await table.innerText()).toContain('上城分局巡特警大队');
  });

  it('the applicant sees the hire, the ticket, the scores and the publicity list on the phone', async () => {
    const portal = new PortalPage(applicant, server.url);
    // The phone's portal session ended while the clock moved past the notice: sign in again.
    await applicant.goto(`${server.url}/portal/login`);
    const form = applicant.getByTestId('portal-login');
    await form.getByLabel('手机号码').fill(APPLICANT_PHONE);
    await form.getByLabel('密码').fill(APPLICANT_PASSWORD);
    await form.getByLabel('图形验证码').fill('0000');
    await form.getByRole('button', { name: '登录' }).click();
    await applicant.waitForURL((url) => !url.pathname.endsWith('/login'));
    await applicant.goto(`${server.url}/portal/applications`);
    await applicant.getByTestId('my-application').click();
    await applicant.getByTestId('ticket-number').waitFor();
    expect(await portal.status()).toBe('已录用');
    await applicant.getByTestId('portal-scores').getByText('87.9').waitFor();
    const [ticket] = await Promise.all([applicant.waitForEvent('download'), applicant.getByRole('button', { name: '下载准考证' }).click()]);
    const pdf = path.join(dir, 'ticket.pdf');
    await ticket.saveAs(pdf);
    expect(fs.readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    await applicant.locator('.ant-btn-loading').waitFor({ state: 'detached' });
    await snap(applicant, '67-portal-hired-scores');
    await applicant.goto(`${server.url}/portal/announcements/${announcementId}/publicity`);
    await applicant.getByTestId('portal-publicity').getByText('巡逻防控辅警').waitFor();
    // The public list never shows the whole name.
    expect(await applicant.getByTestId('portal-publicity').innerText()).not.toContain(APPLICANT_NAME);
    await snap(applicant, '67-portal-publicity');
  });
});
