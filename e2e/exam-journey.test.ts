import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIdNumber } from '../packages/core/src/personnel/id-number.ts';
import { ExamAdminPage } from './pom/ExamAdminPage.ts';
import { ExamTakePage } from './pom/ExamTakePage.ts';
import { LoginPage } from './pom/LoginPage.ts';
import { PaperPage } from './pom/PaperPage.ts';
import { QuestionBankPage } from './pom/QuestionBankPage.ts';
import { ApiClient } from './support/api.ts';
import { launchBrowser, newContext, snap } from './support/browser.ts';
import { writeQuestionBankXlsx } from './support/question-bank-xlsx.ts';
import { startServer, type RunningServer } from './support/server.ts';

const PASSWORD = 'Zhenggong#2026';
const INITIAL = 'Initial#Pass1';
const TZ = 'Asia/Shanghai';
const EXAM_TITLE = '2026年11月法律知识月月练';
const BANK = '法律知识题库';
/** Minutes the exam stays open: enough for the officer's part; results can only be published after it closes. */
const WINDOW_MINUTES = 4;

/** 'YYYY-MM-DD HH:mm' in the browser's time zone, as the date picker takes it. */
const pickerTime = (ms: number) => new Date(ms).toLocaleString('sv-SE', { timeZone: TZ }).slice(0, 16);

interface StartAnswer {
  sessionToken: string;
  items: { no: number; type: string; options: { key: string }[]; blankCount: number }[];
}

/** An examinee answering through the API (the routes the page uses, with the session header). */
class ExamineeApi {
  private cookie = '';
  private csrf = '';
  constructor(private readonly baseUrl: string) {}

