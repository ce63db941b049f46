import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../packages/core/src/personnel/id-number.ts';
import { LoginPage } from './pom/LoginPage.ts';
import { TodoCenterPage } from './pom/TodoCenterPage.ts';
import { pickTreeNode } from './pom/tree-select.ts';
import { ApiClient } from './support/api.ts';
import { launchBrowser, newContext, snap } from './support/browser.ts';
import { docxText } from './support/docx-text.ts';
import { startServer, type RunningServer } from './support/server.ts';

const PASSWORD = 'Zhenggong#2026';
const INITIAL = 'Initial#Pass1';
/** The journey runs on a fixed calendar (Monday 1 June 2026, 09:00 in Beijing), whatever day CI runs. */
const T0 = Date.parse('2026-06-01T01:00:00.000Z');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/**
 * The annual assessment of a station, as the issue names it: the city political department
 * publishes an individual 百分制 scheme (考试成绩 from the exam records, 工作实绩 scored by the
 * unit); the station leader opens the year, sees the exam score pulled in with its record, scores
 * everyone and submits; the political department reviews and the public notice runs; an officer
 * appeals on a phone; the decision corrects the score; 优秀 beyond the quota is refused with the
 * numbers named, the grades within it are confirmed; the grade shows on the profile, in the
 * 任免审批表 and on the officer's phone. Time moves through TEST_CLOCK_FILE, not by waiting.
 * One server; four sign-ins in the browser.
 */
