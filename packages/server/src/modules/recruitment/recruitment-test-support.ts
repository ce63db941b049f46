import zlib from 'node:zlib';
import { makeIdNumber, noRequirements, type PostRequirements } from '@zhenggong/core';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type { Client, TestApp } from '../../test-support/test-app.ts';
import { issueCaptcha } from './portal/captcha.ts';
import { overridePortalSettings } from './portal/portal-settings.ts';
import type { MessageSender } from './portal/message-sender.ts';

/** A message sender that keeps what it sent, so tests read verification codes like an applicant would. */
export function recordingSender(): MessageSender & { last(phone: string): string | undefined } {
  const sent: { phone: string; text: string }[] = [];
  return {
    name: 'recording',
    async send(phone, text) {
      sent.push({ phone, text });
    },
    last(phone) {
      const msg = [...sent].reverse().find((m) => m.phone === phone);
      return msg?.text.match(/(\d{6})/)?.[1];
    },
  };
}

export interface PortalClient {
  readonly applicantId: string;
  readonly phone: string;
  readonly cookie: string;
  readonly csrf: string;
  request(opts: InjectOptions): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  patch(url: string, body: unknown): Promise<LightMyRequestResponse>;
  delete(url: string): Promise<LightMyRequestResponse>;
}

export function portalClient(t: TestApp, applicantId: string, phone: string, res: LightMyRequestResponse): PortalClient {
  const c = res.cookies.find((x) => x.name === 'zg_applicant');
  if (!c) throw new Error(`no applicant cookie: ${res.statusCode} ${res.body}`);
  const cookie = `zg_applicant=${c.value}`;
  const csrf = res.json<{ csrf: string }>().csrf;
  const request = (opts: InjectOptions) => t.app.inject({ ...opts, headers: { cookie, 'x-portal-csrf': csrf, ...(opts.headers ?? {}) } });
  return {
    applicantId,
    phone,
    cookie,
    csrf,
    request,
    get: (url) => request({ method: 'GET', url }),
    post: (url, payload, headers) =>
      request({ method: 'POST', url, ...(payload === undefined ? {} : { payload: payload as object }), ...(headers ? { headers } : {}) }),
    patch: (url, payload) => request({ method: 'PATCH', url, payload: payload as object }),
    delete: (url) => request({ method: 'DELETE', url }),
  };
}

/** Registers an applicant the way the portal does: captcha, verification code by message, register. */
export async function registerApplicant(
  t: TestApp,
  sender: ReturnType<typeof recordingSender>,
  phone: string,
  password = 'Kaosheng2026',
): Promise<PortalClient> {
  overridePortalSettings(t.ctx, { sender });
  const captcha = await issueCaptcha(t.ctx);
  const sent = await t.app.inject({
    method: 'POST',
    url: '/api/v1/portal/verification-code',
    payload: { phone, captchaId: captcha.captchaId, captchaAnswer: captcha.answer },
  });
  if (sent.statusCode !== 204) throw new Error(`verification code: ${sent.statusCode} ${sent.body}`);
  const code = sender.last(phone) as string;
  const res = await t.app.inject({ method: 'POST', url: '/api/v1/portal/register', payload: { phone, code, password } });
  if (res.statusCode !== 201) throw new Error(`register: ${res.statusCode} ${res.body}`);
  return portalClient(t, res.json<{ applicant: { id: string } }>().applicant.id, phone, res);
}

export const requirements = (over: Partial<PostRequirements> = {}): PostRequirements => ({ ...noRequirements, ...over });

/** A published announcement with one post, owned by `orgId`, hiring into `unitId`. */
export async function publishedAnnouncement(
  staff: Client,
  orgId: string,
  unitId: string,
  over: { requirements?: PostRequirements; applyUntil?: string; code?: string } = {},
) {
  const a = await staff.post('/api/v1/recruitment/announcements', {
    title: '2026 年度辅警招聘公告',
    orgId,
    body: '招聘辅警若干名。',
    summary: '招聘辅警',
    applyFrom: '2026-05-01',
    applyUntil: over.applyUntil ?? '2026-06-30',
    examAt: '2026-07-10 09:00',
    examPlace: '市公安局培训中心',
  });
  if (a.statusCode !== 201) throw new Error(`announcement: ${a.body}`);
  const announcementId = a.json<{ id: string }>().id;
  const p = await staff.post(`/api/v1/recruitment/announcements/${announcementId}/posts`, {
    code: over.code ?? '01',
    name: '巡逻辅警',
    orgId: unitId,
    headcount: 2,
    requirements: over.requirements ?? requirements({ ageMin: 18, ageMax: 35, educationMin: '60' }),
  });
  if (p.statusCode !== 201) throw new Error(`post: ${p.body}`);
  const pub = await staff.post(`/api/v1/recruitment/announcements/${announcementId}/publish`);
  if (pub.statusCode !== 200) throw new Error(`publish: ${pub.body}`);
  return { announcementId, postId: p.json<{ id: string }>().id };
}

let seq = 100;
/** A valid form; each call uses a fresh ID number unless one is given. */
export function form(postId: string, over: Record<string, unknown> = {}) {
  seq += 2;
  return {
    postId,
    name: '王小明',
    idNumber: makeIdNumber('330102', '2000-03-15', seq + 1),
    phone: '13912345678',
    education: '21',
    politicalStatus: '03',
    householdRegion: '330102',
    address: '浙江省杭州市上城区某路 1 号',
    school: '浙江警官职业学院',
    major: '治安管理',
    resume: '2018-2022 就读于浙江警官职业学院',
    ...over,
  };
}

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
const chunk = (type: string, data: Buffer) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
};

/** A real, decodable grey PNG of the given size. */
export function makePng(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const raw = Buffer.alloc((width + 1) * height, 0xc8);
  for (let y = 0; y < height; y++) raw[y * (width + 1)] = 0; // filter byte
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A multipart body with a `category` field then a `file` part. */
export function multipart(file: Buffer, fileName: string, category = 'id_card', contentType = 'application/octet-stream') {
  const boundary = '----zgRecruitBoundary7MA4YWxk';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="category"\r\n\r\n${category}\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  return {
    payload: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
