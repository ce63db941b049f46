import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingDate } from '../packages/core/src/platform/beijing-date.ts';
import { makeIdNumber } from '../packages/core/src/personnel/id-number.ts';
import { LoginPage } from './pom/LoginPage.ts';
import { TrainingPages } from './pom/TrainingPages.ts';
import { ApiClient } from './support/api.ts';
import { launchBrowser, newContext, snap } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

const PASSWORD = 'Zhenggong#2026';
// The server's rules use Beijing's date; so do the dates this test sends.
const TODAY = beijingDate(new Date());
const YEAR = TODAY.slice(0, 4);

/**
 * The political department runs a 轮训 for section chiefs: the attendance grid, a sign-in code an
 * officer types on a phone, completion confirmed by staff, and the coverage list of who is still
 * missing shrinking as completions are recorded; then study hours declared and approved.
 */
describe('training classes, coverage and study in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let staffPage: Page;
  let phone: Page;
  let pages: TrainingPages;
  let staff: ApiClient;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zg-training-'));
  const people: Record<string, string> = {};

  beforeAll(async () => {
    server = await startServer();
    const sys = new ApiClient(server.url);
    await sys.firstLogin('sysadmin', server.initialPasswords.sysadmin as string, PASSWORD);
    const root = (await sys.call<{ id: string }[]>('GET', '/api/v1/orgs/tree'))[0]!.id;
    const east = (
      await sys.call<{ id: string }>('POST', '/api/v1/orgs', { name: '上城分局', parentId: root, type: 'branch', isUnit: true })
    ).id;
    const station = (
      await sys.call<{ id: string }>('POST', '/api/v1/orgs', { name: '湖滨派出所', parentId: east, type: 'station', isUnit: true })
    ).id;
    const west = (
      await sys.call<{ id: string }>('POST', '/api/v1/orgs', { name: '西湖分局', parentId: root, type: 'branch', isUnit: true })
    ).id;
    const zz = await sys.call<{ id: string }>('POST', '/api/v1/users', {
      username: 'cityzz',
      displayName: '市局政治部干事',
      orgId: root,
      password: 'Initial#Pass1',
    });
    const officer = await sys.call<{ id: string }>('POST', '/api/v1/users', {
      username: 'zhaoyi',
      displayName: '赵毅',
      orgId: station,
      password: 'Initial#Pass1',
    });
    const sec = new ApiClient(server.url);
    await sec.firstLogin('secadmin', server.initialPasswords.secadmin as string, PASSWORD);
    const perms = [
      'org:read',
      'personnel:read',
      'personnel:write',
      'training:read',
      'training:write',
      'study:read',
      'study:write',
      'study:approve',
    ];
    const role = await sec.call<{ id: string }>('POST', '/api/v1/roles', {
      code: 'city_zz',
      name: '市局政工',
      permissions: perms,
      dataScope: 'all',
      scopeOrgIds: [],
    });
    await sec.call('PUT', `/api/v1/users/${zz.id}/roles`, { roleIds: [role.id] });
    staff = new ApiClient(server.url);
    await staff.firstLogin('cityzz', 'Initial#Pass1', PASSWORD);
    const roster: [string, string, string][] = [
      ['赵毅', station, '所长'],
      ['钱进', station, '教导员'],
      ['孙立', west, '大队长'],
      ['李强', west, '所长'],
      ['周敏', east, '科长'],
    ];
    for (const [i, [name, orgId, post]] of roster.entries()) {
      people[name] = (
        await staff.call<{ id: string }>('POST', '/api/v1/personnel/people', {
          kind: 'officer',
          name,
          idNumber: makeIdNumber('330102', `198${i}-0${i + 1}-1${i}`, 11 + i),
          orgId,
          post,
        })
      ).id;
    }
    await staff.call('PUT', `/api/v1/personnel/people/${people['赵毅']}/account`, { userId: officer.id });
    const chiefs = { posts: ['所长', '教导员', '大队长', '科长'] };
    await staff.call('POST', '/api/v1/training/coverage', {
      title: `${YEAR}年科所队长轮训全覆盖`,
      orgId: root,
      periodStart: `${YEAR}-01-01`,
      periodEnd: `${YEAR}-12-31`,
      target: chiefs,
      rule: { kind: 'classes', classKinds: ['rotation'], minClasses: 1 },
    });
    const cls = await staff.call<{ id: string }>('POST', '/api/v1/training/classes', {
      title: `${YEAR}年第一期科所队长轮训班`,
      kind: 'rotation',
      orgId: root,
      startDate: TODAY,
      endDate: TODAY,
      place: '市局警务培训中心',
      plannedHours: 16,
      capacity: 60,
      description: '政治理论、执法规范化、警务实战技能',
      target: chiefs,
    });
    await staff.call('POST', `/api/v1/training/classes/${cls.id}/enrollments`, { fromTarget: true });
    await staff.call('POST', `/api/v1/training/classes/${cls.id}/sessions`, { date: TODAY, title: '政治理论专题', hours: 8 });
    await staff.call('POST', `/api/v1/training/classes/${cls.id}/sessions`, { date: TODAY, title: '警务实战技能', hours: 8 });
    await staff.call('POST', '/api/v1/training/classes', {
      title: `${YEAR}年春训班`,
      kind: 'spring',
      orgId: east,
      startDate: TODAY,
      endDate: TODAY,
      plannedHours: 8,
      target: { orgIds: [east] },
    });
    const campaign = await staff.call<{ id: string }>('POST', '/api/v1/study/campaigns', {
      title: '学习贯彻主题教育',
      orgId: root,
      startDate: `${YEAR}-01-01`,
      endDate: `${YEAR}-12-31`,
      requiredHours: 2,
      target: { orgIds: [east] },
    });
    await staff.call('POST', '/api/v1/study/materials', {
      title: '专题辅导报告',
      kind: 'link',
      url: 'https://example.gov.cn/report',
      orgId: root,
      hours: 1,
      minReadMinutes: 0,
      campaignId: campaign.id,
    });

    browser = await launchBrowser();
    staffPage = await (
      await newContext(browser, { viewport: { width: 1366, height: 768 }, locale: 'zh-CN', acceptDownloads: true })
    ).newPage();
    const login = new LoginPage(staffPage, server.url);
    await login.open();
    await login.login('cityzz', PASSWORD);
    await staffPage.getByTestId('current-user').waitFor();
    pages = new TrainingPages(staffPage, server.url);
    phone = await (
      await newContext(browser, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, locale: 'zh-CN' })
    ).newPage();
    const phoneLogin = new LoginPage(phone, server.url);
    await phoneLogin.open();
    await phoneLogin.login('zhaoyi', 'Initial#Pass1');
    await phoneLogin.changePassword('Initial#Pass1', PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('shows the coverage list with everyone missing before any completion', async () => {
    await pages.openCoverage();
    expect(await pages.summary()).toContain('应训 5 人，已完成 0 人，未完成 5 人');
    expect((await pages.missingNames()).sort()).toEqual(['周敏', '孙立', '李强', '赵毅', '钱进'].sort());
    await snap(staffPage, '44-coverage-before');
  });

  it('marks attendance in the grid and opens a sign-in window', async () => {
    await pages.openClasses();
    await snap(staffPage, '40-training-classes');
    await pages.openClass(`${YEAR}年第一期科所队长轮训班`);
    for (const name of ['钱进', '周敏']) await pages.mark(name, TODAY, '政治理论专题');
    await pages.mark('周敏', TODAY, '警务实战技能');
    const code = await pages.openSignIn();
    expect(code).toMatch(/^[0-9]{6}$/);
    await snap(staffPage, '42-sign-in-code');
    await staffPage
      .getByRole('dialog')
      .getByRole('button', { name: /关\s*闭/ })
      .click();

    // The officer signs in on a phone with the code shown in the classroom.
    await phone.goto(`${server.url}/my-training`);
    const card = phone.getByTestId('my-class').first();
    await card.getByRole('button', { name: /签\s*到/ }).click();
    await phone.getByPlaceholder('6 位签到码').fill(code);
    await phone
      .getByRole('dialog')
      .getByRole('button', { name: /确\s*定/ })
      .click();
    await phone.getByText('签到成功').waitFor();
    await phone.getByText('出勤 1/2').waitFor();
    await snap(phone, '43-my-training-phone');

    await staffPage.reload();
    await staffPage.getByTestId('attendance-grid').getByText('签到码').first().waitFor();
    await pages.mark('钱进', TODAY, '警务实战技能');
    await pages.settled();
    await snap(staffPage, '41-class-attendance');
  });

  it('shrinks the missing list as staff confirm completions, and exports it', async () => {
    await pages.confirmCompletion(['钱进', '周敏']);
    await pages.confirmCompletion(['赵毅'], '第二天因公请假，已补学');
    await pages.openCoverage();
    expect(await pages.summary()).toContain('应训 5 人，已完成 3 人，未完成 2 人');
    expect((await pages.missingNames()).sort()).toEqual(['孙立', '李强'].sort());
    const branches = await staffPage.getByTestId('coverage-branches').locator('.ant-table-row').allInnerTexts();
    expect(branches.find((r) => r.includes('上城分局'))).toMatch(/3\s+3\s+0/);
    expect(branches.find((r) => r.includes('西湖分局'))).toMatch(/2\s+0\s+2/);
    await snap(staffPage, '45-coverage-after');
    const [download] = await Promise.all([
      staffPage.waitForEvent('download'),
      staffPage.getByRole('button', { name: /导出 Excel/ }).click(),
    ]);
    const file = path.join(dir, 'coverage.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const names = (wb.worksheets[1]!.getColumn(3).values.slice(2) as string[]).sort();
    expect(names).toEqual(['孙立', '李强'].sort());
  });

  it('lets the officer declare study hours and the staff approve them, moving the campaign', async () => {
    await phone.goto(`${server.url}/my-training`);
    await phone.getByRole('tab', { name: '学习教育' }).click();
    await phone.getByRole('button', { name: /申报学时/ }).click();
    const dialog = phone.getByRole('dialog');
    await dialog.getByLabel('学习内容').fill('读原著学原文：专题学习');
    await dialog.getByLabel('学时').fill('2');
    await dialog.getByLabel('计入活动').click();
    await phone.getByTitle('学习贯彻主题教育').click();
    await dialog.getByRole('button', { name: /确\s*定/ }).click();
    await phone.getByText('待审核 1 条').waitFor();

    await staffPage.goto(`${server.url}/study?tab=approvals`);
    await staffPage.getByRole('cell', { name: '读原著学原文：专题学习' }).waitFor();
    await snap(staffPage, '46-study-approvals');
    await staffPage.getByRole('button', { name: /认\s*定/ }).click();
    await staffPage.getByText('没有待审核的学时申报').waitFor();
    await staffPage.goto(`${server.url}/study?tab=campaigns`);
    await staffPage.getByText('参学 3 人，已完成 1 人').waitFor();
    await snap(staffPage, '47-campaign-progress');

    await phone.reload();
    await phone.getByRole('tab', { name: '学习教育' }).click();
    await phone.getByText('2 / 2 学时').waitFor();
  });
});
