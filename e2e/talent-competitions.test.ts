import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../packages/core/src/personnel/id-number.ts';
import { LoginPage } from './pom/LoginPage.ts';
import { TalentPages } from './pom/TalentPages.ts';
import { ApiClient } from './support/api.ts';
import { launchBrowser, newContext, snap } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

const PASSWORD = 'Zhenggong#2026';

/**
 * The city political department keeps its instructors, confirms talent-pool suggestions drawn
 * from records, reviews a submitted courseware file, and runs a competition: scores typed into
 * the grid, rankings with ties and unit totals, results published to people's records.
 */
describe('instructors, talent pool, courseware and competitions in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let ui: TalentPages;
  let staff: ApiClient;
  const people: Record<string, string> = {};
  let eventId = '';
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zg-talent-'));

  beforeAll(async () => {
    server = await startServer();
    const sys = new ApiClient(server.url);
    await sys.firstLogin('sysadmin', server.initialPasswords.sysadmin as string, PASSWORD);
    const root = (await sys.call<{ id: string }[]>('GET', '/api/v1/orgs/tree'))[0]!.id;
    const east = (
      await sys.call<{ id: string }>('POST', '/api/v1/orgs', { name: '上城分局', parentId: root, type: 'branch', isUnit: true })
    ).id;
    const hubin = (
      await sys.call<{ id: string }>('POST', '/api/v1/orgs', { name: '湖滨派出所', parentId: east, type: 'station', isUnit: true })
    ).id;
    const qingbo = (
      await sys.call<{ id: string }>('POST', '/api/v1/orgs', { name: '清波派出所', parentId: east, type: 'station', isUnit: true })
    ).id;
    const user = await sys.call<{ id: string }>('POST', '/api/v1/users', {
      username: 'cityjy',
      displayName: '市局政治部教育训练科',
      orgId: root,
      password: 'Initial#Pass1',
    });
    const sec = new ApiClient(server.url);
    await sec.firstLogin('secadmin', server.initialPasswords.secadmin as string, PASSWORD);
    const perms = ['org:read', 'personnel:read', 'personnel:write', 'talent:read', 'talent:write', 'competition:read', 'competition:write'];
    const role = await sec.call<{ id: string }>('POST', '/api/v1/roles', {
      code: 'city_jy',
      name: '市局教育训练',
      permissions: perms,
      dataScope: 'all',
      scopeOrgIds: [],
    });
    await sec.call('PUT', `/api/v1/users/${user.id}/roles`, { roleIds: [role.id] });
    // A colleague who decides courseware submissions (the workflow never lets the submitter decide).
    const colleague = await sys.call<{ id: string }>('POST', '/api/v1/users', {
      username: 'cityjy2',
      displayName: '市局政治部教育训练科副科长',
      orgId: root,
      password: 'Initial#Pass1',
    });
    await sec.call('PUT', `/api/v1/users/${colleague.id}/roles`, { roleIds: [role.id] });
    staff = new ApiClient(server.url);
    await staff.firstLogin('cityjy', 'Initial#Pass1', PASSWORD);
    const roster: [string, string, string][] = [
      ['张伟', hubin, '011201'],
      ['李娜', hubin, '011202'],
      ['王强', qingbo, '011203'],
      ['赵敏', qingbo, '011204'],
      ['陈刚', qingbo, '011205'],
    ];
    for (const [i, [name, orgId, policeNumber]] of roster.entries()) {
      people[name] = (
        await staff.call<{ id: string }>('POST', '/api/v1/personnel/people', {
          kind: 'officer',
          name,
          idNumber: makeIdNumber('330102', `198${i}-0${i + 1}-1${i}`, 21 + i),
          orgId,
          policeNumber,
        })
      ).id;
    }
    await staff.call('POST', `/api/v1/personnel/people/${people['张伟']}/education`, {
      level: '21',
      school: '浙江警察学院',
      major: '侦查学',
      fullTime: true,
      endDate: '2008-07-01',
    });
    await staff.call('POST', `/api/v1/personnel/people/${people['李娜']}/awards`, {
      date: '2025-12-01',
      name: '全市网络安全技能能手',
      level: '嘉奖',
      issuer: '示例市公安局',
    });
    await staff.call('POST', '/api/v1/talent/categories/defaults');
    const wang = await staff.call<{ id: string }>('POST', '/api/v1/talent/instructors', {
      personId: people['王强'],
      grade: 'senior',
      subjects: ['射击', '警务实战'],
      appointedOn: '2024-03-01',
      expiresOn: '2027-02-28',
    });
    await staff.call('POST', '/api/v1/talent/instructors', {
      personId: people['赵敏'],
      grade: 'intermediate',
      subjects: ['心理疏导', '危机干预'],
      appointedOn: '2025-01-01',
      expiresOn: '2027-12-31',
    });
    await staff.call('POST', '/api/v1/talent/instructors', {
      personId: people['陈刚'],
      grade: 'junior',
      subjects: ['交通管理'],
      appointedOn: '2021-01-01',
      expiresOn: '2025-12-31',
    });
    for (const [title, scores] of [
      ['手枪速射要领', [92, 88, 95]],
      ['警务实战技能——徒手控制', [85, 90]],
    ] as const) {
      const lecture = await staff.call<{ id: string }>('POST', `/api/v1/talent/instructors/${wang.id}/lectures`, {
        date: '2026-04-02',
        title,
        subject: '射击',
        hours: 2,
        audience: '2026年春训班',
      });
      for (const [i, score] of scores.entries()) {
        await staff.call('POST', `/api/v1/talent/instructors/${wang.id}/lectures/${lecture.id}/reviews`, {
          reviewerKind: i === 0 ? 'supervisor' : 'trainee',
          reviewerName: i === 0 ? '政治处督导' : undefined,
          score,
        });
      }
    }
    people.instructor = wang.id;
    await staff.call('POST', '/api/v1/talent/courseware', {
      kind: 'micro_course',
      title: '现场执法规范微课',
      subject: '执法办案',
      authorPersonId: people['张伟'],
    });
    const event = await staff.call<{ id: string }>('POST', '/api/v1/competitions', {
      title: '2026年上城分局岗位练兵比武',
      level: 'branch',
      orgId: east,
      startDate: '2026-05-10',
      endDate: '2026-05-12',
    });
    eventId = event.id;
    const shoot = await staff.call<{ id: string }>('POST', `/api/v1/competitions/${eventId}/items`, {
      name: '手枪射击',
      kind: 'individual',
      direction: 'higher',
      unit: '环',
    });
    const run = await staff.call<{ id: string }>('POST', `/api/v1/competitions/${eventId}/items`, {
      name: '3000米跑',
      kind: 'individual',
      direction: 'lower',
      unit: '秒',
    });
    for (const [name, org] of [
      ['张伟', hubin],
      ['李娜', hubin],
      ['王强', qingbo],
      ['赵敏', qingbo],
    ] as const) {
      await staff.call('POST', `/api/v1/competitions/${eventId}/entries`, { itemId: shoot.id, orgId: org, personIds: [people[name]] });
      await staff.call('POST', `/api/v1/competitions/${eventId}/entries`, { itemId: run.id, orgId: org, personIds: [people[name]] });
    }
    browser = await launchBrowser();
    const context = await newContext(browser, { viewport: { width: 1366, height: 768 }, locale: 'zh-CN', acceptDownloads: true });
    page = await context.newPage();
    ui = new TalentPages(page, server.url);
    const login = new LoginPage(page, server.url);
    await login.open();
    await login.login('cityjy', PASSWORD);
    await page.getByTestId('current-user').waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('lists instructors with grade, term and average score, and shows one with its lectures', async () => {
    await ui.openTab('instructors');
    await expect.poll(() => page.locator('.ant-table-row').count()).toBe(3);
    const wang = page.locator('.ant-table-row').filter({ hasText: '王强' });
    await expect.poll(() => wang.innerText()).toMatch(/高级[\s\S]*射击[\s\S]*在聘[\s\S]*2[\s\S]*90/);
    expect(await page.locator('.ant-table-row').filter({ hasText: '陈刚' }).innerText()).toContain('聘期届满');
    await ui.settled();
    await snap(page, '50-instructors');
    await wang.getByRole('link', { name: '王强' }).click();
    await page.getByText('手枪速射要领').waitFor();
    await page.locator('.ant-table-row-expand-icon').first().click();
    await page.getByText('政治处督导').waitFor();
    await snap(page, '51-instructor-detail');
  });

  it('shows suggestions with their reasons and adds a person only when staff confirm', async () => {
    await ui.openTab('pool');
    const zhang = ui.suggestion('张伟', '执法办案');
    await zhang.waitFor();
    expect(await zhang.innerText()).toContain('浙江警察学院 侦查学');
    expect(await ui.suggestion('李娜', '网络安全').innerText()).toContain('全市网络安全技能能手');
    expect(await ui.suggestion('王强', '警务实战教官').innerText()).toContain('专家人才');
    expect(await page.getByText('暂无数据').count()).toBeGreaterThan(0);
    await snap(page, '52-talent-suggestions');
    await zhang.getByRole('button', { name: '确认入库' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText('浙江警察学院 侦查学').waitFor();
    await snap(page, '53-talent-confirm');
    await dialog.getByRole('button', { name: /确\s*定|OK/ }).click();
    await dialog.waitFor({ state: 'hidden' });
    const member = ui.card('人才库成员').locator('.ant-table-row').filter({ hasText: '张伟' });
    await member.waitFor();
    expect(await member.innerText()).toMatch(/执法办案[\s\S]*推荐确认/);
    expect(await zhang.count()).toBe(0);
    await snap(page, '54-talent-pool');
  });

  it('takes a courseware file typed by its bytes and records a review score', async () => {
    await ui.openTab('courseware');
    await page.getByText('现场执法规范微课').click();
    const drawer = page.locator('.ant-drawer-content');
    await drawer.waitFor();
    const fake = path.join(dir, '伪装课件.pdf');
    fs.writeFileSync(fake, '<html><script>alert(1)</script></html>');
    await drawer.locator('input[type=file]').setInputFiles(fake);
    await page.getByText('文件类型不允许', { exact: false }).first().waitFor();
    const real = path.join(dir, '现场执法规范.mp4');
    fs.writeFileSync(real, Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypmp42'), Buffer.alloc(2048)]));
    await drawer.locator('input[type=file]').setInputFiles(real);
    await drawer.getByRole('button', { name: '现场执法规范.mp4' }).waitFor();
    await drawer.getByPlaceholder('评分').fill('88');
    await drawer.getByPlaceholder('意见').fill('案例典型，画面清晰');
    await drawer.getByRole('button', { name: '评审打分' }).click();
    await drawer.getByText('案例典型，画面清晰').waitFor();
    expect(await drawer.innerText()).toMatch(/评审中[\s\S]*88（1）/);
    await snap(page, '55-courseware-review');
  });

  it('enters scores in the grid, ranks ties and lower-better times, and publishes', async () => {
    await ui.openCompetition(eventId, 'scores');
    const scores: [string, string, string][] = [
      ['张伟', '95', '12:31.5'],
      ['李娜', '98', '11:58'],
      ['王强', '95', '751.5'],
      ['赵敏', '90', '12:40'],
    ];
    for (const [name, shoot, run] of scores) {
      const inputs = ui.scoreInput(name);
      await inputs.nth(0).fill(shoot);
      await inputs.nth(1).fill(run);
    }
    await page.getByRole('button', { name: '保存成绩' }).click();
    await page.getByText('已保存 8 项成绩').waitFor();
    await snap(page, '56-competition-scores');
    await page.getByRole('tab', { name: '排名' }).click();
    const shoot = ui.card('手枪射击 · 高者为优');
    await shoot.locator('.ant-table-row').first().waitFor();
    const shootRows = await shoot.locator('.ant-table-row').allInnerTexts();
    expect(shootRows.map((r) => r.split(/\s+/)[0])).toEqual(['1', '2', '2', '4']);
    const runRows = await ui.card('3000米跑 · 低者为优').locator('.ant-table-row').allInnerTexts();
    expect(runRows[0]).toContain('李娜');
    expect(runRows.map((r) => r.split(/\s+/)[0])).toEqual(['1', '2', '2', '4']);
    await page.getByTestId('ranking-chart').locator('canvas').waitFor();
    await page.getByRole('button', { name: '发布成绩' }).click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await page.getByText('成绩已发布，已写入个人记录').waitFor();
    await page.getByText('已发布', { exact: true }).waitFor();
    await snap(page, '57-competition-rankings');
    const results = await staff.call<{ itemName: string; rank: number }[]>('GET', `/api/v1/competitions/people/${people['李娜']}/results`);
    expect(results.map((r) => [r.itemName, r.rank]).sort()).toEqual([
      ['3000米跑', 1],
      ['手枪射击', 1],
    ]);
  });
});
