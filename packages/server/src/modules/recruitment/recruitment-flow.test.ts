import zlib from 'node:zlib';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrg, makeRole, makeUser } from '../../test-support/factories.ts';
import { createTestApp, dialects, login, type Client, type TestApp } from '../../test-support/test-app.ts';
import { form, makePng, publishedAnnouncement, recordingSender, registerApplicant, type PortalClient } from './recruitment-test-support.ts';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function sheet(rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('成绩');
  ws.addRow(['准考证号', '姓名', '岗位', '笔试', '面试', '体能', '政审']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
/** The text of every Flate stream of a PDF (pdfkit compresses content and the ToUnicode map). */
function inflatedStreams(pdf: Buffer): string {
  const out: string[] = [];
  let at = 0;
  for (;;) {
    const start = pdf.indexOf('stream\n', at);
    if (start < 0) break;
    const end = pdf.indexOf('\nendstream', start);
    try {
      out.push(zlib.inflateSync(pdf.subarray(start + 7, end)).toString('latin1'));
    } catch {
      // not a Flate stream (the embedded font program is its own format)
    }
    at = end + 10;
  }
  return out.join('\n');
}

function upload(file: Buffer) {
  const boundary = '----zgScoreSheet';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="成绩.xlsx"\r\nContent-Type: ${XLSX_TYPE}\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

describe.each(dialects)('recruitment staff side on %s', (dialect) => {
  let t: TestApp;
  let staff: Client;
  let outsider: Client;
  let bureau: string;
  let unit: string;
  let announcementId: string;
  let postId: string;
  const sender = recordingSender();
  const applicants: PortalClient[] = [];
  const apps: string[] = [];

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const root = await makeOrg(t.ctx, null, '示例市公安局', { type: 'city_bureau' });
    bureau = await makeOrg(t.ctx, root, '上城分局');
    unit = await makeOrg(t.ctx, bureau, '清波派出所', { type: 'station' });
    const otherBranch = await makeOrg(t.ctx, root, '拱墅分局');
    const all = ['recruitment:read', 'recruitment:write', 'recruitment:review', 'recruitment:score', 'recruitment:hire', 'personnel:read'];
    const role = await makeRole(t.ctx, 'recruiter', all, 'org_and_below');
    await makeUser(t.ctx, 'recruiter', bureau, 'Recruit#Pass123', [role]);
    await makeUser(t.ctx, 'outsider', otherBranch, 'Recruit#Pass123', [role]);
    staff = await login(t.app, 'recruiter', 'Recruit#Pass123');
    outsider = await login(t.app, 'outsider', 'Recruit#Pass123');
    ({ announcementId, postId } = await publishedAnnouncement(staff, bureau, unit));
    const names = ['张三丰', '李四', '王五'];
    for (const [i, name] of names.entries()) {
      const a = await registerApplicant(t, sender, `1380000000${i}`);
      const res = await a.post('/api/v1/portal/applications', form(postId, { name }), { 'idempotency-key': `flow-key-000${i}` });
      expect(res.statusCode, res.body).toBe(201);
      applicants.push(a);
      apps.push(res.json().id);
    }
  });
  afterAll(() => t.close());

  it('keeps staff routes inside the announcement owner scope', async () => {
    expect((await outsider.get('/api/v1/recruitment/announcements')).json()).toEqual([]);
    for (const url of [
      `/api/v1/recruitment/announcements/${announcementId}`,
      `/api/v1/recruitment/announcements/${announcementId}/counts`,
      `/api/v1/recruitment/applications/${apps[0]}`,
      `/api/v1/recruitment/applications/${apps[0]}/photo`,
    ]) {
      expect((await outsider.get(url)).statusCode, url).toBe(404);
    }
    expect((await outsider.get('/api/v1/recruitment/applications')).json()).toEqual({ total: 0, items: [] });
    const approve = await outsider.post(`/api/v1/recruitment/applications/${apps[0]}/approve`);
    expect(approve.statusCode).toBe(404);
    const foreign = await outsider.post('/api/v1/recruitment/announcements', {
      title: 'x',
      orgId: bureau,
      body: '',
      applyFrom: '2026-06-01',
      applyUntil: '2026-06-02',
    });
    expect(foreign.statusCode).toBe(404); // another branch's org answers like a missing one
  });

  it('shows the review queue with masked personal data and finds by exact ID number', async () => {
    const q = await staff.get(`/api/v1/recruitment/applications?announcementId=${announcementId}&status=submitted`);
    expect(q.json().total).toBe(3);
    expect(q.body).not.toContain('13912345678');
    const view = await staff.get(`/api/v1/recruitment/applications/${apps[0]}`);
    expect(view.json()).toMatchObject({ name: '张三丰', phoneMasked: '139****5678', status: 'submitted' });
    expect(view.json().idNumber).toBeUndefined();
    const idNumber = (await applicants[1]!.get(`/api/v1/portal/applications/${apps[1]}`)).json().idNumber as string;
    const found = await staff.get(`/api/v1/recruitment/applications?keyword=${idNumber}`);
    expect(found.json().items.map((x: { id: string }) => x.id)).toEqual([apps[1]]);
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('event_type')
      .where('object_id', '=', apps[0] as string)
      .execute();
    expect(audit.map((a) => a.event_type)).toContain('recruit.application.view');
  });

  it('rejects with a reason the applicant sees; the applicant fixes and resubmits; staff approves', async () => {
    const [alice] = applicants as [PortalClient];
    const rej = await staff.post(`/api/v1/recruitment/applications/${apps[0]}/reject`, { reason: '照片不符合要求，请上传近期免冠证件照' });
    expect(rej.statusCode, rej.body).toBe(200);
    const seen = (await alice.get('/api/v1/portal/applications')).json()[0];
    expect(seen).toMatchObject({ status: 'rejected', rejectReason: '照片不符合要求，请上传近期免冠证件照' });
    const photo = await alice.request({
      method: 'PUT',
      url: `/api/v1/portal/applications/${apps[0]}/photo`,
      payload: makePng(358, 441),
      headers: { 'content-type': 'image/png' },
    });
    expect(photo.statusCode, photo.body).toBe(204);
    const again = await alice.post(`/api/v1/portal/applications/${apps[0]}/resubmit`);
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ status: 'submitted', rejectReason: null, hasPhoto: true });
    const twice = await alice.post(`/api/v1/portal/applications/${apps[0]}/resubmit`);
    expect(twice.json().error.code).toBe('RECRUIT_STATUS_CONFLICT');
    for (const id of apps) expect((await staff.post(`/api/v1/recruitment/applications/${id}/approve`)).statusCode).toBe(200);
    const edit = await alice.patch(`/api/v1/portal/applications/${apps[0]}`, { address: '改不了' });
    expect(edit.json().error.code).toBe('RECRUIT_NOT_EDITABLE');
    const counts = await staff.get(`/api/v1/recruitment/announcements/${announcementId}/counts`);
    expect(counts.json()).toEqual([expect.objectContaining({ postId, headcount: 2, applied: 3, approved: 3, rejected: 0, ratio: 1.5 })]);
    const events = (await staff.get(`/api/v1/recruitment/applications/${apps[0]}`)).json().events.map((e: { kind: string }) => e.kind);
    expect(events).toEqual(['submit', 'reject', 'photo', 'resubmit', 'approve']);
  });

  it('refuses a resubmission after the application deadline', async () => {
    const late = await registerApplicant(t, sender, '13800000009');
    const res = await late.post('/api/v1/portal/applications', form(postId, { name: '迟到' }), { 'idempotency-key': 'late-key-0001' });
    const id = res.json().id as string;
    await staff.post(`/api/v1/recruitment/applications/${id}/reject`, { reason: '学历证明缺失' });
    await staff.patch(`/api/v1/recruitment/announcements/${announcementId}`, { applyUntil: '2026-05-31' });
    try {
      const again = await late.post(`/api/v1/portal/applications/${id}/resubmit`);
      expect(again.json().error.code).toBe('RECRUIT_APPLY_CLOSED');
      const fresh = await registerApplicant(t, sender, '13800000008');
      const closed = await fresh.post('/api/v1/portal/applications', form(postId), { 'idempotency-key': 'closed-key-001' });
      expect(closed.json().error.code).toBe('RECRUIT_APPLY_CLOSED');
    } finally {
      await staff.patch(`/api/v1/recruitment/announcements/${announcementId}`, { applyUntil: '2026-06-30' });
    }
  });

  it('issues admission tickets and serves the 准考证 PDF with an embedded CJK font', async () => {
    const before = await applicants[0]!.get(`/api/v1/portal/applications/${apps[0]}/ticket`);
    expect(before.json().error.code).toBe('RECRUIT_TICKET_NOT_ISSUED');
    const issued = await staff.post(`/api/v1/recruitment/announcements/${announcementId}/tickets`);
    expect(issued.json()).toEqual({ issued: 3 });
    const pdf = await applicants[0]!.get(`/api/v1/portal/applications/${apps[0]}/ticket`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdf.rawPayload.toString('latin1');
    expect(text.startsWith('%PDF-')).toBe(true);
    expect(text).toContain('/FontFile3'); // the embedded (subset) Noto Sans SC
    const streams = inflatedStreams(pdf.rawPayload);
    for (const ch of '准考证张三丰巡逻辅警')
      expect(streams, ch).toMatch(new RegExp(`<${ch.codePointAt(0)!.toString(16).padStart(4, '0')}>`, 'i')); // in the ToUnicode map: real, extractable Chinese text
    expect(text).toContain('/Subtype /Image');
    expect(pdf.rawPayload.length).toBeLessThan(400_000);
  });

  it('imports scores all-or-nothing with row and column problems', async () => {
    const template = await staff.get(`/api/v1/recruitment/announcements/${announcementId}/scores/template`);
    expect(template.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template.rawPayload as unknown as ExcelJS.Buffer);
    const tickets = wb.worksheets[0]!.getColumn(1).values.slice(2) as string[];
    expect(tickets).toHaveLength(3);
    const names = wb.worksheets[0]!.getColumn(2).values.slice(2) as string[];
    const bad = await sheet([
      [tickets[0]!, names[0]!, '', 88, 'abc', '合格', '合格'],
      ['2026019999', '无此人', '', 70, 70, '合格', '合格'],
      [tickets[1]!, '别人', '', 120, 80, '不合格', '合格'],
    ]);
    const m = upload(bad);
    const res = await staff.request({
      method: 'POST',
      url: `/api/v1/recruitment/announcements/${announcementId}/scores/import`,
      payload: m.payload,
      headers: m.headers,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('RECRUIT_SCORES_IMPORT_INVALID');
    expect(res.json().error.details.problems).toEqual([
      { row: 2, column: '面试', code: 'not_a_score', value: 'abc' },
      { row: 3, column: '准考证号', code: 'unknown_ticket', value: '2026019999' },
      { row: 4, column: '姓名', code: 'name_mismatch', value: '别人' },
      { row: 4, column: '笔试', code: 'out_of_range', value: '120' },
    ]);
    const stored = await t.ctx.db
      .selectFrom('recruit_application')
      .select('written')
      .where('announcement_id', '=', announcementId)
      .execute();
    expect(stored.every((s) => s.written === null)).toBe(true);
    const notXlsx = upload(Buffer.from('not a spreadsheet'));
    const nx = await staff.request({
      method: 'POST',
      url: `/api/v1/recruitment/announcements/${announcementId}/scores/import`,
      payload: notXlsx.payload,
      headers: notXlsx.headers,
    });
    expect(nx.json().error.details.problems[0].code).toBe('not_xlsx');

    const good = await sheet([
      [tickets[0]!, names[0]!, '', 80, 90, '合格', '合格'],
      [tickets[1]!, names[1]!, '', 90, 80, '合格', '合格'],
      [tickets[2]!, names[2]!, '', 95, 95, '不合格', '合格'],
    ]);
    const dry = upload(good);
    const dr = await staff.request({
      method: 'POST',
      url: `/api/v1/recruitment/announcements/${announcementId}/scores/import?dryRun=1`,
      payload: dry.payload,
      headers: dry.headers,
    });
    expect(dr.json()).toEqual({ imported: 3, dryRun: true });
    expect(
      (
        await t.ctx.db
          .selectFrom('recruit_application')
          .select('written')
          .where('id', '=', apps[0] as string)
          .executeTakeFirstOrThrow()
      ).written,
    ).toBeNull();
    const g = upload(good);
    const ok = await staff.request({
      method: 'POST',
      url: `/api/v1/recruitment/announcements/${announcementId}/scores/import`,
      payload: g.payload,
      headers: g.headers,
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({ imported: 3, dryRun: false });
  });

  it('ranks by weighted total with tied ranks shared and failed gates unranked; applicants see published scores', async () => {
    const w = await staff.put(`/api/v1/recruitment/announcements/${announcementId}/weights`, {
      written: 50,
      interview: 50,
      physical: 0,
      background: 0,
      physicalGate: true,
      backgroundGate: true,
    });
    expect(w.statusCode, w.body).toBe(200);
    const badW = await staff.put(`/api/v1/recruitment/announcements/${announcementId}/weights`, {
      written: 50,
      interview: 40,
      physical: 0,
      background: 0,
      physicalGate: true,
      backgroundGate: true,
    });
    expect(badW.json().error.code).toBe('RECRUIT_WEIGHTS_INVALID');
    const ranked = (await staff.get(`/api/v1/recruitment/announcements/${announcementId}/ranking`)).json();
    const entries = ranked.posts[0].entries as { rank: number | null; name: string; total: number | null; eligible: boolean }[];
    // 张三丰 80/90 = 85, 李四 90/80 = 85 (tie; 李四 first by written score), 王五 failed the physical gate.
    expect(entries.map((e) => [e.rank, e.name, e.total, e.eligible])).toEqual([
      [1, '李四', 85, true],
      [1, '张三丰', 85, true],
      [null, '王五', 95, false],
    ]);
    const hidden = await applicants[0]!.get(`/api/v1/portal/applications/${apps[0]}/scores`);
    expect(hidden.json().error.code).toBe('RECRUIT_SCORES_NOT_PUBLISHED');
    await staff.post(`/api/v1/recruitment/announcements/${announcementId}/scores/publish`);
    const mine = await applicants[0]!.get(`/api/v1/portal/applications/${apps[0]}/scores`);
    expect(mine.json()).toMatchObject({
      written: 80,
      interview: 90,
      physical: 100,
      background: 100,
      physicalGate: true,
      backgroundGate: true,
      total: 85,
      rank: 1,
    });
    const failed = await applicants[2]!.get(`/api/v1/portal/applications/${apps[2]}/scores`);
    expect(failed.json()).toMatchObject({ physical: 0, physicalGate: false, backgroundGate: true, total: 95, rank: null });
    await expectPortalAgreesWithRanking();

    // Background as a weighted score: the portal gives no verdict for it, and totals follow the new weights.
    const weighted = { written: 40, interview: 40, physical: 0, background: 20, physicalGate: true, backgroundGate: false };
    expect((await staff.put(`/api/v1/recruitment/announcements/${announcementId}/weights`, weighted)).statusCode).toBe(200);
    const reweighed = await applicants[0]!.get(`/api/v1/portal/applications/${apps[0]}/scores`);
    expect(reweighed.json()).toMatchObject({ physicalGate: true, backgroundGate: null, total: 88 });
    await expectPortalAgreesWithRanking();
    const restored = { written: 50, interview: 50, physical: 0, background: 0, physicalGate: true, backgroundGate: true };
    expect((await staff.put(`/api/v1/recruitment/announcements/${announcementId}/weights`, restored)).statusCode).toBe(200);
  });

  /** Every applicant's own scores answer says what the staff ranking says: total, rank and gate verdicts. */
  async function expectPortalAgreesWithRanking() {
    const ranked = (await staff.get(`/api/v1/recruitment/announcements/${announcementId}/ranking`)).json();
    const verdict = (isGate: boolean, score: number | null) => (isGate && score !== null ? score >= ranked.gatePass : null);
    const entries = ranked.posts[0].entries as {
      applicationId: string;
      rank: number | null;
      total: number | null;
      physical: number;
      background: number;
    }[];
    expect(entries).toHaveLength(apps.length);
    for (const e of entries) {
      const i = apps.indexOf(e.applicationId);
      const own = (await applicants[i]!.get(`/api/v1/portal/applications/${e.applicationId}/scores`)).json();
      expect(own).toMatchObject({
        rank: e.rank,
        total: e.total,
        physicalGate: verdict(ranked.weights.physicalGate, e.physical),
        backgroundGate: verdict(ranked.weights.backgroundGate, e.background),
      });
    }
  }

  it('shortlists, publicizes with masked names, and hires into a unit through the personnel service', async () => {
    const notYet = await t.app.inject({ method: 'GET', url: `/api/v1/portal/announcements/${announcementId}/publicity` });
    expect(notYet.statusCode).toBe(404);
    const sl = await staff.post(`/api/v1/recruitment/announcements/${announcementId}/shortlist`, { applicationIds: [apps[0], apps[1]] });
    expect(sl.json()).toEqual({ shortlisted: 2 });
    const early = await staff.post(`/api/v1/recruitment/applications/${apps[0]}/hire`, { orgId: unit, startDate: '2026-08-01' });
    expect(early.json().error.code).toBe('RECRUIT_STATUS_CONFLICT');
    for (const id of [apps[0], apps[1]]) {
      const med = await staff.post(`/api/v1/recruitment/applications/${id}/medical`, {
        result: 'pass',
        date: '2026-05-29',
        institution: '上城区人民医院',
      });
      expect(med.json(), med.body).toMatchObject({ status: 'medical_passed', medical: { result: 'pass' } });
    }
    const pub = await staff.post(`/api/v1/recruitment/announcements/${announcementId}/publicity`);
    expect(pub.json()).toEqual({ publicized: 2 });
    // Today (2026-06-01) the list is up for 5 working days: no hire until the day after it ends.
    const until = (await staff.get(`/api/v1/recruitment/applications/${apps[0]}/stages`)).json().publicity.noticeEndsOn as string;
    expect(until > '2026-06-05').toBe(true);
    const running = await staff.post(`/api/v1/recruitment/applications/${apps[0]}/hire`, { orgId: unit, startDate: '2026-06-01' });
    expect(running.statusCode).toBe(409);
    expect(running.json().error).toMatchObject({ code: 'RECRUIT_PUBLICITY_RUNNING', details: { until } });
    const list = await t.app.inject({ method: 'GET', url: `/api/v1/portal/announcements/${announcementId}/publicity` });
    expect(list.json()).toEqual({
      from: '2026-06-01',
      until,
      entries: expect.arrayContaining([
        { nameMasked: '张*丰', postName: '巡逻辅警', total: 85 },
        { nameMasked: '李*', postName: '巡逻辅警', total: 85 },
      ]),
    });
    // The notice has run its course (nobody objected).
    t.clock.set(new Date(Date.parse(`${until}T02:00:00Z`) + 86_400_000));
    staff = await login(t.app, 'recruiter', 'Recruit#Pass123');
    outsider = await login(t.app, 'outsider', 'Recruit#Pass123');
    expect(list.body).not.toContain('张三丰');

    const outside = await outsider.post(`/api/v1/recruitment/applications/${apps[0]}/hire`, { orgId: unit, startDate: '2026-08-01' });
    expect(outside.statusCode).toBe(404);
    const hired = await staff.post(`/api/v1/recruitment/applications/${apps[0]}/hire`, {
      orgId: unit,
      startDate: '2026-06-01',
      contractEnd: '2029-05-31',
      workStartDate: '2019-07-01',
    });
    expect(hired.statusCode, hired.body).toBe(200);
    const personId = hired.json().personId as string;
    expect(hired.json().application).toMatchObject({ status: 'hired', personId });
    const people = await staff.get(`/api/v1/personnel/people?orgId=${unit}`);
    expect(people.json().items).toEqual([expect.objectContaining({ id: personId, name: '张三丰', kind: 'auxiliary' })]);
    const person = await t.ctx.db.selectFrom('person').selectAll().where('id', '=', personId).executeTakeFirstOrThrow();
    expect(person).toMatchObject({
      kind: 'auxiliary',
      org_id: unit,
      status: 'serving',
      contract_end: '2029-05-31',
      education: '21',
      political_status: '03',
      // Earlier employment kept; an auxiliary officer gets no 入警时间.
      work_start_date: '2019-07-01',
      police_start_date: null,
    });
    const audit = await t.ctx.db
      .selectFrom('audit_log')
      .select('event_type')
      .where('object_id', 'in', [personId, apps[0] as string])
      .execute();
    expect(audit.map((a) => a.event_type)).toEqual(expect.arrayContaining(['person.create', 'recruit.application.hire']));
    const again = await staff.post(`/api/v1/recruitment/applications/${apps[0]}/hire`, { orgId: unit, startDate: '2026-08-01' });
    expect(again.json().error.code).toBe('RECRUIT_STATUS_CONFLICT');
    expect(await t.ctx.db.selectFrom('person').select('id').where('kind', '=', 'auxiliary').execute()).toHaveLength(1);
    // (The applicant's portal session ended while the clock moved past the notice.)
    const status = await t.ctx.db.selectFrom('recruit_application').select('status').where('id', '=', apps[0]!).executeTakeFirstOrThrow();
    expect(status.status).toBe('hired');
  });

  it('does not delete a post that has applications', async () => {
    const res = await staff.delete(`/api/v1/recruitment/posts/${postId}`);
    expect(res.json().error.code).toBe('RECRUIT_POST_HAS_APPLICATIONS');
  });
});