  async login(username: string, password: string): Promise<void> {
    const res = await fetch(`${this.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
    this.cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
    this.csrf = ((await res.json()) as { csrfToken: string }).csrfToken;
  }

  async send<T>(method: string, path: string, body: unknown, session?: string): Promise<T> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        cookie: this.cookie,
        'x-csrf-token': this.csrf,
        'content-type': 'application/json',
        ...(session ? { 'x-exam-session': session } : {}),
      },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return (text ? JSON.parse(text) : undefined) as T;
  }
}

/** Answers the first `answerCount` items with the first options (or the last ones), then submits. */
async function answerByApi(client: ExamineeApi, examId: string, pickLast: boolean, answerCount: number): Promise<void> {
  const start = await client.send<StartAnswer>('POST', `/api/v1/exams/mine/${examId}/start`, {});
  const write = (method: string, path: string, body: unknown) => client.send(method, path, body, start.sessionToken);
  for (const item of start.items.slice(0, answerCount)) {
    const keys = item.options.map((o) => o.key);
    const pick = pickLast ? keys.slice(-1) : keys.slice(0, 1);
    const response =
      item.type === 'fill_blank'
        ? { blanks: Array.from({ length: item.blankCount }, () => (pickLast ? '20' : '8')) }
        : item.type === 'short_answer'
          ? { text: '依法、适度，经警告无效后使用。' }
          : { choice: item.type === 'true_false' ? [pickLast ? 'F' : 'T'] : pick };
    await write('PUT', `/api/v1/exams/mine/${examId}/answers/${item.no}`, { response, seq: 1 });
  }
  await write('POST', `/api/v1/exams/mine/${examId}/submit`, {});
}

/**
 * The acceptance journey of online exams: an exam administrator imports a question bank,
 * composes a rule-drawn paper and schedules a 月月练 for 上城分局; an officer of that branch takes
 * it on a phone, reloads mid-exam and finds the answers kept, submits, and sees the score once
 * published; the administrator reads the unit statistics and the item analysis.
 */
describe('exam journey in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let adminPage: Page;
  let phone: BrowserContext;
  let officerPage: Page;
  let examId = '';
  let endsAt = 0;
  const examinees: Record<string, ExamineeApi> = {};
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zg-exam-'));
  const clockFile = path.join(dir, 'clock-offset-ms');

  beforeAll(async () => {
    // The server's clock reads its offset from this file: the test moves past the exam window
    // instead of waiting minutes for it to close.
    server = await startServer({ TEST_CLOCK_FILE: clockFile });
    const sys = new ApiClient(server.url);
    await sys.firstLogin('sysadmin', server.initialPasswords.sysadmin as string, PASSWORD);
    const root = (await sys.call<{ id: string }[]>('GET', '/api/v1/orgs/tree'))[0]!.id;
    const branch = await sys.call<{ id: string }>('POST', '/api/v1/orgs', {
      name: '上城分局',
      parentId: root,
      type: 'branch',
      isUnit: true,
    });
    const station = await sys.call<{ id: string }>('POST', '/api/v1/orgs', {
      name: '清波派出所',
      parentId: branch.id,
      type: 'station',
      isUnit: true,
    });
    const other = await sys.call<{ id: string }>('POST', '/api/v1/orgs', {
      name: '西湖分局',
      parentId: root,
      type: 'branch',
      isUnit: true,
    });
    const admin = await sys.call<{ id: string }>('POST', '/api/v1/users', {
      username: 'examadmin',
      displayName: '市局考务员',
      orgId: root,
      password: INITIAL,
    });

    const sec = new ApiClient(server.url);
    await sec.firstLogin('secadmin', server.initialPasswords.secadmin as string, PASSWORD);
    const perms = ['org:read', 'personnel:read', 'personnel:write', 'exam:question', 'exam:read', 'exam:manage', 'exam:grade'];
    const role = await sec.call<{ id: string }>('POST', '/api/v1/roles', {
      code: 'exam_admin',
      name: '市局考务',
      permissions: perms,
      dataScope: 'all',
      scopeOrgIds: [],
    });
    await sec.call('PUT', `/api/v1/users/${admin.id}/roles`, { roleIds: [role.id] });

    // People with linked accounts: the officer who uses the phone, three colleagues who answer
    // through the API (one never starts: 缺考), and one of another branch who is not targeted.
    const hr = new ApiClient(server.url);
    await hr.firstLogin('examadmin', INITIAL, PASSWORD);
    const people = [
      { username: 'zhangwei', name: '张伟', orgId: branch.id, birth: '1985-03-15' },
      { username: 'lina', name: '李娜', orgId: station.id, birth: '1990-08-08' },
      { username: 'zhaoqiang', name: '赵强', orgId: station.id, birth: '1988-05-20' },
      { username: 'wangfang', name: '王芳', orgId: branch.id, birth: '1992-02-02' },
      { username: 'liuyang', name: '刘洋', orgId: other.id, birth: '1991-11-11' },
    ];
    for (const [i, p] of people.entries()) {
      const user = await sys.call<{ id: string }>('POST', '/api/v1/users', {
        username: p.username,
        displayName: p.name,
        orgId: p.orgId,
        password: INITIAL,
      });
      const person = await hr.call<{ id: string }>('POST', '/api/v1/personnel/people', {
        kind: 'officer',
        name: p.name,
        idNumber: makeIdNumber('330102', p.birth, 100 + i * 2),
        orgId: p.orgId,
        policeStartDate: '2010-07-01',
      });
      await hr.call('PUT', `/api/v1/personnel/people/${person.id}/account`, { userId: user.id });
      if (p.username !== 'zhangwei') {
        await new ApiClient(server.url).firstLogin(p.username, INITIAL, PASSWORD);
        const client = new ExamineeApi(server.url);
        await client.login(p.username, PASSWORD);
        examinees[p.username] = client;
      }
    }

    browser = await launchBrowser();
    adminPage = await (await newContext(browser, { viewport: { width: 1366, height: 768 }, locale: 'zh-CN', timezoneId: TZ })).newPage();
    const login = new LoginPage(adminPage, server.url);
    await login.open();
    await login.login('examadmin', PASSWORD);
    await adminPage.getByTestId('current-user').waitFor();
    phone = await newContext(browser, {
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
      timezoneId: TZ,
    });
    officerPage = await phone.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('admin imports a question bank, composes a rule-drawn paper and schedules a 月月练 for 上城分局', async () => {
    const bank = new QuestionBankPage(adminPage, server.url);
    await bank.open();
    await bank.createBank(BANK, '市公安局');
    const file = path.join(dir, '法律知识题库.xlsx');
    await writeQuestionBankXlsx(file);
    await bank.importFile(BANK, file);
    const paperTitle = '法律知识月考（抽题）';
    await new PaperPage(adminPage, server.url).composeRulePaper({
      title: paperTitle,
      orgName: '市公安局',
      banks: [BANK],
      rules: [
        { type: '单选题', count: 4, score: 10 },
        { type: '多选题', count: 2, score: 15 },
        { type: '判断题', count: 2, score: 5 },
        { type: '填空题', count: 1, score: 10 },
        { type: '简答题', count: 1, score: 10 },
      ],
      timeMinutes: 30,
      passScore: 60,
    });

    const exams = new ExamAdminPage(adminPage, server.url);
    await exams.open();
    const now = Date.now();
    const start = Math.floor(now / 60_000) * 60_000;
    endsAt = start + WINDOW_MINUTES * 60_000;
    await exams.fillCreateForm({
      title: EXAM_TITLE,
      kind: '月月练',
      orgName: '上城分局',
      paperTitle,
      startsAt: pickerTime(start),
      endsAt: pickerTime(endsAt),
      durationMinutes: WINDOW_MINUTES - 1,
      passScore: 60,
      targetOrgName: '上城分局',
    });
    await snap(adminPage, '30-exam-create-form');
    await exams.saveAndSchedule();
    examId = adminPage.url().split('/exams/')[1]!.split(/[?#]/)[0]!;
    // Everyone of 上城分局 and its 清波派出所 with an account is an examinee; 西湖分局 is not.
    const table = adminPage.getByTestId('proctor-table');
    await table.getByText('张伟').waitFor();
    expect(await table.locator('tbody tr.ant-table-row').count()).toBe(4);
    expect(await table.innerText()).not.toContain('刘洋');
  });

  it('the officer takes it on a phone, reloads mid-exam and finds the answers kept, then submits', async () => {
    const login = new LoginPage(officerPage, server.url);
    await login.open();
    await login.login('zhangwei', INITIAL);
    await login.changePassword(INITIAL, PASSWORD);
    const take = new ExamTakePage(officerPage, server.url);
    await take.openList();
    await take.card(EXAM_TITLE).waitFor();
    await snap(officerPage, '32-my-exams-phone');

    // Backing out of 考试须知 starts nothing: no attempt is used.
    await take
      .card(EXAM_TITLE)
      .getByRole('button', { name: /开始答题/ })
      .click();
    await officerPage
      .getByRole('dialog', { name: '考试须知' })
      .getByRole('button', { name: /再想想/ })
      .click();
    await take.card(EXAM_TITLE).getByText('次数 0/1').waitFor();
    await take.start(EXAM_TITLE, async () => {
      await snap(officerPage, '32a-exam-notice-phone');
      await officerPage.setViewportSize({ width: 1366, height: 768 });
      await snap(officerPage, '32b-exam-notice-desktop');
      await officerPage.setViewportSize({ width: 390, height: 844 });
    });
    const given: string[] = [];
    for (let i = 0; i < 4; i++) {
      given.push(await take.answerCurrent(i % 2 ? '20' : '8'));
      if (i === 3) {
        await take.waitSaved();
        await snap(officerPage, '33-take-exam-phone');
      }
      await take.next();
    }
    await take.waitSaved();
    // Nothing on the page may be wider than the phone.
    expect(await officerPage.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

    // The proctor sees the officer answering.
    await adminPage.reload();
    const row = adminPage.getByTestId('proctor-table').locator('tr', { hasText: '张伟' });
    await row.getByText('答题中').waitFor();
    await snap(adminPage, '31-exam-proctor');

    await officerPage.reload();
    await officerPage.getByTestId('countdown').waitFor();
    await take.goTo(1);
    const kept: string[] = [];
    for (let i = 0; i < 4; i++) {
      kept.push(await take.currentAnswer());
      if (i < 3) await take.next();
    }
    expect(kept).toEqual(given);
    await officerPage.getByTestId('answered-count').getByText('已答 4/').waitFor();
    await snap(officerPage, '34-after-reload-phone');

    await take.submit();
    await officerPage
      .locator('.ant-modal-confirm')
      .getByText(/还有 \d+ 题未作答/)
      .waitFor();
    await snap(officerPage, '35-submit-confirm-phone');
    await take.confirmSubmit();
    await officerPage.getByTestId('result-pending').waitFor();
    await snap(officerPage, '36-submitted-phone');
  });

  it('colleagues answer too; after the window closes the results are published and the officer sees the score', async () => {
    await answerByApi(examinees.lina!, examId, false, 99);
    await answerByApi(examinees.zhaoqiang!, examId, true, 6);
    // 王芳 never starts (缺考).

    // Publishing needs the window closed: move the server's clock past its end.
    fs.writeFileSync(clockFile, String(Math.max(0, endsAt - Date.now() + 2_000)));
    const exams = new ExamAdminPage(adminPage, server.url);
    await adminPage.reload();
    await adminPage.getByTestId('exam-detail').waitFor();
    // Short answers (if the draw gave any) are graded first, blind, on the grading page.
    await exams.gradeAll();
    await adminPage.goto(`${server.url}/exams/${examId}`);
    await exams.publishResults();

    const take = new ExamTakePage(officerPage, server.url);
    await take.openList();
    const score = take.card(EXAM_TITLE).getByTestId('my-exam-score');
    await score.getByText(/\d+(\.\d)? 分/).waitFor();
    await snap(officerPage, '37-my-score-phone');
  });

  it('the admin reads unit statistics and item analysis', async () => {
    const exams = new ExamAdminPage(adminPage, server.url);
    await adminPage.goto(`${server.url}/exams/${examId}?tab=stats`);
    const units = adminPage.getByTestId('unit-stats-table');
    await units.getByText('清波派出所').waitFor();
    await units.getByText('上城分局').waitFor();
    await adminPage.getByTestId('unit-chart').locator('canvas').waitFor();
    await adminPage.getByTestId('distribution-chart').locator('canvas').waitFor();
    await adminPage.waitForTimeout(800); // chart animation
    await snap(adminPage, '38-exam-statistics');

    await exams.tab('试题分析');
    const analysis = adminPage.getByTestId('item-analysis');
    await analysis.locator('tbody tr.ant-table-row').first().waitFor();
    expect(await analysis.locator('tbody tr.ant-table-row').count()).toBeGreaterThan(3);
    await snap(adminPage, '39-item-analysis');
  });
});
