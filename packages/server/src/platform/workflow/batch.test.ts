import { passwordPolicies } from '@zhenggong/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrg, makeRole, makeUser } from '../../test-support/factories.ts';
import { createTestApp, dialects, login, type Client, type TestApp } from '../../test-support/test-app.ts';
import { newId } from '../ids.ts';
import { submitCase } from './engine.ts';
import { registerCaseKind } from './registry.ts';
import { makePerson } from './workflow-test-support.ts';

// One branch-level approval step: the branch's approvers decide, nobody else.
registerCaseKind({
  kind: 'test.batch',
  module: 'test',
  defaultSteps: [{ name: '分局审核', type: 'approval', permission: 'personnel:approve', orgLevel: 'subject_branch', mode: 'any' }],
  onDecided: async () => {},
});

describe.each(dialects)('batch decisions (批量审批) on %s', (dialect) => {
  let t: TestApp;
  let approverA: Client;
  let ids: Record<string, string>;
  const PW = 'Wf#Pass12345';

  const submit = (title: string, personId: string, orgId: string, by: string) =>
    t.ctx.db
      .transaction()
      .execute((trx) =>
        submitCase(
          trx,
          t.ctx,
          { userId: by, username: 'x', role: null, ip: null, requestId: null },
          { kind: 'test.batch', refId: newId(), title, subjectPersonId: personId, subjectName: title, subjectOrgId: orgId },
        ),
      );
  const caseRow = (id: string) => t.ctx.db.selectFrom('wf_case').select(['status']).where('id', '=', id).executeTakeFirstOrThrow();
  const batch = (body: object) => approverA.post('/api/v1/workflow/cases/batch', body);

  beforeAll(async () => {
    t = await createTestApp(dialect, { passwordPolicy: { ...passwordPolicies.mlps3, maxAgeDays: 0 } });
    const root = await makeOrg(t.ctx, null, '示例市公安局', { type: 'city_bureau' });
    const a = await makeOrg(t.ctx, root, '上城分局');
    const aOffice = await makeOrg(t.ctx, a, '上城分局政治处', { isUnit: false });
    const aStation = await makeOrg(t.ctx, a, '湖滨派出所', { type: 'station' });
    const b = await makeOrg(t.ctx, root, '西湖分局');
    const bOffice = await makeOrg(t.ctx, b, '西湖分局政治处', { isUnit: false });
    const bStation = await makeOrg(t.ctx, b, '北山派出所', { type: 'station' });
    const approve = await makeRole(t.ctx, 'branch-approver', ['personnel:approve', 'personnel:read'], 'org_and_below');
    ids = {
      aStation,
      bStation,
      officerA: await makeUser(t.ctx, 'officer-a', aStation, PW),
      officerB: await makeUser(t.ctx, 'officer-b', bStation, PW),
      approverA: await makeUser(t.ctx, 'approver-a', aOffice, PW, [approve]),
      colleagueA: await makeUser(t.ctx, 'colleague-a', aOffice, PW, [approve]),
      approverB: await makeUser(t.ctx, 'approver-b', bOffice, PW, [approve]),
      personA: await makePerson(t.ctx, '王芳', aStation, 2),
      personA2: await makePerson(t.ctx, '陈静', aStation, 3),
      personB: await makePerson(t.ctx, '李强', bStation, 4),
    };
    approverA = await login(t.app, 'approver-a', PW);
  });
  afterAll(() => t.close());

  it('approves what is the caller’s to decide and refuses, case by case, self-approval, another branch and the already decided', async () => {
    const first = await submit('王芳 请假', ids.personA!, ids.aStation!, ids.officerA!);
    const second = await submit('陈静 请假', ids.personA2!, ids.aStation!, ids.officerA!);
    const own = await submit('本人提交', ids.personA2!, ids.aStation!, ids.approverA!);
    const other = await submit('李强 请假', ids.personB!, ids.bStation!, ids.officerB!);
    const decided = await submit('已审批', ids.personA!, ids.aStation!, ids.officerA!);
    const colleague = await login(t.app, 'colleague-a', PW);
    expect((await colleague.post(`/api/v1/workflow/cases/${decided}/approve`, {})).statusCode).toBe(200);

    const res = await batch({ caseIds: [first, second, own, other, decided], action: 'approve', comment: '同意' });
    expect(res.statusCode).toBe(200);
    const body = res.json<{ decided: number; refused: number; results: { caseId: string; outcome: string; error?: { code: string } }[] }>();
    expect(body).toMatchObject({ decided: 2, refused: 3 });
    const outcome = new Map(body.results.map((r) => [r.caseId, r.error?.code ?? r.outcome]));
    expect(Object.fromEntries([first, second, own, other, decided].map((id) => [id, outcome.get(id)]))).toEqual({
      [first]: 'approved',
      [second]: 'approved',
      [own]: 'WF_SELF_DECISION',
      [other]: 'WF_CASE_NOT_FOUND',
      [decided]: 'WF_CASE_CLOSED',
    });
    // The refusals say why in the caller's language, and never name the other branch's case.
    expect(body.results.find((r) => r.caseId === own)?.error).toMatchObject({ message: '不能审批本人提交或与本人有关的事项' });
    expect(res.body).not.toContain('李强');
    expect((await caseRow(first)).status).toBe('approved');
    expect((await caseRow(own)).status).toBe('in_progress');
    expect((await caseRow(other)).status).toBe('in_progress');
    // Each approval is on the case's history like a single one, with the batch's comment.
    const history = await t.ctx.db.selectFrom('wf_action').select(['action', 'note']).where('case_id', '=', second).execute();
    expect(history).toContainEqual({ action: 'approve', note: '同意' });
  });

  it('refuses whole a batch of cases the caller cannot see, and leaves them undecided', async () => {
    const other = await submit('李强 休假', ids.personB!, ids.bStation!, ids.officerB!);
    const res = await batch({ caseIds: [other], action: 'approve' });
    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe('WF_CASE_NOT_FOUND');
    expect((await caseRow(other)).status).toBe('in_progress');
  });

  it('returns several cases to their submitters with one reason, and wants that reason', async () => {
    const one = await submit('王芳 更正', ids.personA!, ids.aStation!, ids.officerA!);
    const two = await submit('陈静 更正', ids.personA2!, ids.aStation!, ids.officerA!);
    const missing = await batch({ caseIds: [one, two], action: 'return', comment: '  ' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.code).toBe('WF_REASON_REQUIRED');
    const res = await batch({ caseIds: [one, two], action: 'return', comment: '材料不全' });
    expect(res.json()).toMatchObject({ decided: 2, refused: 0 });
    expect([(await caseRow(one)).status, (await caseRow(two)).status]).toEqual(['returned', 'returned']);
  });

  it('caps a batch at 100 cases', async () => {
    const res = await batch({ caseIds: Array.from({ length: 101 }, () => newId()), action: 'approve' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });
});
