import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { quarterCompliance, quarterOf, monthsOfQuarter } from '../packages/core/src/party/index.ts';
import { defaultPartyRules } from '../packages/core/src/party/rules.ts';
import { beijingDate } from '../packages/core/src/platform/beijing-date.ts';
import { makeIdNumber } from '../packages/core/src/personnel/id-number.ts';
import { LoginPage } from './pom/LoginPage.ts';
import { ApiClient } from './support/api.ts';
import { launchBrowser, newContext, snap } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

const PASSWORD = 'Zhenggong#2026';
const INITIAL = 'Initial#Pass1';
const P = '/api/v1/party';
const TODAY = beijingDate(new Date());
const QUARTER = quarterOf(TODAY);
const MONTH = TODAY.slice(0, 7);

/**
 * 三会一课 and publicity as the people who do them: a branch secretary plans a 支委会 and opens
 * sign-in, members sign in on their phones, the minutes are saved and the quarter's compliance
 * moves; a reporter submits an article from a phone, the publicity department verifies it and the
 * ranking moves; the branch's dues sheet is recorded and exported.
 */
describe('party building and publicity in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let desk: Page;
  let phone: Page;
  let partyOrg: string;
  const held: { kind: string; heldOn: string }[] = [];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zg-party-'));

  const loginOn = async (page: Page, username: string) => {
    const login = new LoginPage(page, server.url);
    await login.open();
    await login.login(username, PASSWORD);
    await page.getByTestId('current-user').waitFor();
  };
  const logoutOf = async (page: Page) => new LoginPage(page, server.url).logout();
  const expectedRate = () => quarterCompliance(defaultPartyRules.meetings, QUARTER, held, TODAY).rate;

  beforeAll(async () => {
    server = await startServer();
    const sys = new ApiClient(server.url);
    await sys.firstLogin('sysadmin', server.initialPasswords.sysadmin as string, PASSWORD);
    const root = (await sys.call<{ id: string }[]>('GET', '/api/v1/orgs/tree'))[0]!.id;
    const branch = (
      await sys.call<{ id: string }>('POST', '/api/v1/orgs', { name: '上城分局', parentId: root, type: 'branch', isUnit: true })
    ).id;
    const station = (
      await sys.call<{ id: string }>('POST', '/api/v1/orgs', { name: '清波派出所', parentId: branch, type: 'station', isUnit: true })
    ).id;
    const user = async (username: string, displayName: string, orgId: string) =>
      (await sys.call<{ id: string }>('POST', '/api/v1/users', { username, displayName, orgId, password: INITIAL })).id;
    const users = {
      shuji: await user('shuji', '清波派出所党支部书记', station),
      xuanchuan: await user('xuanchuan', '分局宣传科', branch),
      wangfang: await user('wangfang', '王芳', station),
      liqiang: await user('liqiang', '李强', station),
      chenchen: await user('chenchen', '陈晨', station),
    };
    const sec = new ApiClient(server.url);
    await sec.firstLogin('secadmin', server.initialPasswords.secadmin as string, PASSWORD);
    const role = async (code: string, name: string, permissions: string[]) =>
      (await sec.call<{ id: string }>('POST', '/api/v1/roles', { code, name, permissions, dataScope: 'org_and_below', scopeOrgIds: [] }))
        .id;
    const secretaryRole = await role('party_secretary', '支部书记', [
      'org:read',
      'personnel:read',
      'personnel:write',
      'party:read',
      'party:write',
      'party:dues',
    ]);
    const publicityRole = await role('publicity_dept', '宣传部门', [
      'org:read',
      'publicity:read',
      'publicity:write',
      'publicity:verify',
      'awards:read',
      'awards:nominate',
    ]);
    await sec.call('PUT', `/api/v1/users/${users.shuji}/roles`, { roleIds: [secretaryRole] });
    await sec.call('PUT', `/api/v1/users/${users.xuanchuan}/roles`, { roleIds: [publicityRole] });
    for (const name of Object.keys(users)) await new ApiClient(server.url).firstLogin(name, INITIAL, PASSWORD);

    const staff = new ApiClient(server.url);
    await staff.login('shuji', PASSWORD);
    const people: Record<string, string> = {};
    for (const [i, [key, name, birth]] of [
      ['wangfang', '王芳', '1985-03-01'],
      ['liqiang', '李强', '1990-05-01'],
      ['chenchen', '陈晨', '1994-09-12'],
      ['zhaomin', '赵敏', '1996-08-01'],
    ].entries()) {
      people[key!] = (
        await staff.call<{ id: string }>('POST', '/api/v1/personnel/people', {
          kind: 'officer',
          name,
          idNumber: makeIdNumber('330102', birth!, 41 + i),
          orgId: station,
        })
      ).id;
    }
    for (const key of ['wangfang', 'liqiang', 'chenchen'] as const) {
      await staff.call('PUT', `/api/v1/personnel/people/${people[key]}/account`, { userId: users[key] });
    }
    partyOrg = (
      await staff.call<{ id: string }>('POST', `${P}/orgs`, {
        orgId: station,
        kind: 'branch',
        name: '清波派出所党支部',
        secretaryPersonId: people.wangfang,
        termStart: '2024-07-01',
        termEnd: '2027-06-30',
      })
    ).id;
    await staff.call('POST', `${P}/members`, { personId: people.wangfang, partyOrgId: partyOrg, stage: 'full', since: '2012-07-01' });
    await staff.call('POST', `${P}/members`, {
      personId: people.liqiang,
      partyOrgId: partyOrg,
      stage: 'probationary',
      since: '2025-11-20',
    });
    await staff.call('POST', `${P}/members`, { personId: people.zhaomin, partyOrgId: partyOrg, stage: 'activist', since: '2025-09-01' });
    // Meetings already held this quarter: on the first day of each month of the quarter up to today.
    for (const month of monthsOfQuarter(QUARTER).filter((m) => `${m}-01` <= TODAY)) {
      for (const kind of month === MONTH ? ['theme_day'] : ['committee', 'group', 'theme_day']) {
        const m = await staff.call<{ id: string }>('POST', `${P}/meetings`, {
          partyOrgId: partyOrg,
          kind,
          title: `${month} ${kind}`,
          plannedDate: `${month}-01`,
        });
        await staff.call('PUT', `${P}/meetings/${m.id}/minutes`, { heldOn: `${month}-01`, minutes: '按计划召开' });
        held.push({ kind, heldOn: `${month}-01` });
      }
    }
    const pub = new ApiClient(server.url);
    await pub.login('xuanchuan', PASSWORD);
    await pub.call('POST', '/api/v1/publicity/reporters', { personId: people.chenchen, role: 'part_time', since: '2026-01-01' });

    browser = await launchBrowser();
    desk = await (await newContext(browser, { viewport: { width: 1366, height: 768 }, locale: 'zh-CN', acceptDownloads: true })).newPage();
    phone = await (
      await newContext(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' })
    ).newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  let code = '';
  it('a branch secretary plans a 支委会 and opens sign-in; the quarter shows its compliance', async () => {
    await loginOn(desk, 'shuji');
    await desk.goto(`${server.url}/party/meetings`);
    const rate = desk.getByTestId('compliance-rate');
    await rate.getByText(`${expectedRate()}%`).waitFor();
    await desk.getByRole('button', { name: /计划会议/ }).click();
    const dialog = desk.getByRole('dialog');
    await dialog.getByLabel('会议名称').fill(`${MONTH} 支委会：研究发展党员工作`);
    await dialog.getByLabel('地点').fill('三楼党员活动室');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    const drawer = desk.getByTestId('meeting-drawer');
    await drawer.getByText('计划中').waitFor();
    await drawer.getByRole('button', { name: /开启签到/ }).click();
    code = (await drawer.getByTestId('sign-in-code').innerText()).trim();
    expect(code).toMatch(/^\d{6}$/);
    await snap(desk, '90-party-meeting-sign-in-code');
  });

  it('members sign in on their phones with the code shown in the room', async () => {
    for (const member of ['wangfang', 'liqiang']) {
      await loginOn(phone, member);
      await phone.goto(`${server.url}/my-party`);
      const card = phone.getByTestId('my-meeting').filter({ hasText: '支委会：研究发展党员工作' });
      await card.getByRole('button', { name: /签\s*到/ }).click();
      await phone.getByTestId('meeting-code').fill(code);
      await phone
        .getByRole('dialog')
        .getByRole('button', { name: /确\s*定|OK/ })
        .click();
      await card.getByTestId('my-meeting-status').getByText('出席').waitFor();
      if (member === 'wangfang') await snap(phone, '91-party-phone-sign-in');
      await logoutOf(phone);
    }
  });

  it('the minutes are saved and the quarter compliance moves', async () => {
    await desk.reload();
    await desk.getByTestId('party-meetings').getByText('支委会：研究发展党员工作').click();
    const drawer = desk.getByTestId('meeting-drawer');
    await drawer
      .getByTestId('meeting-attendance')
      .getByText('出席 2/2')
      .waitFor({ timeout: 15_000 })
      .catch(() => undefined);
    expect(await drawer.getByTestId('meeting-attendance').innerText()).toMatch(/王芳[\s\S]*出席/);
    await drawer.getByTestId('minutes-input').fill('一、传达上级党委文件精神；二、讨论李强同志预备期考察情况；三、安排下月主题党日。');
    await drawer.getByLabel('决议事项').fill('同意按期开展主题党日活动。');
    await drawer.getByRole('button', { name: /保存记录/ }).click();
    await drawer.getByTestId('meeting-status').getByText('已召开').waitFor();
    // The signed minutes go with the meeting as an attachment, through the server's file intake.
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    await drawer
      .getByTestId('meeting-files')
      .locator('input[type=file]')
      .setInputFiles({ name: '支委会会议记录（签字版）.pdf', mimeType: 'application/pdf', buffer: pdf });
    await drawer.getByTestId('meeting-files').getByText('支委会会议记录（签字版）.pdf').waitFor();
    await drawer.getByTestId('meeting-files').scrollIntoViewIfNeeded();
    await snap(desk, '92-party-minutes-saved');
    const [attachment] = await Promise.all([
      desk.waitForEvent('download'),
      drawer.getByTestId('meeting-files').getByText('支委会会议记录（签字版）.pdf').click(),
    ]);
    expect(attachment.suggestedFilename()).toBe('支委会会议记录（签字版）.pdf');
    const before = expectedRate();
    held.push({ kind: 'committee', heldOn: TODAY });
    const after = expectedRate();
    expect(after).toBeGreaterThan(before);
    await desk.keyboard.press('Escape');
    await desk.getByTestId('compliance-rate').getByText(`${after}%`).waitFor();
    await snap(desk, '93-party-compliance-after');
  });

  it("the branch's dues are recorded by bracket and the sheet exports", async () => {
    await desk.goto(`${server.url}/party/dues`);
    const sheet = desk.getByTestId('dues-sheet');
    await sheet
      .getByRole('row', { name: /王芳/ })
      .getByRole('button', { name: /登记缴纳/ })
      .click();
    await desk.getByTestId('dues-pay').fill('4500');
    await desk
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    // 4,500.00 元 falls in the 3,000–5,000 bracket: 1 % = 45.00 元.
    await sheet.getByRole('row', { name: /王芳/ }).getByText('45.00').first().waitFor();
    await desk
      .getByTestId('dues-total')
      .getByText(/合计应缴 45\.00 元，实缴 45\.00 元，未缴 1 人/)
      .waitFor();
    await snap(desk, '94-party-dues-sheet');
    const [download] = await Promise.all([desk.waitForEvent('download'), desk.getByTestId('dues-export').click()]);
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toContain('党费收缴表');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    const rows: string[] = [];
    ws.eachRow((row) => rows.push((row.values as unknown[]).slice(1).join('|')));
    expect(rows.find((r) => r.includes('王芳'))).toMatch(/^\d\|王芳\|正式党员\|4500\|1\|45\|45\|/);
    expect(rows.some((r) => r.includes('李强|预备党员') && r.includes('未缴'))).toBe(true);
  });

  it("the secretary records the branch's red-education visit and, once done, its hours reach the members' ledgers", async () => {
    await desk.goto(`${server.url}/party/activities`);
    await desk.getByTestId('activity-add').click();
    const dialog = desk.getByRole('dialog');
    await dialog.getByTestId('activity-title').fill('参观浙江革命烈士纪念馆');
    await dialog.getByLabel('地点').fill('杭州');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    const drawer = desk.getByTestId('activity-drawer');
    await drawer.getByTestId('activity-status').getByText('计划中').waitFor();
    // The participants are the branch's probationary and full members: 王芳 and 李强 (赵敏 is an activist).
    await drawer.getByTestId('activity-people').getByText('参加人数 2').waitFor();
    await drawer.getByTestId('activity-complete').click();
    await drawer.getByTestId('activity-status').getByText('已完成').waitFor();
    expect(await drawer.getByTestId('activity-people').getByText('学时已计入').count()).toBe(2);
    await snap(desk, '98-party-activity-completed');
    await desk.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });
    await desk
      .getByTestId('party-activities')
      .getByRole('row', { name: /参观浙江革命烈士纪念馆/ })
      .getByText('已完成')
      .waitFor();
    await desk.setViewportSize({ width: 390, height: 844 });
    await desk.getByTestId('party-activities').scrollIntoViewIfNeeded();
    await snap(desk, '99-party-activities-phone');
    await desk.setViewportSize({ width: 1366, height: 768 });
    await logoutOf(desk);
  });

  it('a reporter submits an article on a phone; the publicity department verifies it and the ranking moves', async () => {
    await loginOn(phone, 'chenchen');
    await phone.goto(`${server.url}/my-publicity`);
    await phone.getByTestId('output-title').fill('清波派出所“红色守护”志愿服务进社区');
    await phone.getByTestId('output-outlet').fill('浙江法制报');
    await phone.getByTestId('output-level').click();
    await phone.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="省级"]').click();
    await phone
      .getByRole('button', { name: /报送稿件/ })
      .last()
      .click();
    await phone.getByTestId('my-outputs').getByText('待审核').waitFor();
    await snap(phone, '95-publicity-phone-submit');

    await loginOn(desk, 'xuanchuan');
    await desk.goto(`${server.url}/publicity/ranking`);
    await desk.getByTestId('ranking').locator('.ant-empty-description').waitFor();
    await desk.goto(`${server.url}/publicity`);
    await desk
      .getByTestId('outputs')
      .getByRole('row', { name: /红色守护/ })
      .getByRole('button', { name: /审核采用/ })
      .click();
    await desk.getByTestId('verify-confirm').click();
    await desk.getByTestId('outputs').getByText('红色守护').waitFor({ state: 'detached' });
    await desk.goto(`${server.url}/publicity/ranking`);
    // A provincial article: 15 points under the default scoring rule.
    const row = desk.getByTestId('ranking').getByRole('row', { name: /陈晨/ });
    await row.getByText('15.0').waitFor();
    await desk.getByTestId('ranking-chart').waitFor();
    await snap(desk, '96-publicity-ranking');
    // 宣传工作表彰 goes through the awards module: the row opens its nomination form, filled in.
    await row.getByTestId('ranking-nominate').click();
    const form = desk.getByTestId('nominate-form');
    await form.getByText('陈晨').waitFor();
    expect(await form.getByLabel('奖励名称').inputValue()).toBe('宣传工作先进个人');
    expect(await form.getByLabel('事迹名称').inputValue()).toMatch(/宣传工作成绩突出/);
    expect(await form.getByLabel('主要事迹').inputValue()).toMatch(/计分 15\.0 分，采用稿件 1 篇，排名第 1 位/);
    await snap(desk, '96b-publicity-nominate');
    await phone.reload();
    await phone.getByTestId('my-outputs').getByText('已采用').waitFor();
    await snap(phone, '97-publicity-phone-verified');
  });
});
