import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { importColumns } from '@zhenggong/core';
import { makeOrg, makeRole, makeUser } from '../../test-support/factories.ts';
import { login, type Client, type TestApp } from '../../test-support/test-app.ts';
import { multipartBody } from '../personnel/import/import-test-support.ts';

export const QB = '/api/v1/question-bank';
export const templateHeaders = importColumns.map((c) => `${c.required ? '*' : ''}${c.headers[0]}`);

/** An xlsx with one sheet: the given rows as they would sit in the sheet (first row = sheet row 1). */
export async function sheetXlsx(rows: readonly (readonly (string | number | null)[])[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('试题');
  for (const r of rows) ws.addRow([...r]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A template-shaped row: type, stem, options A–H, answer, analysis, police category, subject, difficulty, source. */
export const row = (
  type: string,
  stem: string,
  options: string[],
  answer: string,
  extra: { difficulty?: string | number; policeCategory?: string; subject?: string; sourceLaw?: string; analysis?: string } = {},
) => [
  type,
  stem,
  ...Array.from({ length: 8 }, (_, i) => options[i] ?? ''),
  answer,
  extra.analysis ?? '',
  extra.policeCategory ?? '治安',
  extra.subject ?? '治安管理',
  extra.difficulty ?? 3,
  extra.sourceLaw ?? '中华人民共和国治安管理处罚法',
];

export interface ImportAnswer {
  res: LightMyRequestResponse;
  lines: { type: string; [k: string]: unknown }[];
  result?: {
    committed: boolean;
    inserted: number;
    totalRows: number;
    validRows: number;
    problemCount: number;
    byType: Record<string, number>;
    problems: { row: number; column: string; header: string; code: string; message: string; value: string }[];
  };
  error?: { code: string; message: string };
}

export async function uploadQuestions(
  client: Client,
  action: 'dry-run' | 'commit',
  bankId: string,
  file: Buffer,
  lang?: string,
): Promise<ImportAnswer> {
  const body = multipartBody(file, '试题.xlsx');
  const res = await client.request({
    method: 'POST',
    url: `${QB}/import/${action}?bankId=${bankId}`,
    payload: body.payload,
    headers: { ...body.headers, ...(lang ? { 'accept-language': lang } : {}) },
  });
  const lines =
    res.statusCode === 200
      ? res.body
          .split('\n')
          .filter((l) => l !== '')
          .map((l) => JSON.parse(l) as ImportAnswer['lines'][number])
      : [];
  const last = lines.at(-1);
  return {
    res,
    lines,
    ...(last?.type === 'result' ? { result: last as never } : {}),
    ...(last?.type === 'error' ? { error: last.error as never } : {}),
  };
}

/**
 * The org tree of these tests: 市局 (root) with its 政治部 department, branches 上城 and 拱墅.
 * `teacher` edits questions in 上城分局 and below; `other` in 拱墅分局.
 */
export async function qbWorld(t: TestApp) {
  const root = await makeOrg(t.ctx, null, '示例市公安局', { type: 'city_bureau' });
  const dept = await makeOrg(t.ctx, root, '政治部', { isUnit: false });
  const branch = await makeOrg(t.ctx, root, '上城分局');
  const station = await makeOrg(t.ctx, branch, '清波派出所', { type: 'station' });
  const otherBranch = await makeOrg(t.ctx, root, '拱墅分局');
  const role = await makeRole(t.ctx, 'question-editor', ['exam:question'], 'org_and_below');
  const cityRole = await makeRole(t.ctx, 'city-question-editor', ['exam:question'], 'custom', [root, dept]);
  const plain = await makeRole(t.ctx, 'reader', ['personnel:read'], 'org_and_below');
  await makeUser(t.ctx, 'teacher', branch, 'Teach#Pass123', [role]);
  await makeUser(t.ctx, 'other', otherBranch, 'Other#Pass123', [role]);
  await makeUser(t.ctx, 'city', dept, 'City#Pass1234', [cityRole]);
  await makeUser(t.ctx, 'plain', branch, 'Plain#Pass123', [plain]);
  return {
    root,
    dept,
    branch,
    station,
    otherBranch,
    teacher: await login(t.app, 'teacher', 'Teach#Pass123'),
    other: await login(t.app, 'other', 'Other#Pass123'),
    city: await login(t.app, 'city', 'City#Pass1234'),
    plain: await login(t.app, 'plain', 'Plain#Pass123'),
  };
}
