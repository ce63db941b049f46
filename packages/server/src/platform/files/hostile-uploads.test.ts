import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeIdNumber, permissionCatalogue } from '@zhenggong/core';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  form,
  publishedAnnouncement,
  recordingSender,
  registerApplicant,
  type PortalClient,
} from '../../modules/recruitment/recruitment-test-support.ts';
import { toPersonRow } from '../../modules/personnel/person-rows.ts';
import { insertPersonWithHistory } from '../../modules/personnel/person-service.ts';
import { makeOrg, makeRole, makeUser } from '../../test-support/factories.ts';
import { moduleFixtureSeeders } from '../../test-support/module-fixtures.ts';
import { adminClient, createTestApp, dialects, login, type Client, type TestApp } from '../../test-support/test-app.ts';
import { htmlPage, pngOf, pngThenScript, writeDocxBomb, writeXlsxBomb } from './hostile-files.ts';

/**
 * Every upload and import route, fed the files an insider would send: a well-formed xlsx whose
 * sheet inflates to 450 MB, a PNG header claiming 30000×30000 px, a PNG signature followed by
 * script, HTML named .jpg (and a docx bomb where documents are taken). Each must be refused
 * quickly with a localised error code, leave no row and no file behind, and keep memory flat.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zg-hostile-'));
const XLSX_BOMB = path.join(dir, 'bomb.xlsx');
const DOCX_BOMB = path.join(dir, 'bomb.docx');
const bombInfo = writeXlsxBomb(XLSX_BOMB, 450 * 1_048_576);
writeDocxBomb(DOCX_BOMB, 1024 * 1_048_576);

interface Hostile {
  readonly label: string;
  readonly name: string;
  readonly type: string;
  readonly body: () => Buffer;
}
const hostile: Record<string, Hostile> = {
  xlsxBomb: {
    label: 'xlsx inflating to 450 MB',
    name: 'roster.xlsx',
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: () => fs.readFileSync(XLSX_BOMB),
  },
  docxBomb: {
    label: 'docx inflating to 1 GiB',
    name: 'notes.docx',
    type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    body: () => fs.readFileSync(DOCX_BOMB),
  },
  hugePng: { label: 'PNG header 30000×30000', name: 'photo.png', type: 'image/png', body: () => pngOf(30_000, 30_000) },
  scriptPng: { label: 'PNG signature then script', name: 'photo.png', type: 'image/png', body: pngThenScript },
  htmlJpg: { label: 'HTML named .jpg', name: 'photo.jpg', type: 'image/jpeg', body: htmlPage },
};

const boundary = '----zgHostileBoundary';
const multipartOf = (h: Hostile, fields: Record<string, string> = {}) => ({
  payload: Buffer.concat([
    Buffer.from(
      Object.entries(fields)
        .map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
        .join(''),
    ),
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${h.name}"\r\nContent-Type: ${h.type}\r\n\r\n`),
    h.body(),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]),
  headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
});

/** The error of a refused request: JSON, or the last line of an NDJSON progress stream. */
function refusal(res: LightMyRequestResponse): { code: string; message: string } | undefined {
  if (res.headers['content-type']?.toString().includes('ndjson')) {
    const last = res.body
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { error?: { code: string; message: string } })
      .pop();
    return last?.error;
  }
  return res.statusCode >= 400 ? res.json<{ error: { code: string; message: string } }>().error : undefined;
}

const listFiles = (root: string): string[] =>
  fs.existsSync(root)
    ? fs
        .readdirSync(root, { recursive: true, withFileTypes: true })
        .filter((d) => d.isFile())
        .map((d) => path.join(d.parentPath, d.name))
    : [];

