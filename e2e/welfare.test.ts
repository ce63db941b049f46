import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { beijingDate } from '../packages/core/src/platform/beijing-date.ts';
import { makeIdNumber } from '../packages/core/src/personnel/id-number.ts';
import { LoginPage } from './pom/LoginPage.ts';
import { TodoCenterPage } from './pom/TodoCenterPage.ts';
import { pickTreeNode } from './pom/tree-select.ts';
import { ApiClient } from './support/api.ts';
import { launchBrowser, newContext, snap } from './support/browser.ts';
import { startServer, type RunningServer } from './support/server.ts';

const PASSWORD = 'Zhenggong#2026';
const INITIAL = 'Initial#Pass1';
const W = '/api/v1/welfare';

/** Monday to Friday of the week after next (Beijing dates), clear of most holidays. */
function nextWeek(): [string, string] {
  const today = new Date(`${beijingDate(new Date())}T00:00:00Z`);
  const monday = new Date(today.getTime() + (((8 - today.getUTCDay()) % 7) + 7) * 86_400_000);
  const friday = new Date(monday.getTime() + 4 * 86_400_000);
  return [monday.toISOString().slice(0, 10), friday.toISOString().slice(0, 10)];
}

/**
 * Caring for the force (从优待警) as the people involved see it: an officer applies for annual leave
 * on a phone, the station approves it in the to-do centre, the ledger and the unit calendar show
 * it; a wristband reading over a rule's threshold reaches the unit's care contact, who
 * acknowledges it; a psychological case stays invisible to the political department.
 */
