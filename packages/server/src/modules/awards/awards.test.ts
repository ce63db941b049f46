import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { advanceNotices } from '../../platform/workflow/due-work.ts';
import { dialects } from '../../test-support/test-app.ts';
import { awardWorld, docxPlainText, makeOfficer, nomination, type AwardWorld } from './awards-test-support.ts';

const A = '/api/v1/awards';

describe.each(dialects)('awards on %s', (dialect) => {
  let w: AwardWorld;
  const pending = async (who: keyof AwardWorld['c']) =>
    (await w.c[who].get('/api/v1/workflow/todo?box=pending')).json<{ items: { caseId: string }[] }>().items.map((i) => i.caseId);

  beforeAll(async () => {
    w = await awardWorld(dialect);
    // Monday before the National Day holiday (2026-10-01 … 10-07, Saturday 10-10 a working day).
    await w.setDay('2026-09-28');
    // A fresh database, migrations and six logins: slow when the machine is shared.
  }, 180_000);
  afterAll(() => w.t.close());

  let award = { id: '', caseId: '' };

  it('a station nominates an officer for 三等功; the matrix routes it to the city bureau', async () => {
    const res = await w.c.station.post(`${A}/nominations`, nomination([w.ids.zhang]));
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json<{ id: string; caseId: string; approverLevel: string; needsNotice: boolean }>();
    expect(body).toMatchObject({ approverLevel: 'city', needsNotice: true });
    award = body;
    expect(await pending('city')).toContain(body.caseId);
    expect(await pending('branch')).not.toContain(body.caseId);
    const detail = (await w.c.station.get(`${A}/nominations/${body.id}`)).json<{
      status: string;
      approverName: string;
      approverBasis: string;
    }>();
    expect(detail.status).toBe('in_review');
    expect(detail.approverName).toBe('市级公安机关');
    expect(detail.approverBasis).toContain('135');
  });

  it('generates the 奖励审批表 as .docx', async () => {
    const res = await w.c.station.get(`${A}/nominations/${award.id}/approval-form.docx`);
    expect(res.statusCode).toBe(200);
    const text = await docxPlainText(res.rawPayload);
    expect(text).toContain('公安机关人民警察奖励审批表');
    expect(text).toContain('张立功');
    expect(text).toContain('经所务会民主评议');
    expect(text).toContain('市级公安机关');
  });

  it('a notice of 7 working days published 2026-09-29 ends on 2026-10-14, across the National Day holiday', async () => {
    await w.setDay('2026-09-29');
    expect((await w.c.city.post(`/api/v1/workflow/cases/${award.caseId}/approve`, { comment: '同意' })).statusCode).toBe(200);
    const c = await w.t.ctx.db.selectFrom('wf_case').selectAll().where('id', '=', award.caseId).executeTakeFirstOrThrow();
    // 9-30, 10-08, 10-09, 10-10 (a Saturday worked in exchange), 10-12, 10-13, 10-14; Monday–Friday counting would say 10-08.
    expect(c.notice_ends_on).toBe('2026-10-14');
  });

  it('an objection holds the notice until an approver resolves it; then the case is approved', async () => {
    await w.setDay('2026-10-09');
    expect(
      (await w.c.branch.post(`/api/v1/workflow/cases/${award.caseId}/objections`, { text: '该案主要由刑侦大队侦破' })).statusCode,
    ).toBe(200);
    await w.setDay('2026-10-15');
    await advanceNotices(w.t.ctx, w.t.clock.now());
    expect((await w.c.station.get(`${A}/nominations/${award.id}`)).json<{ status: string }>().status).toBe('in_review');
    const detail = (await w.c.city2.get(`/api/v1/workflow/cases/${award.caseId}`)).json<{ objections: { id: string }[] }>();
    const objection = detail.objections[0]!.id;
    const res = await w.c.city2.post(`/api/v1/workflow/cases/${award.caseId}/objections/${objection}/resolve`, {
      resolution: '经核实，该民警为案件主办人，异议不成立',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect((await w.c.station.get(`${A}/nominations/${award.id}`)).json<{ status: string }>().status).toBe('approved');
  });

  it('the decision writes the award onto the record, the 任免审批表 and the statistics', async () => {
    await w.setDay('2026-10-16');
    const early = await w.c.station.post(`${A}/nominations/${award.id}/decision`, {
      decisionNo: 'x',
      decisionDate: '2026-10-16',
      issuer: 'x',
    });
    expect(early.statusCode).toBe(403);
    const res = await w.c.city.post(`${A}/nominations/${award.id}/decision`, {
      decisionNo: '示公政〔2026〕88号',
      decisionDate: '2026-10-16',
      issuer: '示例市公安局',
    });
    expect(res.statusCode, res.body).toBe(200);
    const lines = await w.t.ctx.db.selectFrom('person_award').selectAll().where('person_id', '=', w.ids.zhang).execute();
    expect(lines).toMatchObject([
      { level: '三等功', date: '2026-10-16', issuer: '示例市公安局', name: '记个人三等功（示公政〔2026〕88号）' },
    ]);
    const form = await w.c.city.get(`/api/v1/personnel/people/${w.ids.zhang}/appointment-form.docx`);
    expect(form.statusCode).toBe(200);
    expect(await docxPlainText(form.rawPayload)).toContain('记个人三等功（示公政〔2026〕88号）（示例市公安局）');
    const stats = (await w.c.reader.get(`${A}/stats?year=2026`)).json<{
      total: number;
      byLevel: { key: string; count: number }[];
      byUnit: { key: string }[];
    }>();
    expect(stats.total).toBe(1);
    expect(stats.byLevel.find((l) => l.key === '三等功')?.count).toBe(1);
    expect(stats.byUnit[0]?.key).toBe('上城分局');
    const again = await w.c.city.post(`${A}/nominations/${award.id}/decision`, {
      decisionNo: 'y',
      decisionDate: '2026-10-16',
      issuer: 'y',
    });
    expect(again.statusCode).toBe(409);
  });

  it('records delivery at home (送奖到家) and exports the register', async () => {
    const res = await w.c.station.post(`${A}/nominations/${award.id}/delivery`, {
      deliveredOn: '2026-10-16',
      deliveredBy: '所长 周明、教导员 吴刚',
      atHome: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<{ delivery: { atHome: boolean } }>().delivery.atHome).toBe(true);
    const xlsx = await w.c.reader.get(`${A}/register.xlsx?year=2026`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('refuses the same deed twice, and a lower award within twelve months, with the reasons', async () => {
    const same = await w.c.station.post(`${A}/nominations`, nomination([w.ids.zhang], { level: '嘉奖', title: '嘉奖' }));
    expect(same.statusCode).toBe(409);
    const msg = same.json<{ error: { message: string; details: { refusals: { code: string }[] } } }>().error;
    expect(msg.details.refusals.map((r) => r.code).sort()).toEqual(['NO_REPEAT_WITHIN_PERIOD', 'ONE_DEED_ONE_AWARD']);
    expect(msg.message).toContain('一事不重复奖励');
    expect(msg.message).toContain('原则上不再给予同级或较低等级奖励');
  });

  it('refuses a nomination inside a discipline period; an approver may allow the major-contribution exception, recorded with their name', async () => {
    const d = await w.c.city.post('/api/v1/discipline/records', {
      personId: w.ids.li,
      kind: '记过',
      decisionDate: '2026-03-10',
      organ: '示例市公安局',
      docNo: '示公纪〔2026〕3号',
      facts: '违反规定驾驶警车办理私事',
    });
    expect(d.statusCode, d.body).toBe(201);
    const refused = await w.c.station.post(`${A}/nominations`, nomination([w.ids.li], { deedTitle: '火场救人' }));
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ error: { message: string } }>().error.message).toBe(
      '不能提名：本人在政务处分影响期内（记过，2026-03-10 至 2027-03-09），原则上不予奖励（奖励条令第十二条）',
    );
    const en = await w.c.station.request({
      method: 'POST',
      url: `${A}/nominations`,
      payload: nomination([w.ids.li], { deedTitle: '火场救人' }),
      headers: { 'accept-language': 'en-US' },
    });
    expect(en.json<{ error: { message: string } }>().error.message).toContain('Inside a government discipline period');
    const exceptionBody = nomination([w.ids.li], { deedTitle: '火场救人', exceptionReason: '只身冲入火场救出3名群众，有重大贡献' });
    expect((await w.c.station.post(`${A}/nominations`, exceptionBody)).statusCode).toBe(403);
    const allowed = await w.c.branch.post(`${A}/nominations`, exceptionBody);
    expect(allowed.statusCode, allowed.body).toBe(201);
    const detail = (await w.c.branch.get(`${A}/nominations/${allowed.json<{ id: string }>().id}`)).json<{
      exception: { allowedBy: string };
      overridden: { code: string }[];
    }>();
    expect(detail.exception.allowedBy).toBe('branch');
    expect(detail.overridden.map((o) => o.code)).toEqual(['INDIVIDUAL_IN_DISCIPLINE']);
  });

  it('refuses a nomination inside a party-discipline period, in words', async () => {
    const qian = await makeOfficer(w.t, w.ids.station, '钱党纪');
    const d = await w.c.city.post('/api/v1/discipline/records', {
      personId: qian,
      kind: '党内严重警告',
      decisionDate: '2026-01-10',
      organ: '中共示例市公安局委员会',
      docNo: '示公党纪〔2026〕1号',
      facts: '违反组织纪律',
    });
    expect(d.statusCode, d.body).toBe(201);
    const refused = await w.c.station.post(`${A}/nominations`, nomination([qian], { deedTitle: '抓获逃犯' }));
    expect(refused.statusCode).toBe(409);
    expect(refused.json<{ error: { message: string } }>().error.message).toBe(
      '不能提名：本人在党纪处分影响期内（党内严重警告，2026-01-10 至 2027-07-09），原则上不予奖励（奖励条令第十二条）',
    );
  });

  it('refuses an investigation and a level outside the proposer’s remit', async () => {
    const inv = await w.c.city.post('/api/v1/discipline/investigations', { personId: w.ids.zhao, since: '2026-10-01', note: '群众举报' });
    expect(inv.statusCode).toBe(201);
    const held = await w.c.station.post(`${A}/nominations`, nomination([w.ids.zhao], { deedTitle: '抗洪抢险' }));
    expect(held.json<{ error: { message: string } }>().error.message).toContain('正在接受组织调查');
    await w.c.city.post(`/api/v1/discipline/investigations/${inv.json<{ id: string }>().id}/close`, { closedOn: '2026-10-16' });
    const remit = await w.c.station.post(`${A}/nominations`, nomination([w.ids.zhao], { deedTitle: '抗洪抢险', level: '二等功' }));
    expect(remit.json<{ error: { message: string } }>().error.message).toContain('本级单位最高可提名“三等功”');
  });

  it('an auxiliary officer’s 嘉奖 goes to the branch (辅警 rule)', async () => {
    const res = await w.c.station.post(
      `${A}/nominations`,
      nomination([w.ids.wang], { level: '嘉奖', title: '嘉奖', deedTitle: '协助抓获逃犯' }),
    );
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json<{ approverLevel: string; needsNotice: boolean }>()).toMatchObject({ approverLevel: 'branch', needsNotice: false });
    expect(await pending('branch')).toContain(res.json<{ caseId: string }>().caseId);
  });

  it('a batch award checks every person and names each one refused', async () => {
    const res = await w.c.station.post(
      `${A}/nominations`,
      nomination([w.ids.zhao, w.ids.li], { level: '嘉奖', title: '国庆安保嘉奖', deedTitle: '国庆安保' }),
    );
    expect(res.statusCode).toBe(409);
    const msg = res.json<{ error: { message: string } }>().error.message;
    expect(msg).toContain('李受处：本人在政务处分影响期内');
    expect(msg).not.toContain('赵典型：');
    const ok = await w.c.city.post(
      `${A}/nominations`,
      nomination([w.ids.zhao, w.ids.wang], { level: '嘉奖', title: '国庆安保嘉奖', deedTitle: '国庆安保', fastTrack: true }),
    );
    expect(ok.statusCode, ok.body).toBe(201);
    const row = (await w.c.city.get(`${A}/nominations?keyword=国庆`)).json<{
      items: { batch: boolean; fastTrack: boolean; count: number }[];
    }>().items[0];
    expect(row).toMatchObject({ batch: true, fastTrack: true, count: 2 });
  });

  it('a batch with a person outside the proposer’s scope is refused whole, naming the place on the list, never the stranger', async () => {
    const outsider = await makeOfficer(w.t, w.ids.branchOffice, '钱外所');
    const casesBefore = await w.t.ctx.db.selectFrom('award_case').select('id').execute();
    const res = await w.c.station.post(
      `${A}/nominations`,
      nomination([w.ids.zhao, outsider, w.ids.zhang], { level: '嘉奖', title: '亚运安保嘉奖', deedTitle: '亚运安保' }),
    );
    expect(res.statusCode, res.body).toBe(404);
    const error = res.json<{ error: { code: string; message: string; details: { personIds: string[]; count: number } } }>().error;
    expect(error.code).toBe('AWARD_BATCH_OUT_OF_SCOPE');
    expect(error.message).toBe('整批未提交：名单中第 2 位人员不存在或不在您的数据范围内（共 1 人），请移出名单或由有权限的单位提名');
    expect(error.details).toMatchObject({ personIds: [outsider], count: 1 });
    expect(res.body).not.toContain('钱外所');
    const en = await w.c.station.request({
      method: 'POST',
      url: `${A}/nominations`,
      payload: nomination([outsider, w.ids.zhao, '0190a0a0-0000-7000-8000-000000000001'], {
        level: '嘉奖',
        title: '亚运安保嘉奖',
        deedTitle: '亚运安保',
      }),
      headers: { 'accept-language': 'en-US' },
    });
    expect(en.statusCode).toBe(404);
    expect(en.json<{ error: { message: string } }>().error.message).toContain('person no. 1, 3 on the list');
    // Nothing written; the refusal is in the audit chain as a scope denial.
    expect(await w.t.ctx.db.selectFrom('award_case').select('id').execute()).toHaveLength(casesBefore.length);
    const denial = await w.t.ctx.db
      .selectFrom('audit_log')
      .select('detail')
      .where('detail', 'like', '%OUT_OF_SCOPE%')
      .where('detail', 'like', `%${outsider}%`)
      .execute();
    expect(denial.length).toBeGreaterThan(0);
    // The city, whose scope holds all three, may nominate the same batch.
    const ok = await w.c.city.post(
      `${A}/nominations`,
      nomination([w.ids.zhao, outsider], { level: '嘉奖', title: '亚运安保嘉奖', deedTitle: '亚运安保' }),
    );
    expect(ok.statusCode, ok.body).toBe(201);
  });

  it('keeps rule data versioned: a city-wide approver adds a version; a branch cannot', async () => {
    const body = {
      effectiveFrom: '2026-11-01',
      value: {
        individual: { 嘉奖: 1, 三等功: 2, 二等功: 3, 一等功: 4, 荣誉称号: 5 },
        collective: { 嘉奖: 1, 三等功: 2, 二等功: 3, 一等功: 4, 荣誉称号: 5 },
      },
    };
    expect((await w.c.branch.post(`${A}/rules/bonus`, body)).statusCode).toBe(403);
    const bad = await w.c.city.post(`${A}/rules/bonus`, { ...body, value: { individual: {} } });
    expect(bad.statusCode).toBe(400);
    const ok = await w.c.city.post(`${A}/rules/bonus`, body);
    expect(ok.statusCode, ok.body).toBe(201);
    const list = (await w.c.reader.get(`${A}/rules/bonus`)).json<{ inForce: { source: string }; versions: unknown[] }>();
    expect(list.versions).toHaveLength(1);
    expect(list.inForce.source).toBe('default');
  });
});
