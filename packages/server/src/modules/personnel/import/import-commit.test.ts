import { makeIdNumber } from '@zhenggong/core';
import type { RosterCell } from '@zhenggong/core/personnel/roster-cells';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRole, makeUser } from '../../../test-support/factories.ts';
import { createTestApp, dialects, login, type Client, type TestApp } from '../../../test-support/test-app.ts';
import fs from 'node:fs';
import path from 'node:path';
import { systemActor } from '../../../platform/audit/audit-service.ts';
import { toPersonRow } from '../person-rows.ts';
import { insertPersonWithHistory } from '../person-service.ts';
import { acquireImportSlot, runImport } from './import-service.ts';
import { importWorld, resultOf, rosterFile, tmpFiles, upload } from './import-test-support.ts';

/** A distinct valid ID number (a man) per n; the sequence field has three digits, so dates vary too. */
const id = (n: number, birth?: string) =>
  makeIdNumber('330102', birth ?? new Date(Date.UTC(1980, 0, 1 + Math.floor(n / 400))).toISOString().slice(0, 10), 2 * (n % 400) + 1);
/** Header variants and title rows on purpose: 公民身份号码, 出生年月, 所在单位, 手机号码, 参加公安工作时间. */
const HEADERS = [
  '序号',
  '姓名',
  '公民身份号码',
  '出生年月',
  '民族',
  '所在单位',
  '手机号码',
  '参加公安工作时间',
  '警衔',
  '职务',
  '人员类别',
];
const ABOVE: RosterCell[][] = [['上城分局民警花名册'], ['填报单位：上城分局政治处', null, null, '填报日期：2026年5月']];

