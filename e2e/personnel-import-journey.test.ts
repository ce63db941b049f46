import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginPage } from './pom/LoginPage.ts';
import { ApiClient } from './support/api.ts';
import { launchBrowser, newContext, snap } from './support/browser.ts';
import { docxText } from './support/docx-text.ts';
import { writeRoster } from './support/roster.ts';
import { startServer, type RunningServer } from './support/server.ts';

const PASSWORD = 'Zhenggong#2026';

/**
 * A political-staff member imports the branch roster kept in Excel: the first file has the
 * usual faults, the report names row and column, the fixed file goes in whole, and the imported
 * officer is found by pinyin initials and exported as a 干部任免审批表.
 */
describe('personnel import journey in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zg-roster-'));

  beforeAll(async () => {
    server = await startServer();
    const sys = new ApiClient(server.url);
    await sys.firstLogin('sysadmin', server.initialPasswords.sysadmin as string, PASSWORD);
    const root = (await sys.call<{ id: string }[]>('GET', '/api/v1/orgs/tree'))[0]!.id;
    await sys.call('POST', '/api/v1/orgs', { name: '上城分局', parentId: root, type: 'branch', isUnit: true });
    const hr = await sys.call<{ id: string }>('POST', '/api/v1/users', {
      username: 'cityhr',
      displayName: '市局政治部干事',
      orgId: root,
      password: 'Initial#Pass1',
    });
    const sec = new ApiClient(server.url);
    await sec.firstLogin('secadmin', server.initialPasswords.secadmin as string, PASSWORD);
    const perms = ['org:read', 'personnel:read', 'personnel:write', 'personnel:import', 'personnel:export'];
    const role = await sec.call<{ id: string }>('POST', '/api/v1/roles', {
      code: 'city_hr',
      name: '市局人事',
      permissions: perms,
      dataScope: 'all',
      scopeOrgIds: [],
    });
    await sec.call('PUT', `/api/v1/users/${hr.id}/roles`, { roleIds: [role.id] });
    browser = await launchBrowser();
    const context = await newContext(browser, { viewport: { width: 1366, height: 768 }, locale: 'zh-CN', acceptDownloads: true });
    page = await context.newPage();
    const login = new LoginPage(page, server.url);
    await login.open();
    await login.login('cityhr', 'Initial#Pass1');
    await login.changePassword('Initial#Pass1', PASSWORD);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reports each problem of a messy roster with row and column, and writes nothing', async () => {
    const messy = path.join(dir, '上城分局花名册.xlsx');
    await writeRoster(messy, { idAsNumber: true, badCheckDigit: true });
    await page.goto(`${server.url}/personnel/import`);
    await page.locator('input[type=file]').setInputFiles(messy);
    const problems = page.getByTestId('import-problems');
    await problems.waitFor();
    const text = await problems.innerText();
    // Header on sheet row 3: 李娜 is on row 5 and 王芳 on row 6, both in column C (公民身份号码).
    expect(text).toMatch(/5[\s\S]*C[\s\S]*数字/);
    expect(text).toMatch(/6[\s\S]*C[\s\S]*校验/);
    // Without a readable ID number nothing tells 李娜's 出生年月 1990.1 (General cell) from January: flagged, not guessed.
    expect(text).toMatch(/5[\s\S]*E[\s\S]*1 月也可能是 10 月/);
    await snap(page, '10-import-problems');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载错误报告' }).click()]);
    const reportFile = path.join(dir, 'report.xlsx');
    await download.saveAs(reportFile);
    const report = new ExcelJS.Workbook();
    await report.xlsx.readFile(reportFile);
    const rows: string[] = [];
    report.worksheets[0]?.eachRow((row) => rows.push(JSON.stringify(row.values)));
    expect(rows.some((r) => r.includes('5') && r.includes('公民身份号码'))).toBe(true);
    expect(await page.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true);
  });

  it('imports the fixed roster in one go, then finds 张伟 by "zw" and exports his 任免审批表', async () => {
    const fixed = path.join(dir, '上城分局花名册（修改后）.xlsx');
    await writeRoster(fixed, { idAsNumber: false, badCheckDigit: false });
    await page.getByRole('button', { name: '重新选择文件' }).click();
    await page.locator('input[type=file]').setInputFiles(fixed);
    await page.getByText('检查通过').waitFor();
    await page.getByRole('button', { name: '确认导入' }).click();
    await page.locator('.ant-popconfirm .ant-btn-primary').click();
    await page.getByText('导入完成').waitFor();
    await snap(page, '11-import-done');
    // Number-typed dates read as year-months (1990.1 in a General cell is October by the ID number),
    // 研究生 as GB/T 4658 14 (硕士研究生毕业) and 中技 as 47 (技工学校).
    const api = new ApiClient(server.url);
    await api.login('cityhr', PASSWORD);
    const people = await api.call<{ items: { id: string; name: string }[] }>('GET', '/api/v1/personnel/people?pageSize=10');
    const profile = async (name: string) =>
      api.call<{ policeStartDate: string; education: string; birthDate: string }>(
        'GET',
        `/api/v1/personnel/people/${people.items.find((p) => p.name === name)?.id}`,
      );
    expect(await profile('张伟')).toMatchObject({ birthDate: '1985-03-15', policeStartDate: '2008-07' });
    expect(await profile('李娜')).toMatchObject({ policeStartDate: '2012-10', education: '14', birthDate: '1990-10-08' });
    expect(await profile('王芳')).toMatchObject({ policeStartDate: '2014-07', birthDate: '1992-02-02', education: '47' });

    await page.getByRole('button', { name: '查看人员列表' }).click();
    await page.getByTestId('personnel-table').waitFor();
    await page.getByLabel('关键字').fill('zw');
    await page.getByRole('button', { name: '查询' }).click();
    const table = page.getByTestId('personnel-table');
    // The unfiltered list shows 张伟 too: wait for the filtered answer itself.
    await page.waitForURL(/keyword=zw/);
    await expect.poll(() => table.locator('tbody tr.ant-table-row').count(), { timeout: 10_000 }).toBe(1);
    await table.getByText('张伟').waitFor();
    await snap(page, '12-search-zw');
    await table.getByText('张伟').click();
    await page.getByTestId('person-profile').waitFor();
    await snap(page, '13-profile');

    await page.getByRole('button', { name: '导出任免审批表' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('dialog').getByRole('button', { name: '下载' }).click(),
    ]);
    const docx = path.join(dir, 'form.docx');
    await download.saveAs(docx);
    const text = await docxText(docx);
    expect(text).toContain('张伟');
    expect(text).toContain('1985.03');
    // The resume lines (简历) come from his unit history: since 2008.07 in 上城分局.
    expect(text).toMatch(/2008\.07[\s\S]*上城分局/);
  });

  it('counts the imported people on the statistics page', async () => {
    await page.goto(`${server.url}/stats`);
    const total = page.getByTestId('stats-total');
    await total.getByText('3').waitFor();
    await page.locator('canvas').first().waitFor();
    await snap(page, '14-stats');
  });
});
