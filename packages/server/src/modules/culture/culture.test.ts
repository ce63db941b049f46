import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { Document, Packer, Paragraph } from 'docx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrg, makeRole, makeUser } from '../../test-support/factories.ts';
import { createTestApp, dialects, login, type Client, type TestApp } from '../../test-support/test-app.ts';
import { multipartBody } from '../personnel/import/import-test-support.ts';
import { linkAccount, makeOfficer } from '../party/party-test-support.ts';

const BASE = '/api/v1/culture';
const PASS = 'Cult#Pass123456';

/** The visible text of a .docx: paragraphs as lines. */
async function docxText(body: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(body);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return xml.replace(/<\/w:p>/g, '\n').replace(/<[^>]+>/g, '');
}

// Today is 2026-06-01 in Beijing (the test clock).
describe.each(dialects)('police culture on %s', (dialect) => {
  let t: TestApp;
  let staff: Client;
  let otherStaff: Client;
  const officers = {} as Record<'r' | 'n' | 'm' | 'x' | 'j1' | 'j2' | 'j3', Client>;
  const people = {} as Record<keyof typeof officers, string>;
  let branch: string;
  let station: string;
  let other: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const root = await makeOrg(t.ctx, null, '示例市公安局', { type: 'city_bureau' });
    branch = await makeOrg(t.ctx, root, '上城分局');
    station = await makeOrg(t.ctx, branch, '清波派出所', { type: 'station' });
    other = await makeOrg(t.ctx, root, '拱墅分局');
    const perms = ['culture:read', 'culture:manage'];
    await makeUser(t.ctx, 'wenhua', branch, PASS, [await makeRole(t.ctx, 'culture-branch', perms, 'org_and_below')]);
    await makeUser(t.ctx, 'other-wenhua', other, PASS, [await makeRole(t.ctx, 'culture-other', perms, 'org_and_below')]);
    const names = { r: '陈晨', n: '何平', m: '马丽', x: '高远', j1: '李评', j2: '王评', j3: '赵评' } as const;
    for (const [key, name] of Object.entries(names) as [keyof typeof names, string][]) {
      people[key] = await makeOfficer(t.ctx, key === 'x' ? other : key.startsWith('j') ? branch : station, name);
      await linkAccount(t.ctx, await makeUser(t.ctx, `u-${key}`, key === 'x' ? other : station, PASS), people[key]);
      officers[key] = await login(t.app, `u-${key}`, PASS);
    }
    staff = await login(t.app, 'wenhua', PASS);
    otherStaff = await login(t.app, 'other-wenhua', PASS);
  });
  afterAll(() => t.close());

  const programme = (over: object = {}) => ({
    title: '清波派出所读书月',
    kind: 'reading',
    orgId: station,
    startDate: '2026-06-01',
    endDate: '2026-06-30',
    deadline: '2026-06-10',
    capacity: 2,
    target: { orgIds: [station] },
    ...over,
  });
  let readingId = '';

  it('publishes a programme to its target set and holds registration to capacity and deadline', async () => {
    expect((await staff.post(`${BASE}/programmes`, programme({ deadline: '2026-07-01' }))).json().error.code).toBe(
      'CULTURE_PROGRAMME_DATES',
    );
    expect((await staff.post(`${BASE}/programmes`, programme({ orgId: other }))).statusCode).toBe(404);
    const created = await staff.post(`${BASE}/programmes`, programme());
    expect(created.statusCode, created.body).toBe(201);
    readingId = created.json().id;
    expect(created.json()).toMatchObject({ status: 'draft', measure: 'hours', registered: 0 });
    // A draft is not open to anyone yet.
    expect((await officers.r.post(`${BASE}/my/programmes/${readingId}/register`)).statusCode).toBe(404);
    expect((await staff.post(`${BASE}/programmes/${readingId}/publish`)).json().status).toBe('published');

    expect((await officers.r.get(`${BASE}/my/programmes`)).json().items.map((i: { canRegister: boolean }) => i.canRegister)).toEqual([
      true,
    ]);
    expect((await officers.x.get(`${BASE}/my/programmes`)).json().items).toEqual([]);
    expect((await officers.x.post(`${BASE}/my/programmes/${readingId}/register`)).json().error.code).toBe('CULTURE_PROGRAMME_NOT_FOUND');

    const first = await officers.r.post(`${BASE}/my/programmes/${readingId}/register`);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ canRegister: false, registration: { name: '陈晨', attended: null } });
    expect((await officers.r.post(`${BASE}/my/programmes/${readingId}/register`)).json().error.code).toBe('CULTURE_ALREADY_REGISTERED');
    expect((await officers.n.post(`${BASE}/my/programmes/${readingId}/register`)).statusCode).toBe(200);
    expect((await officers.m.post(`${BASE}/my/programmes/${readingId}/register`)).json().error.code).toBe('CULTURE_FULL');
    // 何平 withdraws; the place goes to 马丽.
    expect((await officers.n.post(`${BASE}/my/programmes/${readingId}/cancel`)).statusCode).toBe(200);
    expect((await officers.m.post(`${BASE}/my/programmes/${readingId}/register`)).statusCode).toBe(200);

    const late = (
      await staff.post(`${BASE}/programmes`, programme({ title: '五月读书', startDate: '2026-05-01', deadline: '2026-05-31' }))
    ).json();
    await staff.post(`${BASE}/programmes/${late.id}/publish`);
    expect((await officers.n.post(`${BASE}/my/programmes/${late.id}/register`)).json().error.code).toBe('CULTURE_DEADLINE_PASSED');
  });

  it('never lets concurrent registrations exceed the capacity', async () => {
    const run = (await staff.post(`${BASE}/programmes`, programme({ title: '西湖夜跑', kind: 'fitness', capacity: 1 }))).json();
    await staff.post(`${BASE}/programmes/${run.id}/publish`);
    const answers = await Promise.all([officers.r, officers.n, officers.m].map((c) => c.post(`${BASE}/my/programmes/${run.id}/register`)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409]);
    expect((await staff.get(`${BASE}/programmes/${run.id}`)).json().registrations).toHaveLength(1);
  });

  it('records participation with hours, shows it to the officer, lists and exports in scope', async () => {
    const detail = (await staff.get(`${BASE}/programmes/${readingId}`)).json();
    const reg = (name: string) => detail.registrations.find((x: { name: string }) => x.name === name).id;
    const missing = await staff.post(`${BASE}/programmes/${readingId}/participation`, {
      records: [{ registrationId: reg('陈晨'), attended: true }],
    });
    expect(missing.json().error.code).toBe('CULTURE_AMOUNT_REQUIRED');
    const saved = await staff.post(`${BASE}/programmes/${readingId}/participation`, {
      records: [
        { registrationId: reg('陈晨'), attended: true, amount: 2.5 },
        { registrationId: reg('马丽'), attended: false },
      ],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().programme).toMatchObject({ registered: 2, attended: 1 });
    const mine = (await officers.r.get(`${BASE}/my/programmes`))
      .json()
      .items.find((i: { programme: { id: string } }) => i.programme.id === readingId);
    expect(mine.registration).toMatchObject({ attended: true, amount: 2.5 });

    expect((await otherStaff.get(`${BASE}/programmes/${readingId}`)).statusCode).toBe(404);
    expect((await otherStaff.get(`${BASE}/programmes`)).json().total).toBe(0);
    const list = (await staff.get(`${BASE}/programmes?kind=reading&pageSize=1`)).json();
    expect([list.total, list.items.length]).toEqual([2, 1]);

    const xlsx = await staff.get(`${BASE}/programmes/export.xlsx?kind=reading`);
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows = book.worksheets[0]!.getSheetValues().slice(2) as unknown[][];
    const row = rows.find((r) => r[1] === '清波派出所读书月')!;
    expect([row[2], row[3], row[9], row[10]]).toEqual(['读书', '清波派出所', 2, 1]);
  });

  let contestId = '';

  it('scores entries by the judges and ranks them as computed by hand', async () => {
    const c = await staff.post(`${BASE}/contests`, {
      title: '“忠诚卫士”征文比赛',
      orgId: branch,
      entryDeadline: '2026-06-20',
      judgePersonIds: [people.j1, people.j2, people.j3],
    });
    expect(c.statusCode, c.body).toBe(201);
    contestId = c.json().id;
    expect(c.json().judges.map((j: { name: string }) => j.name)).toEqual(['李评', '王评', '赵评']);
    expect((await officers.x.post(`${BASE}/my/contests/${contestId}/entries`, { title: '越界' })).statusCode).toBe(404);
    expect((await officers.j1.post(`${BASE}/my/contests/${contestId}/entries`, { title: '评委稿' })).json().error.code).toBe(
      'CULTURE_JUDGE_OWN',
    );
    const er = (await officers.r.post(`${BASE}/my/contests/${contestId}/entries`, { title: '巡逻路上', text: '夜色里的巡逻灯。' })).json();
    const en = (await officers.n.post(`${BASE}/my/contests/${contestId}/entries`, { title: '警徽', text: '胸前的警徽。' })).json();
    const em = (await staff.post(`${BASE}/contests/${contestId}/entries`, { personId: people.m, title: '社区的早晨' })).json();
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('巡逻路上（全文）')] }] }));
    const up = await officers.r.request({
      method: 'POST',
      url: `${BASE}/my/entries/${er.id}/file`,
      ...multipartBody(docx, '巡逻路上.docx'),
    });
    expect(up.json()).toMatchObject({ fileName: '巡逻路上.docx', fileSize: docx.length });
    expect((await staff.get(`${BASE}/entries/${er.id}/file`)).rawPayload.equals(docx)).toBe(true);

    // 陈晨 90 + 85.5 + 88 = 263.5 → 87.83; 何平 80 + 92 + 91.5 = 263.5 → 87.83 (a shared first);
    // 马丽 70 + 75 + 72 = 217 → 72.33, third.
    const sheet: [Client, string, number][] = [
      [officers.j1, er.id, 90],
      [officers.j2, er.id, 85.5],
      [officers.j3, er.id, 88],
      [officers.j1, en.id, 80],
      [officers.j2, en.id, 92],
      [officers.j1, em.id, 70],
      [officers.j2, em.id, 75],
      [officers.j3, em.id, 72],
    ];
    for (const [judge, entry, score] of sheet) expect((await judge.put(`${BASE}/my/judging/${entry}`, { score })).statusCode).toBe(200);
    expect((await officers.r.put(`${BASE}/my/judging/${en.id}`, { score: 100 })).json().error.code).toBe('CULTURE_NOT_JUDGE');
    expect((await staff.post(`${BASE}/contests/${contestId}/publish`)).json().error.code).toBe('CULTURE_SCORES_MISSING');
    // A judge sees the entries without the entrants' names.
    const worklist = (await officers.j3.get(`${BASE}/my/judging`)).json().items[0];
    expect(JSON.stringify(worklist.entries)).not.toContain('陈晨');
    expect(worklist.entries.find((e: { id: string }) => e.id === en.id).myScore).toBeNull();
    await officers.j3.put(`${BASE}/my/judging/${en.id}`, { score: 91.5 });

    const published = await staff.post(`${BASE}/contests/${contestId}/publish`);
    expect(published.statusCode, published.body).toBe(200);
    expect(
      published
        .json()
        .entries.map((e: { name: string; score: number; rank: number; scores: number[] }) => [e.name, e.score, e.rank, e.scores]),
    ).toEqual(
      [
        ['陈晨', 87.83, 1, [90, 85.5, 88]],
        ['何平', 87.83, 1, [80, 92, 91.5]],
        ['马丽', 72.33, 3, [70, 75, 72]],
      ].sort(
        (a, b) =>
          (a[2] as number) - (b[2] as number) ||
          (a[0] === '陈晨' ? (er.id < en.id ? -1 : 1) : a[0] === '何平' ? (en.id < er.id ? -1 : 1) : 0),
      ),
    );
    expect((await officers.j1.put(`${BASE}/my/judging/${er.id}`, { score: 10 })).json().error.code).toBe('CULTURE_CONTEST_CLOSED');
    const mine = (await officers.m.get(`${BASE}/my/contests`)).json().items[0];
    expect(mine.mine[0]).toMatchObject({ title: '社区的早晨', score: 72.33, rank: 3, scores: [] });
    expect(mine.results.map((x: { rank: number }) => x.rank)).toEqual([1, 1, 3]);
    expect((await otherStaff.get(`${BASE}/contests/${contestId}`)).statusCode).toBe(404);
  });

  it('reviews works and exports the accepted ones as a Word collection', async () => {
    const k = (
      await staff.post(`${BASE}/collections`, { title: '清波警营文集', orgId: branch, description: '2026 年度民警原创作品' })
    ).json();
    expect((await staff.get(`${BASE}/collections/${k.id}/export.docx`)).json().error.code).toBe('CULTURE_NOTHING_TO_EXPORT');
    const a = (await officers.r.post(`${BASE}/my/collections/${k.id}/works`, { title: '初心', text: '第一段。\n第二段。' })).json();
    const b = (await officers.n.post(`${BASE}/my/collections/${k.id}/works`, { title: '雪夜' })).json();
    const c = (await officers.m.post(`${BASE}/my/collections/${k.id}/works`, { title: '未采用的稿子', text: '草稿' })).json();
    const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('雪夜里，我们守在卡口 & 路口。')] }] }));
    const up = await officers.n.request({ method: 'POST', url: `${BASE}/my/works/${b.id}/file`, ...multipartBody(docx, '雪夜.docx') });
    expect(up.statusCode, up.body).toBe(200);
    const html = await officers.n.request({
      method: 'POST',
      url: `${BASE}/my/works/${b.id}/file`,
      ...multipartBody(Buffer.from('<html><script>x</script></html>'), 'x.pdf'),
    });
    expect(html.json().error.code).toBe('FILE_TYPE_REFUSED');
    expect((await officers.x.post(`${BASE}/my/collections/${k.id}/works`, { title: '越界' })).statusCode).toBe(404);
    for (const w of [a, b])
      expect((await staff.post(`${BASE}/works/${w.id}/review`, { decision: 'accepted' })).json().status).toBe('accepted');
    expect((await staff.post(`${BASE}/works/${c.id}/review`, { decision: 'returned', note: '请修改后重投' })).json()).toMatchObject({
      status: 'returned',
      reviewNote: '请修改后重投',
    });
    expect((await staff.post(`${BASE}/works/${a.id}/review`, { decision: 'returned' })).json().error.code).toBe('CULTURE_WORK_DECIDED');
    expect((await otherStaff.post(`${BASE}/works/${c.id}/review`, { decision: 'accepted' })).statusCode).toBe(404);

    const exported = await staff.get(`${BASE}/collections/${k.id}/export.docx`);
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toContain('wordprocessingml');
    const text = await docxText(exported.rawPayload);
    expect(text).toContain('清波警营文集');
    expect(text).toContain('1. 初心　……　陈晨（清波派出所）');
    expect(text).toContain('2. 雪夜　……　何平（清波派出所）');
    expect(text).toContain('第一段。\n第二段。');
    expect(text).toContain('雪夜里，我们守在卡口 &amp; 路口。');
    expect(text).not.toContain('未采用的稿子');
    const mine = (await officers.m.get(`${BASE}/my/collections`))
      .json()
      .items.find((i: { collection: { id: string } }) => i.collection.id === k.id);
    expect(mine.mine[0]).toMatchObject({ status: 'returned', reviewNote: '请修改后重投' });
  });
});
