import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../packages/core/src/personnel/id-number.ts';
import { LoginPage } from './pom/LoginPage.ts';
import { TodoCenterPage } from './pom/TodoCenterPage.ts';
import { ApiClient } from './support/api.ts';
import { launchBrowser, snap } from './support/browser.ts';
import { docxText } from './support/docx-text.ts';
import { startServer, type RunningServer } from './support/server.ts';

const PASSWORD = 'Zhenggong#2026';

/** A real, decodable PNG (a red-to-gold gradient) so the browser shows what the server stored. */
function samplePng(width: number, height: number): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buf: Buffer) => {
    let c = 0xffffffff;
    for (const b of buf) c = crcTable[(c ^ b) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(body));
    return Buffer.concat([len, body, sum]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  const rows = Buffer.alloc((1 + 3 * width) * height);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const o = y * (1 + 3 * width) + 1 + 3 * x;
      rows[o] = 200;
      rows[o + 1] = Math.round((x / width) * 180);
      rows[o + 2] = Math.round((y / height) * 60);
    }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
const INITIAL = 'Initial#Pass1';

/**
 * A 三等功 from nomination to the record: a station nominates an officer, the city bureau (the
 * approving organ the Order 135 matrix names) approves, the public notice runs, an objection is
 * raised and dismissed, the decision is recorded with its 文号, and the award shows on the
 * profile, in the 任免审批表 and in the statistics. A nomination of someone inside a discipline
 * period is refused with the reason. Time moves through TEST_CLOCK_FILE, not by waiting.
 */
describe('awards journey in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let laptop: BrowserContext;
  let phone: BrowserContext;
  let station: Page;
  let city: Page;
  let sys: ApiClient;
  const clockFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zg-awards-clock-')), 'offset');
  const ids: Record<string, string> = {};

  const signIn = async (page: Page, user: string) => {
    const login = new LoginPage(page, server.url);
    await login.open();
    await login.login(user, PASSWORD);
    await page.getByTestId('current-user').waitFor();
  };

  beforeAll(async () => {
    server = await startServer({ TEST_CLOCK_FILE: clockFile });
    sys = new ApiClient(server.url);
    await sys.firstLogin('sysadmin', server.initialPasswords.sysadmin as string, PASSWORD);
    const root = (await sys.call<{ id: string }[]>('GET', '/api/v1/orgs/tree'))[0]!.id;
    ids.root = root;
    const org = (name: string, parentId: string, type: string, isUnit = true) =>
      sys.call<{ id: string }>('POST', '/api/v1/orgs', { name, parentId, type, isUnit }).then((o) => o.id);
    const cityOffice = await org('市局政治部', root, 'department', false);
    const branch = await org('上城分局', root, 'branch');
    const branchOffice = await org('上城分局政治处', branch, 'department', false);
    const stationOrg = await org('湖滨派出所', branch, 'station');
    const user = (username: string, displayName: string, orgId: string) =>
      sys.call<{ id: string }>('POST', '/api/v1/users', { username, displayName, orgId, password: INITIAL });
    const users = {
      hubin: await user('hubin', '湖滨所内勤', stationOrg),
      shizhengzhi: await user('shizhengzhi', '市局政治部奖惩科', cityOffice),
      fenju: await user('fenju', '分局政治处', branchOffice),
    };
    const sec = new ApiClient(server.url);
    await sec.firstLogin('secadmin', server.initialPasswords.secadmin as string, PASSWORD);
    const role = (code: string, name: string, permissions: string[], dataScope: string) =>
      sec.call<{ id: string }>('POST', '/api/v1/roles', { code, name, permissions, dataScope, scopeOrgIds: [] });
    const nominator = await role(
      'award_nominator',
      '所队报奖',
      ['org:read', 'personnel:read', 'awards:read', 'awards:nominate', 'exemplars:read', 'exemplars:nominate'],
      'org_and_below',
    );
    const cityRole = await role(
      'award_city',
      '市局奖惩科',
      [
        'org:read',
        'personnel:read',
        'personnel:write',
        'personnel:export',
        'awards:read',
        'awards:nominate',
        'awards:approve',
        'discipline:read',
        'discipline:write',
        'exemplars:read',
        'exemplars:manage',
        'workflow:calendar',
      ],
      'all',
    );
    const branchRole = await role(
      'award_branch',
      '分局政治处',
      ['org:read', 'personnel:read', 'awards:read', 'awards:approve'],
      'org_and_below',
    );
    await sec.call('PUT', `/api/v1/users/${users.hubin.id}/roles`, { roleIds: [nominator.id] });
    await sec.call('PUT', `/api/v1/users/${users.shizhengzhi.id}/roles`, { roleIds: [cityRole.id] });
    await sec.call('PUT', `/api/v1/users/${users.fenju.id}/roles`, { roleIds: [branchRole.id] });
    for (const u of Object.keys(users)) await new ApiClient(server.url).firstLogin(u, INITIAL, PASSWORD);
    const cityApi = new ApiClient(server.url);
    await cityApi.login('shizhengzhi', PASSWORD);
    await cityApi.ensureNextYearCalendar();
    const person = (name: string, seq: number) =>
      cityApi
        .call<{ id: string }>('POST', '/api/v1/personnel/people', {
          kind: 'officer',
          name,
          idNumber: makeIdNumber('330102', '1988-06-06', seq),
          orgId: stationOrg,
        })
        .then((p) => p.id);
    ids.zhang = await person('张立功', 41);
    ids.li = await person('李受处', 42);
    await cityApi.call('POST', '/api/v1/discipline/records', {
      personId: ids.li,
      kind: '记过',
      decisionDate: new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10),
      organ: '示例市公安局',
      docNo: '示公纪〔2026〕7号',
      facts: '违反规定使用警车',
    });

    browser = await launchBrowser();
    laptop = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', acceptDownloads: true });
    phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    station = await laptop.newPage();
    await signIn(station, 'hubin');
    // A loaded machine starts the server and seeds slowly; the journey itself keeps the default timeouts.
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  const pickPerson = async (page: Page, name: string) => {
    const select = page.getByLabel('受奖人员（可多选，批量奖励）');
    await select.click();
    await select.fill(name);
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', { hasText: name }).first().click();
    await page.keyboard.press('Escape');
  };
  const fillNomination = async (page: Page, person: string, deed: string) => {
    await page.goto(`${server.url}/awards/nominate`);
    await page.getByTestId('nominate-form').waitFor();
    await pickPerson(page, person);
    await page.locator('.ant-form-item', { hasText: '拟奖等级' }).locator('.ant-select').click();
    await page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="三等功"]').click();
    await page.getByLabel('奖励名称').fill('记个人三等功');
    await page.getByLabel('事迹名称').fill(deed);
    const dateInput = page.getByLabel('事迹发生日期');
    await dateInput.click();
    await dateInput.fill(new Date(Date.now() - 3 * 86_400_000).toISOString().slice(0, 10));
    await dateInput.press('Enter');
    await page.getByLabel('主要事迹').fill('连续蹲守七昼夜，抓获犯罪嫌疑人5名，追回被盗财物价值12万元。');
    await page.getByLabel('民主评议情况').fill('经所务会民主评议，全票同意推荐。');
    await page.getByLabel('单位集体研究意见').fill('所党支部集体研究，同意报请记个人三等功。');
  };

  it('a station nominates an officer for 三等功; the city bureau is named as the approver', async () => {
    await fillNomination(station, '张立功', '破获系列盗窃案');
    // Filling the form scrolled it; a full-page picture taken scrolled shows the sticky menu half-way down.
    await station.evaluate(() => window.scrollTo(0, 0));
    await snap(station, 'awards-1-nominate');
    await station.getByRole('button', { name: '提交报奖' }).click();
    await station.getByText('已提交，审批机关：市局，须公示 7 个工作日').waitFor();
    await station.locator('.ant-table-row', { hasText: '张立功' }).getByText('审批中').waitFor();
    await snap(station, 'awards-2-list-in-review');
  });

  it('a nomination inside a discipline period is refused with the reason', async () => {
    await fillNomination(station, '李受处', '火场救人');
    await station.getByRole('button', { name: '提交报奖' }).click();
    const refusal = station.getByTestId('nominate-refusal');
    await refusal.waitFor();
    expect(await refusal.innerText()).toMatch(/本人在政务处分影响期内（记过，.+至.+），原则上不予奖励（奖励条令第十二条）/);
    // Filling the form scrolled it; a full-page picture taken scrolled shows the sticky menu half-way down.
    await station.evaluate(() => window.scrollTo(0, 0));
    await snap(station, 'awards-3-refused-in-discipline');
  });

  it('the city bureau receives it, approves, and the public notice starts', async () => {
    city = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })).newPage();
    await signIn(city, 'shizhengzhi');
    const todo = new TodoCenterPage(city, server.url);
    await todo.open('pending');
    await todo.row('张立功 三等功').waitFor();
    await snap(city, 'awards-4-city-todo');
    await todo.row('张立功 三等功').click();
    await city.getByTestId('case-history').waitFor();
    await todo.act('同意', '事迹属实，同意报请');
    await city.locator('.ant-drawer-content').getByText('公示').first().waitFor();
    await snap(city, 'awards-5-notice');
  });

  it('an objection is recorded and dismissed; after the notice the award is decided', async () => {
    const branchApi = new ApiClient(server.url);
    await branchApi.login('fenju', PASSWORD);
    const list = await branchApi.call<{ items: { id: string; caseId: string }[] }>('GET', '/api/v1/awards/nominations?keyword=张立功');
    const caseId = list.items[0]!.caseId;
    ids.award = list.items[0]!.id;
    await branchApi.call('POST', `/api/v1/workflow/cases/${caseId}/objections`, { text: '该案主要由刑侦大队侦破，请核实' });
    await city.reload();
    await city.locator('.ant-drawer-content').getByText('该案主要由刑侦大队侦破，请核实').first().waitFor();
    await snap(city, 'awards-6-objection');
    const cityApi = new ApiClient(server.url);
    await cityApi.login('shizhengzhi', PASSWORD);
    const detail = await cityApi.call<{ objections: { id: string }[] }>('GET', `/api/v1/workflow/cases/${caseId}`);
    await cityApi.call('POST', `/api/v1/workflow/cases/${caseId}/objections/${detail.objections[0]!.id}/resolve`, {
      resolution: '经核实，该民警为案件主办人，异议不成立',
    });
    // Twelve days on, the notice has run its seven working days; the job runner's next slot of
    // workflow.due-work (every 15 minutes, ticking every 5 s) moves the case on by itself.
    fs.writeFileSync(clockFile, String(12 * 86_400_000));
    await expect
      .poll(
        async () => (
          await cityApi.login('shizhengzhi', PASSWORD),
          (await cityApi.call<{ status: string }>('GET', `/api/v1/awards/nominations/${ids.award}`)).status
        ),
        {
          timeout: 30_000,
        },
      )
      .toBe('approved');
    city = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })).newPage();
    await signIn(city, 'shizhengzhi');
    await city.goto(`${server.url}/awards`);
    await city.locator('.ant-table-row', { hasText: '张立功' }).click();
    const form = city.getByTestId('decision-form');
    await form.waitFor();
    await form.getByLabel('决定文号').fill('示公政〔2026〕88号');
    await form.getByLabel('批准机关').fill('示例市公安局');
    await form.getByRole('button', { name: '作出奖励决定' }).click();
    await city.locator('.ant-drawer-content').getByText('示公政〔2026〕88号').first().waitFor();
    await snap(city, 'awards-7-decided');
  });

  it('the award appears on the profile, in the 任免审批表 and in the statistics', async () => {
    await city.goto(`${server.url}/personnel/${ids.zhang}`);
    await city.getByRole('tab', { name: /奖励/ }).first().click();
    await city.getByText('记个人三等功（示公政〔2026〕88号）').first().waitFor();
    await snap(city, 'awards-8-profile');
    const res = await city.request.get(`${server.url}/api/v1/personnel/people/${ids.zhang}/appointment-form.docx`);
    expect(res.status()).toBe(200);
    const file = path.join(path.dirname(clockFile), 'form.docx');
    fs.writeFileSync(file, await res.body());
    expect(await docxText(file)).toContain('记个人三等功（示公政〔2026〕88号）（示例市公安局）');
    await city.goto(`${server.url}/awards/stats`);
    await city.getByTestId('awards-total').getByText('1').waitFor();
    await city.getByText('示公政〔2026〕88号').waitFor();
    await snap(city, 'awards-9-stats');
  });

  it('the exemplar library takes a photo through the file intake and refuses a page dressed as a photo', async () => {
    const cityApi = new ApiClient(server.url);
    await cityApi.login('shizhengzhi', PASSWORD);
    const stationApi = new ApiClient(server.url);
    await stationApi.login('hubin', PASSWORD);
    const campaign = await cityApi.call<{ id: string }>('POST', '/api/v1/exemplars/campaigns', {
      title: '2026年度“最美警察”评选',
      kind: '最美警察',
      year: 2026,
      criteria: '忠诚履职，事迹突出',
      quotaPerUnit: 3,
      maxChoices: 1,
      publicVoting: false,
      orgId: ids.root,
    });
    const candidate = await stationApi.call<{ id: string; caseId: string }>(
      'POST',
      `/api/v1/exemplars/campaigns/${campaign.id}/candidates`,
      { personId: ids.zhang, deeds: '连续蹲守七昼夜，破获系列盗窃案，追回被盗财物价值12万元。' },
    );
    await cityApi.call('POST', `/api/v1/workflow/cases/${candidate.caseId}/approve`, { comment: '同意入围' });
    await cityApi.call('POST', `/api/v1/exemplars/campaigns/${campaign.id}/open-voting`);
    await cityApi.call('POST', `/api/v1/exemplars/campaigns/${campaign.id}/close-voting`);
    await cityApi.call('POST', `/api/v1/exemplars/campaigns/${campaign.id}/announce`, { winnerIds: [candidate.id] });

    await city.goto(`${server.url}/awards/library`);
    const row = city.locator('.ant-table-row', { hasText: '张立功' });
    await row.waitFor();
    const input = row.locator('input[type=file]');
    await input.setInputFiles({ name: '颁奖现场.png', mimeType: 'image/png', buffer: samplePng(320, 240) });
    await city.getByText('照片已上传').waitFor();
    const img = row.locator('img').first();
    await img.waitFor();
    // The browser really decodes what the server stored and serves back.
    await expect.poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(320);
    await snap(city, 'awards-12-library-photo');
    await input.setInputFiles({
      name: 'photo.jpg',
      mimeType: 'image/jpeg',
      buffer: Buffer.from('<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>'),
    });
    await city.getByText('文件类型不允许（按文件内容判断，可接受：jpg, png）').waitFor();
    await snap(city, 'awards-13-library-refused');
    expect(await row.locator('img').count()).toBe(1);
  });

  it('works on a phone: the award list and statistics at 390×844', async () => {
    const mobile = await phone.newPage();
    await signIn(mobile, 'shizhengzhi');
    await mobile.goto(`${server.url}/awards`);
    await mobile.locator('.ant-table-row', { hasText: '张立功' }).waitFor();
    await snap(mobile, 'awards-10-phone-list');
    await mobile.goto(`${server.url}/awards/stats`);
    await mobile.getByTestId('awards-total').waitFor();
    await snap(mobile, 'awards-11-phone-stats');
    await mobile.goto(`${server.url}/awards/library`);
    await mobile.locator('.ant-card', { hasText: '张立功' }).locator('img').first().waitFor();
    await snap(mobile, 'awards-14-phone-library');
  });
});
