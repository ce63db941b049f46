import { makeIdNumber } from '@zhenggong/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrg, makeRole, makeUser } from '../../test-support/factories.ts';
import { createTestApp, dialects, login, type Client, type TestApp } from '../../test-support/test-app.ts';

/** A multipart body with one file field, as a browser's FormData sends it. */
function multipart(fileName: string, type: string, content: Buffer) {
  const boundary = '----zgtest7d1f';
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${type}\r\n\r\n`),
    content,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe.each(dialects)('study materials, records and campaigns on %s', (dialect) => {
  let t: TestApp;
  let staff: Client;
  let westApprover: Client;
  let trainee: Client;
  let east: string;
  let root: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(dialect);
    root = await makeOrg(t.ctx, null, '示例市公安局', { type: 'city_bureau' });
    east = await makeOrg(t.ctx, root, '上城分局');
    const west = await makeOrg(t.ctx, root, '西湖分局');
    const role = await makeRole(
      t.ctx,
      'study-all',
      ['personnel:read', 'personnel:write', 'study:read', 'study:write', 'study:approve'],
      'all',
    );
    await makeUser(t.ctx, 'xuexi', root, 'Staff#Pass1234', [role]);
    staff = await login(t.app, 'xuexi', 'Staff#Pass1234');
    const westRole = await makeRole(t.ctx, 'west-approve', ['study:read', 'study:approve'], 'org_and_below');
    await makeUser(t.ctx, 'west-approver', west, 'Staff#Pass1234', [westRole]);
    westApprover = await login(t.app, 'west-approver', 'Staff#Pass1234');
    let seq = 1;
    for (const [name, org] of [
      ['吴民警', east],
      ['郑民警', east],
      ['王民警', west],
    ] as const) {
      const res = await staff.post('/api/v1/personnel/people', {
        kind: 'officer',
        name,
        idNumber: makeIdNumber('330102', '1985-03-03', seq++),
        orgId: org,
      });
      expect(res.statusCode, res.body).toBe(201);
      ids[name] = res.json().id;
    }
    const userId = await makeUser(t.ctx, 'wu', east, 'Wu#Pass123456');
    await staff.put(`/api/v1/personnel/people/${ids['吴民警']}/account`, { userId });
    trainee = await login(t.app, 'wu', 'Wu#Pass123456');
  });
  afterAll(() => t.close());

  it('accepts documents whose name, type and content agree, and refuses the rest', async () => {
    const link = await staff.post('/api/v1/study/materials', { title: '链接', kind: 'link', orgId: root, hours: 1, minReadMinutes: 0 });
    expect(link.json().error.code).toBe('STUDY_MATERIAL_KIND');
    const doc = await staff.post('/api/v1/study/materials', {
      title: '党章学习读本',
      kind: 'document',
      orgId: root,
      hours: 1,
      minReadMinutes: 0,
    });
    expect(doc.statusCode, doc.body).toBe(201);
    const id = doc.json().id;
    const upload = (name: string, type: string, body: Buffer) =>
      staff.request({ method: 'POST', url: `/api/v1/study/materials/${id}/file`, ...multipart(name, type, body) });
    const html = await upload('党章.pdf', 'application/pdf', Buffer.from('<html><script>alert(1)</script></html>'));
    expect(html.statusCode).toBe(400);
    expect(html.json().error.code).toBe('FILE_TYPE_REFUSED');
    expect((await upload('tool.exe', 'application/octet-stream', Buffer.from('MZ\x90\x00binary'))).statusCode).toBe(400);
    expect(
      (await upload('renamed.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', Buffer.from('MZ\x90\x00')))
        .statusCode,
    ).toBe(400);
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const ok = await upload('党章学习读本.pdf', 'application/pdf', pdf);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ fileName: '党章学习读本.pdf', fileSize: pdf.length });
    const back = await staff.get(`/api/v1/study/materials/${id}/file`);
    expect(back.headers['content-type']).toContain('application/pdf');
    expect(back.rawPayload.equals(pdf)).toBe(true);
    // The trainee reads it through self-service (published above their unit).
    expect((await trainee.get(`/api/v1/study/my/materials/${id}/file`)).statusCode).toBe(200);
  });

  it('tracks campaign progress from material reading and approved declarations, per unit', async () => {
    const campaign = await staff.post('/api/v1/study/campaigns', {
      title: '学习贯彻主题教育',
      orgId: root,
      startDate: '2026-05-01',
      endDate: '2026-07-31',
      requiredHours: 2,
      target: { orgIds: [east] },
    });
    expect(campaign.statusCode, campaign.body).toBe(201);
    const cid = campaign.json().id;
    const material = (
      await staff.post('/api/v1/study/materials', {
        title: '专题辅导报告',
        kind: 'link',
        url: 'https://example.gov.cn/report',
        orgId: root,
        hours: 1,
        minReadMinutes: 5,
        campaignId: cid,
      })
    ).json().id;
    const progress = async () => (await staff.get(`/api/v1/study/campaigns/${cid}`)).json();
    expect(await progress()).toMatchObject({
      total: 2,
      completed: 0,
      units: [{ branchName: '上城分局', total: 2, completed: 0, rate: 0 }],
    });

    // Reading time: acknowledging before the minimum is refused; after it, one hour is credited once.
    expect((await trainee.post(`/api/v1/study/my/materials/${material}/acknowledge`)).json().error.code).toBe('STUDY_READ_TOO_SHORT');
    await trainee.post(`/api/v1/study/my/materials/${material}/open`);
    t.clock.advance(3 * 60_000);
    expect((await trainee.post(`/api/v1/study/my/materials/${material}/acknowledge`)).statusCode).toBe(409);
    t.clock.advance(3 * 60_000);
    expect((await trainee.post(`/api/v1/study/my/materials/${material}/acknowledge`)).json()).toMatchObject({ hours: 1 });
    expect((await trainee.post(`/api/v1/study/my/materials/${material}/acknowledge`)).json()).toMatchObject({ hours: 0 });

    // A declaration counts only once approved.
    const declared = await trainee.post('/api/v1/study/my/records', {
      date: '2026-06-01',
      hours: 1,
      title: '读原著学原文',
      campaignId: cid,
    });
    expect(declared.statusCode, declared.body).toBe(201);
    let p = await progress();
    expect(p.people.find((x: { name: string }) => x.name === '吴民警')).toMatchObject({ hours: 1, completed: false });
    // An approver of another branch neither sees nor decides it.
    expect((await westApprover.get('/api/v1/study/approvals')).json().items).toEqual([]);
    const queue = (await staff.get('/api/v1/study/approvals')).json();
    expect(queue.items.map((r: { name: string }) => r.name)).toEqual(['吴民警']);
    // Decisions run through the workflow case of the declaration.
    const caseId = queue.items[0].caseId;
    expect((await westApprover.post(`/api/v1/workflow/cases/${caseId}/approve`, {})).statusCode).toBe(404);
    expect((await trainee.post(`/api/v1/workflow/cases/${caseId}/approve`, {})).json().error.code).toBe('WF_SELF_DECISION');
    expect((await staff.post(`/api/v1/workflow/cases/${caseId}/approve`, { comment: '属实' })).statusCode).toBe(200);
    expect((await staff.post(`/api/v1/workflow/cases/${caseId}/reject`, { reason: 'x' })).statusCode).toBe(409);
    p = await progress();
    expect(p).toMatchObject({ total: 2, completed: 1, units: [{ branchName: '上城分局', total: 2, completed: 1, rate: 50 }] });
    const mine = (await trainee.get('/api/v1/study/my')).json();
    expect(mine).toMatchObject({ approvedHours: 2, pending: 0 });
    expect(mine.campaigns).toEqual([expect.objectContaining({ id: cid, myHours: 2, completed: true })]);
    // Declaring for a campaign one is not part of is refused.
    const westCampaign = (
      await staff.post('/api/v1/study/campaigns', {
        title: '西湖专项',
        orgId: root,
        startDate: '2026-05-01',
        endDate: '2026-07-31',
        requiredHours: 1,
        target: { personIds: [ids['王民警']!] },
      })
    ).json().id;
    expect(
      (await trainee.post('/api/v1/study/my/records', { date: '2026-06-01', hours: 1, title: 'x', campaignId: westCampaign })).json().error
        .code,
    ).toBe('STUDY_NOT_PARTICIPANT');
  });
});
