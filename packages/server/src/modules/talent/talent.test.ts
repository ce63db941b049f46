import { Document, Packer, Paragraph } from 'docx';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp } from '../../test-support/test-app.ts';
import { talentWorld } from '../competitions/competitions-test-support.ts';
import { multipartBody } from '../personnel/import/import-test-support.ts';

type World = Awaited<ReturnType<typeof talentWorld>>;
interface Suggestion {
  personId: string;
  name: string;
  categoryId: string;
  categoryName: string;
  proposedGrade: string;
  evidence: { rule: string; keyword: string; text: string }[];
}

describe.each(dialects)('instructors, talent pool and courseware on %s', (dialect) => {
  let t: TestApp;
  let w: World;
  const ids: Record<string, string> = {};
  const cat: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(dialect);
    w = await talentWorld(t);
    for (const [name, org] of [
      ['张伟', w.stationA],
      ['李娜', w.stationA],
      ['王强', w.stationB],
      ['周杰', w.other],
    ] as const)
      ids[name] = await w.person(name, org);
    const hr = w.city;
    await hr.post(`/api/v1/personnel/people/${ids['张伟']}/education`, {
      level: '21',
      school: '浙江警察学院',
      major: '侦查学',
      fullTime: true,
      endDate: '2010-07-01',
    });
    await hr.post(`/api/v1/personnel/people/${ids['周杰']}/education`, {
      level: '21',
      school: '中国刑事警察学院',
      major: '侦查学',
      fullTime: true,
      endDate: '2012-07-01',
    });
    const award = await hr.post(`/api/v1/personnel/people/${ids['李娜']}/awards`, {
      date: '2024-12-01',
      name: '全市网络安全技能能手',
      level: '嘉奖',
      issuer: '示例市公安局',
    });
    expect(award.statusCode, award.body).toBe(201);
  });
  afterAll(() => t.close());

  describe('instructors (教官库)', () => {
    let instructorId: string;
    it('registers a person as an instructor and refuses a second registration', async () => {
      const res = await w.staff.post('/api/v1/talent/instructors', {
        personId: ids['王强'],
        grade: 'senior',
        subjects: ['射击', '警务实战'],
        appointedOn: '2025-01-01',
        expiresOn: '2027-12-31',
      });
      expect(res.statusCode, res.body).toBe(201);
      instructorId = res.json().id;
      expect(res.json()).toMatchObject({ name: '王强', grade: 'senior', status: 'active', averageScore: null });
      expect(
        (
          await w.staff.post('/api/v1/talent/instructors', {
            personId: ids['王强'],
            grade: 'junior',
            subjects: [],
            appointedOn: '2025-01-01',
          })
        ).json().error.code,
      ).toBe('INSTRUCTOR_EXISTS');
      const expired = await w.staff.post('/api/v1/talent/instructors', {
        personId: ids['李娜'],
        grade: 'junior',
        subjects: ['心理疏导'],
        appointedOn: '2020-01-01',
        expiresOn: '2025-12-31',
      });
      expect(expired.json().status).toBe('expired');
    });

    it('keeps lecture reviews by trainees and supervisors and shows the average', async () => {
      const lecture = await w.staff.post(`/api/v1/talent/instructors/${instructorId}/lectures`, {
        date: '2026-04-02',
        title: '手枪速射要领',
        subject: '射击',
        hours: 2,
        audience: '春训班',
      });
      expect(lecture.statusCode, lecture.body).toBe(201);
      const url = `/api/v1/talent/instructors/${instructorId}/lectures/${lecture.json().id}/reviews`;
      await w.staff.post(url, { reviewerKind: 'trainee', score: 90 });
      await w.staff.post(url, { reviewerKind: 'trainee', score: 85 });
      const last = await w.staff.post(url, { reviewerKind: 'supervisor', reviewerName: '政治处', score: 96, comment: '讲解清楚' });
      expect(last.json()).toMatchObject({ lectures: 1, reviews: 3, averageScore: 90.3 });
      expect(last.json().lectureList[0].reviews).toHaveLength(3);
    });

    it('filters by grade, subject and status, and exports the filtered list as xlsx', async () => {
      const bySubject = (await w.staff.get('/api/v1/talent/instructors?subject=射击')).json();
      expect(bySubject.items.map((i: { name: string }) => i.name)).toEqual(['王强']);
      expect((await w.staff.get('/api/v1/talent/instructors?subject=射')).json().total).toBe(0);
      expect((await w.staff.get('/api/v1/talent/instructors?status=expired')).json().items.map((i: { name: string }) => i.name)).toEqual([
        '李娜',
      ]);
      expect((await w.staff.get('/api/v1/talent/instructors?grade=senior')).json().total).toBe(1);
      const file = await w.staff.get('/api/v1/talent/instructors/export.xlsx?grade=senior');
      expect(file.headers['content-type']).toContain('spreadsheetml');
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
      const rows = wb.worksheets[0]!.getSheetValues().filter(Boolean) as unknown[][];
      expect(rows).toHaveLength(2);
      expect(rows[1]!.slice(1, 5)).toEqual(['王强', null, '湖滨派出所', '高级'].map((v) => v ?? undefined));
    });

    it('answers 404 to another branch', async () => {
      expect((await w.otherStaff.get(`/api/v1/talent/instructors/${instructorId}`)).statusCode).toBe(404);
      expect((await w.otherStaff.patch(`/api/v1/talent/instructors/${instructorId}`, { grade: 'junior' })).statusCode).toBe(404);
      expect((await w.otherStaff.get('/api/v1/talent/instructors')).json().total).toBe(0);
    });
  });

  describe('talent pool (警务人才库)', () => {
    const suggestions = async (client = w.staff) => (await client.get('/api/v1/talent/suggestions')).json<{ items: Suggestion[] }>().items;

    it('keeps the category list city-wide: a branch user cannot edit it', async () => {
      expect((await w.staff.post('/api/v1/talent/categories/defaults')).json().error.code).toBe('TALENT_CATEGORY_CITY_ONLY');
      const res = await w.city.post('/api/v1/talent/categories/defaults');
      expect(res.json().added).toBe(6);
      for (const c of (await w.staff.get('/api/v1/talent/categories')).json<{ id: string; name: string }[]>()) cat[c.name] = c.id;
      expect(Object.keys(cat)).toContain('执法办案');
    });

    it('suggests people from education, awards, instructor subjects and competition results, with the reasons', async () => {
      const list = await suggestions();
      const pick = (name: string, category: string) => list.find((s) => s.name === name && s.categoryName === category);
      expect(pick('张伟', '执法办案')?.evidence).toEqual([
        { rule: 'education', keyword: '侦查', text: '浙江警察学院 侦查学', date: '2010-07-01', weight: 1 },
      ]);
      expect(pick('李娜', '网络安全')?.evidence[0]).toMatchObject({ rule: 'award', keyword: '网络' });
      expect(pick('王强', '警务实战教官')).toMatchObject({ proposedGrade: 'expert', evidence: [{ rule: 'instructor', keyword: '射击' }] });
      // 周杰 of the other branch is never shown to this branch, but is to his own.
      expect(list.some((s) => s.name === '周杰')).toBe(false);
      expect((await suggestions(w.otherStaff)).map((s) => s.name)).toEqual(['周杰']);
    });

    it('adds nobody until a person confirms; the confirmed entry keeps its basis', async () => {
      expect((await w.staff.get('/api/v1/talent/members')).json().total).toBe(0);
      const res = await w.staff.post('/api/v1/talent/suggestions/confirm', {
        personId: ids['张伟'],
        categoryId: cat['执法办案'],
        grade: 'backbone',
      });
      expect(res.statusCode, res.body).toBe(201);
      const members = (await w.staff.get('/api/v1/talent/members')).json();
      expect(members.items).toMatchObject([
        { name: '张伟', categoryName: '执法办案', grade: 'backbone', source: 'suggestion', basis: [{ rule: 'education' }] },
      ]);
      expect((await suggestions()).some((s) => s.name === '张伟' && s.categoryName === '执法办案')).toBe(false);
      expect(
        (
          await w.staff.post('/api/v1/talent/suggestions/confirm', { personId: ids['张伟'], categoryId: cat['执法办案'], grade: 'expert' })
        ).json().error.code,
      ).toBe('TALENT_MEMBER_EXISTS');
      const audit = await t.ctx.db.selectFrom('audit_log').select('event_type').where('object_id', '=', res.json().id).execute();
      expect(audit.map((a) => a.event_type)).toEqual(['talent.member.confirm']);
    });

    it('refuses to confirm a suggestion whose records no longer match', async () => {
      const res = await w.staff.post('/api/v1/talent/suggestions/confirm', {
        personId: ids['王强'],
        categoryId: cat['心理咨询'],
        grade: 'reserve',
      });
      expect(res.json().error.code).toBe('TALENT_SUGGESTION_GONE');
    });

    it('dismisses a suggestion with a reason so it is not suggested again', async () => {
      const res = await w.staff.post('/api/v1/talent/suggestions/dismiss', {
        personId: ids['李娜'],
        categoryId: cat['网络安全'],
        reason: '已调离技术岗位',
      });
      expect(res.statusCode, res.body).toBe(204);
      expect((await suggestions()).some((s) => s.name === '李娜' && s.categoryName === '网络安全')).toBe(false);
    });

    it('adds and removes people by hand with a reason, and keeps other branches out', async () => {
      const add = await w.staff.post('/api/v1/talent/members', {
        personId: ids['李娜'],
        categoryId: cat['外语'],
        grade: 'reserve',
        reason: '英语专业八级',
      });
      expect(add.statusCode, add.body).toBe(201);
      expect(
        (await w.staff.post('/api/v1/talent/members', { personId: ids['周杰'], categoryId: cat['外语'], grade: 'reserve', reason: 'x' }))
          .statusCode,
      ).toBe(404);
      expect((await w.otherStaff.post(`/api/v1/talent/members/${add.json().id}/remove`, { reason: 'x' })).statusCode).toBe(404);
      const removed = await w.staff.post(`/api/v1/talent/members/${add.json().id}/remove`, { reason: '本人申请退出' });
      expect(removed.statusCode).toBe(204);
      const gone = (await w.staff.get('/api/v1/talent/members?status=removed')).json();
      expect(gone.items).toMatchObject([{ name: '李娜', removedReason: '本人申请退出', source: 'manual' }]);
      const zhang = await w.staff.post('/api/v1/talent/instructors', {
        personId: ids['张伟'],
        grade: 'intermediate',
        subjects: ['交通管理'],
        appointedOn: '2026-01-01',
      });
      expect(zhang.statusCode, zhang.body).toBe(201);
      // Listed by grade (高级, 中级, 初级), not by the grade code's spelling.
      const instructors = (await w.staff.get('/api/v1/talent/instructors')).json<{ items: { name: string }[] }>().items;
      expect(instructors.map((i) => i.name)).toEqual(['王强', '张伟', '李娜']);
    });

    it('suggests from published competition placings', async () => {
      const ev = (
        await w.staff.post('/api/v1/competitions', {
          title: '网络安全技能比武',
          level: 'city',
          orgId: w.branch,
          startDate: '2026-05-01',
          endDate: '2026-05-01',
        })
      ).json();
      const item = (
        await w.staff.post(`/api/v1/competitions/${ev.id}/items`, { name: 'CTF 夺旗', kind: 'individual', direction: 'higher' })
      ).json();
      const e1 = (
        await w.staff.post(`/api/v1/competitions/${ev.id}/entries`, { itemId: item.id, orgId: w.stationA, personIds: [ids['张伟']] })
      ).json();
      await w.staff.put(`/api/v1/competitions/${ev.id}/scores`, { scores: [{ entryId: e1.id, score: 900 }] });
      expect((await suggestions()).some((s) => s.name === '张伟' && s.categoryName === '网络安全')).toBe(false);
      await w.staff.post(`/api/v1/competitions/${ev.id}/publish`);
      const s = (await suggestions()).find((x) => x.name === '张伟' && x.categoryName === '网络安全');
      expect(s).toMatchObject({ proposedGrade: 'expert', evidence: [{ rule: 'competition', text: '网络安全技能比武 CTF 夺旗 第1名' }] });
    });
  });

  describe('courseware and micro-courses (课件/微课)', () => {
    let id: string;
    const upload = (file: Buffer, name: string, client = w.staff, target = id) =>
      client.request({ method: 'POST', url: `/api/v1/talent/courseware/${target}/file`, ...multipartBody(file, name) });
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

    it('creates a submission for an author in scope and types the file by its bytes', async () => {
      const res = await w.staff.post('/api/v1/talent/courseware', {
        kind: 'courseware',
        title: '现场执法规范',
        subject: '执法办案',
        authorPersonId: ids['张伟'],
      });
      expect(res.statusCode, res.body).toBe(201);
      id = res.json().id;
      expect(res.json().status).toBe('draft');
      const html = await upload(Buffer.from('<html><script>alert(1)</script></html>'), '课件.pdf');
      expect(html.json().error.code).toBe('FILE_TYPE_REFUSED');
      const renamed = await upload(pdf, '课件.pptx');
      expect(renamed.json().error.code).toBe('COURSEWARE_FILE_TYPE');
      const docx = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('执法规范')] }] }));
      const ok = await upload(docx, '../../现场执法规范.docx');
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ status: 'submitted', fileType: 'docx', fileName: '现场执法规范.docx', fileSize: docx.length });
      const stored = await t.ctx.db.selectFrom('courseware').select('storage_name').where('id', '=', id).executeTakeFirstOrThrow();
      expect(stored.storage_name).toMatch(/^[0-9a-f-]{36}$/);
      const again = await upload(pdf, 'slides.pdf');
      expect(again.json().fileType).toBe('pdf');
    });

    it('serves the file only to those entitled', async () => {
      const file = await w.staff.get(`/api/v1/talent/courseware/${id}/file`);
      expect(file.statusCode).toBe(200);
      expect(file.headers['content-type']).toBe('application/pdf');
      expect(file.headers['content-disposition']).toContain("filename*=UTF-8''slides.pdf");
      expect(file.rawPayload.equals(pdf)).toBe(true);
      expect((await w.otherStaff.get(`/api/v1/talent/courseware/${id}/file`)).statusCode).toBe(404);
      expect((await upload(pdf, 'x.pdf', w.otherStaff)).statusCode).toBe(404);
      expect((await t.app.inject({ method: 'GET', url: `/api/v1/talent/courseware/${id}/file` })).statusCode).toBe(401);
    });

    it('keeps one score per reviewer, shows the average, then decides', async () => {
      expect((await w.staff.post(`/api/v1/talent/courseware/${id}/reviews`, { score: 80 })).json()).toMatchObject({
        reviews: 1,
        averageScore: 80,
      });
      expect((await w.staff.post(`/api/v1/talent/courseware/${id}/reviews`, { score: 86 })).json()).toMatchObject({
        reviews: 1,
        averageScore: 86,
      });
      const city = await w.city.post(`/api/v1/talent/courseware/${id}/reviews`, { score: 91, comment: '案例典型' });
      expect(city.json()).toMatchObject({ reviews: 2, averageScore: 88.5 });
      // The decision is a workflow action; the submitter may score but not decide their own submission.
      const caseId = (await w.staff.get(`/api/v1/talent/courseware/${id}`)).json().caseId;
      expect((await w.staff.post(`/api/v1/workflow/cases/${caseId}/approve`, {})).json().error.code).toBe('WF_SELF_DECISION');
      expect((await w.city.post(`/api/v1/workflow/cases/${caseId}/approve`, { comment: '推荐参评全市优秀课件' })).statusCode).toBe(200);
      expect((await w.staff.get(`/api/v1/talent/courseware/${id}`)).json().status).toBe('approved');
      expect((await w.staff.post(`/api/v1/talent/courseware/${id}/reviews`, { score: 10 })).json().error.code).toBe('COURSEWARE_DECIDED');
      expect((await upload(pdf, 'late.pdf')).json().error.code).toBe('COURSEWARE_DECIDED');
    });
  });
});
