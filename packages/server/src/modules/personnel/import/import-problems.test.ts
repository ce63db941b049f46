import { makeIdNumber } from '@zhenggong/core';
import type { RosterCell } from '@zhenggong/core/personnel/roster-cells';
import type { ImportProblemView } from '@zhenggong/core/personnel/roster-import-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type Client, type TestApp } from '../../../test-support/test-app.ts';
import { HEADERS, importWorld, resultOf, rosterFile, TITLE, upload } from './import-test-support.ts';

/** Row n's own ID number (a man born 1985-03-15) and police number, so rows never repeat by accident. */
const idFor = (n: number) => makeIdNumber('330102', '1985-03-15', 101 + 2 * n);
const pnFor = (n: number) => String(12000 + n).padStart(6, '0');
const ID_DB = makeIdNumber('330102', '1990-07-01', 246); // a woman, registered through the form in one test

/** A valid row under HEADERS (A 序号 … L 人员类别); `over` replaces cells by header. */
const row = (n: number, over: Partial<Record<(typeof HEADERS)[number], RosterCell>> = {}): RosterCell[] => {
  const base: Record<string, RosterCell> = {
    序号: n,
    姓名: '张伟',
    身份证号: idFor(n),
    性别: '男',
    出生日期: '1985.03',
    民族: '汉',
    政治面貌: '中共党员',
    单位: '清波派出所',
    警号: pnFor(n),
    联系电话: '13800138000',
    入警时间: '2008-07-01',
    人员类别: '民警',
  };
  return HEADERS.map((h) => (h in over ? (over[h] ?? null) : (base[h] ?? null)));
};

/**
 * Every problem the issue lists, each from a real xlsx built here with ExcelJS, checked for sheet
 * row, column and message. Data rows start on sheet row 3 (a title row, then the header).
 */
