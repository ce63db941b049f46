import { DEFAULT_OFFICER_SCHEME, type ResultDetailResponse, type RoundDetailResponse } from '@zhenggong/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runWorkflowDueWork } from '../../platform/workflow/due-work.ts';
import { makeOrg, makeRole, makeUser } from '../../test-support/factories.ts';
import { createTestApp, dialects, login, type Client, type TestApp } from '../../test-support/test-app.ts';
import { linkAccount, makePerson } from '../../platform/workflow/workflow-test-support.ts';
import { addAwardLine, addDisciplineLine, addTrainingRecord, recordAppraisal } from '../personnel/people.ts';
import { approvedStudy, publishedExam } from './assessment-test-support.ts';
import JSZip from 'jszip';

const PASS = 'Asm#Pass12345';

describe.each(dialects)('assessment on %s', (dialect) => {
  let t: TestApp;
  let pol: Client; // city political department
  let leader: Client; // station leader
  let officer: Client; // 甲, linked
  let other: Client; // 乙, linked
  let station: string;
  let westStation: string;
  const p: Record<string, string> = {};
  let schemeId = '';
  let roundId = '';
  const resultOf = (d: RoundDetailResponse, name: string) => d.results.find((r) => r.name === name)!;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const ctx = t.ctx;
    const root = await makeOrg(ctx, null, '示例市公安局', { type: 'city_bureau' });
    const branch = await makeOrg(ctx, root, '东城分局');
    station = await makeOrg(ctx, branch, '东城派出所', { type: 'station' });
    const west = await makeOrg(ctx, root, '西城分局');
    westStation = await makeOrg(ctx, west, '西城派出所', { type: 'station' });
    const all = [
      'assessment:read',
      'assessment:scheme',
      'assessment:score',
      'assessment:review',
      'assessment:daily',
      'personnel:read',
      'personnel:export',
    ];
    await makeUser(ctx, 'zhengzhi', root, PASS, [await makeRole(ctx, 'pol', all, 'all')]);
    await makeUser(ctx, 'renshi', root, PASS, [await makeRole(ctx, 'cadre', ['personnel:read', 'personnel:write'], 'all')]);
    const leaderRole = await makeRole(ctx, 'leader', ['assessment:read', 'assessment:score', 'assessment:daily'], 'org_and_below');
    await makeUser(ctx, 'suozhang', station, PASS, [leaderRole]);
    let seq = 1;
    for (const name of ['甲民警', '乙民警', '丙民警', '丁民警', '戊民警', '己民警', '庚民警'])
      p[name] = await makePerson(ctx, name, station, seq++);
    p['西民警'] = await makePerson(ctx, '西民警', westStation, seq++);
    await linkAccount(ctx, await makeUser(ctx, 'jia', station, PASS), p['甲民警']!);
    await linkAccount(ctx, await makeUser(ctx, 'yi', station, PASS), p['乙民警']!);
    pol = await login(t.app, 'zhengzhi', PASS);
    leader = await login(t.app, 'suozhang', PASS);
    officer = await login(t.app, 'jia', PASS);
    other = await login(t.app, 'yi', PASS);

    // Facts of 2025 kept by their owners: exams, training, study, record lines.
    await publishedExam(ctx.db, ctx, {
      orgId: station,
      title: '三月月考',
      endsAt: '2025-03-20T10:00:00.000Z',
      totalScore: 100,
      scores: [
        { personId: p['甲民警']!, orgId: station, score: 80 },
        { personId: p['乙民警']!, orgId: station, score: null },
      ],
    });
    await publishedExam(ctx.db, ctx, {
      orgId: station,
      title: '二季度考试',
      kind: 'quarterly_exam',
      endsAt: '2025-06-25T10:00:00.000Z',
      totalScore: 50,
      scores: [{ personId: p['甲民警']!, orgId: station, score: 45 }],
    });
    // Outside the period: must not count.
    await publishedExam(ctx.db, ctx, {
      orgId: station,
      title: '往年考试',
      endsAt: '2024-12-20T10:00:00.000Z',
      totalScore: 100,
      scores: [{ personId: p['甲民警']!, orgId: station, score: 10 }],
    });
    await approvedStudy(ctx.db, ctx, [{ personId: p['甲民警']!, date: '2025-04-01', hours: 8 }]);
    await ctx.db.transaction().execute(async (trx) => {
      await addTrainingRecord(trx, ctx, { personId: p['甲民警']!, date: '2025-05-10', course: '执法规范化', hours: 30, organizer: '市局' });
      await addAwardLine(trx, ctx, {
        personId: p['甲民警']!,
        date: '2025-08-01',
        name: '三等功（示公奖〔2025〕3号）',
        level: '三等功',
        issuer: '示例市公安局',
      });
      await addDisciplineLine(trx, ctx, { personId: p['乙民警']!, date: '2025-02-01', kind: '警告', reason: null, endDate: '2025-08-01' });
      await recordAppraisal(trx, ctx, { personId: p['丙民警']!, year: 2024, grade: '不称职', source: 'clerk', note: null });
    });
  });
  afterAll(() => t.close());

  it('refuses a scheme whose points do not add up, naming the problem, and stores nothing', async () => {
    const bad = {
      ...DEFAULT_OFFICER_SCHEME,
      indicators: DEFAULT_OFFICER_SCHEME.indicators.map((i) => (i.key === 'lian' ? { ...i, maxPoints: 10 } : i)),
    };
    const res = await pol.post('/api/v1/assessment/schemes', {
      code: 'officer-annual',
      name: '民警年度考核',
      subject: 'individual',
      personKind: 'officer',
      periodKind: 'annual',
      effectiveFrom: '2025-01-01',
      evidence: 'U',
      source: null,
      body: bad,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('ASM_SCHEME_INVALID');
    expect(res.json().error.message).toContain('一级指标合计 105，应为 100');
    expect((await pol.get('/api/v1/assessment/schemes')).json().items).toHaveLength(0);
    expect((await leader.post('/api/v1/assessment/schemes', {})).statusCode).toBe(403);
  });

  it('publishes a scheme and computes every formula source against hand-computed figures', async () => {
    const created = await pol.post('/api/v1/assessment/schemes', {
      code: 'officer-annual',
      name: '民警年度考核',
      subject: 'individual',
      personKind: 'officer',
      periodKind: 'annual',
      effectiveFrom: '2025-01-01',
      evidence: 'U',
      source: null,
      body: DEFAULT_OFFICER_SCHEME,
    });
    expect(created.statusCode, created.body).toBe(201);
    schemeId = created.json().id;
    const early = await leader.post('/api/v1/assessment/rounds', {
      schemeId,
      orgId: station,
      period: '2025',
      startDate: '2025-01-01',
      endDate: '2025-12-31',
    });
    expect(early.json().error.code).toBe('ASM_SCHEME_NOT_PUBLISHED');
    expect((await pol.post(`/api/v1/assessment/schemes/${schemeId}/publish`)).json().status).toBe('published');
    // Daily entries by the unit leader, before the round: negative and positive weigh alike.
    for (const e of [
      { personId: p['甲民警'], date: '2025-05-02', kind: 'negative', category: 'daily', reason: '值班迟到', score: 2 },
      { personId: p['甲民警'], date: '2025-06-02', kind: 'positive', category: 'daily', reason: '群众来信表扬', score: 1 },
    ])
      expect((await leader.post('/api/v1/assessment/daily/entries', e)).statusCode).toBe(201);
    const outside = await leader.post('/api/v1/assessment/daily/entries', {
      personId: p['西民警'],
      date: '2025-05-02',
      kind: 'negative',
      category: 'daily',
      reason: '越权',
      score: 1,
    });
    expect(outside.statusCode).toBe(404);
    const opened = await leader.post('/api/v1/assessment/rounds', {
      schemeId,
      orgId: station,
      period: '2025',
      startDate: '2025-01-01',
      endDate: '2025-12-31',
    });
    expect(opened.statusCode, opened.body).toBe(201);
    roundId = opened.json().id;
    expect(opened.json().people).toBe(7);
    const wrongUnit = await leader.post('/api/v1/assessment/rounds', {
      schemeId,
      orgId: westStation,
      period: '2025',
      startDate: '2025-01-01',
      endDate: '2025-12-31',
    });
    expect(wrongUnit.statusCode).toBe(404);

    const d: RoundDetailResponse = (await leader.get(`/api/v1/assessment/rounds/${roundId}`)).json();
    const jia: ResultDetailResponse = (await leader.get(`/api/v1/assessment/rounds/${roundId}/results/${resultOf(d, '甲民警').id}`)).json();
    const line = (k: string) => jia.lines.find((l) => l.key === k)!;
    // (80/100 + 45/50) / 2 = 0.85 × 15 = 12.75; the 2024 exam is outside the period.
    expect(line('neng.exam').points).toBe(12.75);
    expect(line('neng.exam').records.map((r) => r.label)).toEqual(['三月月考', '二季度考试']);
    expect(line('neng.train').points).toBe(7.5); // 30 / 40 × 10
    expect(line('neng.study').points).toBe(2); // 8 / 20 × 5
    expect(line('qin').points).toBe(19); // 20 − 2 + 1
    expect(jia.adjustments.find((a) => a.key === 'award')!.points).toBe(3);
    expect(jia.bonus).toBe(3);
    const yi: ResultDetailResponse = (await leader.get(`/api/v1/assessment/rounds/${roundId}/results/${resultOf(d, '乙民警').id}`)).json();
    expect(yi.lines.find((l) => l.key === 'neng.exam')!.records[0]!.value).toBe('缺考');
    expect(yi.deduction).toBe(5);
    // Manual leaves are missing until scored: 0 + 12.75 + 7.5 + 2 + 19 = 41.25, + 3.
    expect(jia.base).toBe(41.25);
    expect(jia.total).toBe(44.25);
  });

  it('recomputes deterministically as of a date, whatever was recorded after it', async () => {
    const c1 = (await leader.post(`/api/v1/assessment/rounds/${roundId}/compute`, { asOf: '2025-06-30' })).json() as RoundDetailResponse;
    const again = (await leader.post(`/api/v1/assessment/rounds/${roundId}/compute`, { asOf: '2025-06-30' })).json() as RoundDetailResponse;
    expect(again.results).toEqual(c1.results);
    await leader.post('/api/v1/assessment/daily/entries', {
      personId: p['甲民警'],
      date: '2025-09-01',
      kind: 'negative',
      category: 'daily',
      reason: '着装不规范',
      score: 3,
    });
    const later = (await leader.post(`/api/v1/assessment/rounds/${roundId}/compute`, { asOf: '2025-06-30' })).json() as RoundDetailResponse;
    expect(later.results).toEqual(c1.results);
    // As of the year's end the award (August) and the September entry count: 44.25 − 3 (award after June) … recomputed from data.
    const full = (await leader.post(`/api/v1/assessment/rounds/${roundId}/compute`, { asOf: '2025-12-31' })).json() as RoundDetailResponse;
    expect(resultOf(full, '甲民警').total).toBe(41.25 - 3 + 3);
    expect(resultOf(c1, '甲民警').total).toBe(41.25); // the award of 1 Aug is not yet there on 30 June
  });

  it('takes manual scores within each maximum, refuses the rest unchanged, and submits only when complete', async () => {
    const d: RoundDetailResponse = (await leader.get(`/api/v1/assessment/rounds/${roundId}`)).json();
    const jiaId = resultOf(d, '甲民警').id;
    const over = await leader.put(`/api/v1/assessment/rounds/${roundId}/results/${jiaId}/manual`, {
      scores: [{ key: 'de', points: 21, evidence: '支部评议' }],
    });
    expect(over.statusCode).toBe(400);
    expect(over.json().error.message).toBe('“政治素质”最多 20 分，录入了 21 分');
    const formula = await leader.put(`/api/v1/assessment/rounds/${roundId}/results/${jiaId}/manual`, {
      scores: [{ key: 'qin', points: 20, evidence: 'x' }],
    });
    expect(formula.json().error.code).toBe('ASM_INDICATOR_UNKNOWN');
    const sub = await leader.post(`/api/v1/assessment/rounds/${roundId}/submit`);
    expect(sub.json().error.code).toBe('ASM_ROUND_INCOMPLETE');
    expect(sub.json().error.message).toContain('7 人');
    for (const r of d.results) {
      const top = r.name === '甲民警' || r.name === '丁民警';
      const res = await leader.put(`/api/v1/assessment/rounds/${roundId}/results/${r.id}/manual`, {
        scores: [
          { key: 'de', points: top ? 20 : 16, evidence: '党支部民主评议' },
          { key: 'ji', points: top ? 25 : 18, evidence: '全年办案数与质量' },
          { key: 'lian', points: 5, evidence: '无违纪违规' },
        ],
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const scored: RoundDetailResponse = (await leader.get(`/api/v1/assessment/rounds/${roundId}`)).json();
    expect(resultOf(scored, '甲民警').total).toBe(41.25 + 50);
    expect(resultOf(scored, '甲民警').rank).toBe(1);
  });

  it('goes through review and public notice on the workflow, then lets a person see only their own result', async () => {
    const sub = await leader.post(`/api/v1/assessment/rounds/${roundId}/submit`);
    expect(sub.statusCode, sub.body).toBe(200);
    const caseId = sub.json().caseId as string;
    expect((await leader.put(`/api/v1/assessment/rounds/${roundId}/results/${caseId}/manual`, { scores: [] })).json().error.code).toBe(
      'ASM_ROUND_STATE',
    );
    const todo = (await pol.get('/api/v1/workflow/todo')).json();
    expect(todo.items.some((i: { caseId?: string; id?: string }) => (i.caseId ?? i.id) === caseId)).toBe(true);
    expect((await pol.post(`/api/v1/workflow/cases/${caseId}/approve`, { comment: '审核通过' })).statusCode).toBe(200);
    const inNotice = (await pol.get(`/api/v1/workflow/cases/${caseId}`)).json();
    expect(inNotice.noticeEndsOn).toBeTruthy();
    // Appeals open once the notice has ended.
    const mine = (await officer.get('/api/v1/assessment/my')).json();
    const myId = mine.items[0].resultId as string;
    expect(
      (await officer.post(`/api/v1/assessment/my/results/${myId}/appeals`, { reason: '工作实绩少计了专案成绩' })).json().error.code,
    ).toBe('ASM_APPEAL_NOT_OPEN');
    t.clock.advance(14 * 86_400_000);
    await runWorkflowDueWork(t.ctx, t.clock.now());
    // Two weeks on, every session has timed out: sign in again.
    pol = await login(t.app, 'zhengzhi', PASS);
    leader = await login(t.app, 'suozhang', PASS);
    officer = await login(t.app, 'jia', PASS);
    other = await login(t.app, 'yi', PASS);
    expect((await pol.get(`/api/v1/assessment/rounds/${roundId}`)).json().round.status).toBe('published');
    const own = await officer.get(`/api/v1/assessment/my/results/${myId}`);
    expect(own.statusCode).toBe(200);
    expect(own.json().name).toBe('甲民警');
    expect(own.json().mayAppeal).toBe(true);
    expect((await other.get(`/api/v1/assessment/my/results/${myId}`)).statusCode).toBe(404);
    expect((await officer.get(`/api/v1/assessment/rounds/${roundId}`)).statusCode).toBe(403);
  });

  it('changes a result only through the appeal decision, audited with before and after', async () => {
    const yiResult = (await other.get('/api/v1/assessment/my')).json().items[0].resultId as string;
    const before = (await pol.get(`/api/v1/assessment/rounds/${roundId}/results/${yiResult}`)).json() as ResultDetailResponse;
    const filed = await other.post(`/api/v1/assessment/my/results/${yiResult}/appeals`, {
      indicatorKey: 'ji',
      reason: '工作实绩未计入专案组借调期间成绩',
    });
    expect(filed.statusCode, filed.body).toBe(201);
    expect((await other.post(`/api/v1/assessment/my/results/${yiResult}/appeals`, { reason: '再次申诉测试' })).json().error.code).toBe(
      'ASM_APPEAL_EXISTS',
    );
    const stillSame = (await pol.get(`/api/v1/assessment/rounds/${roundId}/results/${yiResult}`)).json() as ResultDetailResponse;
    expect(stillSame.total).toBe(before.total);
    const appeals = (await pol.get('/api/v1/assessment/appeals')).json().items;
    expect(appeals[0].reason).toBe('工作实绩未计入专案组借调期间成绩');
    const over = await pol.post(`/api/v1/assessment/appeals/${appeals[0].id}/decision`, {
      uphold: true,
      indicatorKey: 'ji',
      points: 26,
      note: '超分',
    });
    expect(over.statusCode).toBe(400);
    const decided = await pol.post(`/api/v1/assessment/appeals/${appeals[0].id}/decision`, {
      uphold: true,
      indicatorKey: 'ji',
      points: 22,
      note: '借调期间成绩核实后补计',
    });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json().status).toBe('upheld');
    const after = (await pol.get(`/api/v1/assessment/rounds/${roundId}/results/${yiResult}`)).json() as ResultDetailResponse;
    expect(after.total).toBe(before.total + 4);
    expect(decided.json().change).toBe(`工作实绩 18 → 22 分；总分 ${before.total} → ${before.total + 4}`);
    const audit = await t.ctx.db.selectFrom('audit_log').select(['detail']).where('event_type', '=', 'assessment.appeal.decide').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]!.detail as string)).toMatchObject({
      outcome: 'approved',
      totalBefore: before.total,
      totalAfter: before.total + 4,
    });
  });

  it('refuses 优秀 beyond the quota with the numbers named, then confirms, writes the record and raises consequences as to-dos', async () => {
    const d: RoundDetailResponse = (await pol.get(`/api/v1/assessment/rounds/${roundId}`)).json();
    expect(d.excellentLimit).toBe(1); // 7 × 15 % = 1.05 → 1
    const grade = (over: Record<string, string>) => ({ grades: d.results.map((r) => ({ resultId: r.id, grade: over[r.name] ?? '称职' })) });
    const tooMany = await pol.post(`/api/v1/assessment/rounds/${roundId}/grades`, grade({ 甲民警: '优秀', 丁民警: '优秀' }));
    expect(tooMany.statusCode).toBe(409);
    expect(tooMany.json().error.message).toBe('优秀等次超出名额：本单位 7 人，优秀比例 15%，最多 1 人，本次确定了 2 人');
    expect(
      (await pol.get(`/api/v1/assessment/rounds/${roundId}`)).json().results.every((r: { grade: string | null }) => r.grade === null),
    ).toBe(true);
    const partial = await pol.post(`/api/v1/assessment/rounds/${roundId}/grades`, {
      grades: [{ resultId: d.results[0]!.id, grade: '称职' }],
    });
    expect(partial.json().error.code).toBe('ASM_GRADES_INCOMPLETE');
    const unknown = await pol.post(`/api/v1/assessment/rounds/${roundId}/grades`, grade({ 甲民警: '良好' }));
    expect(unknown.json().error.code).toBe('ASM_GRADE_UNKNOWN');
    const ok = await pol.post(`/api/v1/assessment/rounds/${roundId}/grades`, grade({ 甲民警: '优秀', 丙民警: '不称职' }));
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ confirmed: 7, excellent: 1, limit: 1 });
    expect(ok.json().consequences).toHaveLength(1);
    expect(ok.json().consequences[0]).toMatchObject({ personName: '丙民警', code: 'DISMISSAL_PROCEDURE' });
    const wf = (await pol.get(`/api/v1/workflow/cases/${ok.json().consequences[0].caseId}`)).json();
    expect(wf.title).toContain('辞退');
    const lines = await t.ctx.db.selectFrom('person_appraisal').selectAll().where('year', '=', 2025).execute();
    expect(lines).toHaveLength(7);
    expect(lines.find((l) => l.person_id === p['甲民警'])).toMatchObject({ grade: '优秀', source: 'assessment' });
    expect((await officer.get('/api/v1/assessment/my')).json().appraisals).toEqual([{ year: 2025, grade: '优秀' }]);
    // On the profile and on the 任免审批表 (年度考核结果, last three years on record).
    await t.ctx.db.transaction().execute(async (trx) => {
      for (const [year, g] of [
        [2022, '称职'],
        [2023, '称职'],
        [2024, '优秀'],
      ] as const)
        await recordAppraisal(trx, t.ctx, { personId: p['甲民警']!, year, grade: g, source: 'clerk', note: null });
    });
    const profile = (await pol.get(`/api/v1/personnel/people/${p['甲民警']}`)).json();
    expect(profile.history.appraisals.map((a: { year: number; grade: string }) => `${a.year}${a.grade}`)).toEqual([
      '2022称职',
      '2023称职',
      '2024优秀',
      '2025优秀',
    ]);
    const form = await pol.get(`/api/v1/personnel/people/${p['甲民警']}/appointment-form.docx`);
    expect(form.statusCode, form.body.slice(0, 200)).toBe(200);
    const xml = await (await JSZip.loadAsync(form.rawPayload)).file('word/document.xml')!.async('string');
    expect(xml.replace(/<[^>]+>/g, '')).toContain('2023年度称职；2024年度优秀；2025年度优秀');
    // Nothing about the person was changed by the consequence: status and level stay.
    expect((await t.ctx.db.selectFrom('person').select('status').where('id', '=', p['丙民警']!).executeTakeFirstOrThrow()).status).toBe(
      'serving',
    );
  });

  it('exports the period report as real xlsx and docx and ranks units', async () => {
    const x = await pol.get(`/api/v1/assessment/rounds/${roundId}/report?format=xlsx`);
    expect(x.statusCode).toBe(200);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(String(ws.getRow(3).getCell(2).value)).toBe('姓名');
    expect(String(ws.getRow(4).getCell(2).value)).toBe('甲民警');
    const docx = await pol.get(`/api/v1/assessment/rounds/${roundId}/report?format=docx`);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const ranking = (await pol.get(`/api/v1/assessment/ranking?schemeId=${schemeId}&period=2025`)).json();
    expect(ranking.items).toHaveLength(1);
    expect(ranking.items[0]).toMatchObject({ rank: 1, orgName: '东城派出所', people: 7 });
  });

  it('records talks only with consent for content, audits every view, and reminds about people nobody talked with', async () => {
    const noConsent = await leader.post('/api/v1/assessment/daily/talks', {
      personId: p['甲民警'],
      date: '2026-05-20',
      talker: '王所长',
      topic: '工作压力',
      agreedNote: '家中老人住院',
      officerAgreed: false,
    });
    expect(noConsent.json().error.code).toBe('ASM_TALK_CONSENT');
    const future = await leader.post('/api/v1/assessment/daily/care', {
      personId: p['甲民警'],
      date: '2027-01-01',
      kind: 'home_visit',
      participants: '所长',
    });
    expect(future.json().error.code).toBe('ASM_DATE_FUTURE');
    expect(
      (
        await leader.post('/api/v1/assessment/daily/talks', {
          personId: p['甲民警'],
          date: '2026-05-20',
          talker: '王所长',
          topic: '工作压力',
          followUp: '调整夜班',
          officerAgreed: false,
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await leader.post('/api/v1/assessment/daily/care', {
          personId: p['甲民警'],
          date: '2026-05-21',
          kind: 'award_home',
          participants: '所长、教导员',
        })
      ).statusCode,
    ).toBe(201);
    const stored = await t.ctx.db.selectFrom('asm_talk').select('topic_enc').executeTakeFirstOrThrow();
    expect(stored.topic_enc).not.toContain('工作压力');
    const talks = (await leader.get('/api/v1/assessment/daily/talks')).json();
    expect(talks.items[0]).toMatchObject({ topic: '工作压力', agreedNote: null });
    expect(await t.ctx.db.selectFrom('audit_log').select('id').where('event_type', '=', 'assessment.talk.view').execute()).toHaveLength(1);
    const remindersRes = await leader.get('/api/v1/assessment/daily/talk-reminders');
    expect(remindersRes.statusCode, remindersRes.body).toBe(200);
    const reminders = remindersRes.json();
    expect(reminders.days).toBe(90);
    expect(reminders.items.map((i: { name: string }) => i.name)).not.toContain('甲民警');
    expect(reminders.items.map((i: { name: string }) => i.name)).toContain('乙民警');
    expect(reminders.items.map((i: { name: string }) => i.name)).not.toContain('西民警');
  });
});
