import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingDate } from '../packages/core/src/platform/beijing-date.ts';
import { makeIdNumber } from '../packages/core/src/personnel/id-number.ts';
import { LoginPage } from './pom/LoginPage.ts';
import { ApiClient } from './support/api.ts';
import { launchBrowser, newContext, snap } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

const PASSWORD = 'Zhenggong#2026';
const A = '/api/v1/auxiliary';
const day = (offset: number) => beijingDate(new Date(Date.now() + offset * 86_400_000));
const month = new Date().toISOString().slice(0, 7);

/**
 * The auxiliary-officer life cycle as a political-staff member sees it: the list, the contract
 * to-do, a month's grading that first overruns the fund and then is confirmed and paid out,
 * a bulk pay raise previewed before it applies, and an exit.
 */
describe('auxiliary officers in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let branch: string;
  const ids: Record<string, string> = {};
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zg-aux-'));
  const visibleOption = (label: string) =>
    page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${label}"]`).last();

  beforeAll(async () => {
    server = await startServer();
    const sys = new ApiClient(server.url);
    await sys.firstLogin('sysadmin', server.initialPasswords.sysadmin as string, PASSWORD);
    const root = (await sys.call<{ id: string }[]>('GET', '/api/v1/orgs/tree'))[0]!.id;
    branch = (await sys.call<{ id: string }>('POST', '/api/v1/orgs', { name: '上城分局', parentId: root, type: 'branch', isUnit: true }))
      .id;
    const station = (
      await sys.call<{ id: string }>('POST', '/api/v1/orgs', { name: '清波派出所', parentId: branch, type: 'station', isUnit: true })
    ).id;
    const hr = await sys.call<{ id: string }>('POST', '/api/v1/users', {
      username: 'auxhr',
      displayName: '辅警管理员',
      orgId: root,
      password: 'Initial#Pass1',
    });
    const sec = new ApiClient(server.url);
    await sec.firstLogin('secadmin', server.initialPasswords.secadmin as string, PASSWORD);
    const perms = [
      'org:read',
      'personnel:read',
      'personnel:write',
      'auxiliary:read',
      'auxiliary:write',
      'auxiliary:assess',
      'auxiliary:pay',
    ];
    const role = await sec.call<{ id: string }>('POST', '/api/v1/roles', {
      code: 'aux_admin',
      name: '辅警管理',
      permissions: perms,
      dataScope: 'all',
      scopeOrgIds: [],
    });
    await sec.call('PUT', `/api/v1/users/${hr.id}/roles`, { roleIds: [role.id] });

    const api = new ApiClient(server.url);
    await api.firstLogin('auxhr', 'Initial#Pass1', PASSWORD);
    const people = [
      ['wf', '王芳', station, '1996-03-02', '七级', 20],
      ['lq', '李强', station, '1993-08-15', '五级', 400],
      ['zm', '赵敏', station, '1998-11-20', '七级', 45],
      ['sl', '孙磊', branch, '1990-05-09', '四级', 700],
    ] as const;
    let n = 300;
    for (const [key, name, orgId, birth, grade, endsIn] of people) {
      const p = await api.call<{ id: string }>('POST', '/api/v1/personnel/people', {
        kind: 'auxiliary',
        name,
        idNumber: makeIdNumber('330106', birth, n++),
        orgId,
        auxCategory: '勤务辅警',
      });
      ids[key] = p.id;
      await api.call('POST', `${A}/officers/${p.id}/contracts`, { kind: 'fixed', startDate: day(endsIn - 3 * 365), endDate: day(endsIn) });
      await api.call('POST', `${A}/officers/${p.id}/pay-grades`, { grade, startDate: day(-200) });
    }
    await api.call('POST', `${A}/officers/${ids.zm}/uniforms`, {
      item: '春秋执勤服',
      size: '170/88A',
      quantity: 2,
      issueDate: day(-350),
      nextDueDate: day(15),
    });

    browser = await launchBrowser();
    const context = await newContext(browser, { viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    page = await context.newPage();
    const login = new LoginPage(page, server.url);
    await login.open();
    await login.login('auxhr', PASSWORD);
    await page.getByTestId('current-user').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists auxiliary officers with contract end, pay grade and pay, and opens one', async () => {
    await page.goto(`${server.url}/auxiliary`);
    const table = page.getByTestId('aux-officers');
    await table.getByText('王芳').waitFor();
    expect(await table.innerText()).toMatch(/七级[\s\S]*3800\.00/);
    await snap(page, '70-aux-officers');
    await table.getByRole('button', { name: '李强' }).click();
    const drawer = page.locator('.ant-drawer-content');
    await drawer.getByText('生效中').waitFor();
    await drawer.getByRole('tab', { name: '薪级与收入' }).click();
    await drawer.getByText('税前实发').waitFor();
    await snap(page, '71-aux-officer-pay');
    await drawer
      .getByRole('button', { name: 'Close' })
      .click()
      .catch(() => page.keyboard.press('Escape'));
  });

  it('exports 辅警名单 as filtered on screen (导出 Excel)', async () => {
    await page.goto(`${server.url}/auxiliary`);
    const table = page.getByTestId('aux-officers');
    await table.getByText('李强').waitFor();
    const search = page.getByPlaceholder('姓名或拼音');
    await search.fill('王芳');
    await search.press('Enter');
    await table.getByText('李强').waitFor({ state: 'detached' });
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出 Excel/ }).click()]);
    expect(download.suggestedFilename()).toBe('辅警名单.xlsx');
    const file = path.join(dir, 'officers.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const names: unknown[] = [];
    wb.getWorksheet('辅警名单')!.eachRow((row, n) => n > 1 && names.push(row.getCell(1).value));
    expect(names).toEqual(['王芳']);
  });

  it('shows contracts ending soon as a to-do, and renews one into a new contract', async () => {
    await page.goto(`${server.url}/auxiliary/reminders`);
    const list = page.getByTestId('aux-reminders');
    await list.getByText('王芳').waitFor();
    const text = await list.innerText();
    expect(text).toContain('赵敏');
    expect(text).not.toContain('李强');
    await page.getByText('春秋执勤服').waitFor();
    await snap(page, '72-aux-reminders');
    await list.getByRole('row', { name: /赵敏/ }).getByRole('button', { name: '续签' }).click();
    await page
      .locator('.ant-modal-content')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await list.getByText('赵敏').waitFor({ state: 'detached' });
  });

  it('counts the contracts ending soon on the home page to-do card', async () => {
    await page.goto(`${server.url}/`);
    const card = page.getByTestId('todo-card');
    await card.getByText('即将到期的辅警合同').waitFor();
    await card
      .locator('.ant-badge-count')
      .filter({ hasText: /^[1-9]/ })
      .first()
      .waitFor();
    await snap(page, '78-home-todo');
  });

  it('grades a month, is refused over the fund, then confirms and exports the payout sheet', async () => {
    await page.goto(`${server.url}/auxiliary/assessment?orgId=${branch}&month=${month}`);
    await page.getByText('该单位本月尚未建立考核').waitFor();
    await page.getByLabel('奖惩金额度（元）').fill('1500');
    await page.getByRole('button', { name: '建立本月考核' }).click();
    const grid = page.getByTestId('aux-grid');
    await grid.getByText('孙磊').waitFor();
    for (const [name, grade] of [
      // The default grade table allows 20 % 优秀 (floor): none in a unit of four.
      ['王芳', '合格'],
      ['李强', '合格'],
      ['赵敏', '合格'],
      ['孙磊', '基本合格'],
    ] as const) {
      await page.getByRole('combobox', { name: `${name} 考核等次` }).click();
      await visibleOption(grade).click();
    }
    await page.getByRole('button', { name: /保存评定/ }).click();
    await page.getByText('超出额度').waitFor();
    await page.locator('.ant-progress-status-exception').waitFor();
    await snap(page, '73-aux-assessment-over-fund');
    await page.getByRole('button', { name: /确认并锁定/ }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await page
      .locator('.ant-message')
      .getByText(/超出单位奖惩金额度/)
      .waitFor();
    await snap(page, '74-aux-confirm-refused');
    expect(await page.getByText('草稿').count()).toBeGreaterThan(0);

    // 500 + 500 + 500 + 200 = 1,700 yuan of rewards under the default table.
    await page.getByLabel('奖惩金额度（元）').fill('1700');
    await page.getByRole('button', { name: '更新额度' }).click();
    await page.getByText('超出额度').waitFor({ state: 'detached' });
    await page.getByRole('button', { name: /确认并锁定/ }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await page.getByText('已确认').first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出发放表/ }).click()]);
    const file = path.join(dir, 'payout.xlsx');
    await download.saveAs(file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getCell(1, 1).value)).toContain('辅警月度考核奖惩金发放表');
    const rows: unknown[][] = [];
    ws.eachRow((row, n) => n >= 4 && rows.push((row.values as unknown[]).slice(1, 7)));
    const total = rows.find((r) => r[0] === '合计');
    expect(total?.[5]).toBe(1700);
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' }); // the earlier refusal toast
    await snap(page, '75-aux-assessment-confirmed');
  });

  it('previews a bulk raise before it takes effect', async () => {
    await page.goto(`${server.url}/auxiliary/pay`);
    await page.getByTestId('aux-pay-scale').locator('input[value="岗位津贴"]').first().waitFor();
    await page.getByRole('button', { name: '预览' }).click();
    const preview = page.getByTestId('aux-adjust-preview');
    await preview.getByText('王芳').waitFor();
    expect(await preview.innerText()).toMatch(/3800\.00[\s\S]*3990\.00[\s\S]*\+190\.00/);
    await snap(page, '76-aux-pay-preview');
    await page.getByRole('button', { name: '确认调整' }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await page.getByText('调整已生效').waitFor();
  });

  it('records an exit with reason and date through the exit dialog', async () => {
    await page.goto(`${server.url}/auxiliary`);
    await page.getByTestId('aux-officers').getByRole('button', { name: '孙磊' }).click();
    const drawer = page.locator('.ant-drawer-content');
    await drawer.getByRole('button', { name: '办理离职' }).click();
    const dialog = page.locator('.ant-modal-content');
    await dialog.getByLabel('原因').fill('个人原因申请辞职');
    await snap(page, '77-aux-exit');
    await dialog.getByRole('button', { name: '确认离职' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('aux-officers').getByRole('button', { name: '孙磊' }).waitFor({ state: 'detached' });
    const api = new ApiClient(server.url);
    await api.login('auxhr', PASSWORD);
    const person = await api.call<{ status: string }>('GET', `/api/v1/personnel/people/${ids.sl}`);
    expect(person.status).toBe('resigned');
  });
});
