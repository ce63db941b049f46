import { checkCharacter } from '@zhenggong/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRole, makeUser } from '../../../test-support/factories.ts';
import { createTestApp, dialects, login, type Client, type TestApp } from '../../../test-support/test-app.ts';
import { importWorld, resultOf, rosterFile, upload } from './import-test-support.ts';

/**
 * Rows that import all the same but carry a note in the report: a 15-digit first-generation ID
 * number upgraded to 18 digits (the original kept with the person), and a 警衔 outside the band
 * of the person's 职级 (rank.bands rule data), flagged and not refused.
 */
const HEADERS = ['姓名', '身份证号', '单位', '入警时间', '警衔', '职级', '人员类别'];
/** 15 digits: address 330102, born 1965-07-04 (yymmdd), sequence 123 (odd: a man). */
const FIRST_GEN = '330102650704123';
const upgraded = (() => {
  const first17 = '33010219650704123';
  return first17 + checkCharacter(first17);
})();

describe.each(dialects)('roster import notes on %s', (dialect) => {
  let t: TestApp;
  let importer: Client;
  let revealer: Client;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const world = await importWorld(t);
    importer = world.importer;
    const role = await makeRole(t.ctx, 'revealer', ['personnel:read', 'personnel:write', 'personnel:reveal'], 'org_and_below');
    await makeUser(t.ctx, 'revealer', world.branch, 'Rev#Pass12345', [role]);
    revealer = await login(t.app, 'revealer', 'Rev#Pass12345');
  });
  afterAll(() => t.close());

  it('upgrades a 15-digit ID number, says so in the row note and keeps the original on the person', async () => {
    const file = await rosterFile(t, {
      headers: HEADERS,
      rows: [['赵一代', FIRST_GEN, '清波派出所', '1986-08', '三级警督', '四级高级警长', '民警']],
    });
    const dry = resultOf(await upload(importer, 'dry-run', file));
    expect(dry.problems).toEqual([]);
    expect(dry.validRows).toBe(1);
    expect(dry.noteCount).toBe(1);
    expect(dry.notes).toEqual([expect.objectContaining({ row: 2, column: 'B', field: 'idNumber', code: 'id_upgraded', value: FIRST_GEN })]);
    expect(dry.notes[0]!.message).toContain(upgraded);
    expect(dry.notes[0]!.message).toContain('原号码已随人员保存');
    const en = resultOf(await upload(importer, 'dry-run', file, { lang: 'en-US' }));
    expect(en.notes[0]!.message).toContain('the original is kept');

    const done = resultOf(await upload(importer, 'commit', file));
    expect(done).toMatchObject({ committed: true, inserted: 1, noteCount: 1 });
    const row = await t.ctx.db
      .selectFrom('person')
      .select(['id', 'id_number_enc', 'id_number_original_enc', 'birth_date'])
      .where('name', '=', '赵一代')
      .executeTakeFirstOrThrow();
    expect(t.ctx.fieldCrypto.decrypt(row.id_number_enc)).toBe(upgraded);
    expect(row.id_number_original_enc).not.toContain(FIRST_GEN); // encrypted like the number itself
    expect(t.ctx.fieldCrypto.decrypt(row.id_number_original_enc!)).toBe(FIRST_GEN);
    expect(row.birth_date).toBe('1965-07-04');

    const shown = await revealer.get(`/api/v1/personnel/people/${row.id}/sensitive`);
    expect(shown.json()).toMatchObject({ idNumber: upgraded, idNumberOriginal: FIRST_GEN });
    // An edit that leaves the number alone keeps the original.
    expect((await revealer.patch(`/api/v1/personnel/people/${row.id}`, { post: '社区民警' })).statusCode).toBe(200);
    expect((await revealer.get(`/api/v1/personnel/people/${row.id}/sensitive`)).json()).toMatchObject({ idNumberOriginal: FIRST_GEN });
  });

  it('imports a 警衔 outside the band of the 职级 with a warning note, and a rank inside it without one', async () => {
    const file = await rosterFile(t, {
      headers: HEADERS,
      rows: [
        // 二级警员 (612) goes with 二级警员 … 一级警司; 三级警督 lies above it.
        ['钱越级', '330102199001010012', '清波派出所', '2012-08', '三级警督', '二级警员', '民警'],
        ['孙合规', '33010219900202001X', '清波派出所', '2012-08', '一级警司', '二级警员', '民警'],
      ],
    });
    const dry = resultOf(await upload(importer, 'dry-run', file));
    expect(dry.problems).toEqual([]);
    expect(dry.validRows).toBe(2);
    expect(dry.notes).toEqual([
      expect.objectContaining({ row: 2, column: 'E', field: 'rank', code: 'rank_outside_band', value: '三级警督' }),
    ]);
    expect(dry.notes[0]!.message).toBe('警衔“三级警督”不在二级警员对应的警衔范围（二级警员至一级警司）内，仍予导入，请核对警衔或职级');
    const done = resultOf(await upload(importer, 'commit', file));
    expect(done).toMatchObject({ committed: true, inserted: 2, noteCount: 1 });
  });
});