describe('welfare in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let station: string;
  let deviceToken: string;
  const [start, end] = nextWeek();

  async function pageFor(username: string, viewport: { width: number; height: number }, mobile = false): Promise<Page> {
    const context = await newContext(browser, { viewport, locale: 'zh-CN', ...(mobile ? { isMobile: true, hasTouch: true } : {}) });
    const page = await context.newPage();
    const login = new LoginPage(page, server.url);
    await login.open();
    await login.login(username, PASSWORD);
    await page
      .getByTestId('current-user')
      .or(page.getByRole('button', { name: /菜单|menu/i }))
      .first()
      .waitFor();
    return page;
  }

  beforeAll(async () => {
    server = await startServer();
    const sys = new ApiClient(server.url);
    await sys.firstLogin('sysadmin', server.initialPasswords.sysadmin as string, PASSWORD);
    const root = (await sys.call<{ id: string }[]>('GET', '/api/v1/orgs/tree'))[0]!.id;
    const branch = (
      await sys.call<{ id: string }>('POST', '/api/v1/orgs', { name: '东城分局', parentId: root, type: 'branch', isUnit: true })
    ).id;
    station = (
      await sys.call<{ id: string }>('POST', '/api/v1/orgs', { name: '东城派出所', parentId: branch, type: 'station', isUnit: true })
    ).id;
    const users: Record<string, string> = {};
    for (const [username, displayName, orgId] of [
      ['zhangwei', '张伟', station],
      ['suozhang', '李所长', station],
      ['guanai', '王关爱', station],
      ['zhengzhi', '赵政工', root],
      ['xinli', '陈心理', root],
    ] as const) {
      users[username] = (await sys.call<{ id: string }>('POST', '/api/v1/users', { username, displayName, orgId, password: INITIAL })).id;
    }
    const sec = new ApiClient(server.url);
    await sec.firstLogin('secadmin', server.initialPasswords.secadmin as string, PASSWORD);
    const grant = async (username: string, code: string, permissions: string[], dataScope: string) => {
      const role = await sec.call<{ id: string }>('POST', '/api/v1/roles', { code, name: code, permissions, dataScope, scopeOrgIds: [] });
      await sec.call('PUT', `/api/v1/users/${users[username]}/roles`, { roleIds: [role.id] });
    };
    await grant('suozhang', 'station_leave', ['org:read', 'leave:read', 'leave:approve'], 'org_and_below');
    await grant('guanai', 'care_contact', ['health:alert'], 'org_and_below');
    // The political department's ordinary role: records, leave and care — no psychological data.
    await grant(
      'zhengzhi',
      'political',
      ['org:read', 'personnel:read', 'personnel:write', 'leave:read', 'welfare:read', 'welfare:manage'],
      'all',
    );
    await grant('xinli', 'psych_officer', ['psych:care'], 'all');

    const political = new ApiClient(server.url);
    await political.firstLogin('zhengzhi', INITIAL, PASSWORD);
    const person = await political.call<{ id: string }>('POST', '/api/v1/personnel/people', {
      kind: 'officer',
      name: '张伟',
      idNumber: makeIdNumber('330106', '1986-04-12', 211),
      orgId: station,
      workStartDate: '2010-03-01',
    });
    await political.call('PUT', `/api/v1/personnel/people/${person.id}/account`, { userId: users.zhangwei });
    for (const u of ['suozhang', 'guanai', 'xinli']) await new ApiClient(server.url).firstLogin(u, INITIAL, PASSWORD);
    const officer = new ApiClient(server.url);
    await officer.firstLogin('zhangwei', INITIAL, PASSWORD);
    const me = await officer.call<{ noticeVersion: string }>('GET', `${W}/wearables/me`);
    await officer.call('POST', `${W}/consents`, { category: 'wearable', noticeVersion: me.noticeVersion });
    deviceToken = (await officer.call<{ token: string }>('POST', `${W}/wearables/devices`, { serial: 'HW-E2E-0001' })).token;
    await officer.call('POST', `${W}/psych/self-referral`, { summary: '最近夜班多，睡不好，想找人聊聊' });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('an officer applies for annual leave on a phone; the station approves; ledger and unit calendar show it', async () => {
    const phone = await pageFor('zhangwei', { width: 390, height: 844 }, true);
    await phone.goto(`${server.url}/welfare/leave`);
    const ledger = phone.getByTestId('leave-ledger');
    await ledger.getByText('应休年休假').waitFor();
    expect(await ledger.innerText()).toContain('10');
    await phone.getByLabel('假期类别').click();
    await phone.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="年休假"]').click();
    const inputs = phone.locator('.ant-picker-range input');
    await inputs.nth(0).click();
    await inputs.nth(0).fill(start);
    await inputs.nth(0).press('Enter');
    await inputs.nth(1).fill(end);
    await inputs.nth(1).press('Enter');
    await phone.getByLabel('事由').fill('陪父母体检');
    await snap(phone, '160-welfare-leave-apply-phone');
    await phone.getByRole('button', { name: '提交申请' }).click();
    await phone.locator('.ant-message').getByText('已提交，等待审批').waitFor();
    await phone.getByTestId('my-leaves').getByText('审批中').waitFor();
    await snap(phone, '161-welfare-leave-pending-phone');

    const desk = await pageFor('suozhang', { width: 1366, height: 768 });
    const todo = new TodoCenterPage(desk, server.url);
    await todo.open();
    await todo.row('请假：张伟').click();
    await desk.locator('.ant-drawer-content').getByText('年休假').first().waitFor();
    await todo.act('同意', '同意，注意交接工作');
    await todo.row('请假：张伟').waitFor({ state: 'detached' });

    await phone.reload();
    await phone.getByTestId('my-leaves').getByText('已批准').waitFor();
    const after = await phone.getByTestId('leave-ledger').innerText();
    expect(after).toMatch(/已休\s*5/);
    expect(after).toMatch(/剩余\s*5/);
    await snap(phone, '162-welfare-leave-approved-phone');

    await desk.goto(`${server.url}/welfare/leave?tab=calendar`);
    await pickTreeNode(desk, desk.locator('#leave-calendar-org'), '东城派出所');
    const month = start.slice(0, 7);
    if (month !== beijingDate(new Date()).slice(0, 7)) {
      await desk.locator('.ant-picker').last().click();
      await desk
        .locator('.ant-picker-dropdown:not(.ant-picker-dropdown-hidden) .ant-picker-header-next-btn')
        .click()
        .catch(() => undefined);
      await desk.locator(`.ant-picker-dropdown:not(.ant-picker-dropdown-hidden) td[title="${month}"]`).click();
    }
    await desk.getByTestId(`day-${start}`).getByText('休假 1 人').waitFor();
    await snap(desk, '163-welfare-unit-calendar');
  });

  it('a wristband reading over the threshold, sent through the ingestion API, reaches the care contact, who acknowledges it', async () => {
    const now = Date.now();
    const readings = [5, 4, 3, 2, 1].map((m) => ({ kind: 'heart_rate', at: new Date(now - m * 60_000).toISOString(), value: 138 }));
    const res = await fetch(`${server.url}${W}/wearables/ingest`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-device-token': deviceToken },
      body: JSON.stringify({ readings }),
    });
    expect(await res.json()).toEqual({ accepted: 5, duplicates: 0, alerts: 1 });
    const care = await pageFor('guanai', { width: 1366, height: 768 });
    await care.goto(`${server.url}/welfare/alerts`);
    const table = care.getByTestId('alerts-table');
    const row = table.locator('.ant-table-row', { hasText: '张伟' });
    await row.getByText('心率持续偏高').waitFor();
    await snap(care, '164-welfare-alert-open');
    await row.getByRole('button', { name: '确认已联系' }).click();
    await care.locator('.ant-popconfirm input').fill('已电话联系，本人在值夜班后休息');
    await care
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /确\s*定|OK/ })
      .click();
    await row.getByText(/已确认/).waitFor();
    await snap(care, '165-welfare-alert-acknowledged');
  });

  it('a psychological case is invisible to the political department and visible to the psychological-care role', async () => {
    const pol = await pageFor('zhengzhi', { width: 1366, height: 768 });
    await pol.goto(`${server.url}/welfare/psych`);
    await pol.getByText('无权访问').first().waitFor();
    expect(await pol.locator('.ant-layout-sider, nav').first().innerText()).not.toContain('心理健康');
    const api = await pol.evaluate(async (url) => (await fetch(url)).status, `${server.url}${W}/psych/cases`);
    expect(api).toBe(403);
    await snap(pol, '166-welfare-psych-forbidden');
    const psych = await pageFor('xinli', { width: 1366, height: 768 });
    await psych.goto(`${server.url}/welfare/psych`);
    await psych.locator('.ant-table-row', { hasText: '张伟' }).getByText('本人申请').waitFor();
    await snap(psych, '167-welfare-psych-officer');
  });
});
