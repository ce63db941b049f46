import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../packages/core/src/platform/civil-months.ts';
import { beijingDate } from '../packages/core/src/platform/beijing-date.ts';
import { makeIdNumber } from '../packages/core/src/personnel/id-number.ts';
import { LoginPage } from './pom/LoginPage.ts';
import { ApiClient } from './support/api.ts';
import { launchBrowser, newContext, snap } from './support/browser.ts';
import { docxText } from './support/docx-text.ts';
import { startServer, type RunningServer } from './support/server.ts';

const PASSWORD = 'Zhenggong#2026';
const INITIAL = 'Initial#Pass1';
const C = '/api/v1/culture';
const TODAY = beijingDate(new Date());

/**
 * Police culture as the people who run it: the branch's culture officer publishes a reading
 * programme at a desk, an officer registers on a phone, participation is recorded; an essay entry
 * is judged by three judges and the ranking shows; a works collection exports as a Word document.
 */
describe('police culture in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let desk: Page;
  let phone: Page;
  let staff: ApiClient;
  let branch = '';
  const people: Record<string, string> = {};
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zg-culture-'));

  const loginOn = async (page: Page, username: string) => {
    const login = new LoginPage(page, server.url);
    await login.open();
    await login.login(username, PASSWORD);
    await page.getByTestId('current-user').waitFor();
  };
  const logoutOf = async (page: Page) => new LoginPage(page, server.url).logout();

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
    const user = async (username: string, displayName: string, orgId: string) =>
      (await sys.call<{ id: string }>('POST', '/api/v1/users', { username, displayName, orgId, password: INITIAL })).id;
    const users: Record<string, string> = { wenhua: await user('wenhua', '分局政治处文化干事', branch) };
    const names = { chenchen: '陈晨', wangfang: '王芳', pingwei1: '李评', pingwei2: '王评', pingwei3: '赵评' } as const;
    for (const [key, name] of Object.entries(names)) users[key] = await user(key, name, station);
    const sec = new ApiClient(server.url);
    await sec.firstLogin('secadmin', server.initialPasswords.secadmin as string, PASSWORD);
    const role = (
      await sec.call<{ id: string }>('POST', '/api/v1/roles', {
        code: 'culture_officer',
        name: '文化干事',
        permissions: ['org:read', 'personnel:read', 'personnel:write', 'culture:read', 'culture:manage'],
        dataScope: 'org_and_below',
        scopeOrgIds: [],
      })
    ).id;
    await sec.call('PUT', `/api/v1/users/${users.wenhua}/roles`, { roleIds: [role] });
    for (const name of Object.keys(users)) await new ApiClient(server.url).firstLogin(name, INITIAL, PASSWORD);
    staff = new ApiClient(server.url);
    await staff.login('wenhua', PASSWORD);
    for (const [i, [key, name]] of Object.entries(names).entries()) {
      people[key] = (
        await staff.call<{ id: string }>('POST', '/api/v1/personnel/people', {
          kind: 'officer',
          name,
          idNumber: makeIdNumber('330102', `199${i}-03-0${i + 1}`, 61 + i),
          orgId: station,
        })
      ).id;
      await staff.call('PUT', `/api/v1/personnel/people/${people[key]}/account`, { userId: users[key] });
    }
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

  it('the culture officer publishes a reading programme', async () => {
    // Created through the API (the form's date pickers are Ant Design's own), published on the page.
    await staff.call('POST', `${C}/programmes`, {
      title: '“书香警营”读书月',
      kind: 'reading',
      orgId: branch,
      startDate: TODAY,
      endDate: addDays(TODAY, 30),
      deadline: addDays(TODAY, 10),
      capacity: 20,
      target: { orgIds: [branch] },
    });
    await loginOn(desk, 'wenhua');
    await desk.goto(`${server.url}/culture`);
    const row = desk.getByTestId('programmes').getByRole('row', { name: /书香警营/ });
    await row.getByTestId('programme-publish').click();
    await row.getByText('已发布').waitFor();
    await snap(desk, '96-culture-programme-published');
  });

  it('an officer registers on a phone', async () => {
    await loginOn(phone, 'chenchen');
    await phone.goto(`${server.url}/my-culture`);
    const item = phone.getByTestId('my-programmes').locator('.ant-list-item').filter({ hasText: '书香警营' });
    await item.getByTestId('register').click();
    await item.getByText('已报名').waitFor();
    const width = await phone.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await snap(phone, '97-culture-phone-register');
  });

  it('participation is recorded with the hours read', async () => {
    await desk
      .getByTestId('programmes')
      .getByRole('link', { name: /书香警营/ })
      .click();
    const row = desk.getByTestId('registrations').getByRole('row', { name: /陈晨/ });
    await row.getByTestId('attended').check();
    await row.getByTestId('amount').fill('6.5');
    await desk.getByTestId('save-participation').click();
    await desk.getByText('已保存').waitFor();
    const detail = await staff.call<{ registrations: { name: string; attended: boolean; amount: number }[] }>(
      'GET',
      `${C}/programmes/${(await staff.call<{ items: { id: string }[] }>('GET', `${C}/programmes`)).items[0]!.id}`,
    );
    expect(detail.registrations).toMatchObject([{ name: '陈晨', attended: true, amount: 6.5 }]);
    await snap(desk, '98-culture-participation');
    await phone.reload();
    await phone.getByTestId('my-programmes').getByText('已参加 · 6.5').waitFor();
  });

  it('a contest entry is judged and the ranking shows', async () => {
    const contest = await staff.call<{ id: string }>('POST', `${C}/contests`, {
      title: '“忠诚卫士”征文比赛',
      orgId: branch,
      entryDeadline: addDays(TODAY, 10),
      judgePersonIds: [people.pingwei1, people.pingwei2, people.pingwei3],
    });
    // 陈晨 enters on the phone; 王芳's entry comes in through the API.
    await phone.getByRole('tab', { name: '比赛投稿' }).click();
    const card = phone.getByTestId('my-contests').locator('.ant-card').filter({ hasText: '忠诚卫士' });
    await card.getByTestId('submit-title').fill('守护万家灯火');
    await card.getByTestId('submit-text').fill('深夜的街巷里，巡逻车的警灯一闪一闪。');
    await card.getByTestId('submit').click();
    await card.getByText('守护万家灯火').waitFor();
    const wang = new ApiClient(server.url);
    await wang.login('wangfang', PASSWORD);
    await wang.call('POST', `${C}/my/contests/${contest.id}/entries`, { title: '警徽在胸前', text: '入警宣誓那天。' });
    // Judges 2 and 3 score through the API; judge 1 scores on the phone.
    const scores: Record<string, [number, number, number]> = { 守护万家灯火: [92, 90, 91], 警徽在胸前: [85, 88, 86.5] };
    for (const [n, judge] of ['pingwei2', 'pingwei3'].entries()) {
      const api = new ApiClient(server.url);
      await api.login(judge, PASSWORD);
      const list = await api.call<{ items: { entries: { id: string; title: string }[] }[] }>('GET', `${C}/my/judging`);
      for (const e of list.items[0]!.entries) await api.call('PUT', `${C}/my/judging/${e.id}`, { score: scores[e.title]![n + 1] });
    }
    await logoutOf(phone);
    await loginOn(phone, 'pingwei1');
    await phone.goto(`${server.url}/my-culture`);
    await phone.getByRole('tab', { name: '我的评审' }).click();
    const judging = phone.getByTestId('my-judging');
    for (const title of Object.keys(scores)) {
      const entry = judging.locator('.ant-list-item').filter({ hasText: title });
      await entry.getByTestId('judge-score').fill(String(scores[title]![0]));
      await Promise.all([
        phone.waitForResponse((r) => r.url().includes('/my/judging/') && r.request().method() === 'PUT' && r.ok()),
        entry.getByRole('button', { name: /评\s*分/ }).click(),
      ]);
    }
    await snap(phone, '99-culture-phone-judging');
    await logoutOf(phone);

    await desk.goto(`${server.url}/culture/contests`);
    await desk
      .getByTestId('contests')
      .getByRole('link', { name: /忠诚卫士/ })
      .click();
    await desk.getByTestId('contest-publish').click();
    await desk.getByText('结果已公布').waitFor();
    // (92 + 90 + 91) / 3 = 91.00 first; (85 + 88 + 86.5) / 3 = 86.50 second.
    const rows = await desk.getByTestId('entries').locator('tbody tr.ant-table-row').allInnerTexts();
    expect(rows[0]).toMatch(/^1\s+守护万家灯火[\s\S]*91\.00/);
    expect(rows[1]).toMatch(/^2\s+警徽在胸前[\s\S]*86\.50/);
    await snap(desk, '100-culture-contest-ranking');

    await loginOn(phone, 'chenchen');
    await phone.goto(`${server.url}/my-culture`);
    await phone.getByRole('tab', { name: '比赛投稿' }).click();
    await phone
      .getByTestId('contest-results')
      .getByText(/1\. 守护万家灯火 · 陈晨（清波派出所） · 91\.00/)
      .waitFor();
    await snap(phone, '101-culture-phone-results');
  });

  it('a works collection takes works and exports the accepted ones as Word', async () => {
    const k = await staff.call<{ id: string }>('POST', `${C}/collections`, { title: '清波警营文集', orgId: branch });
    await phone.getByRole('tab', { name: '文集投稿' }).click();
    const card = phone.getByTestId('my-collections').locator('.ant-card').filter({ hasText: '清波警营文集' });
    await card.getByTestId('submit-title').fill('雨夜卡口');
    await card.getByTestId('submit-text').fill('雨越下越大，卡口的灯光照亮了每一辆驶过的车。');
    await card.getByTestId('submit').click();
    await card.getByText('待审核').waitFor();
    const wang = new ApiClient(server.url);
    await wang.login('wangfang', PASSWORD);
    await wang.call('POST', `${C}/my/collections/${k.id}/works`, { title: '草稿一篇', text: '待修改' });

    await desk.goto(`${server.url}/culture/collections`);
    await desk.getByTestId('collections').getByRole('link', { name: '清波警营文集' }).click();
    const works = desk.getByTestId('works');
    await works
      .getByRole('row', { name: /雨夜卡口/ })
      .getByTestId('work-accept')
      .click();
    await works
      .getByRole('row', { name: /雨夜卡口/ })
      .getByText('已采用')
      .waitFor();
    await snap(desk, '102-culture-collection');
    const [download] = await Promise.all([desk.waitForEvent('download'), desk.getByTestId('collection-export').click()]);
    const file = path.join(dir, download.suggestedFilename());
    await download.saveAs(file);
    expect(download.suggestedFilename()).toBe('清波警营文集.docx');
    const text = await docxText(file);
    expect(text).toContain('1. 雨夜卡口');
    expect(text).toContain('陈晨（清波派出所）');
    expect(text).toContain('雨越下越大，卡口的灯光照亮了每一辆驶过的车。');
    expect(text).not.toContain('草稿一篇');
  });
});
