import { passwordPolicies } from '@zhenggong/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrg, makeRole, makeUser } from '../../test-support/factories.ts';
import { createTestApp, dialects, login, type Client, type TestApp } from '../../test-support/test-app.ts';
import { verifyAuditChain } from '../audit/audit-service.ts';
import { advanceNotices, remindOverdue } from './due-work.ts';
import { submitCase } from './engine.ts';
import { registerCaseKind, type CaseOutcome } from './registry.ts';
import { linkAccount, makePerson } from './workflow-test-support.ts';

/** What the test kinds' onDecided hook saw, per case: proves the module hook runs exactly once. */
const decided = new Map<string, CaseOutcome>();
// A commendation-like kind: the branch, then the city, then a 5-working-day public notice (公示).
registerCaseKind({
  kind: 'test.commendation',
  module: 'test',
  defaultSteps: [
    {
      name: '分局审核',
      type: 'approval',
      permission: 'personnel:approve',
      orgLevel: 'subject_branch',
      mode: 'any',
      deadlineWorkingDays: 3,
    },
    { name: '市局审批', type: 'approval', permission: 'personnel:approve', orgLevel: 'city', mode: 'any' },
    { name: '公示', type: 'notice', permission: 'personnel:approve', orgLevel: 'city', mode: 'any', noticeWorkingDays: 5 },
  ],
  onDecided: async (h) => {
    decided.set(h.caseRow.id, h.outcome);
  },
});
// Joint sign-off (会签): every approver of the branch must approve.
registerCaseKind({
  kind: 'test.joint',
  module: 'test',
  defaultSteps: [{ name: '会签', type: 'approval', permission: 'personnel:approve', orgLevel: 'subject_branch', mode: 'all' }],
  onDecided: async (h) => {
    decided.set(h.caseRow.id, h.outcome);
  },
});

