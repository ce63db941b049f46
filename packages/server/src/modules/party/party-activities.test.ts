import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrg, makeRole, makeUser } from '../../test-support/factories.ts';
import { createTestApp, dialects, login, type Client, type TestApp } from '../../test-support/test-app.ts';
import { competitionResultsOf } from '../competitions/competition-results.ts';
import { trainingRecordsOf } from '../personnel/people.ts';
import { makeOfficer } from './party-test-support.ts';

const BASE = '/api/v1/party';
const PASS = 'Party#Pass12345';

/** A multipart body with one file field, as a browser's FormData sends it. */
function multipart(fileName: string, type: string, content: Buffer) {
  const boundary = '----zgparty7d1f';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

// The test clock stands at 2026-05-31T23:30Z: 2026-06-01 in Beijing, the platform's "today".
describe.each(dialects)('party activities on %s', (dialect) => {
  let t: TestApp;
  let secretary: Client;
  let otherBranch: Client;
  let city: Client;
  let branch: string;
  let station: string;
  let partyOrg: string;
  const people = {} as Record<'a' | 'b' | 'c' | 'x', string>;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const root = await makeOrg(t.ctx, null, '示例市公安局', { type: 'city_bureau' });
    branch = await makeOrg(t.ctx, root, '上城分局');
    station = await makeOrg(t.ctx, branch, '清波派出所', { type: 'station' });
    const other = await makeOrg(t.ctx, root, '拱墅分局');
    const role = await makeRole(t.ctx, 'party-branch', ['party:read', 'party:write'], 'org_and_below');
    const cityRole = await makeRole(
      t.ctx,
      'city-exemplars',
      ['party:read', 'party:write', 'exemplars:read', 'exemplars:manage', 'exemplars:vote', 'exemplars:nominate'],
      'all',
    );
    await makeUser(t.ctx, 'shuji', branch, PASS, [role]);
    await makeUser(t.ctx, 'other', other, PASS, [role]);
    await makeUser(t.ctx, 'city', root, PASS, [cityRole]);
    secretary = await login(t.app, 'shuji', PASS);
    otherBranch = await login(t.app, 'other', PASS);
    city = await login(t.app, 'city', PASS);
    people.a = await makeOfficer(t.ctx, station, '王芳', '1985-03-01');
    people.b = await makeOfficer(t.ctx, station, '李强', '1990-05-01');
    people.c = await makeOfficer(t.ctx, station, '赵敏', '1995-08-01');
    people.x = await makeOfficer(t.ctx, other, '吴昊');
    const org = await secretary.post(`${BASE}/orgs`, {
      orgId: station,
      kind: 'branch',
      name: '清波派出所党支部',
      secretaryPersonId: people.a,
    });
    expect(org.statusCode, org.body).toBe(201);
    partyOrg = org.json().id;
  });
  afterAll(() => t.close());

  const audits = async (eventType: string) =>
    Number(
      (
        await t.ctx.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('event_type', '=', eventType)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('takes minutes attachments through the file intake, scoped like the meeting, each download audited', async () => {
    const meeting = (
      await secretary.post(`${BASE}/meetings`, { partyOrgId: partyOrg, kind: 'committee', title: '五月支委会', plannedDate: '2026-05-20' })
    ).json();
    const upload = (client: Client, name: string, type: string, body: Buffer) =>
      client.request({ method: 'POST', url: `${BASE}/meetings/${meeting.id}/files`, ...multipart(name, type, body) });
    // Hostile files: markup named .pdf, a program named .docx — judged by content, refused, nothing stored.
    const html = await upload(secretary, '纪要.pdf', 'application/pdf', Buffer.from('<html><script>alert(1)</script></html>'));
    expect(html.statusCode).toBe(400);
    const exe = await upload(
      secretary,
      '纪要.docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      Buffer.from('MZ\x90\x00binary'),
    );
    expect(exe.json().error.code).toBe('FILE_TYPE_REFUSED');
    expect((await upload(otherBranch, '越权.pdf', 'application/pdf', PDF)).statusCode).toBe(404);

    const ok = await upload(secretary, '支委会会议记录（签字版）.pdf', 'application/pdf', PDF);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json()).toMatchObject({ fileName: '支委会会议记录（签字版）.pdf', mime: 'application/pdf', size: PDF.length });
    const list = (await secretary.get(`${BASE}/meetings/${meeting.id}/files`)).json();
    expect(list.items.map((f: { fileName: string }) => f.fileName)).toEqual(['支委会会议记录（签字版）.pdf']);

    const before = await audits('party.meeting.file.download');
    const back = await secretary.get(`${BASE}/meetings/${meeting.id}/files/${ok.json().id}`);
    expect(back.statusCode).toBe(200);
    expect(back.headers['content-type']).toContain('application/pdf');
    expect(back.rawPayload.equals(PDF)).toBe(true);
    expect(await audits('party.meeting.file.download')).toBe(before + 1);

    expect((await otherBranch.get(`${BASE}/meetings/${meeting.id}/files`)).statusCode).toBe(404);
    expect((await otherBranch.get(`${BASE}/meetings/${meeting.id}/files/${ok.json().id}`)).statusCode).toBe(404);
    expect(await audits('party.meeting.file.download')).toBe(before + 1);
    expect((await otherBranch.delete(`${BASE}/meetings/${meeting.id}/files/${ok.json().id}`)).statusCode).toBe(404);
    expect((await secretary.delete(`${BASE}/meetings/${meeting.id}/files/${ok.json().id}`)).statusCode).toBe(204);
    expect((await secretary.get(`${BASE}/meetings/${meeting.id}/files`)).json().items).toHaveLength(0);
  });

  it('records a red-education visit and a cadre class with a person set, and credits class hours once on completion', async () => {
    const visit = await secretary.post(`${BASE}/activities`, {
      partyOrgId: partyOrg,
      kind: 'red_visit',
      title: '参观浙江革命烈士纪念馆',
      date: '2026-05-16',
      place: '杭州',
      hours: 0,
      participants: { orgIds: [station] },
    });
    expect(visit.statusCode, visit.body).toBe(201);
    expect(visit.json().people.map((p: { name: string }) => p.name)).toEqual(['李强', '王芳', '赵敏']);

    const outsider = await secretary.post(`${BASE}/activities`, {
      partyOrgId: partyOrg,
      kind: 'cadre_class',
      title: '越权',
      date: '2026-05-20',
      hours: 8,
      participants: { personIds: [people.x] },
    });
    expect(outsider.statusCode).toBe(404);

    const course = await secretary.post(`${BASE}/activities`, {
      partyOrgId: partyOrg,
      kind: 'cadre_class',
      title: '基层党支部书记培训班',
      date: '2026-05-20',
      endDate: '2026-05-22',
      hours: 16.5,
      participants: { personIds: [people.a, people.b] },
    });
    expect(course.statusCode, course.body).toBe(201);
    const id = course.json().id;
    const done = await secretary.post(`${BASE}/activities/${id}/complete`);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ status: 'completed', hours: 16.5 });
    expect(done.json().people.every((p: { hoursCredited: boolean }) => p.hoursCredited)).toBe(true);
    expect(await trainingRecordsOf(t.ctx.db, people.a)).toEqual([
      expect.objectContaining({ date: '2026-05-22', course: '基层党支部书记培训班', hours: 16.5, organizer: '清波派出所党支部' }),
    ]);
    expect(await trainingRecordsOf(t.ctx.db, people.c)).toEqual([]);
    expect((await secretary.post(`${BASE}/activities/${id}/complete`)).json().error.code).toBe('PARTY_ACTIVITY_DONE');
    expect(await trainingRecordsOf(t.ctx.db, people.a)).toHaveLength(1);

    const later = await secretary.post(`${BASE}/activities`, {
      partyOrgId: partyOrg,
      kind: 'cadre_class',
      title: '七月培训班',
      date: '2026-07-01',
      hours: 8,
      participants: { personIds: [people.c] },
    });
    expect((await secretary.post(`${BASE}/activities/${later.json().id}/complete`)).json().error.code).toBe('PARTY_STEP_DATE');

    const list = (await secretary.get(`${BASE}/activities?kind=cadre_class&pageSize=1`)).json();
    expect(list.total).toBe(2);
    expect(list.items).toHaveLength(1);
    expect((await otherBranch.get(`${BASE}/activities`)).json().total).toBe(0);
    expect((await otherBranch.get(`${BASE}/activities/${id}`)).statusCode).toBe(404);
  });

  it('runs an essay contest on the competitions machinery: entries, judging, ranked results', async () => {
    const contest = await secretary.post(`${BASE}/essay-contests`, {
      partyOrgId: partyOrg,
      title: '“我为党旗添光彩”征文',
      theme: '讲述身边的共产党员故事',
      startDate: '2026-05-01',
      endDate: '2026-05-31',
    });
    expect(contest.statusCode, contest.body).toBe(201);
    const id = contest.json().id;
    for (const [key, title] of [
      ['a', '守护万家灯火'],
      ['b', '社区里的红色印记'],
      ['c', '一枚党徽的重量'],
    ] as const) {
      const res = await secretary.post(`${BASE}/essay-contests/${id}/essays`, { personId: people[key], title });
      expect(res.statusCode, res.body).toBe(201);
    }
    const twice = await secretary.post(`${BASE}/essay-contests/${id}/essays`, { personId: people.a, title: '第二篇' });
    expect(twice.json().error.code).toBe('COMPETITION_PERSON_ENTERED');
    expect((await secretary.post(`${BASE}/essay-contests/${id}/essays`, { personId: people.x, title: '越权' })).statusCode).toBe(404);

    const essays = (await secretary.get(`${BASE}/essay-contests/${id}`)).json().essays as { id: string; name: string }[];
    const essayOf = (name: string) => essays.find((e) => e.name === name)!.id;
    const scored = await secretary.put(`${BASE}/essay-contests/${id}/scores`, {
      scores: [
        { essayId: essayOf('王芳'), score: 92 },
        { essayId: essayOf('李强'), score: 88.5 },
        { essayId: essayOf('赵敏'), score: 92 },
      ],
    });
    expect(scored.statusCode, scored.body).toBe(200);
    // Equal scores share a place and the next is skipped: 92, 92, 88.5 → 1, 1, 3.
    expect(
      scored
        .json()
        .essays.map((e: { name: string; rank: number }) => [e.name, e.rank])
        .sort(),
    ).toEqual([
      ['李强', 3],
      ['王芳', 1],
      ['赵敏', 1],
    ]);
    const published = await secretary.post(`${BASE}/essay-contests/${id}/publish`);
    expect(published.json().status).toBe('published');
    expect(await competitionResultsOf(t.ctx.db, people.b)).toEqual([
      expect.objectContaining({ eventTitle: '“我为党旗添光彩”征文', itemName: '征文', score: 88.5, rank: 3, entrants: 3 }),
    ]);
    expect((await secretary.post(`${BASE}/essay-contests/${id}/essays`, { personId: people.c, title: '迟到' })).statusCode).toBe(409);
    expect((await otherBranch.get(`${BASE}/essay-contests/${id}`)).statusCode).toBe(404);
    expect((await otherBranch.get(`${BASE}/essay-contests`)).json().items).toHaveLength(0);
  });

  it('nominates 好党员 into an exemplar campaign: quota, workflow review, voting, announcement into the library', async () => {
    const campaign = await secretary.post(`${BASE}/selection-campaigns`, {
      kind: 'good_member',
      title: '2026年度“好党员”评选',
      year: 2026,
      criteria: '政治坚定，业绩突出，群众公认',
      orgId: branch,
      quotaPerUnit: 1,
      maxChoices: 1,
    });
    expect(campaign.statusCode, campaign.body).toBe(201);
    expect(campaign.json()).toMatchObject({ kind: 'good_member', status: 'nominating' });
    const campaignId = campaign.json().id;
    const nominate = (personId: string) =>
      secretary.post(`${BASE}/selections`, { campaignId, partyOrgId: partyOrg, title: '扎根社区的好党员', personId, reason: '十年如一日' });
    const first = await nominate(people.a);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      kind: 'good_member',
      personName: '王芳',
      status: 'in_review',
      campaignTitle: '2026年度“好党员”评选',
    });
    expect(first.json().caseId).toBeTruthy();
    // The branch quota is the exemplar machinery's: one per branch.
    expect((await nominate(people.b)).json().error.code).toBe('EXEMPLAR_QUOTA_FULL');
    expect((await otherBranch.get(`${BASE}/selections`)).json().items).toHaveLength(0);
    expect(
      (await otherBranch.post(`${BASE}/selections`, { campaignId, partyOrgId: partyOrg, title: 'x', personId: people.a, reason: 'x' }))
        .statusCode,
    ).toBe(404);

    expect((await city.post(`/api/v1/workflow/cases/${first.json().caseId}/approve`, {})).statusCode).toBe(200);
    expect((await secretary.get(`${BASE}/selections`)).json().items[0].status).toBe('approved');
    const candidate = (await city.get(`/api/v1/exemplars/campaigns/${campaignId}`)).json().items[0].id;
    expect((await city.post(`/api/v1/exemplars/campaigns/${campaignId}/open-voting`)).statusCode).toBe(200);
    expect((await city.post(`/api/v1/exemplars/campaigns/${campaignId}/ballots`, { candidateIds: [candidate] })).statusCode).toBe(201);
    expect((await city.post(`/api/v1/exemplars/campaigns/${campaignId}/close-voting`)).statusCode).toBe(200);
    expect((await city.post(`/api/v1/exemplars/campaigns/${campaignId}/announce`, { winnerIds: [candidate] })).statusCode).toBe(200);
    expect((await secretary.get(`${BASE}/selections`)).json().items[0].status).toBe('selected');
    const library = (await city.get('/api/v1/exemplars/library')).json();
    expect(JSON.stringify(library)).toContain('2026年度“好党员”');
    // A campaign of another kind (最美警察) is not a party selection.
    const other = await city.post('/api/v1/exemplars/campaigns', {
      title: '最美警察',
      kind: '最美警察',
      year: 2026,
      criteria: 'x',
      quotaPerUnit: 1,
      maxChoices: 1,
      publicVoting: false,
      orgId: branch,
    });
    expect((await secretary.get(`${BASE}/selection-campaigns`)).json().items.map((c: { id: string }) => c.id)).toEqual([campaignId]);
    const wrongKind = await secretary.post(`${BASE}/selections`, {
      campaignId: other.json().id,
      partyOrgId: partyOrg,
      title: 'x',
      personId: people.c,
      reason: 'x',
    });
    expect(wrongKind.json().error.code).toBe('PARTY_CAMPAIGN_NOT_FOUND');
  });
});