describe.each(dialects)('roster import problems on %s', (dialect) => {
  let t: TestApp;
  let importer: Client;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    ({ importer } = await importWorld(t));
  });
  afterAll(() => t.close());

  async function problemsOf(rows: RosterCell[][], opts: { headers?: string[]; lang?: string } = {}): Promise<ImportProblemView[]> {
    const file = await rosterFile(t, { above: TITLE, headers: opts.headers ?? HEADERS, rows });
    const r = resultOf(await upload(importer, 'dry-run', file, { lang: opts.lang }));
    return r.problems;
  }
  const only = async (rows: RosterCell[][]) => {
    const problems = await problemsOf(rows);
    expect(problems, JSON.stringify(problems)).toHaveLength(1);
    return problems[0] as ImportProblemView;
  };

  it('accepts a clean row (the baseline every other test changes one cell of)', async () => {
    expect(await problemsOf([row(1)])).toEqual([]);
  });

  it('dates typed as numbers are year-months: 0.00 keeps 2008.10 October, the ID number settles 出生年月 1990.1', async () => {
    const born = makeIdNumber('330102', '1990-10-08', 301);
    const rows = [row(91, { 身份证号: born, 出生日期: 1990.1, 入警时间: 2008.1 }), row(92, { 入警时间: 2008.03 })];
    const file = await rosterFile(t, { above: TITLE, headers: HEADERS, rows, numFmts: { 10: '0.00' } });
    const r = resultOf(await upload(importer, 'commit', file));
    expect(r.problems).toEqual([]);
    const saved = await t.ctx.db
      .selectFrom('person')
      .select(['police_number', 'police_start_date'])
      .where('police_number', 'in', [pnFor(91), pnFor(92)])
      .orderBy('police_number')
      .execute();
    expect(saved.map((p) => p.police_start_date)).toEqual(['2008-10', '2008-03']);
    // In a General cell 2010.1 could be January or October: reported, not guessed.
    const p = await only([row(1, { 入警时间: 2010.1 })]);
    expect(p).toMatchObject({ row: 3, column: 'K', header: '入警时间', code: 'date_month_ambiguous' });
  });

  it('an implausible career: 入警 before 18, or a 辅警 with a 警号', async () => {
    const young = await only([row(1, { 身份证号: makeIdNumber('330102', '2012-05-01', 11), 出生日期: '2012.05', 入警时间: '2020-09' })]);
    expect(young).toMatchObject({ row: 3, column: 'K', code: 'police_start_too_young', message: '入警时间 2020-09 时未满 18 周岁' });
    const aux = await only([row(1, { 人员类别: '辅警' })]);
    expect(aux).toMatchObject({
      row: 3,
      column: 'I',
      code: 'auxiliary_police_field',
      message: `辅警不应有“警号”（${pnFor(1)}），警衔、职级和警号只属于人民警察`,
    });
  });

  it('a 15-digit first-generation ID number is upgraded to 18 digits and stored so', async () => {
    const full = makeIdNumber('330102', '1985-03-15', 393);
    const first = full.slice(0, 6) + full.slice(8, 17);
    const r = resultOf(
      await upload(importer, 'commit', await rosterFile(t, { above: TITLE, headers: HEADERS, rows: [row(93, { 身份证号: first })] })),
    );
    expect(r.problems).toEqual([]);
    const saved = await t.ctx.db
      .selectFrom('person')
      .select(['id_number_bidx', 'id_number_masked'])
      .where('police_number', '=', pnFor(93))
      .executeTakeFirstOrThrow();
    expect(saved).toEqual({
      id_number_bidx: t.ctx.fieldCrypto.blindIndex('id_number', full),
      id_number_masked: `${full.slice(0, 6)}********${full.slice(14)}`,
    });
  });

  it('an ID number stored as a number cell: its last digits are gone, never repaired', async () => {
    const p = await only([row(1, { 身份证号: Number(idFor(1).slice(0, 17)) * 10 })]);
    expect(p).toMatchObject({ row: 3, column: 'C', header: '身份证号', code: 'id_number_as_number' });
    expect(p.message).toBe('身份证号被 Excel 存为数字，后几位已丢失，请将该列设为文本后重新录入');
  });

  it('an ID number copied as Excel displays it (3.30102E+17)', async () => {
    const p = await only([row(1, { 身份证号: '3.30102E+17' })]);
    expect(p).toMatchObject({ row: 3, column: 'C', code: 'id_number_as_number' });
  });

  it('a bad check digit', async () => {
    const good = idFor(1);
    const bad = good.slice(0, 17) + (good[17] === '1' ? '2' : '1');
    const p = await only([row(1, { 身份证号: bad })]);
    expect(p).toMatchObject({ row: 3, column: 'C', code: 'id_check_digit', value: bad });
    expect(p.message).toBe('身份证号校验位错误（GB 11643），请核对原件');
  });

  it('sex disagreeing with the ID number', async () => {
    const p = await only([row(1, { 性别: '女' })]);
    expect(p).toMatchObject({ row: 3, column: 'D', header: '性别', code: 'sex_mismatch' });
    expect(p.message).toBe('性别“女”与身份证号不符（应为男）');
  });

  it('a birth date disagreeing with the ID number, at day and at month precision', async () => {
    const problems = await problemsOf([row(1, { 出生日期: '1985-03-16' }), row(2, { 出生日期: '1985年4月' })]);
    expect(problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [3, 'E', 'birth_date_mismatch'],
      [4, 'E', 'birth_date_mismatch'],
    ]);
    expect(problems[0]?.message).toBe('出生日期“1985-03-16”与身份证号不符（应为 1985-03-15）');
  });

  it('impossible, unreadable, vague, future and before-birth dates', async () => {
    const problems = await problemsOf([
      row(1, { 入警时间: '2008-02-30' }),
      row(2, { 入警时间: '2008.13' }),
      row(3, { 入警时间: '去年' }),
      row(4, { 入警时间: '2008' }),
      row(5, { 入警时间: '2030-01-01' }),
      row(6, { 入警时间: '1980.01' }),
    ]);
    expect(problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [3, 'K', 'date_impossible'],
      [4, 'K', 'date_impossible'],
      [5, 'K', 'date_unrecognised'],
      [6, 'K', 'date_needs_month'],
      [7, 'K', 'date_in_future'],
      [8, 'K', 'date_before_birth'],
    ]);
    expect(problems[0]?.message).toBe('日期“2008-02-30”不存在');
  });

  it('a unit that is not in the org tree', async () => {
    const p = await only([row(1, { 单位: '火星派出所' })]);
    expect(p).toMatchObject({ row: 3, column: 'H', header: '单位', code: 'org_not_found' });
    expect(p.message).toBe('单位“火星派出所”不在机构树中');
  });

  it('a unit outside the importer’s data scope is a row problem, not an insert', async () => {
    const p = await only([row(1, { 单位: '拱墅分局' })]);
    expect(p).toMatchObject({ row: 3, column: 'H', code: 'org_out_of_scope', message: '单位“拱墅分局”超出您的数据权限范围' });
  });

  it('an ambiguous unit name, resolved by a path or the unit code', async () => {
    const problems = await problemsOf([row(1, { 单位: '综合室' }), row(2, { 单位: '清波派出所/综合室' })]);
    expect(problems.map((p) => [p.row, p.column, p.code])).toEqual([[3, 'H', 'org_ambiguous']]);
    expect(problems[0]?.message).toContain('有 2 个同名机构');
    expect(await problemsOf([row(1, { 单位: 'sc-qb' })])).toEqual([]);
  });

  it('a closed unit', async () => {
    expect(await only([row(1, { 单位: '撤并所' })])).toMatchObject({ row: 3, column: 'H', code: 'org_closed' });
  });

  it('a duplicate ID number in the file: both rows are reported', async () => {
    const problems = await problemsOf([row(1), row(2, { 身份证号: idFor(1), 姓名: '张卫' }), row(3)]);
    expect(problems.map((p) => [p.row, p.column, p.code, p.message])).toEqual([
      [3, 'C', 'duplicate_id_in_file', '身份证号与第 4 行重复'],
      [4, 'C', 'duplicate_id_in_file', '身份证号与第 3 行重复'],
    ]);
  });

  it('a duplicate ID number or police number already in the database', async () => {
    const created = await importer.post('/api/v1/personnel/people', {
      kind: 'officer',
      name: '王芳',
      idNumber: ID_DB,
      orgId: (await t.ctx.db.selectFrom('org').select('id').where('name', '=', '清波派出所').executeTakeFirstOrThrow()).id,
      policeNumber: '054321',
    });
    expect(created.statusCode, created.body).toBe(201);
    const problems = await problemsOf([row(1, { 身份证号: ID_DB, 性别: '女', 出生日期: null }), row(2, { 警号: '054321' })]);
    expect(problems.map((p) => [p.row, p.column, p.code, p.message])).toEqual([
      [3, 'C', 'duplicate_id_in_db', '该身份证号已登记在系统中'],
      [4, 'I', 'duplicate_police_number_in_db', '警号“054321”已被使用'],
    ]);
  });

  it('a duplicate police number in the file', async () => {
    const problems = await problemsOf([row(1), row(2, { 警号: pnFor(1) })]);
    expect(problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [3, 'I', 'duplicate_police_number_in_file'],
      [4, 'I', 'duplicate_police_number_in_file'],
    ]);
  });

  it('a malformed police number, and one Excel stripped of its leading zero', async () => {
    const problems = await problemsOf([row(1, { 警号: 'AB12' }), row(2, { 警号: 12345 })]);
    expect(problems.map((p) => [p.row, p.column, p.code])).toEqual([
      [3, 'I', 'police_number_format'],
      [4, 'I', 'police_number_lost_zero'],
    ]);
    expect(problems[0]?.message).toBe('警号“AB12”格式不正确');
  });

  it('a malformed phone number', async () => {
    const p = await only([row(1, { 联系电话: '1380013' })]);
    expect(p).toMatchObject({ row: 3, column: 'J', header: '联系电话', code: 'phone_format' });
    expect(p.message).toBe('联系电话“1380013”格式不正确（手机 11 位，或带区号的固定电话）');
  });

  it('an unknown code-table value, an unknown category and a missing name', async () => {
    const problems = await problemsOf([row(1, { 民族: '火星族' }), row(2, { 人员类别: '保安' }), row(3, { 姓名: '　' })]);
    expect(problems.map((p) => [p.row, p.column, p.code, p.message])).toEqual([
      [3, 'F', 'unknown_code', '“火星族”不是“民族”的标准名称或代码'],
      [4, 'L', 'kind_unknown', '人员类别“保安”应为“民警”或“辅警”'],
      [5, 'B', 'required', '“姓名”不能为空'],
    ]);
  });

  it('reports in English when asked', async () => {
    const [p] = await problemsOf([row(1, { 性别: '女' })], { lang: 'en-US,en;q=0.9' });
    expect(p?.message).toBe('Sex "女" disagrees with the ID number (male)');
  });
});
