import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminClient, createTestApp, dialects, type Client, type TestApp } from '../../test-support/test-app.ts';

const run = promisify(execFile);
const countOrgs = async (t: TestApp) =>
  Number(
    (
      await t.ctx.db
        .selectFrom('org')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe.each(dialects)('bad input on %s', (dialect) => {
  let t: TestApp;
  let admin: Client;
  let root: string;
  beforeAll(async () => {
    t = await createTestApp(dialect, { bodyLimitBytes: 64 * 1024 });
    admin = await adminClient(t, 'sysadmin');
    root = (await admin.get('/api/v1/orgs/tree')).json<{ id: string }[]>()[0]!.id;
  });
  afterAll(() => t.close());

  const post = (payload: string, headers: Record<string, string> = {}) =>
    admin.request({ method: 'POST', url: '/api/v1/orgs', payload, headers: { 'content-type': 'application/json', ...headers } });

  it('malformed JSON → 400 INVALID_JSON, localised, nothing written', async () => {
    const n = await countOrgs(t);
    const res = await post('{"name": "x", ');
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'INVALID_JSON', message: '请求体不是合法的 JSON' });
    const en = await post('{oops', { 'accept-language': 'en-US' });
    expect(en.json().error.message).toBe('The request body is not valid JSON');
    expect(await countOrgs(t)).toBe(n);
  });

  it('wrong types are not coerced and unknown fields are refused, not dropped', async () => {
    const n = await countOrgs(t);
    const wrong = await post(JSON.stringify({ name: 123, parentId: root, type: 'branch', isUnit: true }));
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.code).toBe('VALIDATION_FAILED');
    expect(wrong.json().error.details[0].path).toBe('body/name');
    const stringBool = await post(JSON.stringify({ name: 'x', parentId: root, type: 'branch', isUnit: 'true' }));
    expect(stringBool.statusCode).toBe(400);
    const unknown = await post(JSON.stringify({ name: 'x', parentId: root, type: 'branch', isUnit: true, city_code: '110000' }));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details[0].rule).toBe('additionalProperties');
    const proto = await post('{"name":"x","parentId":"' + root + '","type":"branch","isUnit":true,"__proto__":{"admin":true}}');
    expect(proto.statusCode).toBe(400);
    expect(await countOrgs(t)).toBe(n);
  });

  it('an oversized body → 413 PAYLOAD_TOO_LARGE, nothing written', async () => {
    const n = await countOrgs(t);
    const res = await post(JSON.stringify({ name: 'x'.repeat(70 * 1024), parentId: root, type: 'branch', isUnit: true }));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('PAYLOAD_TOO_LARGE');
    expect(await countOrgs(t)).toBe(n);
  });

  it('a wrong content type → 415; an unknown route → 404 in the error shape', async () => {
    const res = await admin.request({
      method: 'POST',
      url: '/api/v1/orgs',
      payload: 'name=x',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(res.statusCode).toBe(415);
    const missing = await admin.get('/api/v1/nothing-here');
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('ROUTE_NOT_FOUND');
  });

  it('a bad id in the path → 400, not a database error', async () => {
    const res = await admin.get("/api/v1/orgs/1' OR '1'='1");
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
  });
});

describe('unwritable data directory', () => {
  it('refuses to start with a clear message and creates nothing', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zg-bad-'));
    const file = path.join(dir, 'not-a-dir');
    fs.writeFileSync(file, 'x');
    // A path below a regular file cannot be created, even by root (permission bits would not stop root).
    const main = new URL('../../main.ts', import.meta.url).pathname;
    const result = await run(process.execPath, ['--import', 'tsx', main], {
      env: { ...process.env, DATA_DIR: path.join(file, 'data'), PORT: '0', DATABASE_URL: '' },
    }).then(
      () => ({ code: 0, stderr: '' }),
      (e: { code: number; stderr: string }) => e,
    );
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('数据目录不可写');
    expect(result.stderr).toContain('The data directory is not writable');
    expect(fs.readdirSync(dir)).toEqual(['not-a-dir']);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
