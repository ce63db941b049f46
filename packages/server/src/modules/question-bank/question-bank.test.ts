import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DrawnPaper } from '@zhenggong/core';
import { createTestApp, dialects, type Client, type TestApp } from '../../test-support/test-app.ts';
import { drawPaper } from './draw-paper.ts';
import { QB, qbWorld } from './qb-test-support.ts';

type World = Awaited<ReturnType<typeof qbWorld>>;

const single = (stem: string, extra: Record<string, unknown> = {}) => ({
  type: 'single',
  stem,
  options: ['警告', '罚款', '行政拘留', '没收'],
  correct: ['B'],
  difficulty: 2,
  policeCategory: '治安',
  subject: '治安管理',
  sourceLaw: '中华人民共和国治安管理处罚法',
  ...extra,
});

describe.each(dialects)('question bank routes on %s', (dialect) => {
  let t: TestApp;
  let w: World;
  let bank: string;
  let cityBank: string;
  let otherBank: string;
  const post = async (c: Client, url: string, body: unknown, status = 201) => {
    const res = await c.post(`${QB}${url}`, body);
    expect(res.statusCode, res.body).toBe(status);
    return res.json();
  };

  beforeAll(async () => {
    t = await createTestApp(dialect);
    w = await qbWorld(t);
    bank = (await post(w.teacher, '/banks', { name: '上城分局法律题库', orgId: w.branch })).id;
    cityBank = (await post(w.city, '/banks', { name: '市局公共题库', orgId: w.dept })).id;
    otherBank = (await post(w.other, '/banks', { name: '拱墅分局题库', orgId: w.otherBranch })).id;
  });
  afterAll(() => t.close());

  it('refuses callers without exam:question and banks outside the caller scope', async () => {
    expect((await w.plain.get(`${QB}/banks`)).statusCode).toBe(403);
    const res = await w.teacher.post(`${QB}/banks`, { name: '越权题库', orgId: w.otherBranch });
    // An org outside the scope answers like one that does not exist (it confirms nothing).
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('ORG_NOT_FOUND');
  });

  it('shows own-scope banks and city-level banks (read only), never another branch’s', async () => {
    const banks = (await w.teacher.get(`${QB}/banks`)).json<{ id: string; writable: boolean }[]>();
    expect(banks.map((b) => b.id).sort()).toEqual([bank, cityBank].sort());
    expect(banks.find((b) => b.id === cityBank)?.writable).toBe(false);
    expect(banks.find((b) => b.id === bank)?.writable).toBe(true);
    const city = (await w.city.get(`${QB}/banks`)).json<{ id: string }[]>();
    expect(city.map((b) => b.id)).toEqual([cityBank]);
    expect((await w.teacher.patch(`${QB}/banks/${cityBank}`, { name: 'x' })).json().error.code).toBe('QB_BANK_READ_ONLY');
    expect((await w.teacher.patch(`${QB}/banks/${otherBank}`, { name: 'x' })).statusCode).toBe(404);
    expect((await w.teacher.post(`${QB}/questions`, { bankId: cityBank, ...single('市局题') })).statusCode).toBe(403);
    expect((await w.teacher.post(`${QB}/questions`, { bankId: otherBank, ...single('越权题') })).statusCode).toBe(404);
  });

  it('creates every question type and checks content per type', async () => {
    const q = await post(w.teacher, '/questions', { bankId: bank, ...single('违反治安管理行为的处罚种类中，哪一种属于财产罚？') });
    expect(q.current.options.map((o: { key: string }) => o.key)).toEqual(['A', 'B', 'C', 'D']);
    expect(q.current.key).toEqual({ kind: 'choice', correct: ['B'] });
    await post(w.teacher, '/questions', {
      bankId: bank,
      type: 'multiple',
      stem: '人民警察的义务包括：',
      options: ['秉公执法', '保守秘密', '经商'],
      correct: ['b', 'A'],
      difficulty: 3,
    });
    const tf = await post(w.teacher, '/questions', {
      bankId: bank,
      type: 'true_false',
      stem: '人民警察可以从事营利性经营活动。',
      correct: ['F'],
      difficulty: 1,
    });
    expect(tf.current.options).toEqual([
      { key: 'T', text: '正确' },
      { key: 'F', text: '错误' },
    ]);
    await post(w.teacher, '/questions', {
      bankId: bank,
      type: 'fill_blank',
      stem: '行政拘留合并执行最长不超过____日。',
      blanks: [['20', '二十']],
      difficulty: 3,
    });
    await post(w.teacher, '/questions', {
      bankId: bank,
      type: 'short_answer',
      stem: '简述警械使用条件。',
      reference: '经警告无效……',
      difficulty: 4,
    });

    const bad = async (body: Record<string, unknown>, code: string) => {
      const res = await w.teacher.post(`${QB}/questions`, { bankId: bank, difficulty: 3, ...body });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.code).toBe('QB_QUESTION_INVALID');
      expect(res.json().error.details.problems.map((p: { code: string }) => p.code)).toContain(code);
    };
    await bad({ type: 'single', stem: '  ', options: ['a', 'b'], correct: ['A'] }, 'STEM_REQUIRED');
    await bad({ type: 'single', stem: 's', options: ['a'], correct: ['A'] }, 'OPTIONS_TOO_FEW');
    await bad({ type: 'single', stem: 's', options: ['a', '', 'c'], correct: ['A'] }, 'OPTION_EMPTY');
    await bad({ type: 'single', stem: 's', options: ['a', 'a'], correct: ['A'] }, 'OPTION_DUPLICATE');
    await bad({ type: 'single', stem: 's', options: ['a', 'b'], correct: ['A', 'B'] }, 'ANSWER_SINGLE_ONE');
    await bad({ type: 'single', stem: 's', options: ['a', 'b'], correct: ['C'] }, 'ANSWER_NOT_AN_OPTION');
    await bad({ type: 'multiple', stem: 's', options: ['a', 'b'], correct: ['A'] }, 'ANSWER_MULTIPLE_TWO');
    await bad({ type: 'true_false', stem: 's', correct: ['A'] }, 'ANSWER_TRUE_FALSE');
    await bad({ type: 'true_false', stem: 's', options: ['a'], correct: ['T'] }, 'OPTIONS_NOT_ALLOWED');
    await bad({ type: 'fill_blank', stem: '两个空____和____', blanks: [['a']] }, 'BLANKS_MISMATCH');
    await bad({ type: 'short_answer', stem: 's', reference: ' ' }, 'ANSWER_REQUIRED');
    // Unknown fields are refused (Strict bodies).
    expect((await w.teacher.post(`${QB}/questions`, { bankId: bank, ...single('x'), orgId: w.otherBranch })).statusCode).toBe(400);
  });

  it('lists with filters, keyword, sort and pages, within the visible banks', async () => {
    await post(w.city, '/questions', {
      bankId: cityBank,
      ...single('市局题：警告属于哪类处罚？', { difficulty: 5, policeCategory: '综合' }),
    });
    await post(w.other, '/questions', { bankId: otherBank, ...single('拱墅题：不应被看到') });
    const list = async (qs: string) =>
      (await w.teacher.get(`${QB}/questions?${qs}`)).json<{
        items: { stem: string; bankId: string; difficulty: number; type: string }[];
        total: number;
      }>();
    const all = await list('pageSize=100');
    expect(all.total).toBe(6);
    expect(all.items.some((i) => i.stem.startsWith('拱墅'))).toBe(false);
    expect((await list(`bankId=${cityBank}`)).total).toBe(1);
    expect((await list('type=true_false')).items.map((i) => i.type)).toEqual(['true_false']);
    expect((await list('difficulty=5')).items.map((i) => i.stem)).toEqual(['市局题：警告属于哪类处罚？']);
    expect((await list('policeCategory=治安')).total).toBe(1);
    expect((await list(`q=${encodeURIComponent('警械')}`)).total).toBe(1);
    expect((await list(`q=${encodeURIComponent('%')}`)).total).toBe(0);
    const sorted = await list('sort=difficulty&pageSize=100');
    expect(sorted.items.map((i) => i.difficulty)).toEqual([...sorted.items.map((i) => i.difficulty)].sort((a, b) => a - b));
    const page2 = await list('sort=difficulty&pageSize=4&page=2');
    expect(page2.items).toHaveLength(2);
    expect(page2.total).toBe(6);
    const tags = (await w.teacher.get(`${QB}/tags`)).json();
    expect(tags.policeCategories).toEqual(['治安', '综合']);
    expect(JSON.stringify(tags)).not.toContain('拱墅');
  });

  it('versions edits: a drawn paper keeps its wording; retired questions leave draws', async () => {
    const banks2 = await post(w.teacher, '/banks', { name: '版本测试题库', orgId: w.station });
    const ids: string[] = [];
    for (let i = 1; i <= 3; i++) ids.push((await post(w.teacher, '/questions', { bankId: banks2.id, ...single(`版本题 ${i}`) })).id);
    const paper = await post(w.teacher, '/papers', {
      title: '版本测试卷',
      kind: 'rule',
      orgId: w.station,
      bankIds: [banks2.id],
      rules: [{ type: 'single', count: 3, score: 10 }],
      shuffleQuestions: true,
      shuffleOptions: true,
      partialCredit: 0,
    });
    const drawn = (await w.teacher.get(`${QB}/papers/${paper.id}/preview?seed=exam-1`)).json<DrawnPaper>();
    const frozen = JSON.stringify(drawn);
    const target = ids[0] as string;
    const edited = (await w.teacher.put(`${QB}/questions/${target}`, single('版本题 1（修订）', { correct: ['C'] }))).json();
    expect(edited.versionNo).toBe(2);
    expect(edited.versions.map((v: { versionNo: number }) => v.versionNo)).toEqual([2, 1]);
    // The frozen copy (as the exams module stores it) still says what the examinee saw.
    expect(JSON.stringify(drawn)).toBe(frozen);
    const oldItem = drawn.items.find((i) => i.questionId === target);
    expect(oldItem?.stem).toBe('版本题 1');
    expect(oldItem?.key).toEqual({ kind: 'choice', correct: ['B'] });
    // Version 1 stays readable; a new draw takes version 2.
    expect((await w.teacher.get(`${QB}/questions/${target}/versions/1`)).json().stem).toBe('版本题 1');
    const redrawn = await drawPaper(t.ctx.db, paper.id, 'exam-1');
    expect(redrawn.items.find((i) => i.questionId === target)?.stem).toBe('版本题 1（修订）');
    // An edit that changes nothing adds no version; the type cannot change.
    expect((await w.teacher.put(`${QB}/questions/${target}`, single('版本题 1（修订）', { correct: ['C'] }))).json().versionNo).toBe(2);
    expect(
      (await w.teacher.put(`${QB}/questions/${target}`, { type: 'true_false', stem: 'x', correct: ['T'], difficulty: 1 })).json().error
        .code,
    ).toBe('QB_QUESTION_TYPE_FIXED');
    // Retired: out of the list and of draws (the rule now lacks a question), back when restored.
    expect((await w.teacher.post(`${QB}/questions/${target}/retire`)).json().status).toBe('retired');
    expect((await w.teacher.get(`${QB}/questions?bankId=${banks2.id}`)).json().total).toBe(2);
    const short = await w.teacher.get(`${QB}/papers/${paper.id}/preview`);
    expect(short.statusCode).toBe(400);
    expect(short.json().error).toMatchObject({ code: 'QB_RULE_SHORT', details: { rule: 1, needed: 3, available: 2 } });
    expect((await w.teacher.get(`${QB}/papers/${paper.id}`)).json().rules[0].check).toMatchObject({ ok: false, available: 2 });
    expect((await w.teacher.put(`${QB}/questions/${target}`, single('改停用题'))).json().error.code).toBe('QB_QUESTION_RETIRED');
    await w.teacher.post(`${QB}/questions/${target}/restore`);
    expect((await w.teacher.get(`${QB}/papers/${paper.id}/preview`)).statusCode).toBe(200);
  });

  it('validates rule papers at compose time and counts what each rule can draw', async () => {
    const b = await post(w.teacher, '/banks', { name: '规则题库', orgId: w.branch });
    for (let i = 1; i <= 4; i++)
      await post(w.teacher, '/questions', { bankId: b.id, ...single(`规则题 ${i}`, { difficulty: i <= 2 ? 1 : 4 }) });
    const check = (
      await w.teacher.post(`${QB}/papers/check-rules`, {
        bankIds: [b.id, cityBank],
        rules: [
          { type: 'single', difficulty: 1, count: 2, score: 5 },
          { type: 'single', count: 3, score: 5 },
          { type: 'multiple', count: 1, score: 5 },
        ],
      })
    ).json();
    // 5 singles in the two banks; rule 1 may take 2 of them first, so rule 2 can count on 3.
    expect(check.checks).toEqual([
      { rule: 1, needed: 2, matching: 2, available: 2, ok: true },
      { rule: 2, needed: 3, matching: 5, available: 3, ok: true },
      { rule: 3, needed: 1, matching: 0, available: 0, ok: false },
    ]);
    const body = {
      title: '规则卷',
      kind: 'rule',
      orgId: w.branch,
      bankIds: [b.id, cityBank],
      rules: [
        { type: 'single', difficulty: 1, count: 2, score: 5 },
        { type: 'single', count: 4, score: 5 },
      ],
      shuffleQuestions: false,
      shuffleOptions: false,
      partialCredit: 0.5,
      timeMinutes: 30,
    };
    const short = await w.teacher.post(`${QB}/papers`, body);
    expect(short.statusCode).toBe(400);
    expect(short.json().error).toMatchObject({ code: 'QB_RULE_SHORT', details: { rule: 2, needed: 4, available: 3 } });
    expect(short.json().error.message).toBe('第 2 条规则需要 4 道题，题库中只有 3 道符合条件');
    const en = await w.teacher.request({ method: 'POST', url: `${QB}/papers`, payload: body, headers: { 'accept-language': 'en-US' } });
    expect(en.json().error.message).toBe('Rule 2 needs 4 questions but the banks hold only 3 that match');
    const ok = await post(w.teacher, '/papers', { ...body, rules: [body.rules[0], { type: 'single', count: 3, score: 10 }] });
    expect(ok).toMatchObject({ totalScore: 40, questionCount: 5, timeMinutes: 30, partialCredit: 0.5 });
    const p = (await w.teacher.get(`${QB}/papers/${ok.id}/preview?seed=a`)).json<DrawnPaper>();
    expect(p.items).toHaveLength(5);
    expect(p.items.filter((i) => i.score === 10)).toHaveLength(3);
    // Banks out of scope and mixed kinds are refused.
    expect((await w.teacher.post(`${QB}/papers`, { ...body, bankIds: [otherBank] })).statusCode).toBe(404);
    expect((await w.teacher.post(`${QB}/papers`, { ...body, kind: 'fixed' })).json().error.code).toBe('QB_PAPER_KIND_MISMATCH');
    expect((await w.teacher.post(`${QB}/papers`, { ...body, orgId: w.otherBranch })).statusCode).toBe(404); // an org outside the scope answers like a missing one
  });

  it('composes fixed papers from visible questions, pinned to the version chosen', async () => {
    const qs = (await w.teacher.get(`${QB}/questions?pageSize=100&sort=createdAt`)).json<{ items: { id: string; type: string }[] }>().items;
    const items = qs.slice(0, 4).map((q, i) => ({ questionId: q.id, score: i + 1 }));
    const paper = await post(w.teacher, '/papers', {
      title: '固定卷',
      kind: 'fixed',
      orgId: w.branch,
      items,
      shuffleQuestions: false,
      shuffleOptions: false,
      partialCredit: 0,
    });
    expect(paper).toMatchObject({ kind: 'fixed', totalScore: 10, questionCount: 4 });
    expect(paper.items.map((i: { questionId: string }) => i.questionId)).toEqual(items.map((i) => i.questionId));
    const preview = (await w.teacher.get(`${QB}/papers/${paper.id}/preview`)).json();
    expect(preview.seed).toEqual(expect.any(String));
    expect(preview.items.map((i: { questionId: string }) => i.questionId)).toEqual(items.map((i) => i.questionId));
    expect(preview.items[0].key).toBeDefined();
    const dup = await w.teacher.post(`${QB}/papers`, {
      title: 'x',
      kind: 'fixed',
      orgId: w.branch,
      items: [items[0], items[0]],
      shuffleQuestions: false,
      shuffleOptions: false,
      partialCredit: 0,
    });
    expect(dup.json().error.code).toBe('QB_PAPER_DUPLICATE_QUESTION');
    const otherQ = (await w.other.get(`${QB}/questions`)).json().items.find((q: { stem: string }) => q.stem.startsWith('拱墅')).id;
    const foreign = await w.teacher.post(`${QB}/papers`, {
      title: 'x',
      kind: 'fixed',
      orgId: w.branch,
      items: [{ questionId: otherQ, score: 1 }],
      shuffleQuestions: false,
      shuffleOptions: false,
      partialCredit: 0,
    });
    expect(foreign.statusCode).toBe(404);
    // Papers are visible within scope only (no sharing), listed with filters.
    expect((await w.other.get(`${QB}/papers/${paper.id}`)).statusCode).toBe(404);
    expect((await w.other.get(`${QB}/papers/${paper.id}/preview`)).statusCode).toBe(404);
    const list = (await w.teacher.get(`${QB}/papers?kind=fixed`)).json();
    expect(list.items.map((p: { id: string }) => p.id)).toEqual([paper.id]);
    expect((await w.teacher.get(`${QB}/papers?q=${encodeURIComponent('规则')}`)).json().total).toBe(1);
    expect((await w.other.get(`${QB}/papers`)).json().total).toBe(0);
    // Retire and update.
    const updated = (
      await w.teacher.put(`${QB}/papers/${paper.id}`, {
        title: '固定卷（二）',
        kind: 'fixed',
        items: items.slice(0, 2),
        shuffleQuestions: true,
        shuffleOptions: true,
        partialCredit: 0.5,
      })
    ).json();
    expect(updated).toMatchObject({ title: '固定卷（二）', totalScore: 3, questionCount: 2, shuffleQuestions: true });
    expect((await w.teacher.post(`${QB}/papers/${paper.id}/retire`)).json().status).toBe('retired');
    expect((await w.teacher.get(`${QB}/papers?kind=fixed`)).json().total).toBe(0);
  });

  it('audits every change', async () => {
    const events = await t.ctx.db.selectFrom('audit_log').select('event_type').where('event_type', 'like', 'question%').execute();
    const kinds = new Set(events.map((e) => e.event_type));
    for (const k of ['question_bank.create', 'question.create', 'question.update', 'question.retire', 'question.restore'])
      expect(kinds).toContain(k);
    const papers = await t.ctx.db.selectFrom('audit_log').select('event_type').where('event_type', 'like', 'paper.%').execute();
    expect(new Set(papers.map((e) => e.event_type))).toEqual(new Set(['paper.create', 'paper.update', 'paper.retire']));
  });
});
