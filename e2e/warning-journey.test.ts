import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../packages/core/src/personnel/id-number.ts';
import { LoginPage } from './pom/LoginPage.ts';
import { TodoCenterPage } from './pom/TodoCenterPage.ts';
import { ApiClient } from './support/api.ts';
import { launchBrowser, newContext, snap } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

const PASSWORD = 'Zhenggong#2026';
const INITIAL = 'Initial#Pass1';
const W = '/api/v1/warning';
/** Monday 20 April 2026, 09:00 in Beijing: the facts are recorded. */
const FACTS_DAY = Date.parse('2026-04-20T01:00:00.000Z');
/** Wednesday 6 May 2026, 09:00: April's monthly run; the alert is handled. */
const RUN_DAY = Date.parse('2026-05-06T01:00:00.000Z');
/** Monday 8 June 2026, 09:00: the 30-day follow-up, closure and the officer's look. */
const FOLLOW_UP_DAY = Date.parse('2026-06-08T01:00:00.000Z');

/**
 * Team-condition early warning (队伍质态研判) as the people involved see it. The city political
 * department records an officer's complaints and overtime, April's monthly run opens explained
 * alerts; the branch's political office takes one through the consultation (研判会), a talk
 * (谈心谈话) and the 30-day follow-up to a closure that a second branch handler approves in the
 * to-do centre; the officer reads the verified prompt on a phone and appeals a complaint record;
 * the city's cockpit (驾驶舱) opens the list of people behind a unit's figure. The server's clock
 * moves through TEST_CLOCK_FILE; the scheduler stays off, so the only run is the one requested.
 */
