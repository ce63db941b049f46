import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp } from '../../test-support/test-app.ts';
import { tmpFiles } from '../personnel/import/import-test-support.ts';
import { QB, qbWorld, row, sheetXlsx, templateHeaders, uploadQuestions } from './qb-test-support.ts';

type World = Awaited<ReturnType<typeof qbWorld>>;

const goodRows = [
  row('单选', '违反治安管理行为在多长时间内没有被发现的，不再处罚？', ['三个月', '六个月', '一年', '二年'], 'B', { difficulty: '易' }),
  row('多选题', '治安管理处罚的种类包括：', ['警告', '罚款', '行政拘留', '吊销许可证'], 'A,B,C,D', { difficulty: 2 }),
  row('判断', '不满十四周岁的人违反治安管理的，应当给予行政拘留处罚。', [], '错误', { difficulty: '中' }),
  row('判断题', '人民警察遇有紧急情况应当履行职责。', [], '√', { difficulty: '' }),
  row('填空', '询问查证的时间不得超过____小时；情况复杂的，不得超过____小时。', [], '8/八|24/二十四', { difficulty: 4 }),
  row('简答', '简述治安管理处罚应当遵循的原则。', [], '以事实为依据；公开、公正；教育与处罚相结合。', { difficulty: '难' }),
];

