import fs from 'node:fs';
import path from 'node:path';
import type { ImportLine, ImportResultLine } from '@zhenggong/core/personnel/roster-import-api';
import type { RosterCell } from '@zhenggong/core/personnel/roster-cells';
import type { LightMyRequestResponse } from 'fastify';
import { makeOrg, makeRole, makeUser } from '../../../test-support/factories.ts';
import { login, type Client, type TestApp } from '../../../test-support/test-app.ts';
import { writeRosterXlsx, type RosterSheet } from './roster-fixture.ts';

/** A multipart/form-data body with one file field, as a browser's FormData sends it. */
export function multipartBody(file: Buffer, fileName: string, field = 'file'): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----zg${Math.random().toString(16).slice(2)}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${fileName}"\r\n` +
      'Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n',
  );
  return {
    payload: Buffer.concat([head, file, Buffer.from(`\r\n--${boundary}--\r\n`)]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

export const ndjson = (res: LightMyRequestResponse): ImportLine[] =>
  res.body
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as ImportLine);

/** Uploads to dry-run or commit and returns the response with its parsed lines. */
export async function upload(
  client: Client,
  action: 'dry-run' | 'commit',
  file: Buffer,
  opts: { fileName?: string; query?: string; lang?: string } = {},
) {
  const body = multipartBody(file, opts.fileName ?? '名册.xlsx');
  const res = await client.request({
    method: 'POST',
    url: `/api/v1/personnel/import/${action}${opts.query ? `?${opts.query}` : ''}`,
    payload: body.payload,
    headers: { ...body.headers, ...(opts.lang ? { 'accept-language': opts.lang } : {}) },
  });
  const lines = res.statusCode === 200 ? ndjson(res) : [];
  const last = lines.at(-1);
  return { res, lines, result: last?.type === 'result' ? last : undefined, error: last?.type === 'error' ? last.error : undefined };
}

export const resultOf = (r: { result: ImportResultLine | undefined; res: LightMyRequestResponse }): ImportResultLine => {
  if (!r.result) throw new Error(`no result line: ${r.res.statusCode} ${r.res.body.slice(0, 500)}`);
  return r.result;
};

/** Writes a roster into the test's data dir and returns its bytes. */
export async function rosterFile(t: TestApp, sheet: RosterSheet): Promise<Buffer> {
  const file = path.join(t.dataDir, `fixture-${Math.random().toString(36).slice(2)}.xlsx`);
  await writeRosterXlsx(file, sheet);
  const bytes = fs.readFileSync(file);
  fs.rmSync(file);
  return bytes;
}

/** The headers most tests use: columns A–L, under one title row (data starts on sheet row 3). */
export const HEADERS = [
  '序号',
  '姓名',
  '身份证号',
  '性别',
  '出生日期',
  '民族',
  '政治面貌',
  '单位',
  '警号',
  '联系电话',
  '入警时间',
  '人员类别',
];
export const TITLE: readonly (readonly RosterCell[])[] = [['示例市公安局上城分局民警花名册']];

/**
 * The org tree of the import tests: the importer works in 上城分局 (scope: own unit and below);
 * 拱墅分局 is outside; two in-scope units are both called 综合室; 撤并所 is closed.
 */
export async function importWorld(t: TestApp) {
  const root = await makeOrg(t.ctx, null, '示例市公安局', { type: 'city_bureau' });
  const branch = await makeOrg(t.ctx, root, '上城分局');
  const station = await makeOrg(t.ctx, branch, '清波派出所', { type: 'station' });
  const other = await makeOrg(t.ctx, root, '拱墅分局');
  const officeA = await makeOrg(t.ctx, branch, '综合室', { isUnit: false });
  const officeB = await makeOrg(t.ctx, station, '综合室', { isUnit: false });
  const closed = await makeOrg(t.ctx, branch, '撤并所', { type: 'station' });
  await t.ctx.db.updateTable('org').set({ status: 'closed' }).where('id', '=', closed).execute();
  await t.ctx.db.updateTable('org').set({ code: 'SC-QB' }).where('id', '=', station).execute();
  const role = await makeRole(t.ctx, 'importer', ['personnel:import', 'personnel:read', 'personnel:write'], 'org_and_below');
  await makeUser(t.ctx, 'importer', branch, 'Imp#Pass12345', [role]);
  const importer = await login(t.app, 'importer', 'Imp#Pass12345');
  return { root, branch, station, other, officeA, officeB, closed, importer };
}

/** What DATA_DIR/tmp holds: must be empty after every import, however it ended. */
export const tmpFiles = (t: TestApp): string[] => {
  const dir = path.join(t.dataDir, 'tmp');
  return fs.existsSync(dir) ? fs.readdirSync(dir) : [];
};
