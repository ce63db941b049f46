import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrg, makeRole, makeUser } from '../../test-support/factories.ts';
import { createTestApp, dialects, login, type Client, type TestApp } from '../../test-support/test-app.ts';
import { advanceNotices } from '../../platform/workflow/due-work.ts';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { addDisciplineLine, addPastLevelLines } from '../personnel/people.ts';
import { makeOfficer } from './test-support.ts';

const BASE = '/api/v1/cadres';

/** The text of a .docx body, tags stripped. */
const docxText = async (bytes: Buffer) =>
  ((await (await JSZip.loadAsync(bytes)).file('word/document.xml')?.async('string')) ?? '').replace(/<[^>]+>/g, '');
const readXlsx = async (bytes: Buffer) => {
  const wb = new ExcelJS.Workbook();
  // ExcelJS's load() typing predates Node's generic Buffer.
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb;
};
const perms = ['cadres:read', 'cadres:write', 'cadres:approve', 'cadres:simulate', 'cadres:rules', 'personnel:read', 'personnel:export'];
const PW = 'Cadre#Pass12345';

describe.each(dialects)('cadres and ranks on %s', (dialect) => {
  let t: TestApp;
  let city: Client;
  let branchUser: Client;
  let reader: Client;
  const ids = {} as Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const root = await makeOrg(t.ctx, null, '示例市公安局', { type: 'city_bureau' });
    ids.branch = await makeOrg(t.ctx, root, '上城分局');
    ids.station = await makeOrg(t.ctx, ids.branch, '清波派出所', { type: 'station' });
    ids.other = await makeOrg(t.ctx, root, '拱墅分局');
    const cityRole = await makeRole(t.ctx, 'cad-city', [...perms, 'cadres:restricted'], 'all');
    const branchRole = await makeRole(t.ctx, 'cad-branch', perms, 'org_and_below');
    const readRole = await makeRole(t.ctx, 'cad-read', ['cadres:read'], 'org_and_below');
    await makeUser(t.ctx, 'cadcity', root, PW, [cityRole]);
    await makeUser(t.ctx, 'cadbranch', ids.branch, PW, [branchRole]);
    await makeUser(t.ctx, 'cadread', ids.branch, PW, [readRole]);
    city = await login(t.app, 'cadcity', PW);
    branchUser = await login(t.app, 'cadbranch', PW);
    reader = await login(t.app, 'cadread', PW);
    // Four years in grade since June 2024 reach two full years on 1 June 2026 (the test clock's Beijing date).
    ids.wang = await makeOfficer(t.ctx, ids.station, '王芳', { sex: '2', birth: '1990-03-03' });
    ids.li = await makeOfficer(t.ctx, ids.station, '李强');
    ids.zhao = await makeOfficer(t.ctx, ids.station, '赵敏', { levelDate: '2025-01-05' });
    ids.zhou = await makeOfficer(t.ctx, ids.other, '周杰');
    await t.ctx.db
      .transaction()
      .execute((trx) =>
        addDisciplineLine(trx, t.ctx, { personId: ids.li!, date: '2026-03-01', kind: '警告', reason: null, endDate: null }),
      );
  });
  afterAll(() => t.close());

  it('lists who falls due this month with the reason, refuses blocked ones in words, and stays in scope', async () => {
    const res = await branchUser.get(`${BASE}/due?month=2026-06&track=grade`);
    expect(res.statusCode, res.body).toBe(200);
    const due = res.json();
    expect(due.items.map((i: { name: string }) => i.name).sort()).toEqual(['李强', '王芳'].sort());
    const wang = due.items.find((i: { name: string }) => i.name === '王芳');
    expect(wang.eligibility).toMatchObject({
      status: 'eligible',
      fromName: '四级警长',
      toName: '三级警长',
      countedMonths: 24,
      dueDate: '2026-06-01',
    });
    expect(wang.eligibility.reasons.map((r: { zh: string }) => r.zh)).toContain('晋升三级警长须任现职级满2年；已计2年，已于2026-06满足');
    const li = due.items.find((i: { name: string }) => i.name === '李强');
    expect(li.eligibility.status).toBe('blocked');
    expect(li.eligibility.reasons.map((r: { zh: string }) => r.zh)).toContain('2026-03-01受警告处分，影响期至2026-09-01，期内不得晋升职级');
    expect((await city.get(`${BASE}/due?month=2026-06&track=grade`)).json().total).toBe(3);
    expect((await branchUser.get(`${BASE}/people/${ids.zhou}`)).statusCode).toBe(404);
    expect((await branchUser.get(`${BASE}/due?month=2026-13`)).statusCode).toBe(400);
  });

  it('runs a promotion through review, public notice and approval, then shows the new grade on the record and the 任免审批表', async () => {
    const refused = await branchUser.post(`${BASE}/promotions`, { personId: ids.li, track: 'grade' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'CADRES_NOT_ELIGIBLE', message: '该人员目前不符合晋升条件，详见原因' });
    expect(refused.json().error.details.reasons).toContain('2026-03-01受警告处分，影响期至2026-09-01，期内不得晋升职级');
    expect((await reader.post(`${BASE}/promotions`, { personId: ids.wang, track: 'grade' })).statusCode).toBe(403);

    const created = await branchUser.post(`${BASE}/promotions`, { personId: ids.wang, track: 'grade', note: '拟晋升' });
    expect(created.statusCode, created.body).toBe(201);
    const { id, caseId } = created.json();
    expect((await branchUser.post(`${BASE}/promotions`, { personId: ids.wang, track: 'grade' })).json().error.code).toBe(
      'CADRES_CASE_OPEN',
    );
    // The submitter never decides: the review passes up to the city.
    expect((await city.post(`/api/v1/workflow/cases/${caseId}/approve`, { comment: '同意' })).statusCode).toBe(200);
    const notice = (await city.get(`/api/v1/workflow/cases/${caseId}`)).json();
    expect(notice.currentStep).toMatchObject({ type: 'notice' });
    expect(await advanceNotices(t.ctx, new Date(`${notice.noticeEndsOn}T16:01:00Z`))).toBe(1);
    expect((await city.post(`/api/v1/workflow/cases/${caseId}/approve`, { comment: '党委研究同意' })).statusCode).toBe(200);

    const profile = (await branchUser.get(`${BASE}/people/${ids.wang}`)).json();
    expect(profile.person).toMatchObject({ officerLevel: '609', levelName: '三级警长', levelDate: '2026-06-01' });
    expect(profile.gradeHistory.map((g: { name: string; endDate: string | null }) => [g.name, g.endDate])).toEqual([
      ['四级警长', '2026-06-01'],
      ['三级警长', null],
    ]);
    expect(profile.cases[0]).toMatchObject({ id, status: 'approved', toName: '三级警长', decidedOn: '2026-06-01' });
    const form = await branchUser.get(`/api/v1/personnel/people/${ids.wang}/appointment-form.docx`);
    expect(form.statusCode, form.body).toBe(200);
    const text = await docxText(form.rawPayload);
    expect(text).toContain('三级警长（2026.06任）');
    const approval = await branchUser.get(`${BASE}/promotions/${id}/form.docx`);
    const approvalText = await docxText(approval.rawPayload);
    expect(approvalText).toContain('已批准，2026-06-01起任三级警长');
    expect(approvalText).toContain('公示期满');
    const audit = await t.ctx.db.selectFrom('audit_log').select('event_type').where('object_id', '=', id).orderBy('seq').execute();
    expect(audit.map((a) => a.event_type)).toEqual(['cadres.promotion.submit', 'cadres.promotion.decide']);
  });

  it('simulates a 套转, compares an edited copy, exports it, and writes nothing until a batch is approved', async () => {
    await t.ctx.db.transaction().execute((trx) =>
      addPastLevelLines(trx, t.ctx, [
        { personId: ids.zhao!, sequence: 'officer', level: '702', startDate: '2016-12-01', endDate: '2019-06-01' },
        { personId: ids.zhou!, sequence: 'officer', level: '704', startDate: '2016-12-01', endDate: '2019-06-01' },
      ]),
    );
    const run = (await city.post(`${BASE}/simulations`, { ruleSetId: 'rank.convert@2019', pageSize: 50 })).json();
    expect(run.people).toBe(4);
    // Tiny units: 20% of three officers leaves no place of 一至四级高级警长, and the reason says so.
    expect(run.summary).toMatchObject({ converted: 0, quota: 2, no_source: 2 });
    const zhao = run.items.find((i: { name: string }) => i.name === '赵敏');
    expect(zhao).toMatchObject({ fromName: '二级警长（2016）', to: null, status: 'quota' });
    expect(zhao.reasons.map((r: { zh: string }) => r.zh)).toContain('一至四级高级警长职数已满：限额0名（不超过核定人数3名的20%），已有0名');
    const copy = await city.post(`${BASE}/rule-sets/conversion`, {
      basedOn: 'rank.convert@2019',
      name: '本省口径：二级警长套转三级高级警长，不设职数',
      effectiveFrom: '2019-06-01',
      rows: [{ from: '702', options: [], fallback: '605' }],
      quotas: [],
    });
    expect(copy.statusCode, copy.body).toBe(201);
    const copyId = copy.json().id as string;
    const bad = await city.post(`${BASE}/rule-sets/conversion`, {
      basedOn: 'rank.convert@2019',
      name: 'x',
      effectiveFrom: '2019-06-01',
      rows: [{ from: '999', options: [], fallback: '605' }],
    });
    expect(bad.json().error.code).toBe('CADRES_RULE_INVALID');
    expect(
      (
        await branchUser.post(`${BASE}/rule-sets/conversion`, { basedOn: 'rank.convert@2019', name: 'x', effectiveFrom: '2019-06-01' })
      ).json().error.code,
    ).toBe('CADRES_RULE_SCOPE');
    expect((await city.get(`${BASE}/rule-sets`)).json().items.map((r: { id: string }) => r.id)).toContain(copyId);
    const compared = (
      await city.post(`${BASE}/simulations`, { ruleSetId: 'rank.convert@2019', compareWith: copyId, status: 'changed' })
    ).json();
    expect(compared.items.map((i: { name: string; toName: string; toBName: string }) => [i.name, i.toName, i.toBName])).toEqual([
      ['赵敏', '—', '三级高级警长'],
    ]);
    expect(compared.summary.changed).toBe(1);
    const file = await city.post(`${BASE}/simulations/export`, { ruleSetId: 'rank.convert@2019', compareWith: copyId });
    const sheet = (await readXlsx(file.rawPayload)).getWorksheet('测算结果')!;
    expect(sheet.rowCount).toBe(5);
    expect(String(sheet.getRow(1).getCell(7).value)).toContain(copyId);
    // Nothing is written by the what-if, nor by a batch until it is approved.
    const batch = await branchUser.post(`${BASE}/conversion-batches`, { ruleSetId: copyId, orgId: ids.branch });
    expect(batch.statusCode, batch.body).toBe(201);
    expect(batch.json().people).toBe(1);
    const lines = async () =>
      (await city.get(`${BASE}/people/${ids.zhao}`))
        .json()
        .gradeHistory.map((g: { name: string; startDate: string }) => `${g.name}@${g.startDate}`);
    expect(await lines()).not.toContain('三级高级警长@2019-06-01');
    expect(
      (await branchUser.post(`${BASE}/conversion-batches`, { ruleSetId: 'rank.convert@2019', orgId: ids.branch })).json().error.code,
    ).toBe('CADRES_BATCH_EMPTY');
    expect((await city.post(`/api/v1/workflow/cases/${batch.json().caseId}/approve`, {})).statusCode).toBe(200);
    // Approved: the 2019 line joins the history; the grade held since 2025 stays current.
    expect(await lines()).toContain('三级高级警长@2019-06-01');
    expect((await city.get(`${BASE}/people/${ids.zhao}`)).json().person.officerLevel).toBe('610');
    expect((await city.get(`${BASE}/conversion-batches`)).json().items[0]).toMatchObject({ status: 'approved', people: 1 });
  });

  it('forecasts retirement under the 2024 decision, by year and unit', async () => {
    const r = (await city.get(`${BASE}/retirement?fromYear=2045&toYear=2055`)).json();
    // 王芳, born March 1990, woman cadre: 55 + 36 months → March 2048.
    expect(r.items.find((i: { name: string }) => i.name === '王芳')).toMatchObject({
      category: 'female55',
      month: '2048-03',
      delayMonths: 36,
    });
    expect(r.byYear.reduce((n: number, y: { count: number }) => n + y.count, 0)).toBe(r.total);
    expect((await city.get(`${BASE}/retirement?fromYear=2050&toYear=2040`)).json().error.code).toBe('CADRES_YEARS_INVALID');
    const roster = await branchUser.get(`${BASE}/roster.xlsx`);
    const ws = (await readXlsx(roster.rawPayload)).getWorksheet('干部名册')!;
    expect(ws.getRow(1).values).toContain('职级任职时间');
    expect(ws.rowCount).toBe(4);
  });

  it('keeps cadre records with restricted text encrypted, shown only with the permission and audited', async () => {
    expect(
      (await branchUser.post(`${BASE}/records`, { personId: ids.wang, kind: 'secondment', date: '2025-01-01', title: '挂职' })).json().error
        .code,
    ).toBe('CADRES_RECORD_HOST');
    expect(
      (
        await branchUser.post(`${BASE}/records`, {
          personId: ids.wang,
          kind: 'talk',
          date: '2025-03-01',
          endDate: '2025-01-01',
          title: 'x',
        })
      ).json().error.code,
    ).toBe('CADRES_RECORD_DATES');
    const rec = await branchUser.post(`${BASE}/records`, {
      personId: ids.wang,
      kind: 'talk',
      date: '2025-03-01',
      title: '提醒谈话',
      detail: '工作作风问题约谈记录',
    });
    expect(rec.statusCode, rec.body).toBe(201);
    const stored = await t.ctx.db.selectFrom('cadre_record').select('detail_enc').where('id', '=', rec.json().id).executeTakeFirstOrThrow();
    expect(stored.detail_enc).not.toContain('约谈');
    expect((await branchUser.get(`${BASE}/records?personId=${ids.wang}`)).json().items[0]).toMatchObject({ kind: 'talk', hasDetail: true });
    expect((await branchUser.get(`${BASE}/records/${rec.json().id}`)).json().detail).toBeNull();
    expect((await city.get(`${BASE}/records/${rec.json().id}`)).json().detail).toBe('工作作风问题约谈记录');
    const views = await t.ctx.db.selectFrom('audit_log').select('event_type').where('object_id', '=', rec.json().id).execute();
    expect(views.map((v) => v.event_type)).toEqual(['cadres.record.create', 'cadres.record.view']);
    expect(
      (await branchUser.post(`${BASE}/records`, { personId: ids.zhou, kind: 'talk', date: '2025-03-01', title: 'x' })).statusCode,
    ).toBe(404);
  });

  it('keeps a leadership team: posts, appointment with 文号, structure against targets, evaluations with follow-up', async () => {
    const post = (await branchUser.post(`${BASE}/teams/${ids.station}/posts`, { title: '所长', seatOrder: 1 })).json();
    await branchUser.post(`${BASE}/teams/${ids.station}/posts`, { title: '教导员', seatOrder: 2 });
    expect(
      (await branchUser.post(`${BASE}/posts/${post.id}/appoint`, { personId: ids.li, date: '2025-09-01', docNo: '上公任〔2025〕12号' }))
        .statusCode,
    ).toBe(200);
    expect((await branchUser.post(`${BASE}/posts/${post.id}/appoint`, { personId: ids.wang, date: '2025-09-01' })).json().error.code).toBe(
      'CADRES_POST_TAKEN',
    );
    await branchUser.put(`${BASE}/teams/${ids.station}/targets`, {
      size: 2,
      youngAge: 45,
      minYoung: 1,
      minFemale: 1,
      minBachelor: 1,
      professions: ['刑侦'],
    });
    await branchUser.post(`${BASE}/teams/${ids.station}/evaluations`, {
      date: '2026-01-10',
      title: '2025年度过堂式考核',
      items: [
        { name: '政治建设', score: 92 },
        { name: '业务工作', score: 85, comment: '刑侦破案率偏低' },
      ],
      followups: [{ item: '提升破案率', dueDate: '2026-04-30' }],
    });
    const team = (await branchUser.get(`${BASE}/teams/${ids.station}`)).json();
    expect(team.posts.map((p: { title: string; holder: { name: string } | null }) => [p.title, p.holder?.name ?? null])).toEqual([
      ['所长', '李强'],
      ['教导员', null],
    ]);
    expect(team.structure.map((s: { zh: string }) => s.zh)).toEqual(
      expect.arrayContaining(['班子职数2名，在任1名，空缺1名', '女性成员0名（目标不少于1名）', '专业结构：缺少刑侦方面成员']),
    );
    expect(team.evaluations[0]).toMatchObject({ average: 88.5, followups: [{ item: '提升破案率', overdue: true }] });
    const records = (await branchUser.get(`${BASE}/records?personId=${ids.li}&kind=appointment`)).json();
    expect(records.items[0]).toMatchObject({ title: '所长', docNo: '上公任〔2025〕12号' });
    expect((await branchUser.get(`${BASE}/teams/${ids.other}`)).statusCode).toBe(404);
  });
});