describe.each(dialects)('hostile files on every upload and import route (%s)', (dialect) => {
  let t: TestApp;
  let staff: Client;
  let applicant: PortalClient;
  const ids: Record<string, string> = {};
  const peaks: string[] = [];

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const sys = await adminClient(t, 'sysadmin');
    const root = (await sys.get('/api/v1/orgs/tree')).json<{ id: string }[]>()[0]?.id as string;
    const a = await makeOrg(t.ctx, root, '甲分局');
    const a1 = await makeOrg(t.ctx, a, '甲派出所', { type: 'station' });
    const b = await makeOrg(t.ctx, root, '乙分局');
    const b1 = await makeOrg(t.ctx, b, '乙派出所', { type: 'station' });
    const business = permissionCatalogue.filter((p) => p.adminKind === null).map((p) => p.code);
    const role = await makeRole(t.ctx, 'all-business', business, 'org_and_below');
    const userB = await makeUser(t.ctx, 'b-staff', b, 'Branch#Pass123', [role]);
    const personRow = toPersonRow(t.ctx, {
      kind: 'officer',
      name: '乙民警',
      idNumber: makeIdNumber('330102', '1980-01-01', 11),
      orgId: b1,
    });
    if (!personRow.ok) throw new Error('fixture person invalid');
    await t.ctx.db.transaction().execute((trx) => insertPersonWithHistory(trx, personRow.row, '2020-01-01'));
    // The module fixtures make branch-B rows; a branch-B user holding every business permission may use them.
    staff = await login(t.app, 'b-staff', 'Branch#Pass123');
    const env = {
      t,
      ctx: t.ctx,
      root,
      orgA: a,
      orgA1: a1,
      orgB: b,
      orgB1: b1,
      personB: personRow.row.id,
      userB,
      roleA: role,
      branchB: staff,
      MARK: 'B',
    };
    const params: Record<string, string> = {};
    for (const seed of moduleFixtureSeeders) Object.assign(params, (await seed(env)).params);
    Object.assign(ids, {
      person: personRow.row.id,
      bank: params['/api/v1/question-bank/banks'],
      event: params['/api/v1/competitions'],
      month: params['/api/v1/auxiliary/assessment-months'],
      courseware: params['/api/v1/talent/courseware'],
      exemplar: params['/api/v1/exemplars/library'],
    });
    const material = await staff.post('/api/v1/study/materials', {
      title: '学习资料',
      kind: 'document',
      orgId: b1,
      hours: 1,
      minReadMinutes: 0,
    });
    ids.material = material.json().id;
    const { announcementId, postId } = await publishedAnnouncement(staff, b1, b1, { code: 'H01' });
    ids.announcement = announcementId;
    applicant = await registerApplicant(t, recordingSender(), '13900000009');
    const app = await applicant.post('/api/v1/portal/applications', form(postId, { name: '王考生' }), {
      'idempotency-key': 'hostile-0001',
    });
    ids.application = app.json().id;
  }, 120_000);
  afterAll(async () => {
    console.log(`peak RSS during hostile uploads (${dialect}):\n${peaks.join('\n')}`);
    await t.close();
  });

  /** Row counts of every table but the logs, and the columns uploads would set. */
  async function snapshot(): Promise<string> {
    const skip = new Set([
      'audit_log',
      'audit_head',
      'session',
      'recruit_portal_session',
      'job_run',
      // A refused upload still counts against the route's rate limit, as it should.
      'rate_counter',
      'kysely_migration',
      'kysely_migration_lock',
    ]);
    const tables = (await t.ctx.db.introspection.getTables())
      .map((x) => x.name)
      .filter((n) => !skip.has(n))
      .sort();
    const counts: string[] = [];
    for (const name of tables) {
      // Table names come from the database's own catalogue, not from input.
      const row = await t.ctx.db
        .selectFrom(name as 'org')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      counts.push(`${name}=${Number(row.n)}`);
    }
    const photo = await t.ctx.db
      .selectFrom('person')
      .select('photo')
      .where('id', '=', ids.person as string)
      .executeTakeFirstOrThrow();
    const app = await t.ctx.db
      .selectFrom('recruit_application')
      .select('photo')
      .where('id', '=', ids.application as string)
      .executeTakeFirstOrThrow();
    const m = await t.ctx.db
      .selectFrom('study_material')
      .select('stored_name')
      .where('id', '=', ids.material as string)
      .executeTakeFirstOrThrow();
    const w = await t.ctx.db
      .selectFrom('courseware')
      .select('storage_name')
      .where('id', '=', ids.courseware as string)
      .executeTakeFirstOrThrow();
    return [
      ...counts,
      photo.photo,
      app.photo,
      m.stored_name,
      w.storage_name,
      ...listFiles(t.dataDir)
        .filter((f) => !f.endsWith('.db') && !f.includes('.db-'))
        .sort(),
    ].join('\n');
  }

  type Send = (h: Hostile) => Promise<LightMyRequestResponse>;
  const post =
    (url: string, fields?: Record<string, string>): Send =>
    (h) =>
      staff.request({ method: 'POST', url, ...multipartOf(h, fields) });
  const raw =
    (client: () => Client | PortalClient, url: string): Send =>
    (h) =>
      client().request({ method: 'PUT', url, payload: h.body(), headers: { 'content-type': h.type } });

  const routes: [string, () => Send, readonly (keyof typeof hostile)[], readonly string[]][] = [
    [
      'personnel roster import (dry run)',
      () => post('/api/v1/personnel/import/dry-run'),
      ['xlsxBomb', 'scriptPng', 'htmlJpg'],
      ['IMPORT_XLSX_RATIO', 'IMPORT_XLSX_TOO_LARGE', 'IMPORT_NOT_XLSX'],
    ],
    [
      'personnel roster import (commit)',
      () => post('/api/v1/personnel/import/commit'),
      ['xlsxBomb', 'scriptPng', 'htmlJpg'],
      ['IMPORT_XLSX_RATIO', 'IMPORT_XLSX_TOO_LARGE', 'IMPORT_NOT_XLSX'],
    ],
    [
      'question-bank import',
      () => post(`/api/v1/question-bank/import/commit?bankId=${ids.bank}`),
      ['xlsxBomb', 'scriptPng', 'htmlJpg'],
      ['IMPORT_XLSX_RATIO', 'IMPORT_XLSX_TOO_LARGE', 'IMPORT_NOT_XLSX'],
    ],
    [
      'competition score import',
      () => post(`/api/v1/competitions/${ids.event}/scores/import`),
      ['xlsxBomb', 'scriptPng', 'htmlJpg'],
      ['IMPORT_XLSX_RATIO', 'IMPORT_XLSX_TOO_LARGE', 'IMPORT_NOT_XLSX'],
    ],
    [
      'auxiliary grade import',
      () => post(`/api/v1/auxiliary/assessment-months/${ids.month}/import`),
      ['xlsxBomb', 'scriptPng', 'htmlJpg'],
      ['IMPORT_XLSX_RATIO', 'IMPORT_XLSX_TOO_LARGE', 'IMPORT_NOT_XLSX'],
    ],
    [
      'recruitment score import',
      () => post(`/api/v1/recruitment/announcements/${ids.announcement}/scores/import`),
      ['xlsxBomb', 'scriptPng', 'htmlJpg'],
      ['IMPORT_XLSX_RATIO', 'IMPORT_XLSX_TOO_LARGE', 'RECRUIT_SCORES_IMPORT_INVALID'],
    ],
    [
      'staff photo',
      () => raw(() => staff, `/api/v1/personnel/people/${ids.person}/photo`),
      ['hugePng', 'scriptPng', 'htmlJpg'],
      ['FILE_IMAGE_TOO_BIG', 'FILE_CORRUPT', 'FILE_TYPE_REFUSED'],
    ],
    [
      'portal photo',
      () => raw(() => applicant, `/api/v1/portal/applications/${ids.application}/photo`),
      ['hugePng', 'scriptPng', 'htmlJpg'],
      ['RECRUIT_UPLOAD_INVALID'],
    ],
    [
      'portal documents',
      () => (h) =>
        applicant.request({
          method: 'POST',
          url: `/api/v1/portal/applications/${ids.application}/files`,
          ...multipartOf(h, { category: 'id_card' }),
        }),
      ['hugePng', 'scriptPng', 'htmlJpg', 'xlsxBomb'],
      ['RECRUIT_UPLOAD_INVALID'],
    ],
    [
      'study material file',
      () => post(`/api/v1/study/materials/${ids.material}/file`),
      ['docxBomb', 'xlsxBomb', 'hugePng', 'scriptPng', 'htmlJpg'],
      ['FILE_ARCHIVE_TOO_LARGE', 'FILE_TYPE_REFUSED'],
    ],
    [
      'courseware file',
      () => post(`/api/v1/talent/courseware/${ids.courseware}/file`),
      ['docxBomb', 'hugePng', 'scriptPng', 'htmlJpg'],
      ['FILE_ARCHIVE_TOO_LARGE', 'FILE_TYPE_REFUSED'],
    ],
    [
      'exemplar photo',
      () => post(`/api/v1/exemplars/library/${ids.exemplar}/photos`),
      ['hugePng', 'scriptPng', 'htmlJpg', 'xlsxBomb'],
      ['FILE_IMAGE_TOO_BIG', 'FILE_CORRUPT', 'FILE_TYPE_REFUSED'],
    ],
  ];

  it('builds a sheet of at least 450 MB that packs small', () => {
    expect(bombInfo.inflatedBytes).toBeGreaterThanOrEqual(450 * 1_048_576);
    expect(bombInfo.fileBytes).toBeLessThan(1_048_576);
  });

  it.each(routes)('%s refuses every hostile file quickly, clearly, leaving nothing behind', async (label, route, files, codes) => {
    const send = route();
    const before = await snapshot();
    for (const key of files) {
      const h = hostile[key] as Hostile;
      const rssBefore = process.memoryUsage().rss;
      let peak = rssBefore;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 2);
      const started = performance.now();
      const res = await send(h);
      const ms = performance.now() - started;
      clearInterval(sampler);
      peak = Math.max(peak, process.memoryUsage().rss);
      const error = refusal(res);
      expect(error, `${label} / ${h.label}: ${res.statusCode} ${res.body.slice(0, 300)}`).toBeDefined();
      expect(codes, `${label} / ${h.label}: ${error?.code}`).toContain(error?.code);
      // Localised, never a parser's internal message.
      expect(error?.message).toMatch(/[\u4e00-\u9fff]/);
      expect(error?.message).not.toMatch(/Cannot read|undefined|TypeError/);
      expect(ms, `${label} / ${h.label}`).toBeLessThan(3000);
      const growthMb = (peak - rssBefore) / 1_048_576;
      peaks.push(
        `  ${label} / ${h.label}: ${res.statusCode} ${error?.code} in ${Math.round(ms)} ms, RSS ${Math.round(rssBefore / 1_048_576)} → peak ${Math.round(peak / 1_048_576)} MB`,
      );
      expect(growthMb, `${label} / ${h.label}`).toBeLessThan(150);
    }
    expect(await snapshot()).toBe(before);
  });
});

// After every dialect's suite: the hostile files are shared by all of them.
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
