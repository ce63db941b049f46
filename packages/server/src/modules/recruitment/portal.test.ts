import fs from 'node:fs';
import path from 'node:path';
import { makeIdNumber } from '@zhenggong/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrg, makeRole, makeUser } from '../../test-support/factories.ts';
import { createTestApp, dialects, login, type Client, type TestApp } from '../../test-support/test-app.ts';
import { issueCaptcha } from './portal/captcha.ts';
import {
  form,
  makePng,
  multipart,
  publishedAnnouncement,
  recordingSender,
  registerApplicant,
  type PortalClient,
} from './recruitment-test-support.ts';

describe.each(dialects)('recruitment portal on %s', (dialect) => {
  let t: TestApp;
  let staff: Client;
  let bureau: string;
  let unit: string;
  let announcementId: string;
  let postId: string;
  const sender = recordingSender();
  let alice: PortalClient;
  let bob: PortalClient;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const root = await makeOrg(t.ctx, null, '示例市公安局', { type: 'city_bureau' });
    bureau = await makeOrg(t.ctx, root, '上城分局');
    unit = await makeOrg(t.ctx, bureau, '清波派出所', { type: 'station' });
    const role = await makeRole(
      t.ctx,
      'recruiter',
      ['recruitment:read', 'recruitment:write', 'recruitment:review', 'recruitment:score', 'recruitment:hire'],
      'org_and_below',
    );
    await makeUser(t.ctx, 'recruiter', bureau, 'Recruit#Pass123', [role]);
    staff = await login(t.app, 'recruiter', 'Recruit#Pass123');
    ({ announcementId, postId } = await publishedAnnouncement(staff, bureau, unit));
    alice = await registerApplicant(t, sender, '13900000001');
    bob = await registerApplicant(t, sender, '13900000002');
  });
  afterAll(() => t.close());

  describe('accounts', () => {
    it('lists published announcements and their posts without a login', async () => {
      const list = await t.app.inject({ method: 'GET', url: '/api/v1/portal/announcements' });
      expect(list.statusCode).toBe(200);
      expect(list.json()).toEqual([expect.objectContaining({ id: announcementId, postCount: 1, applyUntil: '2026-06-30' })]);
      const one = await t.app.inject({ method: 'GET', url: `/api/v1/portal/announcements/${announcementId}` });
      expect(one.json().posts[0]).toMatchObject({
        id: postId,
        code: '01',
        orgName: '清波派出所',
        headcount: 2,
        requirements: { ageMin: 18, ageMax: 35 },
      });
    });

    it('gives an SVG captcha without its answer in the markup, good for one use only', async () => {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/portal/captcha' });
      expect(res.statusCode).toBe(200);
      expect(res.json().svg).toMatch(/^<svg/);
      expect(res.json().svg).not.toMatch(/<text/);
      const c = await issueCaptcha(t.ctx);
      const ok = await t.app.inject({
        method: 'POST',
        url: '/api/v1/portal/verification-code',
        payload: { phone: '13900000099', captchaId: c.captchaId, captchaAnswer: c.answer },
      });
      expect(ok.statusCode).toBe(204);
      const again = await t.app.inject({
        method: 'POST',
        url: '/api/v1/portal/verification-code',
        payload: { phone: '13900000098', captchaId: c.captchaId, captchaAnswer: c.answer },
      });
      expect(again.json().error.code).toBe('RECRUIT_CAPTCHA_INVALID');
      const wrong = await issueCaptcha(t.ctx);
      const bad = await t.app.inject({
        method: 'POST',
        url: '/api/v1/portal/verification-code',
        payload: { phone: '13900000097', captchaId: wrong.captchaId, captchaAnswer: wrong.answer === '0000' ? '1111' : '0000' },
      });
      expect(bad.json().error.code).toBe('RECRUIT_CAPTCHA_INVALID');
    });

    it('registers with the sent code only, stores the phone encrypted, refuses a second account for the phone', async () => {
      const stored = await t.ctx.db
        .selectFrom('recruit_applicant')
        .selectAll()
        .where('id', '=', alice.applicantId)
        .executeTakeFirstOrThrow();
      expect(stored.phone_enc).not.toContain('13900000001');
      expect(stored.phone_masked).toBe('139****0001');
      expect(stored.password_hash).toMatch(/^\$argon2id\$/);
      const c = await issueCaptcha(t.ctx);
      await t.app.inject({
        method: 'POST',
        url: '/api/v1/portal/verification-code',
        payload: { phone: '13900000055', captchaId: c.captchaId, captchaAnswer: c.answer },
      });
      const code = sender.last('13900000055') as string;
      const wrongCode = code === '123456' ? '654321' : '123456';
      const wrong = await t.app.inject({
        method: 'POST',
        url: '/api/v1/portal/register',
        payload: { phone: '13900000055', code: wrongCode, password: 'Kaosheng2026' },
      });
      expect(wrong.json().error.code).toBe('RECRUIT_CODE_INVALID');
      const bypass = await t.app.inject({
        method: 'POST',
        url: '/api/v1/portal/register',
        payload: { phone: '13900000055', code: '000000', password: 'Kaosheng2026' },
      });
      expect(bypass.json().error.code).toBe('RECRUIT_CODE_INVALID');
      const weak = await t.app.inject({
        method: 'POST',
        url: '/api/v1/portal/register',
        payload: { phone: '13900000055', code, password: 'short' },
      });
      expect(weak.json().error.code).toBe('RECRUIT_PASSWORD_WEAK');
      const taken = await t.app.inject({
        method: 'POST',
        url: '/api/v1/portal/register',
        payload: { phone: '13900000001', code, password: 'Kaosheng2026' },
      });
      expect(taken.json().error.code).toBe('RECRUIT_PHONE_TAKEN');
    });

    it('logs in with captcha and password; the applicant cookie is not a staff session and vice versa', async () => {
      const c = await issueCaptcha(t.ctx);
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/portal/login',
        payload: { phone: '13900000001', password: 'Kaosheng2026', captchaId: c.captchaId, captchaAnswer: c.answer },
      });
      expect(res.statusCode, res.body).toBe(200);
      const cookie = res.cookies.find((x) => x.name === 'zg_applicant');
      expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/v1/portal' });
      const c2 = await issueCaptcha(t.ctx);
      const bad = await t.app.inject({
        method: 'POST',
        url: '/api/v1/portal/login',
        payload: { phone: '13900000001', password: 'Wrong2026xx', captchaId: c2.captchaId, captchaAnswer: c2.answer },
      });
      expect(bad.statusCode).toBe(401);
      const me = await alice.get('/api/v1/portal/me');
      expect(me.json()).toMatchObject({ applicant: { id: alice.applicantId, phoneMasked: '139****0001' }, csrf: alice.csrf });
      const asStaff = await t.app.inject({ method: 'GET', url: '/api/v1/recruitment/announcements', headers: { cookie: alice.cookie } });
      expect(asStaff.statusCode).toBe(401);
      const staffOnPortal = await staff.get('/api/v1/portal/applications');
      expect(staffOnPortal.statusCode).toBe(401);
    });

    it('refuses portal writes without the CSRF header', async () => {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/v1/portal/applications',
        headers: { cookie: alice.cookie, 'idempotency-key': 'abcdefgh1234' },
        payload: form(postId),
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().error.code).toBe('CSRF_INVALID');
      expect(await t.ctx.db.selectFrom('recruit_application').select('id').execute()).toHaveLength(0);
    });
  });

  describe('applications', () => {
    let aliceApp: string;

    it('checks the ID number and names every unmet requirement in zh-CN and en-US, storing nothing', async () => {
      const badId = await alice.post('/api/v1/portal/applications', form(postId, { idNumber: '330102200003151234' }), {
        'idempotency-key': 'key-badid-0001',
      });
      expect(badId.statusCode).toBe(400);
      expect(badId.json().error.code).toBe('RECRUIT_ID_INVALID');
      const old = form(postId, { idNumber: makeIdNumber('330102', '1980-01-01', 11), education: '71' });
      const zh = await alice.post('/api/v1/portal/applications', old, { 'idempotency-key': 'key-old-00001' });
      expect(zh.statusCode).toBe(400);
      expect(zh.json().error.code).toBe('RECRUIT_REQUIREMENT_NOT_MET');
      expect(zh.json().error.details.reasons).toEqual([
        '年龄不符：截至 2026-06-30 您 46 周岁，岗位要求不超过 35 周岁',
        '学历不符：岗位要求普通高级中学教育及以上学历',
      ]);
      // Age counts on the registration deadline (2026-06-30), not on the day of applying: 35 today,
      // 36 by the deadline, so refused on every day of the window alike.
      const turning = await alice.post(
        '/api/v1/portal/applications',
        form(postId, { idNumber: makeIdNumber('330102', '1990-06-15', 12) }),
        {
          'idempotency-key': 'key-turning-01',
        },
      );
      expect(turning.json().error.details.reasons).toEqual(['年龄不符：截至 2026-06-30 您 36 周岁，岗位要求不超过 35 周岁']);
      const en = await alice.request({
        method: 'POST',
        url: '/api/v1/portal/applications',
        payload: old,
        headers: { 'idempotency-key': 'key-old-00002', 'accept-language': 'en-US' },
      });
      expect(en.json().error.details.reasons[0]).toBe('Age: on 2026-06-30 you are 46; the post allows at most 35');
      expect(await t.ctx.db.selectFrom('recruit_application').select('id').execute()).toHaveLength(0);
    });

    it('needs an Idempotency-Key', async () => {
      const res = await alice.post('/api/v1/portal/applications', form(postId));
      expect(res.json().error.code).toBe('RECRUIT_IDEMPOTENCY_KEY_REQUIRED');
    });

    it('makes exactly one application from parallel duplicate submissions with the same key', async () => {
      const body = form(postId, { name: '李爱丽' });
      const key = 'double-click-0001';
      const results = await Promise.all(
        Array.from({ length: 8 }, () => alice.post('/api/v1/portal/applications', body, { 'idempotency-key': key })),
      );
      expect(results.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
      const ids = new Set(results.map((r) => r.json().id));
      expect(ids.size).toBe(1);
      expect(results.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(7);
      const rows = await t.ctx.db
        .selectFrom('recruit_application')
        .select(['id', 'id_number_enc', 'phone_enc', 'status'])
        .where('applicant_id', '=', alice.applicantId)
        .execute();
      expect(rows).toHaveLength(1);
      aliceApp = rows[0]?.id as string;
      expect(rows[0]?.id_number_enc).not.toContain(body.idNumber.slice(0, 10));
      expect(rows[0]?.phone_enc).not.toContain('13912345678');
      const first = results[0]?.json();
      expect(first).toMatchObject({
        status: 'submitted',
        sex: '1',
        birthDate: '2000-03-15',
        age: 26,
        idNumber: body.idNumber,
        postName: '巡逻辅警',
      });
      const other = await alice.post('/api/v1/portal/applications', form(postId), { 'idempotency-key': 'another-key-0001' });
      expect(other.statusCode).toBe(409);
      expect(other.json().error).toMatchObject({ code: 'RECRUIT_ALREADY_APPLIED', details: { applicationId: aliceApp } });
    });

    it('makes one application from parallel submissions with different keys too', async () => {
      const body = form(postId, { name: '鲍勃' });
      const results = await Promise.all(
        Array.from({ length: 6 }, (_, i) => bob.post('/api/v1/portal/applications', body, { 'idempotency-key': `bob-key-000${i}` })),
      );
      expect(results.filter((r) => r.statusCode === 201)).toHaveLength(1);
      expect(results.filter((r) => r.statusCode === 409)).toHaveLength(5);
      expect(
        await t.ctx.db.selectFrom('recruit_application').select('id').where('applicant_id', '=', bob.applicantId).execute(),
      ).toHaveLength(1);
    });

    it('refuses an ID number another account already used in this announcement', async () => {
      const carol = await registerApplicant(t, sender, '13900000003');
      const bobsId = (await bob.get('/api/v1/portal/applications')).json()[0].id;
      const bobsIdNumber = (await bob.get(`/api/v1/portal/applications/${bobsId}`)).json().idNumber;
      const res = await carol.post('/api/v1/portal/applications', form(postId, { idNumber: bobsIdNumber }), {
        'idempotency-key': 'carol-key-0001',
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().error.details).toEqual({});
    });

    it('lets the applicant edit until reviewed, and lists own applications only', async () => {
      const res = await alice.patch(`/api/v1/portal/applications/${aliceApp}`, { address: '浙江省杭州市上城区新地址 8 号' });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json().address).toBe('浙江省杭州市上城区新地址 8 号');
      const mine = await alice.get('/api/v1/portal/applications');
      expect(mine.json().map((a: { id: string }) => a.id)).toEqual([aliceApp]);
    });

    it('refuses photos by content: disguised, oversized, not an image, wrong size — nothing changes', async () => {
      const dir = path.join(t.dataDir, 'uploads', 'recruitment');
      const put = (body: Buffer, type: string) =>
        alice.request({
          method: 'PUT',
          url: `/api/v1/portal/applications/${aliceApp}/photo`,
          payload: body,
          headers: { 'content-type': type },
        });
      const pdfAsJpeg = await put(Buffer.from('%PDF-1.7\n1 0 obj<<>>endobj\n'), 'image/jpeg');
      expect(pdfAsJpeg.statusCode).toBe(400);
      expect(pdfAsJpeg.json().error).toMatchObject({ code: 'RECRUIT_UPLOAD_INVALID', details: { reason: 'type' } });
      expect(pdfAsJpeg.json().error.message).toContain('文件类型不允许');
      const text = await put(Buffer.from('just some text pretending to be a png'), 'image/png');
      expect(text.json().error.details.reason).toBe('not_image');
      const big = Buffer.concat([makePng(400, 500), Buffer.alloc(2 * 1024 * 1024)]);
      const oversized = await put(big, 'image/png');
      expect(oversized.statusCode).toBe(400);
      expect(oversized.json().error.details.reason).toBe('size');
      const tiny = await put(makePng(100, 100), 'image/png');
      expect(tiny.json().error.details).toMatchObject({ reason: 'dimensions', width: 100, height: 100 });
      const row = await t.ctx.db.selectFrom('recruit_application').select('photo').where('id', '=', aliceApp).executeTakeFirstOrThrow();
      expect(row.photo).toBeNull();
      expect(fs.existsSync(path.join(dir, 'photos')) ? fs.readdirSync(path.join(dir, 'photos')) : []).toEqual([]);
      const good = await put(makePng(358, 441), 'application/octet-stream');
      expect(good.statusCode, good.body).toBe(204);
      const back = await alice.get(`/api/v1/portal/applications/${aliceApp}/photo`);
      expect(back.headers['content-type']).toBe('image/png');
      expect(back.rawPayload.equals(makePng(358, 441))).toBe(true);
    });

    it('refuses documents by content, not by name, and keeps accepted ones outside the web root', async () => {
      const post = (file: Buffer, name: string, category = 'id_card') => {
        const m = multipart(file, name, category);
        return alice.request({
          method: 'POST',
          url: `/api/v1/portal/applications/${aliceApp}/files`,
          payload: m.payload,
          headers: m.headers,
        });
      };
      const exe = await post(Buffer.from('MZ\x90\x00 this is a program'), '身份证.pdf');
      expect(exe.statusCode).toBe(400);
      expect(exe.json().error.details.reason).toBe('type');
      const big = await post(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(5 * 1024 * 1024 + 10)]), 'big.pdf');
      expect(big.statusCode).toBe(400);
      expect(big.json().error.details.reason).toBe('size');
      const badCategory = await post(Buffer.from('%PDF-1.7\n'), 'a.pdf', 'passport');
      expect(badCategory.statusCode).toBe(400);
      expect(await t.ctx.db.selectFrom('recruit_file').select('id').execute()).toHaveLength(0);
      const ok = await post(Buffer.from('%PDF-1.7\n%%EOF\n'), '毕业证.jpg', 'diploma');
      expect(ok.statusCode, ok.body).toBe(201);
      expect(ok.json()).toMatchObject({ category: 'diploma', name: '毕业证.jpg', type: 'application/pdf' });
      const stored = await t.ctx.db.selectFrom('recruit_file').select('stored').executeTakeFirstOrThrow();
      expect(fs.existsSync(path.join(t.dataDir, 'uploads', 'recruitment', 'files', stored.stored))).toBe(true);
      const back = await alice.get(`/api/v1/portal/applications/${aliceApp}/files/${ok.json().id}`);
      expect(back.statusCode).toBe(200);
      expect(back.body).toContain('%PDF-1.7');
    });

    it("answers 404 on every portal route given another applicant's application or file", async () => {
      const aliceFile = (await alice.get(`/api/v1/portal/applications/${aliceApp}`)).json().files[0].id as string;
      const before = await t.ctx.db.selectFrom('recruit_application').selectAll().where('id', '=', aliceApp).executeTakeFirstOrThrow();
      const routes = t.app.routeInventory.filter((r) => r.url.startsWith('/api/v1/portal/') && r.url.includes(':id'));
      const withId = routes.filter((r) => r.url.startsWith('/api/v1/portal/applications/'));
      expect(withId.length).toBe(10);
      const bodies: Record<string, { payload: Buffer | object; headers?: Record<string, string> }> = {
        'PATCH /api/v1/portal/applications/:id': { payload: { address: 'hijacked' } },
        'PUT /api/v1/portal/applications/:id/photo': { payload: makePng(358, 441), headers: { 'content-type': 'image/png' } },
        'POST /api/v1/portal/applications/:id/files': multipart(Buffer.from('%PDF-1.7\n'), 'x.pdf'),
      };
      for (const route of withId) {
        const url = route.url.replace(':id', aliceApp).replace(':fileId', aliceFile);
        const extra = bodies[`${route.method} ${route.url}`];
        const res = await bob.request({
          method: route.method as 'GET',
          url,
          ...(extra ? { payload: extra.payload, headers: extra.headers ?? {} } : {}),
        });
        expect(res.statusCode, `${route.method} ${route.url}: ${res.body}`).toBe(404);
        expect(res.body).not.toContain('王小明');
      }
      const after = await t.ctx.db.selectFrom('recruit_application').selectAll().where('id', '=', aliceApp).executeTakeFirstOrThrow();
      expect(after).toEqual(before);
      expect(await t.ctx.db.selectFrom('recruit_file').select('id').execute()).toHaveLength(1);
      // Without any session every applicant route answers 401.
      for (const route of withId) {
        const res = await t.app.inject({
          method: route.method as 'GET',
          url: route.url.replace(':id', aliceApp).replace(':fileId', aliceFile),
        });
        expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
      }
    });
  });
});