describe.each(dialects)('question import on %s', (dialect) => {
  let t: TestApp;
  let w: World;
  let bank: string;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    w = await qbWorld(t);
    bank = (await w.teacher.post(`${QB}/banks`, { name: '导入题库', orgId: w.branch })).json().id;
  });
  afterAll(() => t.close());

  const count = async () =>
    Number(
      (
        await t.ctx.db
          .selectFrom('qb_question')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('bank_id', '=', bank)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('serves a template whose first sheet is the header the importer reads', async () => {
    const res = await w.teacher.get(`${QB}/import/template`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('filename*=UTF-8');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['试题', '填写示例', '填写说明']);
    expect((wb.worksheets[0]?.getRow(1).values as unknown[]).slice(1)).toEqual(templateHeaders);
    // The examples sheet, pasted into the first sheet, imports cleanly.
    const ex = wb.worksheets[1] as ExcelJS.Worksheet;
    const rows: (string | number | null)[][] = [];
    ex.eachRow((r) => rows.push((r.values as (string | number | null)[]).slice(1)));
    const dry = await uploadQuestions(w.teacher, 'dry-run', bank, await sheetXlsx(rows));
    expect(dry.result, JSON.stringify(dry.result?.problems)).toMatchObject({ problemCount: 0, totalRows: 5, validRows: 5 });
  });

  it('dry-runs without writing, then commits all rows in one go', async () => {
    const file = await sheetXlsx([templateHeaders, ...goodRows]);
    const dry = await uploadQuestions(w.teacher, 'dry-run', bank, file);
    expect(dry.result).toMatchObject({
      committed: false,
      inserted: 0,
      totalRows: 6,
      validRows: 6,
      problemCount: 0,
      byType: { single: 1, multiple: 1, true_false: 2, fill_blank: 1, short_answer: 1 },
    });
    expect(dry.lines.some((l) => l.type === 'progress')).toBe(true);
    expect(await count()).toBe(0);
    const done = await uploadQuestions(w.teacher, 'commit', bank, file);
    expect(done.result).toMatchObject({ committed: true, inserted: 6 });
    expect(await count()).toBe(6);
    const list = (await w.teacher.get(`${QB}/questions?bankId=${bank}&type=fill_blank`)).json().items;
    const q = (await w.teacher.get(`${QB}/questions/${list[0].id}`)).json();
    expect(q.current.key).toEqual({
      kind: 'blanks',
      accepted: [
        ['8', '八'],
        ['24', '二十四'],
      ],
    });
    expect(q.current).toMatchObject({ difficulty: 4, policeCategory: '治安', sourceLaw: '中华人民共和国治安管理处罚法' });
    // Importing the same file again: every row is already in the bank, nothing is written.
    const again = await uploadQuestions(w.teacher, 'commit', bank, file);
    expect(again.result).toMatchObject({ committed: false, problemCount: 6 });
    expect(again.result?.problems.every((p) => p.code === 'DUPLICATE_IN_BANK' && p.column === 'B')).toBe(true);
    expect(await count()).toBe(6);
    expect(tmpFiles(t)).toEqual([]);
  });

  it('reports every problem kind by sheet row and column, in zh-CN and en-US, and imports nothing', async () => {
    const rows = [
      ['题目导入表'], // a title row above the header is allowed
      templateHeaders,
      row('单选', '题干正常的单选题一', ['甲', '乙'], 'A'), // row 3: fine
      row('论述', '未知题型', [], 'x'), // 4: TYPE_UNKNOWN → A
      row('单选', '', ['甲', '乙'], 'A'), // 5: STEM_REQUIRED → B
      row('单选', '只有一个选项', ['甲'], 'A'), // 6: OPTIONS_TOO_FEW → D (选项B)
      row('单选', '选项有空缺', ['甲', '', '丙'], 'A'), // 7: OPTION_EMPTY → D
      row('单选', '选项重复', ['甲', '乙', '甲'], 'A'), // 8: OPTION_DUPLICATE → E (选项C repeats 选项A)
      row('单选', '答案缺失', ['甲', '乙'], ''), // 9: ANSWER_REQUIRED → K
      row('单选', '答案不是选项', ['甲', '乙'], 'E'), // 10: ANSWER_NOT_AN_OPTION → K
      row('单选', '单选两个答案', ['甲', '乙'], 'AB'), // 11: ANSWER_SINGLE_ONE
      row('多选', '多选只有一个答案', ['甲', '乙', '丙'], 'A'), // 12: ANSWER_MULTIPLE_TWO
      row('判断', '判断答案不对', [], '也许'), // 13: ANSWER_TRUE_FALSE
      row('判断', '判断带选项', ['甲'], '对'), // 14: OPTIONS_NOT_ALLOWED → C
      row('填空', '两个空____和____', [], '甲'), // 15: BLANKS_MISMATCH → K
      row('单选', '难度不对', ['甲', '乙'], 'A', { difficulty: '很难很难' }), // 16: DIFFICULTY_INVALID → O
      row('单选', '警种过长', ['甲', '乙'], 'A', { policeCategory: '警'.repeat(51) }), // 17: TAG_TOO_LONG → M
      row('单选', '题干正常的单选题一', ['丙', '丁'], 'B'), // 18: DUPLICATE_IN_FILE (row 3) → B
      [],
      row('简答', '简答没有参考答案', [], ''), // 20 (after a blank row): ANSWER_REQUIRED
    ];
    const file = await sheetXlsx(rows);
    const res = await uploadQuestions(w.teacher, 'commit', bank, file);
    const r = res.result;
    expect(r).toMatchObject({ committed: false, inserted: 0, totalRows: 17, validRows: 1 });
    const got = r?.problems.map((p) => [p.row, p.column, p.code]);
    expect(got).toEqual([
      [4, 'A', 'TYPE_UNKNOWN'],
      [5, 'B', 'STEM_REQUIRED'],
      [6, 'D', 'OPTIONS_TOO_FEW'],
      [7, 'D', 'OPTION_EMPTY'],
      [8, 'E', 'OPTION_DUPLICATE'],
      [9, 'K', 'ANSWER_REQUIRED'],
      [10, 'K', 'ANSWER_NOT_AN_OPTION'],
      [11, 'K', 'ANSWER_SINGLE_ONE'],
      [12, 'K', 'ANSWER_MULTIPLE_TWO'],
      [13, 'K', 'ANSWER_TRUE_FALSE'],
      [14, 'C', 'OPTIONS_NOT_ALLOWED'],
      [15, 'K', 'BLANKS_MISMATCH'],
      [16, 'O', 'DIFFICULTY_INVALID'],
      [17, 'M', 'TAG_TOO_LONG'],
      [18, 'B', 'DUPLICATE_IN_FILE'],
      [20, 'K', 'ANSWER_REQUIRED'],
    ]);
    const dupe = r?.problems.find((p) => p.code === 'DUPLICATE_IN_FILE');
    expect(dupe).toMatchObject({ header: '*题干', message: '与第 3 行的题干重复' });
    expect(r?.problems.find((p) => p.code === 'TAG_TOO_LONG')?.message).toBe('内容过长（最多 50 字）');
    const en = await uploadQuestions(w.teacher, 'dry-run', bank, file, 'en-US');
    expect(en.result?.problems.find((p) => p.code === 'DUPLICATE_IN_FILE')?.message).toBe('Same stem as row 3');
    expect(en.result?.problems.find((p) => p.code === 'TYPE_UNKNOWN')?.message).toContain('Type must be');
    expect(await count()).toBe(6);
  });

  it('refuses files without a header, missing columns, too many rows, non-xlsx files and foreign banks', async () => {
    const noHeader = await uploadQuestions(w.teacher, 'dry-run', bank, await sheetXlsx([['a', 'b'], ['c'], ['d'], ['e'], ['f'], ['g']]));
    expect(noHeader.error?.code).toBe('QB_IMPORT_NO_HEADER');
    const missing = await uploadQuestions(
      w.teacher,
      'dry-run',
      bank,
      await sheetXlsx([
        ['题型', '题干'],
        ['单选', 'x'],
      ]),
    );
    expect(missing.error).toMatchObject({ code: 'QB_IMPORT_MISSING_COLUMNS', message: '缺少必需的列：答案' });
    const empty = await uploadQuestions(w.teacher, 'dry-run', bank, await sheetXlsx([templateHeaders]));
    expect(empty.error?.code).toBe('IMPORT_NO_ROWS');
    const many = Array.from({ length: 3001 }, (_, i) => row('判断', `第 ${i} 题`, [], '对'));
    const tooMany = await uploadQuestions(w.teacher, 'dry-run', bank, await sheetXlsx([templateHeaders, ...many]));
    expect(tooMany.error?.code).toBe('IMPORT_TOO_MANY_ROWS');
    const notXlsx = await uploadQuestions(w.teacher, 'dry-run', bank, Buffer.from('not a zip at all'));
    expect([400, 200]).toContain(notXlsx.res.statusCode);
    expect(notXlsx.error?.code ?? notXlsx.res.json().error.code).toMatch(/IMPORT_NOT_XLSX/);
    const big = await uploadQuestions(w.teacher, 'dry-run', bank, Buffer.alloc(6 * 1_048_576, 1));
    expect(big.res.statusCode).toBe(413);
    const file = await sheetXlsx([templateHeaders, ...goodRows]);
    const other = await uploadQuestions(w.other, 'commit', bank, file);
    expect(other.res.statusCode).toBe(404);
    expect(await count()).toBe(6);
    expect(tmpFiles(t)).toEqual([]);
  });
});
