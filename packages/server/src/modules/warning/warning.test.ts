import { makeIdNumber } from '@zhenggong/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrg, makeRole, makeUser } from '../../test-support/factories.ts';
import { createTestApp, dialects, login, type Client, type TestApp } from '../../test-support/test-app.ts';
import { createPersonRecord } from '../personnel/people.ts';
import { recordFacts } from './fact-intake.ts';

const W = '/api/v1/warning';
const all = ['warning:read', 'warning:handle', 'warning:configure', 'warning:cockpit', 'warning:report'];

describe.each(dialects)('early warning through HTTP on %s', (dialect) => {
  let t: TestApp;
  let city: Client;
  let leader: Client;
  let plain: Client;
  let officer: Client;
  let branch: string;
  let station: string;
  let other: string;
  let subject: string;
  let outsider: string;
  let alertId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const root = await makeOrg(t.ctx, null, '示例市公安局', { type: 'city_bureau' });
    branch = await makeOrg(t.ctx, root, '上城分局', { type: 'branch' });
    station = await makeOrg(t.ctx, branch, '清波派出所', { type: 'station' });
    other = await makeOrg(t.ctx, root, '拱墅分局', { type: 'branch' });
    const cityRole = await makeRole(t.ctx, 'ew-city', all, 'all');
    const branchRole = await makeRole(
      t.ctx,
      'ew-branch',
      ['warning:read', 'warning:handle', 'warning:cockpit', 'warning:report'],
      'org_and_below',
    );
    const plainRole = await makeRole(t.ctx, 'ew-none', ['personnel:read'], 'all');
    await makeUser(t.ctx, 'ewcity', root, 'Warn#Pass12345', [cityRole]);
    await makeUser(t.ctx, 'ewleader', branch, 'Warn#Pass12345', [branchRole]);
    await makeUser(t.ctx, 'ewplain', root, 'Warn#Pass12345', [plainRole]);
    const officerUser = await makeUser(t.ctx, 'ewofficer', station, 'Warn#Pass12345', []);
    let serial = 10;
    const person = async (name: string, org: string) =>
      (
        await t.ctx.db
          .transaction()
          .execute((trx) =>
            createPersonRecord(
              trx,
              t.ctx,
              { kind: 'officer', name, idNumber: makeIdNumber('330102', '1990-03-04', serial++), orgId: org, post: '社区民警' },
              '2020-01-01',
            ),
          )
      ).id;
    subject = await person('陈小明', station);
    for (let i = 0; i < 25; i++) await person(`同事${i}`, station);
    outsider = await person('外分局', other);
    await t.ctx.db.updateTable('app_user').set({ person_id: subject }).where('id', '=', officerUser).execute();
    await t.ctx.db.transaction().execute((trx) =>
      recordFacts(trx, t.ctx, [
        ...['2026-01-05', '2026-02-10', '2026-03-15', '2026-04-02'].map((d) => ({
          personId: subject,
          kind: 'complaint' as const,
          eventDate: d,
          knownDate: d,
          value: 1,
        })),
        ...['2026-02-05', '2026-03-05', '2026-04-05'].map((d) => ({
          personId: outsider,
          kind: 'complaint' as const,
          eventDate: d,
          knownDate: d,
          value: 1,
        })),
        { personId: subject, kind: 'overtime', eventDate: '2026-04-28', knownDate: '2026-04-28', value: 72 },
      ]),
    );
    city = await login(t.app, 'ewcity', 'Warn#Pass12345');
    leader = await login(t.app, 'ewleader', 'Warn#Pass12345');
    plain = await login(t.app, 'ewplain', 'Warn#Pass12345');
    officer = await login(t.app, 'ewofficer', 'Warn#Pass12345');
  });
  afterAll(() => t.close());

  it('runs a month on request (city-wide only) and opens explained alerts', async () => {
    expect((await city.post(`${W}/runs`, { asOf: '2026-04-15' })).json().error.code).toBe('WARN_DATE');
    expect((await leader.post(`${W}/runs`, { asOf: '2026-04-30' })).statusCode).toBe(403);
    const run = await city.post(`${W}/runs`, { asOf: '2026-04-30' });
    expect(run.statusCode, run.body).toBe(200);
    expect(run.json().alertsOpened).toBeGreaterThanOrEqual(2);
    const list = (await leader.get(`${W}/alerts?status=open`)).json();
    expect([...new Set(list.items.map((a: { personName: string }) => a.personName))]).toEqual(['陈小明']);
    expect(list.items.map((a: { policyCode: string }) => a.policyCode).sort()).toEqual(['ABS_COMPLAINT', 'ABS_OVERTIME', 'PEER_COMPLAINT']);
    const alert = list.items.find((a: { policyCode: string }) => a.policyCode === 'ABS_COMPLAINT');
    expect(alert.sentence).toContain('近12个月被投诉次数为 4 次');
    expect(alert.sentence).toContain('预警线 3 次');
    // The peer group is named in words a political instructor reads aloud, not by the unit type's code.
    expect(alert.sentence).toContain('与同类人员（民警·派出所·社区民警，26 人');
    alertId = alert.id;
  });

  it('refuses warnings to roles without the permission and answers 404 outside scope, auditing every view', async () => {
    expect((await plain.get(`${W}/alerts`)).statusCode).toBe(403);
    expect((await plain.get(`${W}/alerts/${alertId}`)).statusCode).toBe(403);
    expect((await officer.get(`${W}/alerts`)).statusCode).toBe(403);
    const outsiderAlert = (await city.get(`${W}/alerts?orgId=${other}`)).json().items[0];
    expect((await leader.get(`${W}/alerts/${outsiderAlert.id}`)).statusCode).toBe(404);
    const detail = await leader.get(`${W}/alerts/${alertId}`);
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json().disclaimer).toContain('不作为处分依据');
    expect(detail.json().evidence.sources.length).toBe(4);
    const views = await t.ctx.db.selectFrom('audit_log').select('event_type').where('event_type', '=', 'warning.alert.view').execute();
    expect(views.length).toBeGreaterThanOrEqual(1);
  });

  it('takes an alert through consultation, a talk and follow-up to closure approved by someone else', async () => {
    const early = await leader.post(`${W}/alerts/${alertId}/consultations`, {
      date: '2026-05-06',
      attendees: '所长',
      conclusion: '需谈心',
    });
    expect(early.json().error?.code, early.body).toBe('WARN_BAD_TRANSITION');
    const handling = async () => (await leader.get(`${W}/cockpit`)).json().interventionsOpen;
    expect(await handling()).toBe(0);
    expect((await leader.post(`${W}/alerts/${alertId}/assign`, {})).json().status).toBe('assigned');
    // 处置中 is the live state of the alerts, not the month-end snapshot taken before anyone acted.
    expect(await handling()).toBe(1);
    expect((await city.get(`${W}/cockpit?orgId=${other}`)).json().interventionsOpen).toBe(0);
    expect(
      (
        await leader.post(`${W}/alerts/${alertId}/consultations`, {
          date: '2026-05-06',
          attendees: '所长、教导员',
          conclusion: '家庭困难导致情绪波动',
        })
      ).json().status,
    ).toBe('consulted');
    const bad = await leader.post(`${W}/alerts/${alertId}/measures`, { type: '喝茶', date: '2026-05-07', note: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(
      (await leader.post(`${W}/alerts/${alertId}/measures`, { type: '谈心谈话', date: '2026-05-07', note: '已谈心' })).json().status,
    ).toBe('measures');
    expect((await leader.post(`${W}/alerts/${alertId}/follow-ups`, { day: 30, date: '2026-05-30', note: '情绪好转' })).json().status).toBe(
      'follow_up',
    );
    const closing = (await leader.post(`${W}/alerts/${alertId}/close`, { outcome: '改善', note: '情况改善' })).json();
    expect(closing.status).toBe('closing');
    // The proposer cannot decide their own closure; the city's handler does.
    expect((await leader.post(`/api/v1/workflow/cases/${closing.caseId}/approve`, { comment: 'ok' })).statusCode).toBeGreaterThanOrEqual(
      400,
    );
    const ok = await city.post(`/api/v1/workflow/cases/${closing.caseId}/approve`, { comment: '同意结案' });
    expect(ok.statusCode, ok.body).toBe(200);
    const done = (await leader.get(`${W}/alerts/${alertId}`)).json();
    expect(done.status).toBe('closed');
    expect(await handling()).toBe(0);
    expect(done.events.map((e: { action: string }) => e.action)).toEqual([
      '生成预警',
      '接收分派',
      '召开研判会',
      '落实措施',
      '跟踪回访',
      '提请结案',
      '结案',
    ]);
    // Warnings never reach the discipline record.
    expect(await t.ctx.db.selectFrom('person_discipline').select('id').where('person_id', '=', subject).execute()).toEqual([]);
  });

  it('shows the officer their own indicators against peers, and an upheld appeal corrects the fact and recomputes', async () => {
    const me = (await officer.get(`${W}/self`)).json();
    const complaints = me.indicators.find((i: { code: string }) => i.code === 'DISC_COMPLAINT_12M');
    expect(complaints.value).toBe(4);
    expect(complaints.peerN).toBeGreaterThanOrEqual(20);
    expect(JSON.stringify(me)).not.toContain('同事');
    expect(me.alerts.some((a: { status: string }) => a.status === 'closed')).toBe(true);
    const factRef = complaints.sources[0].ref;
    expect((await officer.post(`${W}/self/appeals`, { factRef: 'ew_fact:not-mine', reason: 'x' })).json().error.code).toBe(
      'WARN_APPEAL_FACT',
    );
    const appeal = await officer.post(`${W}/self/appeals`, { factRef, reason: '该投诉已查明不属实' });
    expect(appeal.statusCode, appeal.body).toBe(201);
    const listed = (await city.get(`${W}/appeals`)).json().items;
    expect(listed[0].factLabel).toContain('投诉登记');
    expect(
      (await city.post(`${W}/appeals/${appeal.json().id}/decide`, { decision: 'upheld', answer: '经核查投诉不属实，已撤销' })).statusCode,
    ).toBe(200);
    const after = (await officer.get(`${W}/self`)).json();
    expect(after.indicators.find((i: { code: string }) => i.code === 'DISC_COMPLAINT_12M').value).toBe(3);
    expect(after.appeals[0].status).toBe('upheld');
  });

  it('validates rule versions and keeps the version in force by date', async () => {
    const bad = await city.post(`${W}/policies/ABS_COMPLAINT/versions`, {
      effectiveFrom: '2026-06-01',
      body: {
        name: '投诉',
        mode: 'peer',
        level: 'warning',
        indicator: 'DISC_RECORD_12M',
        op: '>=',
        cooldownDays: 90,
        officerVisible: true,
      },
    });
    expect(bad.json().error.code).toBe('WARN_POLICY_INVALID');
    const good = await city.post(`${W}/policies/ABS_COMPLAINT/versions`, {
      effectiveFrom: '2026-06-01',
      body: {
        name: '12个月内投诉较多',
        mode: 'absolute',
        level: 'warning',
        indicator: 'DISC_COMPLAINT_12M',
        op: '>=',
        threshold: 2,
        cooldownDays: 90,
        officerVisible: true,
      },
    });
    expect(good.statusCode, good.body).toBe(201);
    expect(good.json().version).toBe(2);
    expect(
      (await leader.post(`${W}/policies/ABS_COMPLAINT/versions`, { effectiveFrom: '2026-07-01', body: good.json().body })).statusCode,
    ).toBe(403);
  });

  it('answers the cockpit from the snapshot and drills into the list behind a unit figure', async () => {
    const c = (await city.get(`${W}/cockpit`)).json();
    expect(c.asOf).toBe('2026-04-30');
    expect(c.totals.people).toBe(27);
    const unit = c.strengthByUnit.find((u: { orgName: string }) => u.orgName === '上城分局');
    expect(unit.officers).toBe(26);
    const drill = (await city.get(`${W}/cockpit/drill?asOf=2026-04-30&orgId=${unit.orgId}&figure=officers&pageSize=5`)).json();
    expect(drill.total).toBe(26);
    expect(drill.items.length).toBe(5);
    expect((await leader.get(`${W}/cockpit/drill?asOf=2026-04-30&orgId=${other}&figure=officers`)).statusCode).toBe(404);
  });

  it('drafts a branch report from the data as .docx and submits it to the city on the workflow', async () => {
    expect((await leader.post(`${W}/reports`, { orgId: station, quarter: '2026Q2' })).json().error.code).toBe('WARN_REPORT_ORG');
    const rep = await leader.post(`${W}/reports`, { orgId: branch, quarter: '2026Q2' });
    expect(rep.statusCode, rep.body).toBe(201);
    expect(rep.json().figures.people).toBe(26);
    expect(rep.json().sections.overview).toContain('上城分局');
    const docx = await leader.get(`${W}/reports/${rep.json().id}/docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const sub = (await leader.post(`${W}/reports/${rep.json().id}/submit`)).json();
    expect(sub.status).toBe('submitted');
    expect((await leader.put(`${W}/reports/${rep.json().id}`, { sections: rep.json().sections })).json().error.code).toBe(
      'WARN_REPORT_LOCKED',
    );
    expect((await city.post(`/api/v1/workflow/cases/${sub.caseId}/approve`, { comment: '已阅' })).statusCode).toBe(200);
    const summary = (await city.get(`${W}/reports/summary?quarter=2026Q2`)).json();
    expect(summary.rows.map((r: { orgName: string; status: string }) => `${r.orgName}:${r.status}`).sort()).toEqual([
      '上城分局:accepted',
      '拱墅分局:missing',
    ]);
  });
});