const countPeople = async (t: TestApp) =>
  Number(
    (
      await t.ctx.db
        .selectFrom('person')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe.each(dialects)('roster import commit on %s', (dialect) => {
  let t: TestApp;
  let importer: Client;
  let world: Awaited<ReturnType<typeof importWorld>>;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    world = await importWorld(t);
    importer = world.importer;
  });
  afterAll(() => t.close());

  it('normalises cells as rosters write them, skips blank and totals rows, and commits all rows', async () => {
    const file = await rosterFile(t, {
      above: ABOVE,
      headers: HEADERS,
      rows: [
        [
          1,
          '张　伟',
          id(1, '1985-03-15')
            .toLowerCase()
            .replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)),
          '1985.03',
          '汉',
          ' 清波派出所 ',
          '138 0013 8000',
          new Date(Date.UTC(2008, 6, 1)),
          '一级警司',
          '科员',
          '民警',
        ],
        [2, '李娜', id(2, '1989-08-08'), '1989年8月', '汉族', '上城分局', null, 200807, null, '文员', '辅警'],
        [3, null, null, null, null, null, null, null, null, null, null],
        [4, '王强', id(3, '1979-12-01'), '1979-12-01', '01', 'sc-qb', '0571-87654321', '2001-09', '三级警督', '所长', '民警'],
        ['合计', '3人'],
      ],
    });
    const dry = resultOf(await upload(importer, 'dry-run', file));
    expect(dry).toMatchObject({
      totalRows: 3,
      validRows: 3,
      problemCount: 0,
      skippedRows: { blank: 1, totals: 1, example: 0 },
      committed: false,
      inserted: 0,
    });
    expect(dry.columns.map((c) => `${c.letter}:${c.field}`)).toContain('C:idNumber');
    expect(await countPeople(t)).toBe(0);
    // A dry run writes nothing but is audited: bulk checks against the register leave a trace.
    const checks = await t.ctx.db.selectFrom('audit_log').select('detail').where('event_type', '=', 'person.import.check').execute();
    expect(checks.map((c) => JSON.parse(c.detail).totalRows)).toEqual([3]);

    const commit = await upload(importer, 'commit', file, { fileName: '上城分局名册.xlsx' });
    expect(resultOf(commit)).toMatchObject({ committed: true, inserted: 3, totalRows: 3 });
    const phases = commit.lines.flatMap((l) => (l.type === 'progress' ? [l.phase] : []));
    expect(phases).toEqual(expect.arrayContaining(['validating', 'inserting', 'committing']));

    const people = await t.ctx.db.selectFrom('person').selectAll().orderBy('name_pinyin').execute();
    expect(people.map((p) => [p.name, p.kind, p.ethnicity, p.birth_date, p.police_start_date, p.rank !== null])).toEqual([
      ['李娜', 'auxiliary', '01', '1989-08-08', '2008-07', false],
      ['王强', 'officer', '01', '1979-12-01', '2001-09', true],
      ['张伟', 'officer', '01', '1985-03-15', '2008-07-01', true],
    ]);
    const zhang = people.find((p) => p.name === '张伟');
    expect(t.ctx.fieldCrypto.decrypt(zhang?.id_number_enc ?? '')).toBe(id(1, '1985-03-15'));
    expect(t.ctx.fieldCrypto.decrypt(zhang?.phone_enc ?? '')).toBe('13800138000');

    const audit = await t.ctx.db.selectFrom('audit_log').select(['detail', 'outcome']).where('event_type', '=', 'person.import').execute();
    expect(audit).toHaveLength(1);
    expect(JSON.parse(audit[0]?.detail ?? '{}')).toMatchObject({ fileName: '上城分局名册.xlsx', inserted: 3, totalRows: 3 });
    expect(audit[0]?.detail).not.toContain('张伟');
    expect(audit[0]?.detail).not.toContain(id(1, '1985-03-15').slice(0, 10));
    expect(tmpFiles(t)).toEqual([]);
  });

  it('gives an imported person the same history rows as one created through the form', async () => {
    const viaForm = await importer.post('/api/v1/personnel/people', {
      kind: 'officer',
      name: '赵敏',
      idNumber: id(40),
      orgId: world.station,
      rank: '一级警司',
      post: '科员',
      policeStartDate: '2008-07-01',
    });
    expect(viaForm.statusCode, viaForm.body).toBe(201);
    const file = await rosterFile(t, {
      headers: HEADERS,
      rows: [[1, '钱进', id(41), null, null, '清波派出所', null, '2008-07-01', '一级警司', '科员', '民警']],
    });
    expect(resultOf(await upload(importer, 'commit', file)).inserted).toBe(1);
    const shape = async (name: string) => {
      const p = (await importer.get(`/api/v1/personnel/people?keyword=${encodeURIComponent(name)}`)).json<{ items: { id: string }[] }>()
        .items[0];
      const h = (await importer.get(`/api/v1/personnel/people/${p?.id}`)).json<{ history: Record<string, { start_date?: string }[]> }>()
        .history;
      return Object.fromEntries(Object.entries(h).map(([k, rows]) => [k, rows.map((r) => r.start_date ?? null)]));
    };
    expect(await shape('钱进')).toEqual(await shape('赵敏'));
  });

  it('commits nothing when any row has a problem, and says which', async () => {
    const before = await countPeople(t);
    const file = await rosterFile(t, {
      headers: HEADERS,
      rows: [
        ...Array.from({ length: 1200 }, (_, i): RosterCell[] => [
          i + 1,
          '测试',
          id(100 + i),
          null,
          '汉',
          '清波派出所',
          null,
          '2010.01',
          null,
          null,
          '民警',
        ]),
        [1201, '越权', id(2000), null, '汉', '拱墅分局', null, '2010.01', null, null, '民警'],
      ],
    });
    const r = resultOf(await upload(importer, 'commit', file));
    expect(r).toMatchObject({ committed: false, inserted: 0, totalRows: 1201, validRows: 1200, problemCount: 1 });
    expect(r.problems[0]).toMatchObject({ row: 1202, column: 'F', code: 'org_out_of_scope' });
    expect(await countPeople(t)).toBe(before);
    const failed = await t.ctx.db
      .selectFrom('audit_log')
      .select('detail')
      .where('event_type', '=', 'person.import')
      .where('outcome', '=', 'failure')
      .execute();
    expect(failed).toHaveLength(1);
    expect(tmpFiles(t)).toEqual([]);
  });

  it('downloads the error report as xlsx: row, column, header, value and message — for its owner only', async () => {
    const file = await rosterFile(t, {
      headers: HEADERS,
      rows: [[1, '孙悟', id(300).slice(0, 17) + 'Z', null, '火星族', '清波派出所', null, null, null, null, '民警']],
    });
    const r = resultOf(await upload(importer, 'dry-run', file));
    const res = await importer.get(`/api/v1/personnel/import/report?jobId=${r.jobId}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer); // our own small report, not an upload
    const rows = (wb.getWorksheet('问题清单')?.getSheetValues() ?? []).slice(2).map((v) => (Array.isArray(v) ? v.slice(1) : []));
    expect(rows).toEqual([
      [
        2,
        'C',
        '公民身份号码',
        id(300).slice(0, 17) + 'Z',
        '身份证号格式不正确，应为 18 位（末位可为 X），或 15 位一代身份证号',
        'id_format',
      ],
      [2, 'E', '民族', '火星族', '“火星族”不是“民族”的标准名称或代码', 'unknown_code'],
    ]);
    const otherRole = await makeRole(t.ctx, 'importer2', ['personnel:import'], 'org_and_below');
    await makeUser(t.ctx, 'importer2', world.branch, 'Imp#Pass12345', [otherRole]);
    const other = await login(t.app, 'importer2', 'Imp#Pass12345');
    expect((await other.get(`/api/v1/personnel/import/report?jobId=${r.jobId}`)).json().error.code).toBe('IMPORT_JOB_NOT_FOUND');
  });

  it('serves a template that imports cleanly once filled, listing only units in scope', async () => {
    const res = await importer.get('/api/v1/personnel/import/template');
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('人员名册');
    const headers = (sheet?.getRow(3).values as string[]).slice(1);
    expect(headers.slice(0, 3)).toEqual(['序号', '*姓名', '*身份证号']);
    expect(sheet?.getColumn(3).numFmt).toBe('@');
    const units = (wb.getWorksheet('单位列表')?.getColumn(1).values ?? []).slice(2);
    expect(units).toEqual(expect.arrayContaining(['上城分局', '清波派出所', '上城分局/综合室', '清波派出所/综合室']));
    expect(units).not.toContain('拱墅分局');
    // Filled in: the example row stays and is skipped; one real row is added under it.
    // 填写说明 shows how everyday education words are read, 研究生 as 硕士 (GB/T 4658 14).
    const help = (wb.getWorksheet('填写说明')?.getSheetValues() ?? []).map((v) => (Array.isArray(v) ? v.slice(1, 3) : []));
    expect(help).toEqual(
      expect.arrayContaining([
        ['研究生', '硕士研究生毕业（14）'],
        ['中技', '技工学校毕业（47）'],
        ['职高', '职业高中毕业（44）'],
      ]),
    );
    const filled = headers.map(
      (h) =>
        ({ '*姓名': '周杰', '*身份证号': id(500), '*单位': '清波派出所/综合室', 人员类别: '民警', 序号: 1, 学历: '研究生' })[h] ?? null,
    );
    const example = (sheet?.getRow(4).values as RosterCell[]).slice(1);
    const back = await rosterFile(t, { above: [['人员信息导入表'], ['说明']], headers, rows: [example, filled] });
    const r = resultOf(await upload(importer, 'dry-run', back));
    expect(r).toMatchObject({ totalRows: 1, validRows: 1, skippedRows: { example: 1 } });
  });

  it('refuses what is not an xlsx, or not a multipart upload, with a clear error and no file left', async () => {
    const notXlsx = await upload(importer, 'dry-run', Buffer.from('姓名,身份证号\n张三,1\n'), { fileName: 'roster.csv' });
    expect(notXlsx.res.statusCode).toBe(400);
    expect(notXlsx.res.json().error.code).toBe('IMPORT_NOT_XLSX');
    const json = await importer.post('/api/v1/personnel/import/commit', { file: 'x' });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.code).toBe('IMPORT_NOT_MULTIPART');
    const noHeader = await upload(
      importer,
      'dry-run',
      await rosterFile(t, { headers: ['甲', '乙'], rows: Array.from({ length: 12 }, () => ['x', 'y']) }),
    );
    expect(noHeader.error?.code).toBe('IMPORT_NO_HEADER');
    const missing = await upload(
      importer,
      'dry-run',
      await rosterFile(t, { headers: ['姓名', '性别', '民族', '警号'], rows: [['张三', '男', '汉', '012345']] }),
    );
    expect(missing.error).toMatchObject({ code: 'IMPORT_MISSING_COLUMNS', message: '缺少必需的列：身份证号、单位' });
    expect(tmpFiles(t)).toEqual([]);
  });

  it('takes uploads past the 1 MB JSON body limit, and refuses past the 30 MB cap with nothing left on disk', async () => {
    const twoMb = await upload(importer, 'dry-run', Buffer.alloc(2 * 1_048_576, 7));
    expect(twoMb.res.json().error.code).toBe('IMPORT_NOT_XLSX'); // read to the end and checked, not cut off by bodyLimit
    const huge = await upload(importer, 'dry-run', Buffer.alloc(31 * 1_048_576, 7));
    expect(huge.res.statusCode).toBe(413);
    expect(huge.res.json().error).toMatchObject({ code: 'IMPORT_FILE_TOO_LARGE', message: '文件超过 30 MB 上限，请拆分后导入' });
    expect(tmpFiles(t)).toEqual([]);
  });

  it('runs at most two imports at once per process', async () => {
    const a = acquireImportSlot();
    const b = acquireImportSlot();
    const busy = await upload(importer, 'dry-run', await rosterFile(t, { headers: HEADERS, rows: [] }));
    expect(busy.res.statusCode).toBe(429);
    expect(busy.res.json().error.code).toBe('IMPORT_BUSY');
    a();
    b();
    b(); // releasing twice frees one slot only
    expect(() => [acquireImportSlot(), acquireImportSlot()].forEach((release) => release())).not.toThrow();
  });

  it('re-checks inside its transaction: a person registered after the check makes the commit insert nothing', async () => {
    const before = await countPeople(t);
    const file = path.join(t.dataDir, 'race.xlsx');
    fs.writeFileSync(
      file,
      await rosterFile(t, {
        headers: HEADERS,
        rows: [
          [1, '甲', id(700), null, null, '清波派出所', null, null, null, null, '民警'],
          [2, '乙', id(701), null, null, '清波派出所', null, null, null, null, '民警'],
        ],
      }),
    );
    const rival = toPersonRow(t.ctx, { kind: 'officer', name: '乙', idNumber: id(701), orgId: world.station });
    if (!rival.ok) throw new Error('rival row invalid');
    // The rival registration lands after the checking pass, just before the import's transaction opens.
    const db = t.ctx.db;
    const racing = new Proxy(db, {
      get: (target, prop) => {
        if (prop === 'transaction') {
          return () => ({
            execute: async (fn: Parameters<ReturnType<typeof db.transaction>['execute']>[0]) => {
              await db.transaction().execute((trx) => insertPersonWithHistory(trx, rival.row, '2020-01-01'));
              return db.transaction().execute(fn);
            },
          });
        }
        const value: unknown = Reflect.get(target, prop, target);
        // Kysely keeps its state in private fields: methods must run on the real instance.
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const job = await runImport({ ...t.ctx, db: racing }, { all: true }, systemActor, {
      file,
      fileName: 'race.xlsx',
      dryRun: false,
      ownerId: 'x',
    });
    expect(job).toMatchObject({ committed: false, inserted: 0, problemCount: 1, totalRows: 2, validRows: 1 });
    expect(job.problems[0]).toMatchObject({ row: 3, column: 'C', code: 'duplicate_id_in_db' });
    expect(await countPeople(t)).toBe(before + 1); // the rival only
    expect(fs.readdirSync(t.dataDir).filter((f) => f.startsWith('race.xlsx.'))).toEqual([]); // spool removed
  });

  it('uses the default category for rows without one', async () => {
    const headers = ['姓名', '身份证号', '单位'];
    const file = await rosterFile(t, { headers, rows: [['吴用', id(600), '清波派出所']] });
    expect(resultOf(await upload(importer, 'dry-run', file)).problems.map((p) => p.code)).toEqual(['required']);
    expect(resultOf(await upload(importer, 'dry-run', file, { query: 'defaultKind=auxiliary' })).problemCount).toBe(0);
  });
});
