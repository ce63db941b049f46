import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlPage, jpegOf, pngOf, pngThenScript } from '../../platform/files/hostile-files.ts';
import { overridePortalSettings } from '../recruitment/portal/portal-settings.ts';
import { dialects } from '../../test-support/test-app.ts';
import { awardWorld, type AwardWorld } from './awards-test-support.ts';
import { markLiftDue } from './discipline-lift-job.ts';

const D = '/api/v1/discipline';
const E = '/api/v1/exemplars';

describe.each(dialects)('discipline and exemplars on %s', (dialect) => {
  let w: AwardWorld;
  const sent: { phone: string; text: string }[] = [];
  beforeAll(async () => {
    w = await awardWorld(dialect);
    overridePortalSettings(w.t.ctx, { sender: { name: 'test', send: async (phone, text) => void sent.push({ phone, text }) } });
    await w.setDay('2026-06-10');
    // A fresh database, migrations and six logins: slow when the machine is shared.
  }, 180_000);
  afterAll(() => w.t.close());

  let recordId = '';
  it('records a discipline decision with the facts encrypted and only kind and dates on the person’s record', async () => {
    const res = await w.c.city.post(`${D}/records`, {
      personId: w.ids.li,
      kind: '警告',
      decisionDate: '2026-01-10',
      organ: '示例市公安局',
      docNo: '示公纪〔2026〕1号',
      facts: '值班期间脱岗两小时',
    });
    expect(res.statusCode, res.body).toBe(201);
    recordId = res.json<{ id: string }>().id;
    const raw = await w.t.ctx.db.selectFrom('discipline_record').selectAll().where('id', '=', recordId).executeTakeFirstOrThrow();
    expect(raw.facts_enc).not.toContain('脱岗');
    expect(raw.end_date).toBe('2026-07-09');
    const line = await w.t.ctx.db.selectFrom('person_discipline').selectAll().where('person_id', '=', w.ids.li).executeTakeFirstOrThrow();
    expect(line).toMatchObject({ kind: '警告', date: '2026-01-10', end_date: '2026-07-09', reason: null });
    const party = await w.c.city.post(`${D}/records`, {
      ...{ personId: w.ids.li, kind: '留党察看', decisionDate: '2026-01-10', organ: '市局机关纪委', docNo: '纪〔2026〕2号', facts: 'x' },
    });
    expect(party.statusCode).toBe(400);
  });

  it('refuses discipline data to roles without the permission, and audits every view', async () => {
    for (const url of [`${D}/records`, `${D}/records/${recordId}`, `${D}/effects/${w.ids.li}`])
      expect((await w.c.reader.get(url)).statusCode, url).toBe(403);
    expect((await w.c.station.get(`${D}/records/${recordId}`)).statusCode).toBe(403);
    const before = await w.t.ctx.db.selectFrom('audit_log').select('event_type').where('event_type', 'like', 'discipline.%').execute();
    const detail = await w.c.city.get(`${D}/records/${recordId}`);
    expect(detail.json<{ facts: string }>().facts).toBe('值班期间脱岗两小时');
    await w.c.city.get(`${D}/records`);
    const effects = (await w.c.city.get(`${D}/effects/${w.ids.li}`)).json<{
      blocksAward: boolean;
      blocksPromotion: boolean;
      appraisalCap: string;
      reasons: { zh: string }[];
    }>();
    expect(effects).toMatchObject({ blocksAward: true, blocksPromotion: true, appraisalCap: '称职' });
    expect(effects.reasons[0]!.zh).toContain('警告（2026-01-10 至 2026-07-09）');
    const mine = (await w.c.officer.get(`${D}/mine`)).json<{ items: { kind: string; endDate: string }[] }>();
    expect(mine.items).toMatchObject([{ kind: '警告', endDate: '2026-07-09' }]);
    const after = await w.t.ctx.db.selectFrom('audit_log').select('event_type').where('event_type', 'like', 'discipline.%').execute();
    const added = after.map((a) => a.event_type).slice(before.length);
    expect(added.sort()).toEqual(['discipline.effects_view', 'discipline.list', 'discipline.self_view', 'discipline.view']);
  });

  it('refuses lifting before the period ends; the daily job marks it due and tells the political department', async () => {
    const early = await w.c.city.post(`${D}/records/${recordId}/lift`, { liftedOn: '2026-06-10' });
    expect(early.statusCode).toBe(409);
    expect(early.json<{ error: { message: string } }>().error.message).toContain('2026-07-09');
    await w.setDay('2026-07-10');
    expect(await markLiftDue(w.t.ctx)).toEqual({ due: 1 });
    const note = await w.t.ctx.db.selectFrom('notification').selectAll().where('kind', '=', 'discipline.lift_due').execute();
    expect(note.map((n) => n.user_id).sort()).toEqual([w.c.city.userId, w.c.city2.userId].sort());
    const lifted = await w.c.city.post(`${D}/records/${recordId}/lift`, { liftedOn: '2026-07-10', docNo: '示公纪〔2026〕9号' });
    expect(lifted.json<{ status: string }>().status).toBe('lifted');
  });

  let campaign = '';
  let zhaoCandidate = '';
  it('runs a campaign: quota, eligibility by the award guards, review on the workflow', async () => {
    await w.c.city.post(`${D}/records`, {
      personId: w.ids.wang,
      kind: '记过',
      decisionDate: '2026-07-01',
      organ: '示例市公安局',
      docNo: '示公纪〔2026〕5号',
      facts: 'x',
    });
    const res = await w.c.city.post(`${E}/campaigns`, {
      title: '2026年度“最美警察”评选',
      kind: '最美警察',
      year: 2026,
      criteria: '忠诚履职，事迹突出，群众认可',
      quotaPerUnit: 2,
      maxChoices: 2,
      publicVoting: true,
      orgId: w.ids.root,
    });
    expect(res.statusCode, res.body).toBe(201);
    campaign = res.json<{ id: string }>().id;
    const refused = await w.c.station.post(`${E}/campaigns/${campaign}/candidates`, { personId: w.ids.wang, deeds: 'x' });
    expect(refused.json<{ error: { message: string } }>().error.message).toContain('处分影响期内');
    const zhao = await w.c.station.post(`${E}/campaigns/${campaign}/candidates`, { personId: w.ids.zhao, deeds: '扎根社区十年' });
    expect(zhao.statusCode, zhao.body).toBe(201);
    zhaoCandidate = zhao.json<{ id: string }>().id;
    const zhang = await w.c.station.post(`${E}/campaigns/${campaign}/candidates`, { personId: w.ids.zhang, deeds: '破获系列盗窃案' });
    expect(zhang.statusCode).toBe(201);
    const third = await w.c.station.post(`${E}/campaigns/${campaign}/candidates`, { personId: w.ids.li, deeds: 'x' });
    expect(third.json<{ error: { code: string } }>().error.code).toBe('EXEMPLAR_QUOTA_FULL');
    for (const c of [zhao, zhang])
      expect((await w.c.city.post(`/api/v1/workflow/cases/${c.json<{ caseId: string }>().caseId}/approve`, {})).statusCode).toBe(200);
    expect((await w.c.city.post(`${E}/campaigns/${campaign}/open-voting`)).statusCode).toBe(200);
  });

  it('staff vote once per account; the public once per verified phone; suspicious patterns are reported, never disqualified', async () => {
    const vote = await w.c.station.post(`${E}/campaigns/${campaign}/ballots`, { candidateIds: [zhaoCandidate] });
    expect(vote.statusCode, vote.body).toBe(201);
    const twice = await w.c.station.post(`${E}/campaigns/${campaign}/ballots`, { candidateIds: [zhaoCandidate] });
    expect(twice.json<{ error: { code: string } }>().error.code).toBe('EXEMPLAR_ALREADY_VOTED');
    const tooMany = await w.c.branch.post(`${E}/campaigns/${campaign}/ballots`, { candidateIds: [zhaoCandidate, zhaoCandidate] });
    expect(tooMany.statusCode).toBe(400);
    const pub = (await w.t.app.inject({ method: 'GET', url: `/api/v1/portal/exemplars/${campaign}` })).json<{
      candidates: { id: string }[];
    }>();
    expect(pub.candidates).toHaveLength(2);
    for (let i = 0; i < 6; i++) {
      const phone = `1380000000${i}`;
      const code = await w.t.app.inject({ method: 'POST', url: `/api/v1/portal/exemplars/${campaign}/code`, payload: { phone } });
      expect(code.statusCode, code.body).toBe(204);
      const text = sent.find((s) => s.phone === phone)!.text;
      const digits = /(\d{6})/.exec(text)![1]!;
      const wrong = await w.t.app.inject({
        method: 'POST',
        url: `/api/v1/portal/exemplars/${campaign}/ballots`,
        payload: { phone, code: digits === '111111' ? '222222' : '111111', candidateIds: [zhaoCandidate] },
      });
      expect(wrong.statusCode).toBe(400);
      const ok = await w.t.app.inject({
        method: 'POST',
        url: `/api/v1/portal/exemplars/${campaign}/ballots`,
        payload: { phone, code: digits, candidateIds: [zhaoCandidate], fingerprint: 'fp-same-device' },
      });
      expect(ok.statusCode, ok.body).toBe(201);
    }
    const report = (await w.c.city.get(`${E}/campaigns/${campaign}/suspicious?threshold=5`)).json<{
      groups: { by: string; votes: number }[];
    }>();
    expect(report.groups.find((g) => g.by === 'fingerprint')?.votes).toBe(6);
    const detail = (await w.c.city.get(`${E}/campaigns/${campaign}`)).json<{ items: { id: string; votes: number }[]; ballots: number }>();
    expect(detail.ballots).toBe(7);
    expect(detail.items.find((i) => i.id === zhaoCandidate)?.votes).toBe(7);
  });

  it('announces winners into the exemplar library, exportable', async () => {
    expect((await w.c.city.post(`${E}/campaigns/${campaign}/close-voting`)).statusCode).toBe(200);
    const res = await w.c.city.post(`${E}/campaigns/${campaign}/announce`, { winnerIds: [zhaoCandidate] });
    expect(res.statusCode, res.body).toBe(200);
    const lib = (await w.c.city.get(`${E}/library`)).json<{ items: { name: string; title: string }[] }>();
    expect(lib.items).toMatchObject([{ name: '赵典型', title: '2026年度“最美警察”' }]);
    const xlsx = await w.c.city.get(`${E}/library.xlsx`);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('takes exemplar photos through the platform file intake and refuses hostile files, leaving nothing behind', async () => {
    const lib = (await w.c.city.get(`${E}/library`)).json<{ items: { id: string; photos: string[] }[] }>();
    const exemplar = lib.items[0]!.id;
    const boundary = '----zgExemplarPhoto';
    const upload = (who: 'city' | 'station', name: string, type: string, body: Buffer) =>
      w.c[who].request({
        method: 'POST',
        url: `${E}/library/${exemplar}/photos`,
        payload: Buffer.concat([
          Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: ${type}\r\n\r\n`),
          body,
          Buffer.from(`\r\n--${boundary}--\r\n`),
        ]),
        headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
      });
    const dir = path.join(w.t.dataDir, 'uploads', 'exemplars');
    const files = () => (fs.existsSync(dir) ? fs.readdirSync(dir).sort() : []);

    const png = pngOf(800, 600);
    const ok = await upload('city', '颁奖现场.png', 'image/png', png);
    expect(ok.statusCode, ok.body).toBe(201);
    const photo = ok.json<{ id: string }>().id;
    expect(photo).toMatch(/^[0-9a-f-]{36}\.png$/);
    const jpg = await upload('city', 'deeds.jpg', 'image/jpeg', jpegOf(1024, 768));
    expect(jpg.statusCode, jpg.body).toBe(201);
    const shown = (await w.c.city.get(`${E}/library`)).json<{ items: { id: string; photos: string[] }[] }>().items[0]!;
    expect(shown.photos).toEqual([photo, jpg.json<{ id: string }>().id]);
    const back = await w.c.city.get(`${E}/library/${exemplar}/photos/${photo}`);
    expect(back.statusCode).toBe(200);
    expect(back.headers['content-type']).toBe('image/png');
    expect(back.rawPayload.equals(png)).toBe(true);
    const stored = files();
    expect(stored).toHaveLength(2);

    // Judged by content, not by name or declared type: each refused in words, no row changed, no file left.
    const refused: [string, string, Buffer, string][] = [
      ['photo.jpg', 'image/jpeg', htmlPage(), 'FILE_TYPE_REFUSED'],
      ['photo.png', 'image/png', pngThenScript(), 'FILE_CORRUPT'],
      ['huge.png', 'image/png', pngOf(30_000, 30_000), 'FILE_IMAGE_TOO_BIG'],
    ];
    for (const [name, type, body, code] of refused) {
      const res = await upload('city', name, type, body);
      expect(res.statusCode, `${name}: ${res.body}`).toBeGreaterThanOrEqual(400);
      const error = res.json<{ error: { code: string; message: string } }>().error;
      expect([code, 'FILE_TYPE_REFUSED', 'FILE_CORRUPT']).toContain(error.code);
      expect(error.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(files()).toEqual(stored);
    expect((await w.c.city.get(`${E}/library`)).json<{ items: { photos: string[] }[] }>().items[0]!.photos).toHaveLength(2);

    // A path in place of the stored name never reaches the file system.
    expect((await w.c.city.get(`${E}/library/${exemplar}/photos/..%2F..%2Fzhenggong.db`)).statusCode).toBe(400);
    // The station clerk holds 赵典型 in scope and may read the library, but not manage its photos.
    expect((await upload('station', 'p.png', 'image/png', png)).statusCode).toBe(403);
    const audit = await w.t.ctx.db.selectFrom('audit_log').select('event_type').where('object_id', '=', exemplar).execute();
    expect(audit.map((a) => a.event_type)).toEqual(expect.arrayContaining(['exemplars.photo.add', 'exemplars.photo.view']));

    expect((await w.c.city.delete(`${E}/library/${exemplar}/photos/${photo}`)).statusCode).toBe(204);
    expect(files()).toHaveLength(1);
    expect((await w.c.city.get(`${E}/library/${exemplar}/photos/${photo}`)).statusCode).toBe(404);
  });
});