describe('assessment journey in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let phone: BrowserContext;
  let pol: Page; // 市局政治部
  let mobile: Page; // the officer, on a phone
  const clockFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'zg-assessment-clock-')), 'offset');
  /** Moves the server's clock to T0 + `after` (the file holds an offset from the real clock). */
  const setClock = (after: number) => fs.writeFileSync(clockFile, String(T0 + after - Date.now()));
  const ids: Record<string, string> = {};
  const names = ['张警官', '李警官', '王警官', '赵警官'] as const;

  const signIn = async (page: Page, user: string) => {
    const login = new LoginPage(page, server.url);
    await login.open();
    await login.login(user, PASSWORD);
    await page.getByTestId('current-user').waitFor();
  };
  /** A laptop window of its own (1366 × 768), so each sign-in has its own cookies. */
  const desktop = async () => (await newContext(browser, { viewport: { width: 1366, height: 768 }, locale: 'zh-CN' })).newPage();
  const api = async (user: string) => {
    const c = new ApiClient(server.url);
    await c.login(user, PASSWORD);
    return c;
  };
  /** The open antd Select dropdown's option with this title. */
  const option = (page: Page, title: string) =>
    page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${title}"]`);
  const choose = async (page: Page, select: Locator, title: string) => {
    await select.click();
    await option(page, title).click();
  };
  const modalOk = (page: Page) => page.locator('.ant-modal-content:visible .ant-modal-footer .ant-btn-primary');

  beforeAll(async () => {
    server = await startServer({ TEST_CLOCK_FILE: clockFile });
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
    const station = await org('湖滨派出所', branch, 'station');
    const user = (username: string, displayName: string, orgId: string) =>
      sys.call<{ id: string }>('POST', '/api/v1/users', { username, displayName, orgId, password: INITIAL });
    const users = {
      shizhengzhi: await user('shizhengzhi', '市局政治部考核科', cityOffice),
      peixun: await user('peixun', '市局教育训练处', cityOffice),
      suozhang: await user('suozhang', '湖滨所所长', station),
      zhangjing: await user('zhangjing', '张警官', station),
    };
    const role = (code: string, name: string, permissions: string[], dataScope: string) =>
      sec.call<{ id: string }>('POST', '/api/v1/roles', { code, name, permissions, dataScope, scopeOrgIds: [] });
    const politics = await role(
      'assessment_city',
      '市局政治部考核',
      ['org:read', 'personnel:read', 'personnel:write', 'personnel:export', 'assessment:read', 'assessment:scheme', 'assessment:review'],
      'all',
    );
    const training = await role('exam_city', '市局考试管理', ['org:read', 'exam:read', 'exam:manage', 'exam:question'], 'all');
    const leader = await role(
      'assessment_leader',
      '所队考核评分',
      ['org:read', 'personnel:read', 'assessment:read', 'assessment:score', 'assessment:daily'],
      'org_and_below',
    );
    await sec.call('PUT', `/api/v1/users/${users.shizhengzhi.id}/roles`, { roleIds: [politics.id] });
    await sec.call('PUT', `/api/v1/users/${users.peixun.id}/roles`, { roleIds: [training.id] });
    await sec.call('PUT', `/api/v1/users/${users.suozhang.id}/roles`, { roleIds: [leader.id] });

    // From here on the server lives on 1 June 2026.
    setClock(0);
    for (const u of Object.keys(users)) await new ApiClient(server.url).firstLogin(u, INITIAL, PASSWORD);
    const city = await api('shizhengzhi');
    for (const [i, name] of names.entries())
      ids[name] = (
        await city.call<{ id: string }>('POST', '/api/v1/personnel/people', {
          kind: 'officer',
          name,
          idNumber: makeIdNumber('330102', '1988-06-06', 61 + i * 2),
          orgId: station,
        })
      ).id;
    await city.call('PUT', `/api/v1/personnel/people/${ids['张警官']}/account`, { userId: users.zhangjing.id });

    // The political department's draft: 考试成绩 20 from the exam records, 工作实绩 80 scored by the unit.
    await city.call('POST', '/api/v1/assessment/schemes', {
      code: 'officer-annual',
      name: '民警年度考核',
      subject: 'individual',
      personKind: 'officer',
      periodKind: 'annual',
      effectiveFrom: '2026-01-01',
      evidence: 'U',
      source: null,
      body: {
        indicators: [
          { key: 'exam', name: '考试成绩', maxPoints: 20, rule: { kind: 'exam' } },
          { key: 'ji', name: '工作实绩', maxPoints: 80, rule: { kind: 'manual' } },
        ],
        adjustments: [],
        bonusCap: 10,
        deductionCap: 30,
        grades: ['优秀', '称职', '基本称职', '不称职'],
        gradeBands: [
          { grade: '优秀', minScore: 90 },
          { grade: '称职', minScore: 70 },
          { grade: '基本称职', minScore: 60 },
          { grade: '不称职', minScore: 0 },
        ],
        excellentQuota: { ratio: 0.15, rounding: 'floor', minOne: true },
      },
    });

    // A 月月练 from 08:00 to 10:00 on 1 June: 张警官 answers three of four questions right, the others are absent.
    const exams = await api('peixun');
    const bank = await exams.call<{ id: string }>('POST', '/api/v1/question-bank/banks', { name: '执法规范题库', orgId: root });
    const questions: string[] = [];
    for (const [i, stem] of ['警察使用武器前应当', '盘查时应当出示', '传唤后询问查证时间一般不超过', '当场盘问的地点应当'].entries())
      questions.push(
        (
          await exams.call<{ id: string }>('POST', '/api/v1/question-bank/questions', {
            bankId: bank.id,
            type: 'single',
            stem: `第${i + 1}题：${stem}`,
            options: ['甲', '乙', '丙', '丁'],
            correct: ['A'],
            difficulty: 2,
          })
        ).id,
      );
    const paper = await exams.call<{ id: string }>('POST', '/api/v1/question-bank/papers', {
      title: '执法规范月考卷',
      kind: 'fixed',
      orgId: root,
      items: questions.map((questionId) => ({ questionId, score: 25 })),
      shuffleQuestions: false,
      shuffleOptions: false,
      partialCredit: 0,
    });
    const exam = await exams.call<{ id: string }>('POST', '/api/v1/exams', {
      title: '六月执法规范月考',
      kind: 'monthly_practice',
      paperId: paper.id,
      orgId: root,
      startsAt: '2026-06-01T00:00:00.000Z',
      endsAt: '2026-06-01T02:00:00.000Z',
      durationMinutes: 30,
      passScore: 60,
      targets: { personIds: names.map((n) => ids[n]!) },
    });
    await exams.call('POST', `/api/v1/exams/${exam.id}/schedule`);
    const taker = await api('zhangjing');
    const started = await taker.call<{ sessionToken: string; items: { no: number }[] }>('POST', `/api/v1/exams/mine/${exam.id}/start`);
    const session = { 'x-exam-session': started.sessionToken };
    for (const item of started.items)
      await taker.call(
        'PUT',
        `/api/v1/exams/mine/${exam.id}/answers/${item.no}`,
        { response: { choice: [item.no === 4 ? 'B' : 'A'] }, seq: 1 },
        session,
      );
    await taker.call('POST', `/api/v1/exams/mine/${exam.id}/submit`, undefined, session);
    setClock(2 * HOUR);
    await (await api('peixun')).call('POST', `/api/v1/exams/${exam.id}/publish-results`);

    browser = await launchBrowser();
    phone = await newContext(browser, {
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
    });
    pol = await desktop();
    await signIn(pol, 'shizhengzhi');
    // A loaded machine starts the server and seeds slowly; the journey itself keeps the default timeouts.
  }, 600_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the political department publishes the individual scheme', async () => {
    await pol.goto(`${server.url}/assessment`);
    await pol.getByRole('tab', { name: '考核方案' }).click();
    const row = pol.getByTestId('schemes').locator('.ant-table-row', { hasText: '民警年度考核' });
    await row.getByRole('button', { name: '发布' }).click();
    await row.getByText('已发布').waitFor();
    await row.locator('.ant-table-row-expand-icon').click();
    await pol.getByText('考试成绩 20；工作实绩 80').waitFor();
    await snap(pol, 'assessment-1-scheme-published');
  });

  it('the station leader opens the year: the exam score comes in with its record; the unit scores everyone and submits', async () => {
    const station = await desktop();
    await signIn(station, 'suozhang');
    await station.goto(`${server.url}/assessment`);
    await station.getByTestId('open-round').click();
    const modal = station.locator('.ant-modal-content', { hasText: '开启考核' });
    await choose(station, modal.locator('.ant-form-item', { hasText: '方案名称' }).locator('.ant-select'), '民警年度考核（第1版）');
    await pickTreeNode(station, modal.locator('.ant-form-item', { hasText: '单位' }).locator('input'), '湖滨派出所');
    await modal.getByLabel('考核期').fill('2026');
    await modal.getByPlaceholder('开始日期').fill('2026-01-01');
    await modal.getByPlaceholder('开始日期').press('Enter');
    await modal.getByPlaceholder('结束日期').fill('2026-12-31');
    await modal.getByPlaceholder('结束日期').press('Enter');
    await snap(station, 'assessment-2-open-round');
    await modalOk(station).click();
    const drawer = station.locator('.ant-drawer-content', { hasText: '湖滨派出所 2026 民警年度考核（第1版）' });
    await drawer.getByTestId('round-status').getByText('评分中').waitFor();
    await drawer.getByText('优秀名额：1 人（比例 15%）').waitFor();

    // 张警官's 考试成绩: 75 of 100 → 0.75 × 20 = 15, with the exam behind it.
    await drawer.getByTestId('round-results').getByRole('button', { name: '张警官' }).click();
    const explained = station.locator('.ant-drawer-content', { hasText: '计分依据' });
    const examLine = explained.getByTestId('result-lines').locator('.ant-table-row', { hasText: '考试成绩' });
    await expect.poll(async () => (await examLine.locator('td').nth(3).innerText()).trim()).toBe('15');
    await examLine.locator('.ant-table-row-expand-icon').click();
    await explained.getByText(/六月执法规范月考：75/).waitFor();
    await snap(station, 'assessment-3-exam-score-explained');
    await explained.locator('.ant-drawer-close').click();

    // 工作实绩 scored by the unit, with evidence.
    const scores: Record<(typeof names)[number], number> = { 张警官: 72, 李警官: 80, 王警官: 75, 赵警官: 70 };
    for (const name of names) {
      await drawer.getByTestId(`score-${name}`).click();
      const scoring = station.locator('.ant-modal-content', { hasText: `评分：${name}` });
      await scoring.getByTestId('points-ji').fill(String(scores[name]));
      await scoring.getByTestId('evidence-ji').fill('2026年度工作台账');
      await modalOk(station).click();
      await scoring.waitFor({ state: 'hidden' });
    }
    // The total column (名次, 姓名, 基本分, 加分, 扣分, 总分 …).
    const total = (name: string) => drawer.getByTestId('round-results').locator('.ant-table-row', { hasText: name }).locator('td').nth(5);
    await expect.poll(() => total('张警官').innerText()).toBe('87'); // 15 + 72
    await expect.poll(() => total('李警官').innerText()).toBe('80'); // absent from the exam: 0 + 80
    await snap(station, 'assessment-4-unit-scored');
    await drawer.getByTestId('submit-round').click();
    await drawer.getByTestId('round-status').getByText('审核公示中').waitFor();
    await snap(station, 'assessment-5-submitted');
  });

  it('the political department reviews; the public notice runs and the results are published', async () => {
    const todo = new TodoCenterPage(pol, server.url);
    await todo.open('pending');
    await todo.row('湖滨派出所2026民警年度考核结果审核公示').click();
    await pol.getByTestId('case-history').waitFor();
    await todo.act('同意', '评分有据，同意公示');
    await pol.locator('.ant-drawer-content').getByText('公示').first().waitFor();
    await snap(pol, 'assessment-6-review-notice');
    // Two weeks on, the notice has run its five working days; the job runner's next slot of
    // workflow.due-work (every 15 minutes, ticking every 5 s) publishes the results by itself.
    setClock(14 * DAY);
    const c = await api('shizhengzhi');
    await expect
      .poll(async () => (await c.call<{ items: { status: string }[] }>('GET', '/api/v1/assessment/rounds')).items[0]?.status, {
        timeout: 30_000,
      })
      .toBe('published');
  });

  it('the officer sees how the score came about and appeals on a phone', async () => {
    mobile = await phone.newPage();
    await signIn(mobile, 'zhangjing');
    await mobile.goto(`${server.url}/my-assessment`);
    await mobile.getByTestId('my-results').getByText('2026 民警年度考核').click();
    const mine = mobile.getByTestId('my-result');
    await mine.getByTestId('result-total').getByText('87').waitFor();
    await snap(mobile, 'assessment-7-phone-my-result');
    await choose(mobile, mine.getByTestId('appeal-indicator'), '工作实绩');
    await mine.getByTestId('appeal-reason').fill('5月参加专案组侦破电诈案的实绩未计入工作实绩');
    await mine.getByTestId('appeal-send').click();
    await mobile.getByText('申诉已提交，等待政治部门复核').waitFor();
    await mine.getByText('申诉：待复核').waitFor();
    await snap(mobile, 'assessment-8-phone-appeal-sent');
  });

  it('the decision corrects the score; 优秀 beyond the quota is refused with the numbers, then the grades are confirmed', async () => {
    // Two weeks on, the morning's session has long timed out: a fresh window, a fresh sign-in.
    pol = await desktop();
    await signIn(pol, 'shizhengzhi');
    await pol.goto(`${server.url}/assessment`);
    await pol.getByRole('tab', { name: '申诉' }).click();
    const appeal = pol.getByTestId('appeals').locator('.ant-table-row', { hasText: '张警官' });
    await appeal.getByTestId('decide-appeal').click();
    const deciding = pol.locator('.ant-modal-content', { hasText: '作出决定' });
    await deciding.getByTestId('appeal-points').fill('76');
    await deciding.getByTestId('appeal-note').fill('经核实专案组借调期间实绩，补计4分');
    await modalOk(pol).click();
    await appeal.getByText('工作实绩 72 → 76 分；总分 87 → 91').waitFor();
    await appeal.getByText('已支持').waitFor();
    await snap(pol, 'assessment-9-appeal-decided');

    await pol.getByRole('tab', { name: '考核', exact: true }).click();
    await pol.getByTestId('rounds').locator('.ant-table-row', { hasText: '湖滨派出所' }).getByRole('button', { name: '查看' }).click();
    const drawer = pol.locator('.ant-drawer-content', { hasText: '湖滨派出所 2026' });
    await drawer.getByTestId('round-status').getByText('结果已公布').waitFor();
    await drawer.getByTestId('confirm-grades').click();
    // 张警官 is suggested 优秀 (91); 李警官 is made 优秀 as well: one more than the quota.
    await choose(pol, drawer.getByTestId('grade-李警官'), '优秀');
    await drawer.getByTestId('confirm-submit').click();
    await pol.getByText('优秀等次超出名额：本单位 4 人，优秀比例 15%，最多 1 人，本次确定了 2 人').waitFor();
    await snap(pol, 'assessment-10-quota-refused');
    await choose(pol, drawer.getByTestId('grade-李警官'), '称职');
    await pol.getByText('优秀等次超出名额').waitFor({ state: 'detached' });
    await drawer.getByTestId('confirm-submit').click();
    await pol.getByText('已确定 4 人，其中优秀 1 人').waitFor();
    const row = (name: string) => drawer.getByTestId('round-results').locator('.ant-table-row', { hasText: name });
    await row('张警官').getByText('优秀').waitFor();
    await row('李警官').getByText('称职').waitFor();
    await snap(pol, 'assessment-11-grades-confirmed');
  });

  it("the grade shows on the profile, in the 任免审批表 .docx and on the officer's phone", async () => {
    await pol.goto(`${server.url}/personnel/${ids['张警官']}`);
    await pol.getByTestId('profile-appraisals').getByText('2026年度 优秀').waitFor();
    await snap(pol, 'assessment-12-profile');
    const res = await pol.request.get(`${server.url}/api/v1/personnel/people/${ids['张警官']}/appointment-form.docx`);
    expect(res.status()).toBe(200);
    const file = path.join(path.dirname(clockFile), 'form.docx');
    fs.writeFileSync(file, await res.body());
    expect(await docxText(file)).toContain('2026年度优秀');

    await mobile.goto(`${server.url}/my-assessment`);
    await mobile.getByTestId('my-appraisals').getByText('2026 优秀').waitFor();
    await mobile.getByTestId('my-results').getByText('2026 民警年度考核').click();
    await mobile.getByTestId('my-result').getByTestId('result-total').getByText('91').waitFor();
    await snap(mobile, 'assessment-13-phone-final');
  });
});
