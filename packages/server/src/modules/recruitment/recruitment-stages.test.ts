import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrg, makeRole, makeUser } from '../../test-support/factories.ts';
import { createTestApp, dialects, login, type Client, type TestApp } from '../../test-support/test-app.ts';
import { form, publishedAnnouncement, recordingSender, registerApplicant, type PortalClient } from './recruitment-test-support.ts';

const PW = 'Recruit#Pass123';
const R = '/api/v1/recruitment';

/**
 * After the ranking: 体检, 公示 on the platform workflow (working days, objections), drop-outs and
 * 递补 from the ranking. Five applicants of one post ranked A > B > C > D, E failed a gate.
 */
describe.each(dialects)('recruitment 体检, 公示 objections and 递补 on %s', (dialect) => {
  let t: TestApp;
  let clerk: Client;
  let checker: Client;
  let unit: string;
  let announcementId: string;
  const sender = recordingSender();
  const ids: Record<'A' | 'B' | 'C' | 'D' | 'E', string> = { A: '', B: '', C: '', D: '', E: '' };
  let portalC: PortalClient;
  let until = '';

  const stages = async (id: string) => (await clerk.get(`${R}/applications/${id}/stages`)).json();
  const hire = (c: Client, id: string, headers: Record<string, string> = {}) =>
    c.request({ method: 'POST', url: `${R}/applications/${id}/hire`, payload: { orgId: unit, startDate: '2026-06-20' }, headers });
  const medical = (id: string, result: string, note?: string) =>
    clerk.post(`${R}/applications/${id}/medical`, { result, date: '2026-06-01', institution: '上城区人民医院', ...(note ? { note } : {}) });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const root = await makeOrg(t.ctx, null, '示例市公安局', { type: 'city_bureau' });
    const bureau = await makeOrg(t.ctx, root, '上城分局');
    unit = await makeOrg(t.ctx, bureau, '清波派出所', { type: 'station' });
    const all = ['recruitment:read', 'recruitment:write', 'recruitment:review', 'recruitment:score', 'recruitment:hire', 'personnel:read'];
    const role = await makeRole(t.ctx, 'recruiter', all, 'org_and_below');
    await makeUser(t.ctx, 'clerk', bureau, PW, [role]);
    await makeUser(t.ctx, 'checker', bureau, PW, [role]);
    clerk = await login(t.app, 'clerk', PW);
    checker = await login(t.app, 'checker', PW);
    let postId: string;
    ({ announcementId, postId } = await publishedAnnouncement(clerk, bureau, unit));
    const scores: [keyof typeof ids, number, number][] = [
      ['A', 90, 80],
      ['B', 85, 80],
      ['C', 80, 80],
      ['D', 75, 80],
      ['E', 95, 50],
    ];
    for (const [i, [key, written, physical]] of scores.entries()) {
      const a = await registerApplicant(t, sender, `1381111000${i}`);
      const res = await a.post('/api/v1/portal/applications', form(postId, { name: `考生${key}` }), { 'idempotency-key': `stages-${i}` });
      expect(res.statusCode, res.body).toBe(201);
      ids[key] = res.json().id;
      if (key === 'C') portalC = a;
      expect((await clerk.post(`${R}/applications/${ids[key]}/approve`)).statusCode).toBe(200);
      const s = await clerk.put(`${R}/applications/${ids[key]}/scores`, { written, interview: 80, physical, background: 90 });
      expect(s.statusCode, s.body).toBe(200);
    }
  });
  afterAll(() => t.close());

  it('体检: 复检 waits, 不合格 needs the reason and drops the applicant (who sees why), only 合格 go on 公示', async () => {
    const sl = await clerk.post(`${R}/announcements/${announcementId}/shortlist`, { applicationIds: [ids.A, ids.B, ids.C] });
    expect(sl.json()).toEqual({ shortlisted: 3 });
    expect((await medical(ids.A, 'pass')).json()).toMatchObject({ status: 'medical_passed' });
    expect((await medical(ids.B, 'recheck')).json()).toMatchObject({ status: 'shortlisted', medical: { result: 'recheck' } });
    // Nobody has been put on the list before passing 体检.
    expect((await clerk.post(`${R}/announcements/${announcementId}/publicity`)).json()).toEqual({ publicized: 1 });
    expect((await medical(ids.B, 'pass')).json()).toMatchObject({ status: 'medical_passed', medical: { result: 'pass' } });
    const noReason = await medical(ids.C, 'fail');
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.code).toBe('RECRUIT_MEDICAL_REASON_REQUIRED');
    const failed = await medical(ids.C, 'fail', '血压复测仍高于标准');
    expect(failed.json()).toMatchObject({
      status: 'dropped',
      medical: { result: 'fail', institution: '上城区人民医院' },
      drop: { kind: 'medical_failed', reason: '血压复测仍高于标准' },
    });
    const mine = (await portalC.get('/api/v1/portal/applications')).json()[0];
    expect(mine).toMatchObject({ status: 'dropped', rejectReason: '血压复测仍高于标准' });
    expect((await medical(ids.C, 'pass')).json().error.code).toBe('RECRUIT_STATUS_CONFLICT');
    expect((await clerk.post(`${R}/announcements/${announcementId}/publicity`)).json()).toEqual({ publicized: 1 });
    const a = await stages(ids.A);
    expect(a.publicity).toMatchObject({ status: 'in_progress', objections: [] });
    until = a.publicity.noticeEndsOn;
    // 5 working days from Monday 2026-06-01 on the official calendar.
    expect(until).toBe('2026-06-08');
  });

  it('refuses a hire before the notice ends, in the caller’s language', async () => {
    const zh = await hire(clerk, ids.A);
    expect(zh.statusCode).toBe(409);
    expect(zh.json().error).toMatchObject({ code: 'RECRUIT_PUBLICITY_RUNNING', details: { until } });
    expect(zh.json().error.message).toBe(`公示期至 ${until} 结束，公示期满后方可录用`);
    const en = await hire(clerk, ids.A, { 'accept-language': 'en-US' });
    expect(en.json().error.message).toBe(`The publicity period runs until ${until}; hire after it has ended`);
  });

  it('an objection is the workflow’s: not by who opened the 公示; open, it holds the hire; upheld, the applicant drops', async () => {
    const objection = { raisedBy: '群众张某（来电）', content: '反映该考生曾有吸毒史', receivedOn: '2026-06-02' };
    const own = await clerk.post(`${R}/applications/${ids.A}/objections`, objection);
    expect(own.json().error.code).toBe('WF_SELF_DECISION');
    const raised = await checker.post(`${R}/applications/${ids.A}/objections`, objection);
    expect(raised.statusCode, raised.body).toBe(200);
    expect(raised.json().publicity.objections).toEqual([
      expect.objectContaining({ status: 'open', text: '群众张某（来电）（2026-06-02）：反映该考生曾有吸毒史' }),
    ]);
    const onB = await checker.post(`${R}/applications/${ids.B}/objections`, { ...objection, content: '反映该考生学历证书系伪造' });
    const bObjection = onB.json().publicity.objections[0].id as string;
    const upheld = await checker.post(`${R}/applications/${ids.B}/objections/${bObjection}/resolve`, {
      uphold: true,
      resolution: '经核查学历证书不实，取消录用资格',
    });
    expect(upheld.json()).toMatchObject({
      status: 'dropped',
      drop: { kind: 'objection_upheld', reason: '经核查学历证书不实，取消录用资格' },
      publicity: { status: 'rejected' },
    });
    expect((await hire(clerk, ids.B)).json().error.code).toBe('RECRUIT_STATUS_CONFLICT');

    // The period is over, but A's objection is still open.
    t.clock.set(new Date(Date.parse(`${until}T02:00:00Z`) + 86_400_000));
    clerk = await login(t.app, 'clerk', PW);
    checker = await login(t.app, 'checker', PW);
    const held = await hire(clerk, ids.A);
    expect(held.statusCode).toBe(409);
    expect(held.json().error.code).toBe('RECRUIT_OBJECTION_OPEN');
    const aObjection = (await stages(ids.A)).publicity.objections[0].id as string;
    // Only an approver of the 公示 step who did not open it resolves.
    const byOpener = await clerk.post(`${R}/applications/${ids.A}/objections/${aObjection}/resolve`, { uphold: false, resolution: 'x' });
    expect(byOpener.json().error.code).toBe('WF_SELF_DECISION');
    const dismissed = await checker.post(`${R}/applications/${ids.A}/objections/${aObjection}/resolve`, {
      uphold: false,
      resolution: '经核查无吸毒记录，异议不成立',
    });
    expect(dismissed.json()).toMatchObject({ status: 'publicized', publicity: { status: 'approved' } });
    const hired = await hire(clerk, ids.A);
    expect(hired.statusCode, hired.body).toBe(200);
    expect(hired.json().application.status).toBe('hired');
  });

  it('递补 takes the next in the post’s ranking into 体检, once per drop-out, never beyond the ranking or after the deadline', async () => {
    expect((await clerk.post(`${R}/applications/${ids.A}/replacement`, { reason: 'x' })).json().error.code).toBe('RECRUIT_STATUS_CONFLICT');
    const first = await clerk.post(`${R}/applications/${ids.C}/replacement`, { reason: '考生C体检不合格，按排名递补' });
    expect(first.statusCode, first.body).toBe(200);
    // B and C dropped, A hired: D is next (4th); E failed a gate and is not ranked.
    expect(first.json()).toEqual({ applicationId: ids.D, name: '考生D', rank: 4 });
    expect(await stages(ids.D)).toMatchObject({
      status: 'shortlisted',
      medical: null,
      replaces: { applicationId: ids.C, name: '考生C', reason: '考生C体检不合格，按排名递补' },
    });
    expect((await stages(ids.C)).replacedBy).toEqual({ applicationId: ids.D, name: '考生D' });
    const twice = await clerk.post(`${R}/applications/${ids.C}/replacement`, { reason: '再次递补' });
    expect(twice.json().error.code).toBe('RECRUIT_ALREADY_REPLACED');
    const beyond = await clerk.post(`${R}/applications/${ids.B}/replacement`, { reason: '考生B异议成立，按排名递补' });
    expect(beyond.statusCode).toBe(409);
    expect(beyond.json().error.code).toBe('RECRUIT_REPLACEMENT_EXHAUSTED');
    const patched = await clerk.patch(`${R}/announcements/${announcementId}`, { replacementUntil: '2026-06-05' });
    expect(patched.json().replacementUntil).toBe('2026-06-05');
    const late = await clerk.post(`${R}/applications/${ids.B}/replacement`, { reason: '考生B异议成立，按排名递补' });
    expect(late.json().error).toMatchObject({ code: 'RECRUIT_REPLACEMENT_CLOSED', details: { until: '2026-06-05' } });
    // The replacement goes through 体检 like anyone chosen; giving up afterwards is a drop-out too.
    expect((await medical(ids.D, 'pass')).json().status).toBe('medical_passed');
    const gaveUp = await clerk.post(`${R}/applications/${ids.D}/drop`, { kind: 'gave_up', reason: '本人书面声明放弃' });
    expect(gaveUp.json()).toMatchObject({ status: 'dropped', drop: { kind: 'gave_up', reason: '本人书面声明放弃' } });
  });
});