describe.each(dialects)('approvals workflow on %s', (dialect) => {
  let t: TestApp;
  let officer: Client;
  let branchA: Client;
  let branchB: Client;
  let city: Client;
  let deputy: Client;
  let ids: Record<string, string>;
  const PW = 'Wf#Pass12345';

  /** Beijing 10:00 on the given date; sessions time out over such jumps, so everyone logs in again. */
  const setDay = async (date: string) => {
    t.clock.set(new Date(`${date}T02:00:00.000Z`));
    const names = ['officer', 'approver-a', 'approver-b', 'city', 'deputy'] as const;
    const [o, a, b, c, d] = await Promise.all(names.map((u) => login(t.app, u, PW)));
    if (!o || !a || !b || !c || !d) throw new Error('login failed');
    [officer, branchA, branchB, city, deputy] = [o, a, b, c, d];
  };

  const submit = async (kind: string, title: string, subjectPersonId: string, subjectOrgId: string, by = ids.officerUser!) =>
    t.ctx.db
      .transaction()
      .execute((trx) =>
        submitCase(
          trx,
          t.ctx,
          { userId: by, username: 'x', role: null, ip: null, requestId: null },
          { kind, refId: subjectPersonId, title, subjectPersonId, subjectName: title, subjectOrgId },
        ),
      );
  const detail = async (c: Client, caseId: string) => (await c.get(`/api/v1/workflow/cases/${caseId}`)).json();
  const pending = async (c: Client) =>
    (await c.get('/api/v1/workflow/todo?box=pending')).json().items.map((i: { caseId: string }) => i.caseId);

  beforeAll(async () => {
    // Months pass in these tests: password expiry (mlps3, 90 days) is not what they are about.
    t = await createTestApp(dialect, { passwordPolicy: { ...passwordPolicies.mlps3, maxAgeDays: 0 } });
    const root = await makeOrg(t.ctx, null, '示例市公安局', { type: 'city_bureau' });
    const branch = await makeOrg(t.ctx, root, '上城分局');
    const office = await makeOrg(t.ctx, branch, '上城分局政治处', { isUnit: false });
    const station = await makeOrg(t.ctx, branch, '湖滨派出所', { type: 'station' });
    const approve = await makeRole(t.ctx, 'branch-approver', ['personnel:approve', 'personnel:read', 'workflow:delegate'], 'org_and_below');
    const cityRole = await makeRole(
      t.ctx,
      'city-approver',
      ['personnel:approve', 'personnel:read', 'personnel:write', 'workflow:calendar'],
      'all',
    );
    const plain = await makeRole(t.ctx, 'plain', ['personnel:read'], 'org');
    ids = {
      root,
      branch,
      station,
      officerUser: await makeUser(t.ctx, 'officer', station, PW),
      branchAUser: await makeUser(t.ctx, 'approver-a', office, PW, [approve]),
      branchBUser: await makeUser(t.ctx, 'approver-b', office, PW, [approve]),
      cityUser: await makeUser(t.ctx, 'city', root, PW, [cityRole]),
      deputyUser: await makeUser(t.ctx, 'deputy', office, PW, [plain]),
      officerPerson: await makePerson(t.ctx, '王芳', station, 2),
      approverPerson: await makePerson(t.ctx, '李强', office, 3),
    };
    await linkAccount(t.ctx, ids.officerUser!, ids.officerPerson!);
    await linkAccount(t.ctx, ids.branchAUser!, ids.approverPerson!);
    await setDay('2026-06-01');
  });
  afterAll(() => t.close());

  it('runs a two-step chain and a 5-working-day notice over National Day and the make-up Saturday to 13 October', async () => {
    await setDay('2026-09-28');
    const caseId = await submit('test.commendation', '王芳 嘉奖', ids.officerPerson!, ids.station!);
    // Both branch approvers have it; the officer (submitter and subject) does not.
    expect(await pending(branchA)).toContain(caseId);
    expect(await pending(branchB)).toContain(caseId);
    expect(await pending(officer)).not.toContain(caseId);
    expect((await branchA.get('/api/v1/workflow/todo/counts')).json()).toMatchObject({ pending: 1, unreadNotifications: 1 });
    const first = await detail(branchA, caseId);
    // Its 3-working-day deadline skips the holiday too: 29 Sep, 30 Sep, 8 Oct.
    expect(first).toMatchObject({
      currentStep: { index: 0, name: '分局审核' },
      deadline: '2026-10-08',
      subject: { orgName: '湖滨派出所' },
    });
    expect(first.actions).toEqual(expect.arrayContaining(['approve', 'reject', 'return']));

    expect((await branchA.post(`/api/v1/workflow/cases/${caseId}/approve`, { comment: '同意' })).statusCode).toBe(200);
    // Any-of: the other branch approver's task is gone.
    expect(await pending(branchB)).not.toContain(caseId);
    expect((await branchB.post(`/api/v1/workflow/cases/${caseId}/approve`, {})).json().error.code).toBe('WF_NOT_YOUR_TURN');
    expect(await pending(city)).toContain(caseId);

    await setDay('2026-09-30');
    expect((await city.post(`/api/v1/workflow/cases/${caseId}/approve`, {})).statusCode).toBe(200);
    const notice = await detail(officer, caseId);
    // 8 Oct (Thu), 9 Oct (Fri), 10 Oct (make-up Sat), 12 Oct (Mon), 13 Oct (Tue).
    expect(notice).toMatchObject({ status: 'in_progress', currentStep: { index: 2, type: 'notice' }, noticeEndsOn: '2026-10-13' });

    // Still running through the evening of its last day (Beijing time), over the moment after.
    expect(await advanceNotices(t.ctx, new Date('2026-10-13T15:59:00Z'))).toBe(0);
    expect(await advanceNotices(t.ctx, new Date('2026-10-13T16:01:00Z'))).toBe(1);
    const done = await detail(officer, caseId);
    expect(done.status).toBe('approved');
    expect(decided.get(caseId)).toBe('approved');
    // The submitter sees the whole history, and every action is in the audit chain.
    expect(done.history.map((h: { action: string }) => h.action)).toEqual(['submit', 'approve', 'approve', 'notice_start', 'notice_end']);
    const audited = await t.ctx.db.selectFrom('audit_log').select('event_type').where('object_id', '=', caseId).orderBy('seq').execute();
    expect(audited.map((a) => a.event_type)).toEqual([
      'workflow.submit',
      'workflow.approve',
      'workflow.approve',
      'workflow.notice_start',
      'workflow.notice_end',
    ]);
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);
    // The result is under the officer's 已办, and the bell told them.
    expect((await officer.get('/api/v1/workflow/todo?box=done')).json().items.map((i: { caseId: string }) => i.caseId)).toContain(caseId);
    const bell = (await officer.get('/api/v1/workflow/notifications?unread=true')).json();
    expect(bell.items.map((n: { title: string }) => n.title)).toEqual(expect.arrayContaining(['已通过：王芳 嘉奖']));
  });

  it('holds a case whose notice drew an objection until the objection is resolved', async () => {
    await setDay('2026-09-30');
    const caseId = await submit('test.commendation', '王芳 三等功', ids.officerPerson!, ids.station!);
    await branchB.post(`/api/v1/workflow/cases/${caseId}/approve`, {});
    await city.post(`/api/v1/workflow/cases/${caseId}/approve`, {});
    // The submitter cannot object to their own case; a colleague who sees it can.
    expect((await officer.post(`/api/v1/workflow/cases/${caseId}/objections`, { text: 'x' })).json().error.code).toBe('WF_SELF_DECISION');
    expect((await branchA.post(`/api/v1/workflow/cases/${caseId}/objections`, { text: '事迹材料与实际不符' })).statusCode).toBe(200);
    expect(await advanceNotices(t.ctx, new Date('2026-10-14T02:00:00Z'))).toBe(0);
    await setDay('2026-10-14');
    const held = await detail(city, caseId);
    expect(held).toMatchObject({ status: 'in_progress', currentStep: { type: 'notice' } });
    expect(held.actions).toContain('resolve_objection');
    const objectionId = held.objections[0].id;
    // Resolving needs the notice step's authority: the officer has none.
    expect((await officer.post(`/api/v1/workflow/cases/${caseId}/objections/${objectionId}/resolve`, { resolution: 'x' })).statusCode).toBe(
      403,
    );
    expect(
      (await city.post(`/api/v1/workflow/cases/${caseId}/objections/${objectionId}/resolve`, { resolution: '经核实，事迹属实' }))
        .statusCode,
    ).toBe(200);
    // The period had already run: resolving the last objection lets the case go on at once.
    expect((await detail(officer, caseId)).status).toBe('approved');
    expect(decided.get(caseId)).toBe('approved');
  });

  it('refuses self-approval: nobody decides a correction they requested, even holding personnel:approve', async () => {
    await setDay('2026-06-01');
    // approver-a is linked to 李强 and holds personnel:approve over the branch — the hole of the old code.
    const mine = await branchA.post('/api/v1/personnel/me/corrections', { changes: { degree: '法学硕士' }, reason: '学位变更' });
    expect(mine.statusCode, mine.body).toBe(201);
    const caseId = mine.json().caseId;
    expect(await pending(branchA)).not.toContain(caseId);
    expect(await pending(branchB)).toContain(caseId);
    const self = await branchA.post(`/api/v1/workflow/cases/${caseId}/approve`, {});
    expect(self.statusCode).toBe(403);
    expect(self.json().error.code).toBe('WF_SELF_DECISION');
    expect(self.json().error.message).toBe('不能审批本人提交或与本人有关的事项');
    // Someone else's case about 李强 (submitted by the city) is refused to him too.
    const about = await submit('test.commendation', '李强 嘉奖', ids.approverPerson!, ids.branch!, ids.cityUser!);
    expect(await pending(branchA)).not.toContain(about);
    expect((await branchA.post(`/api/v1/workflow/cases/${about}/approve`, {})).json().error.code).toBe('WF_SELF_DECISION');
    // The other approver decides the correction; the change lands in the record.
    expect((await branchB.post(`/api/v1/workflow/cases/${caseId}/approve`, {})).statusCode).toBe(200);
    const row = await t.ctx.db.selectFrom('person').select('degree').where('id', '=', ids.approverPerson!).executeTakeFirstOrThrow();
    expect(row.degree).toBe('法学硕士');
    expect((await branchA.get('/api/v1/personnel/me/corrections')).json()[0].status).toBe('approved');
    expect((await city.post(`/api/v1/workflow/cases/${about}/withdraw`, {})).statusCode).toBe(200);
  });

  it('lets a delegate decide for the approver during the period, in the approver’s name too', async () => {
    await setDay('2026-06-02');
    // A delegate outside the delegator's scope is refused; one inside is accepted.
    const outside = await makeUser(t.ctx, 'outsider', ids.root!, PW);
    expect(
      (await branchB.post('/api/v1/workflow/delegations', { toUserId: outside, startsOn: '2026-06-01', endsOn: '2026-06-30' })).statusCode,
    ).toBe(404);
    const given = await branchB.post('/api/v1/workflow/delegations', {
      toUserId: ids.deputyUser,
      startsOn: '2026-06-01',
      endsOn: '2026-06-30',
      reason: '休假',
    });
    expect(given.statusCode, given.body).toBe(201);
    const joint = await submit('test.joint', '联合会签', ids.officerPerson!, ids.station!);
    expect(await pending(deputy)).toContain(joint);
    expect((await deputy.post(`/api/v1/workflow/cases/${joint}/approve`, { comment: '代为同意' })).statusCode).toBe(200);
    // All-of: approver-a has still to sign.
    expect((await detail(officer, joint)).status).toBe('in_progress');
    expect(await pending(deputy)).not.toContain(joint);
    expect((await branchA.post(`/api/v1/workflow/cases/${joint}/approve`, {})).statusCode).toBe(200);
    const done = await detail(officer, joint);
    expect(done.status).toBe('approved');
    expect(done.history.find((h: { onBehalfOfName: string | null }) => h.onBehalfOfName)).toMatchObject({
      actorName: 'deputy',
      onBehalfOfName: 'approver-b',
      note: '代为同意',
    });
    // After the period the delegate has nothing.
    await setDay('2026-07-01');
    const later = await submit('test.joint', '期满后', ids.officerPerson!, ids.station!);
    expect(await pending(deputy)).not.toContain(later);
    expect((await deputy.post(`/api/v1/workflow/cases/${later}/approve`, {})).statusCode).toBe(404);
    await officer.post(`/api/v1/workflow/cases/${later}/withdraw`, {});
  });

  it('returns to the previous step and to the submitter, who resubmits or withdraws', async () => {
    await setDay('2026-06-03');
    const caseId = await submit('test.commendation', '退回测试', ids.officerPerson!, ids.station!);
    await branchA.post(`/api/v1/workflow/cases/${caseId}/approve`, {});
    expect((await branchA.post(`/api/v1/workflow/cases/${caseId}/return`, { to: 'previous', reason: 'x' })).json().error.code).toBe(
      'WF_NOT_YOUR_TURN',
    );
    expect((await city.post(`/api/v1/workflow/cases/${caseId}/return`, { to: 'previous', reason: '请分局补充材料' })).statusCode).toBe(200);
    expect(await pending(branchA)).toContain(caseId);
    expect((await branchA.post(`/api/v1/workflow/cases/${caseId}/return`, { to: 'previous', reason: 'x' })).json().error.code).toBe(
      'WF_NO_PREVIOUS_STEP',
    );
    expect((await branchA.post(`/api/v1/workflow/cases/${caseId}/return`, { to: 'submitter', reason: '事迹不具体' })).statusCode).toBe(200);
    expect((await detail(officer, caseId)).status).toBe('returned');
    expect((await detail(officer, caseId)).actions).toEqual(expect.arrayContaining(['resubmit', 'withdraw']));
    expect(await pending(branchA)).not.toContain(caseId);
    // A returned request waits on its submitter: it is in their to-do box until resubmitted.
    expect(await pending(officer)).toContain(caseId);
    // Only the submitter resubmits.
    expect((await branchA.post(`/api/v1/workflow/cases/${caseId}/resubmit`, {})).json().error.code).toBe('WF_NOT_SUBMITTER');
    expect((await officer.post(`/api/v1/workflow/cases/${caseId}/resubmit`, { comment: '已补充' })).statusCode).toBe(200);
    expect(await pending(branchA)).toContain(caseId);
    expect(await pending(officer)).not.toContain(caseId);
    expect((await officer.post(`/api/v1/workflow/cases/${caseId}/withdraw`, { comment: '不再申请' })).statusCode).toBe(200);
    expect(await pending(branchA)).not.toContain(caseId);
    expect(decided.get(caseId)).toBe('withdrawn');
    expect((await branchA.post(`/api/v1/workflow/cases/${caseId}/approve`, {})).json().error.code).toBe('WF_CASE_CLOSED');
    const actions = (await detail(officer, caseId)).history.map((h: { action: string }) => h.action);
    expect(actions).toEqual(['submit', 'approve', 'return', 'return', 'resubmit', 'withdraw']);
    const audited = await t.ctx.db.selectFrom('audit_log').select('event_type').where('object_id', '=', caseId).execute();
    expect(audited).toHaveLength(actions.length);
    expect((await verifyAuditChain(t.ctx.db)).ok).toBe(true);
  });

  it('rejects with a reason only, and reminds approvers once when the deadline has passed', async () => {
    await setDay('2026-06-04');
    const caseId = await submit('test.commendation', '驳回测试', ids.officerPerson!, ids.station!);
    expect((await branchA.post(`/api/v1/workflow/cases/${caseId}/reject`, {})).statusCode).toBe(400);
    // Deadline: 3 working days after Thu 4 June → Tue 9 June; reminders from 10 June.
    expect((await detail(branchA, caseId)).deadline).toBe('2026-06-09');
    expect(await remindOverdue(t.ctx, new Date('2026-06-09T02:00:00Z'))).toBe(0);
    expect(await remindOverdue(t.ctx, new Date('2026-06-10T02:00:00Z'))).toBe(2);
    expect(await remindOverdue(t.ctx, new Date('2026-06-11T02:00:00Z'))).toBe(0);
    const titles = (await branchA.get('/api/v1/workflow/notifications?pageSize=100')).json().items.map((n: { title: string }) => n.title);
    expect(titles.filter((x: string) => x.startsWith('已逾期'))).toEqual(['已逾期（2026-06-09）：驳回测试']);
    expect((await branchA.post(`/api/v1/workflow/cases/${caseId}/reject`, { reason: '不符合条件' })).statusCode).toBe(200);
    expect(decided.get(caseId)).toBe('rejected');
    const unread = (await branchA.get('/api/v1/workflow/notifications?unread=true&pageSize=100'))
      .json()
      .items.map((n: { id: string }) => n.id);
    const cityNotice = (await city.get('/api/v1/workflow/notifications')).json().items[0].id;
    // Someone else's notice in the list refuses the whole request.
    expect((await branchA.post('/api/v1/workflow/notifications/read', { ids: [...unread, cityNotice] })).statusCode).toBe(404);
    expect((await branchA.post('/api/v1/workflow/notifications/read', { ids: unread })).statusCode).toBe(200);
    expect((await branchA.get('/api/v1/workflow/todo/counts')).json().unreadNotifications).toBe(0);
  });

  it('keeps the calendar as versioned data that staff can correct, and refuses bad years', async () => {
    const seeded = (await officer.get('/api/v1/workflow/calendar/2026')).json();
    expect(seeded).toMatchObject({ version: 1, source: 'chinese-days 1.5.7' });
    expect(seeded.workdays).toEqual(['2026-01-04', '2026-02-14', '2026-02-28', '2026-05-09', '2026-09-20', '2026-10-10']);
    expect((await officer.put('/api/v1/workflow/calendar/2026', { holidays: [], workdays: [] })).statusCode).toBe(403);
    const bad = await city.put('/api/v1/workflow/calendar/2027', { holidays: ['2026-10-01'], workdays: [] });
    expect(bad.json().error.code).toBe('WF_CALENDAR_INVALID');
    const edited = await city.put('/api/v1/workflow/calendar/2027', { holidays: ['2027-01-01'], workdays: [], note: '暂按元旦' });
    expect(edited.json()).toMatchObject({ version: 1, source: 'edited', holidays: ['2027-01-01'] });
    expect(
      (await city.put('/api/v1/workflow/calendar/2027', { holidays: ['2027-01-01', '2027-02-06'], workdays: [] })).json().version,
    ).toBe(2);
    expect((await t.ctx.db.selectFrom('audit_log').select('id').where('event_type', '=', 'workflow.calendar.edit').execute()).length).toBe(
      3 - 1,
    );
  });
});