describe('early warning journey in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let handler: Page; // 上城分局政治处, handles the alert
  const clockFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zg-warning-clock-')), 'offset');
  /** Moves the server's clock to `at` (the file holds an offset from the real clock). */
  const setClock = (at: number) => fs.writeFileSync(clockFile, String(at - Date.now()));

  const signIn = async (page: Page, user: string) => {
    const login = new LoginPage(page, server.url);
    await login.open();
    await login.login(user, PASSWORD);
    await page
      .getByTestId('current-user')
      .or(page.getByRole('button', { name: /菜单|menu/i }))
      .first()
      .waitFor();
  };
  /** A laptop window of its own (1366 × 768) in Beijing time, so each sign-in has its own cookies. */
  const desktop = async () =>
    (await newContext(browser, { viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' })).newPage();
  /** The open antd Select dropdown's option with this title. */
  const choose = async (page: Page, select: Locator, title: string) => {
    await select.click();
    await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${title}"]`).click();
  };
  const pickDate = async (input: Locator, date: string) => {
    await input.click();
    await input.fill(date);
    await input.press('Enter');
  };

  beforeAll(async () => {
    // The runner stays off: the month is run through its route, as a political department re-runs a month.
    server = await startServer({ TEST_CLOCK_FILE: clockFile, JOB_TICK_MS: '0' });
    // Administrators enrol their second factor on the real clock (the codes are computed from it).
    const sys = new ApiClient(server.url);
    await sys.firstLogin('sysadmin', server.initialPasswords.sysadmin as string, PASSWORD);
    const sec = new ApiClient(server.url);
    await sec.firstLogin('secadmin', server.initialPasswords.secadmin as string, PASSWORD);
    const root = (await sys.call<{ id: string }[]>('GET', '/api/v1/orgs/tree'))[0]!.id;
    const org = (name: string, parentId: string, type: string, isUnit = true) =>
      sys.call<{ id: string }>('POST', '/api/v1/orgs', { name, parentId, type, isUnit }).then((o) => o.id);
    const cityOffice = await org('市局政治部', root, 'department', false);
    const branch = await org('上城分局', root, 'branch');
    const branchOffice = await org('上城分局政治处', branch, 'department', false);
    const station = await org('清波派出所', branch, 'station');
    const other = await org('拱墅分局', root, 'branch');
    const otherStation = await org('米市巷派出所', other, 'station');
    const user = (username: string, displayName: string, orgId: string) =>
      sys.call<{ id: string }>('POST', '/api/v1/users', { username, displayName, orgId, password: INITIAL }).then((u) => u.id);
    const users = {
      shizhengzhi: await user('shizhengzhi', '市局政治部', cityOffice),
      fenju: await user('fenju', '上城分局政治处', branchOffice),
      zhuren: await user('zhuren', '上城分局政治处主任', branchOffice),
      chenxm: await user('chenxm', '陈小明', station),
    };
    const role = (code: string, permissions: string[], dataScope: string) =>
      sec.call<{ id: string }>('POST', '/api/v1/roles', { code, name: code, permissions, dataScope, scopeOrgIds: [] }).then((r) => r.id);
    const city = await role(
      'warning_city',
      ['org:read', 'personnel:read', 'personnel:write', 'warning:read', 'warning:handle', 'warning:configure', 'warning:cockpit'],
      'all',
    );
    const branchRole = await role(
      'warning_branch',
      ['org:read', 'personnel:read', 'warning:read', 'warning:handle', 'warning:cockpit'],
      'org_and_below',
    );
    await sec.call('PUT', `/api/v1/users/${users.shizhengzhi}/roles`, { roleIds: [city] });
    await sec.call('PUT', `/api/v1/users/${users.fenju}/roles`, { roleIds: [branchRole] });
    await sec.call('PUT', `/api/v1/users/${users.zhuren}/roles`, { roleIds: [branchRole] });

    // 20 April: the roster and the facts the month will read.
    setClock(FACTS_DAY);
    for (const u of Object.keys(users)) await new ApiClient(server.url).firstLogin(u, INITIAL, PASSWORD);
    const pol = new ApiClient(server.url);
    await pol.login('shizhengzhi', PASSWORD);
    let serial = 11;
    const person = (name: string, orgId: string) =>
      pol
        .call<{ id: string }>('POST', '/api/v1/personnel/people', {
          kind: 'officer',
          name,
          idNumber: makeIdNumber('330102', '1990-03-04', serial++),
          orgId,
          post: '社区民警',
          workStartDate: '2014-07-01',
        })
        .then((p) => p.id);
    const subject = await person('陈小明', station);
    // Peers: enough people in the same kind of post for the comparison to be made (at least 20).
    const colleagues = '王 李 张 刘 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许'.split(' ');
    for (const surname of colleagues) await person(`${surname}建国`, station);
    for (const surname of ['韩', '冯', '曹']) await person(`${surname}卫东`, otherStation);
    await pol.call('PUT', `/api/v1/personnel/people/${subject}/account`, { userId: users.chenxm });
    for (const eventDate of ['2026-01-05', '2026-02-10', '2026-03-15', '2026-04-02'])
      await pol.call('POST', `${W}/facts`, { personId: subject, kind: 'complaint', eventDate, value: 1, note: '群众投诉登记' });

    // 6 May: April's run, as the month's job would do it on the 1st.
    setClock(RUN_DAY);
    const rerun = new ApiClient(server.url);
    await rerun.login('shizhengzhi', PASSWORD);
    const run = await rerun.call<{ people: number; alertsOpened: number }>('POST', `${W}/runs`, { asOf: '2026-04-30' });
    expect(run.people).toBe(29);
    expect(run.alertsOpened).toBeGreaterThanOrEqual(1);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(path.dirname(clockFile), { recursive: true, force: true });
  });

  it('an explained warning goes through consultation, a talk and follow-up to a closure approved by a second handler', async () => {
    handler = await desktop();
    await signIn(handler, 'fenju');
    await handler.goto(`${server.url}/warning/alerts`);
    const row = handler.locator('.ant-table-row', { hasText: '近12个月被投诉次数为 4 次，达到预警线 3 次' });
    await row.getByText('陈小明').waitFor();
    await row.getByText('待分派').waitFor();
    // A page whose queries succeeded shows no error box.
    expect(await handler.getByText('加载失败').count()).toBe(0);
    await snap(handler, 'warning-1-alert-list');

    await row.click();
    const drawer = handler.getByTestId('alert-detail');
    const sentence = drawer.getByTestId('alert-sentence');
    await sentence.waitFor();
    const explained = await sentence.innerText();
    // Value, threshold, window, peer group and rule, in one sentence read aloud.
    expect(explained).toContain('近12个月被投诉次数为 4 次');
    expect(explained).toContain('达到预警线 3 次');
    expect(explained).toContain('与同类人员（民警·派出所·社区民警，29 人');
    expect(explained).toMatch(/规则：12个月内投诉较多，第1版/);
    await drawer.getByText('本提示仅用于关心关爱和谈心谈话，不作为处分依据。').waitFor();
    await snap(handler, 'warning-2-alert-explained');

    const status = (text: string) => drawer.locator('h5 .ant-tag', { hasText: text }).waitFor();
    const form = handler.getByTestId('action-form');
    await drawer.getByTestId('action-assign').click();
    await form.getByTestId('action-submit').click();
    await status('已分派');

    await drawer.getByTestId('action-consultations').click();
    await pickDate(form.getByLabel('日期'), '2026-05-06');
    await form.getByLabel('参会人员').fill('分局政治处主任、清波所所长、教导员');
    await form.getByLabel('研判结论').fill('家中老人住院，近期情绪波动，与群众沟通方式需改进');
    await snap(handler, 'warning-3-consultation-form');
    await form.getByTestId('action-submit').click();
    await status('已研判');

    await drawer.getByTestId('action-measures').click();
    await choose(handler, form.getByLabel('措施类型'), '谈心谈话');
    await pickDate(form.getByLabel('日期'), '2026-05-07');
    await form.getByLabel('情况记录').fill('教导员谈心谈话一次，安排轮休 3 天');
    await form.getByTestId('action-submit').click();
    await status('措施落实中');
    await drawer.getByText(/09:00 落实措施（谈心谈话，2026-05-07） · 上城分局政治处：教导员谈心谈话一次/).waitFor();
    await snap(handler, 'warning-4-talk-recorded');

    // A month later the 30-day follow-up; the session has long timed out, so the handler signs in again.
    setClock(FOLLOW_UP_DAY);
    await signIn(handler, 'fenju');
    await handler.goto(`${server.url}/warning/alerts`);
    await handler.locator('.ant-table-row', { hasText: '近12个月被投诉次数为 4 次，达到预警线 3 次' }).click();
    await status('措施落实中');
    await drawer.getByTestId('action-follow-ups').click();
    await choose(handler, form.getByLabel('回访节点'), '30 天');
    await pickDate(form.getByLabel('日期'), '2026-06-08');
    await form.getByLabel('情况记录').fill('情绪平稳，近一月无新投诉');
    await form.getByTestId('action-submit').click();
    await status('跟踪回访中');

    await drawer.getByTestId('action-close').click();
    await choose(handler, form.getByLabel('处置结果'), '改善');
    await form.getByLabel('情况记录').fill('情况改善，提请结案');
    await form.getByTestId('action-submit').click();
    await handler.getByText('已提交结案审核，待审批人在待办中心审批').waitFor();
    await status('结案审核中');
    await snap(handler, 'warning-5-closure-proposed');

    // The proposer cannot decide their own closure: a second handler of the branch does.
    const approver = await desktop();
    await signIn(approver, 'zhuren');
    const todo = new TodoCenterPage(approver, server.url);
    await todo.open();
    await todo.row('预警处置结案：陈小明（改善）').click();
    await approver.locator('.ant-drawer-content').getByText('预警处置结案审核').first().waitFor();
    await snap(approver, 'warning-6-closure-todo');
    await todo.act('同意', '同意结案，继续关心关爱');
    await todo.row('预警处置结案：陈小明').waitFor({ state: 'detached' });
    await approver.context().close();

    await handler.reload();
    await status('已结案');
    const history = await drawer.locator('.ant-timeline').innerText();
    const steps = ['生成预警', '接收分派', '召开研判会', '落实措施', '跟踪回访', '提请结案', '结案'];
    expect(steps.map((s) => history.indexOf(s)).every((at, i, all) => at >= 0 && (i === 0 || at > (all[i - 1] ?? 0)))).toBe(true);
    expect(history).toContain('跟踪回访（30 天回访，2026-06-08）');
    await drawer.locator('.ant-timeline-item').last().scrollIntoViewIfNeeded();
    await snap(handler, 'warning-7-closed');
  });

  it('the officer reads the verified prompt and their indicators on a phone, and appeals a complaint record', async () => {
    const context = await newContext(browser, {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    const phone = await context.newPage();
    await signIn(phone, 'chenxm');
    await phone.goto(`${server.url}/my-condition`);
    await phone.getByText('数据截至 2026-04-30').waitFor();
    // Only the alert verified in a consultation reaches the officer, with its explanation.
    const prompt = phone.getByTestId('self-alert');
    await prompt.getByText(/近12个月被投诉次数为 4 次/).waitFor();
    expect(await prompt.count()).toBe(1);
    const complaints = phone.getByTestId('indicator-DISC_COMPLAINT_12M');
    await complaints.getByText(/高于 \d+% 的同类人员（29 人）/).waitFor();
    expect(await phone.locator('body').innerText()).not.toContain('建国');
    await snap(phone, 'warning-8-self-view-phone');

    await complaints.getByTestId('source-tag').filter({ hasText: '投诉登记 2026-02-10' }).click();
    const modal = phone.locator('.ant-modal-content');
    await modal.getByText('对该记录提出异议：投诉登记 2026-02-10').waitFor();
    await modal.getByTestId('appeal-reason').fill('该投诉经所里核实为误解，已向投诉人说明');
    await snap(phone, 'warning-9-appeal-phone');
    await modal.locator('.ant-modal-footer .ant-btn-primary').click();
    await phone.getByText('申诉已提交，将由未经办预警的政工干部审核').waitFor();
    const mine = phone.getByTestId('my-appeal');
    await mine.getByText('审核中').waitFor();
    await mine.getByText('投诉登记 2026-02-10').waitFor();
    await mine.getByText('该投诉经所里核实为误解，已向投诉人说明').waitFor();
    await snap(phone, 'warning-10-appeal-filed-phone');
    await context.close();
  });

  it("the city's cockpit drills from a unit's figure into the people behind it", async () => {
    const leader = await desktop();
    await signIn(leader, 'shizhengzhi');
    await leader.goto(`${server.url}/warning/cockpit`);
    const cockpit = leader.getByTestId('cockpit');
    await cockpit.getByText('截至 2026-04-30').waitFor();
    expect(await leader.getByTestId('stat-people').innerText()).toContain('29');
    const unit = cockpit.locator('.ant-table-row', { hasText: '上城分局' });
    await unit.getByRole('cell', { name: '26', exact: true }).waitFor();
    await snap(leader, 'warning-11-cockpit');

    await unit.getByRole('cell', { name: '26', exact: true }).click();
    const drill = leader.locator('.ant-drawer-content', { hasText: '上城分局 · 民警' });
    const list = drill.getByTestId('drill-list');
    await list.locator('.ant-table-row', { hasText: '陈小明' }).waitFor();
    expect(await list.locator('.ant-table-row').count()).toBe(10);
    await drill.locator('.ant-pagination-item-3').click();
    await drill.locator('.ant-pagination-item-active', { hasText: '3' }).waitFor();
    await leader.waitForFunction(() => document.querySelectorAll('[data-testid="drill-list"] .ant-table-row').length === 6, undefined, {
      timeout: 30_000,
    });
    const third = await list.innerText();
    expect(third).toContain('清波派出所');
    expect(third).not.toContain('米市巷派出所');
    await snap(leader, 'warning-12-cockpit-drill');

    // The auxiliaries' figure of the same unit opens its own list (none here).
    await drill.locator('.ant-drawer-close').click();
    await unit.locator('td').nth(2).click();
    await leader.locator('.ant-drawer-content', { hasText: '上城分局 · 辅警' }).locator('.ant-empty').waitFor();
  });
});
