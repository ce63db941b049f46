import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginPage } from './pom/LoginPage.ts';
import { PaperPage } from './pom/PaperPage.ts';
import { QuestionBankPage } from './pom/QuestionBankPage.ts';
import { ApiClient } from './support/api.ts';
import { launchBrowser, newContext, screenshotDir, snap } from './support/browser.ts';
import { sampleQuestionBank, writeQuestionBankXlsx } from './support/question-bank-xlsx.ts';
import { startServer, type RunningServer } from './support/server.ts';

const PASSWORD = 'Zhenggong#2026';
const BANK = '法律知识题库';

/**
 * The question bank pages: a teacher of the political department imports a bank (first with
 * problems, shown by row and column, then clean), finds and edits a question (a new version),
 * composes a rule-drawn paper with the available count per rule, and previews a draw.
 */
describe('question bank and papers in headless Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let bank: QuestionBankPage;
  let papers: PaperPage;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zg-qb-'));
  const withProblems = path.join(dir, '法律知识题库-有问题.xlsx');
  const clean = path.join(dir, '法律知识题库.xlsx');
  let rootName = '';

  beforeAll(async () => {
    server = await startServer();
    const sys = new ApiClient(server.url);
    await sys.firstLogin('sysadmin', server.initialPasswords.sysadmin as string, PASSWORD);
    const tree = await sys.call<{ id: string; name: string }[]>('GET', '/api/v1/orgs/tree');
    const root = tree[0]!.id;
    rootName = tree[0]!.name;
    await sys.call('POST', '/api/v1/orgs', { name: '上城分局', parentId: root, type: 'branch', isUnit: true });
    const teacher = await sys.call<{ id: string }>('POST', '/api/v1/users', {
      username: 'jiaoyu',
      displayName: '政治部教育训练科',
      orgId: root,
      password: 'Initial#Pass1',
    });
    const sec = new ApiClient(server.url);
    await sec.firstLogin('secadmin', server.initialPasswords.secadmin as string, PASSWORD);
    const role = await sec.call<{ id: string }>('POST', '/api/v1/roles', {
      code: 'exam_question',
      name: '命题人员',
      permissions: ['org:read', 'exam:question'],
      dataScope: 'org_and_below',
      scopeOrgIds: [],
    });
    await sec.call('PUT', `/api/v1/users/${teacher.id}/roles`, { roleIds: [role.id] });
    await writeQuestionBankXlsx(withProblems, { withProblems: true });
    await writeQuestionBankXlsx(clean);
    browser = await launchBrowser();
    page = await (await newContext(browser, { viewport: { width: 1366, height: 1100 }, locale: 'zh-CN', acceptDownloads: true })).newPage();
    const login = new LoginPage(page, server.url);
    await login.open();
    await login.login('jiaoyu', 'Initial#Pass1');
    await login.changePassword('Initial#Pass1', PASSWORD);
    bank = new QuestionBankPage(page, server.url);
    papers = new PaperPage(page, server.url);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('imports a bank: problems by row and column first, nothing written; then the clean file', async () => {
    await bank.open();
    await bank.createBank(BANK, rootName);
    await bank.openImport();
    expect(await bank.downloadTemplate()).toBe('试题导入模板.xlsx');
    await bank.chooseImportBank(BANK);
    await bank.upload(withProblems);
    const problems = await bank.problems();
    const first = sampleQuestionBank.length + 2; // header on row 1
    expect(problems).toEqual([
      { row: first, column: 'K', message: '答案不是已有的选项' },
      { row: first + 1, column: 'K', message: '判断题答案应为“正确”或“错误”' },
    ]);
    expect(await page.getByTestId('qb-import-commit').isDisabled()).toBe(true);
    await snap(page, '20-question-import-problems');

    await bank.reupload();
    await bank.upload(clean);
    expect(await bank.summaryText()).toContain('共 34 行，无问题 34 行，问题 0 处');
    await bank.commit();
    await bank.open();
    await expect.poll(() => bank.total()).toBe(34);
  });

  it('filters the list and edits a question into a new version', async () => {
    await bank.filterType('判断题');
    await expect.poll(() => bank.total()).toBe(8);
    await bank.search('警衔');
    await bank.filterType('单选题');
    await expect.poll(() => bank.total()).toBe(0);
    await bank.open();
    await bank.search('询问查证');
    await expect.poll(() => bank.total()).toBe(2);
    await snap(page, '21-question-list');
    await bank.openQuestion('询问查证的时间不得超过____小时。');
    await bank.editStem('询问查证的时间一般不得超过____小时。');
    await page.getByText('第 2 版', { exact: false }).first().waitFor();
    await page.locator('.ant-message-notice').waitFor({ state: 'detached' });
    await page.screenshot({ path: path.join(screenshotDir, '22-question-versions.png') });
    await page.locator('.ant-drawer-close').click();

    // A new multiple choice with one correct option is refused inline; a second one makes it valid.
    const errors = await bank.createChoiceQuestion({
      type: '多选题',
      stem: '人民警察的职责包括：',
      options: ['预防、制止和侦查违法犯罪活动', '维护交通安全和交通秩序', '管理户政、国籍、入境出境事务', '审理民事案件'],
      correct: ['A'],
    });
    expect(errors).toEqual(['多选题至少选两个正确答案']);
    await bank.markCorrect('checkbox', 'B');
    await bank.markCorrect('checkbox', 'C');
    expect(await bank.saveQuestion()).toEqual([]);
    await bank.open();
    await expect.poll(() => bank.total()).toBe(35);
  });

  it('composes a rule-drawn paper, with the available count per rule, and previews a draw', async () => {
    await papers.openNew();
    await papers.setTitle('2026年11月法律知识月月练');
    await papers.pickOrg(rootName);
    await papers.chooseKind('rule');
    await papers.setTiming(60, 60);
    await papers.chooseBanks([BANK]);
    await papers.setRules([
      { type: '单选题', count: 10, score: 3 },
      { type: '多选题', count: 5, score: 4 },
      { type: '判断题', count: 5, score: 2 },
      { type: '填空题', count: 2, score: 5, policeCategory: '派出所' },
      { type: '简答题', count: 2, score: 15 },
    ]);
    // 派出所 has 3 fill-in questions.
    expect(await papers.availability()).toEqual([
      { available: 12, ok: true },
      { available: 7, ok: true },
      { available: 8, ok: true },
      { available: 3, ok: true },
      { available: 3, ok: true },
    ]);
    expect(await papers.total()).toBe(100);
    // Asking for more than the bank holds shows red before saving, and saving is refused with the reason.
    await papers.setRules([
      { type: '单选题', count: 10, score: 3 },
      { type: '多选题', count: 5, score: 4 },
      { type: '判断题', count: 5, score: 2 },
      { type: '填空题', count: 4, score: 2.5, policeCategory: '派出所' },
      { type: '简答题', count: 2, score: 15 },
    ]);
    expect((await papers.availability())[3]).toEqual({ available: 3, ok: false });
    await page.getByTestId('paper-save').click();
    await page.getByTestId('paper-error').waitFor();
    expect(await papers.error()).toContain('第 4 条规则需要 4 道题，题库中只有 3 道符合条件');
    await snap(page, '23-paper-rule-composer');
    await papers.setRules([
      { type: '单选题', count: 10, score: 3 },
      { type: '多选题', count: 5, score: 4 },
      { type: '判断题', count: 5, score: 2 },
      { type: '填空题', count: 2, score: 5, policeCategory: '派出所' },
      { type: '简答题', count: 2, score: 15 },
    ]);
    await papers.availability();
    const id = await papers.save();
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const drawn = await papers.preview();
    expect(drawn).toEqual({ items: 24, total: '总分：100' });
    // The drawer is fixed-positioned: a viewport shot shows it as people see it.
    await page.locator('.ant-message-notice').waitFor({ state: 'detached' });
    await page.screenshot({ path: path.join(screenshotDir, '24-paper-preview.png') });
    await papers.closePreview();
    await papers.openList();
    await page.getByTestId('paper-table').getByText('2026年11月法律知识月月练').waitFor();
  });
});
