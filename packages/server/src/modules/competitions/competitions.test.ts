import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, dialects, type TestApp } from '../../test-support/test-app.ts';
import { multipartBody } from '../personnel/import/import-test-support.ts';
import { competitionResultsOf } from './competition-results.ts';
import { talentWorld } from './competitions-test-support.ts';

type World = Awaited<ReturnType<typeof talentWorld>>;
interface Ranked {
  entryId: string;
  rank: number | null;
  score: number | null;
  points: number;
  orgName: string;
}

describe.each(dialects)('competitions (比武竞赛) on %s', (dialect) => {
  let t: TestApp;
  let w: World;
  let eventId: string;
  const ids: Record<string, string> = {};
  const entry: Record<string, string> = {};
  const item: Record<string, string> = {};
  const pick = (r: Record<string, string>, k: string): string => {
    const v = r[k];
    if (v === undefined) throw new Error(`no fixture ${k}`);
    return v;
  };
  const en = (k: string) => pick(entry, k);
  const id = (k: string) => pick(ids, k);
  const itm = (k: string) => pick(item, k);

  beforeAll(async () => {
    t = await createTestApp(dialect);
    w = await talentWorld(t);
    for (const [name, org] of [
      ['张伟', w.stationA],
      ['李娜', w.stationA],
      ['王强', w.stationB],
      ['赵敏', w.stationB],
      ['孙磊', w.stationA],
      ['周杰', w.other],
    ] as const)
      ids[name] = await w.person(name, org);
  });
  afterAll(() => t.close());

  const rankings = async () =>
    (await w.staff.get(`/api/v1/competitions/${eventId}/rankings`)).json<{
      items: { itemId: string; entries: Ranked[] }[];
      units: { orgName: string; points: number; rank: number }[];
      rule: Record<string, string>;
    }>();
  const rankOf = async (itemId: string) => (await rankings()).items.find((i) => i.itemId === itemId)!.entries;

  it('creates an event with higher-better, lower-better and team items, and entries by unit', async () => {
    const res = await w.staff.post('/api/v1/competitions', {
      title: '2026年上城分局岗位练兵比武',
      level: 'branch',
      orgId: w.branch,
      startDate: '2026-05-10',
      endDate: '2026-05-12',
    });
    expect(res.statusCode, res.body).toBe(201);
    eventId = res.json().id;
    const add = async (body: object) => {
      const r = await w.staff.post(`/api/v1/competitions/${eventId}/items`, body);
      expect(r.statusCode, r.body).toBe(201);
      return r.json<{ id: string }>().id;
    };
    item.shoot = await add({ name: '手枪射击', kind: 'individual', direction: 'higher', unit: '环' });
    item.run = await add({ name: '3000米跑', kind: 'individual', direction: 'lower', unit: '秒' });
    item.team = await add({ name: '网络安全攻防团体赛', kind: 'team', direction: 'higher', maxTeamSize: 3 });
    const enter = async (key: string, body: object) => {
      const r = await w.staff.post(`/api/v1/competitions/${eventId}/entries`, body);
      expect(r.statusCode, r.body).toBe(201);
      entry[key] = r.json<{ id: string }>().id;
    };
    for (const [n, org] of [
      ['张伟', w.stationA],
      ['李娜', w.stationA],
      ['王强', w.stationB],
      ['赵敏', w.stationB],
    ] as const) {
      await enter(`shoot-${n}`, { itemId: itm('shoot'), orgId: org, personIds: [id(n)] });
      await enter(`run-${n}`, { itemId: itm('run'), orgId: org, personIds: [id(n)] });
    }
    await enter('team-A', { itemId: itm('team'), orgId: w.stationA, personIds: [id('张伟'), id('孙磊')], teamName: '清波队' });
    await enter('team-B', { itemId: itm('team'), orgId: w.stationB, personIds: [id('王强'), id('赵敏')], teamName: '湖滨队' });
  });

  it('refuses wrong team sizes, double entries and people outside the entered unit', async () => {
    const one = await w.staff.post(`/api/v1/competitions/${eventId}/entries`, {
      itemId: itm('team'),
      orgId: w.stationA,
      personIds: [id('李娜')],
    });
    expect(one.json().error.code).toBe('COMPETITION_TEAM_SIZE');
    const twice = await w.staff.post(`/api/v1/competitions/${eventId}/entries`, {
      itemId: itm('shoot'),
      orgId: w.stationA,
      personIds: [id('张伟')],
    });
    expect(twice.json().error.code).toBe('COMPETITION_PERSON_ENTERED');
    const wrongUnit = await w.staff.post(`/api/v1/competitions/${eventId}/entries`, {
      itemId: itm('shoot'),
      orgId: w.stationB,
      personIds: [id('孙磊')],
    });
    expect(wrongUnit.statusCode).toBe(400);
  });

  it('ranks ties at the same place and skips the next, and lower-better items ascending', async () => {
    const scores = [
      [en('shoot-张伟'), 95],
      [en('shoot-李娜'), 98],
      [en('shoot-王强'), 95],
      [en('shoot-赵敏'), 90],
      [en('run-张伟'), '12:31.5'],
      [en('run-李娜'), '11:58'],
      [en('run-王强'), 751.5],
      [en('run-赵敏'), null],
      [en('team-A'), 320],
      [en('team-B'), 280],
    ];
    const res = await w.staff.put(`/api/v1/competitions/${eventId}/scores`, {
      scores: scores.map(([entryId, score]) => ({ entryId, score })),
    });
    expect(res.statusCode, res.body).toBe(200);
    const shoot = await rankOf(itm('shoot'));
    expect(shoot.map((e) => [e.entryId, e.rank, e.points])).toEqual([
      [en('shoot-李娜'), 1, 7],
      ...[
        // Tied for second: they share places 2 and 3, (5 + 4) / 2 each.
        [en('shoot-张伟'), 2, 4.5],
        [en('shoot-王强'), 2, 4.5],
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
      [en('shoot-赵敏'), 4, 3],
    ]);
    const run = await rankOf(itm('run'));
    // 11:58 = 718 s first; 12:31.5 = 751.5 s ties with 751.5; 赵敏 has no score and no place.
    expect(run.map((e) => e.rank)).toEqual([1, 2, 2, null]);
    expect(run[0]!.entryId).toBe(en('run-李娜'));
    expect(run[3]!.entryId).toBe(en('run-赵敏'));
    const { units, rule } = await rankings();
    // 清波: 7+4.5 (shoot) +7+4.5 (run) +7 (team) = 30; 湖滨: 4.5+3 (shoot) +4.5 (run) +5 (team) = 17.
    expect(units.map((u) => [u.orgName, u.points, u.rank])).toEqual([
      ['清波派出所', 30, 1],
      ['湖滨派出所', 17, 2],
    ]);
    expect(rule['zh-CN']).toContain('同分同名次');
    // A per-unit cap of one counted entrant per item: only each unit's best placed entry scores;
    // the others keep their places.
    expect((await w.staff.patch(`/api/v1/competitions/${eventId}`, { countedPerUnit: 1 })).statusCode).toBe(200);
    const capped = await rankings();
    expect(capped.units.map((u) => [u.orgName, u.points, u.rank])).toEqual([
      ['清波派出所', 21, 1],
      ['湖滨派出所', 14, 2],
    ]);
    expect((await rankOf(itm('shoot'))).map((e) => e.rank)).toEqual([1, 2, 2, 4]);
    await w.staff.patch(`/api/v1/competitions/${eventId}`, { countedPerUnit: null });
    expect((await rankings()).units.map((u) => u.points)).toEqual([30, 17]);
  });

  it('refuses a bad grid all-or-nothing, naming every problem', async () => {
    const res = await w.staff.put(`/api/v1/competitions/${eventId}/scores`, {
      scores: [
        { entryId: en('shoot-赵敏'), score: 99 },
        { entryId: en('shoot-张伟'), score: '九十' },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.problems).toEqual([
      { entryId: en('shoot-张伟'), column: 'score', code: 'score_format', value: '九十' },
    ]);
    expect((await rankOf(itm('shoot'))).find((e) => e.entryId === en('shoot-赵敏'))!.score).toBe(90);
  });

  async function sheet(rows: (string | number | null)[][], header = ['条目编号', '项目', '单位', '参赛者', '成绩']): Promise<Buffer> {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('成绩');
    ws.addRow(header);
    for (const r of rows) ws.addRow(r);
    return Buffer.from(await wb.xlsx.writeBuffer());
  }
  const importSheet = (file: Buffer) =>
    w.staff.request({ method: 'POST', url: `/api/v1/competitions/${eventId}/scores/import`, ...multipartBody(file, '成绩.xlsx') });

  it('gives a template with one row per entry, and imports it back', async () => {
    const tpl = await w.staff.get(`/api/v1/competitions/${eventId}/scores/template`);
    expect(tpl.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.rowCount).toBe(11);
    ws.eachRow((row, n) => {
      if (n > 1 && row.getCell(1).value === en('run-赵敏')) row.getCell(5).value = '12:40';
    });
    const res = await importSheet(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ changed: 1 });
    expect((await rankOf(itm('run'))).map((e) => e.rank)).toEqual([1, 2, 2, 4]);
  });

  it('imports nothing when any row is wrong, and names row and column', async () => {
    const bad = await sheet([
      [en('shoot-赵敏'), '手枪射击', '', '', 97],
      [en('shoot-张伟'), '手枪射击', '', '', 'DNF'],
      ['0190a3c1-0000-7000-8000-000000000000', '手枪射击', '', '', 80],
      [en('shoot-李娜'), '手枪射击', '', '', -1],
      [en('shoot-赵敏'), '手枪射击', '', '', 96],
    ]);
    const res = await importSheet(bad);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('COMPETITION_IMPORT_INVALID');
    expect(res.json().error.details.problems.map((p: { row: number; column: string; code: string }) => [p.row, p.column, p.code])).toEqual([
      [3, 'score', 'score_format'],
      [4, 'entryId', 'unknown_entry'],
      [5, 'score', 'score_negative'],
      [6, 'entryId', 'duplicate_entry'],
    ]);
    expect((await rankOf(itm('shoot'))).find((e) => e.entryId === en('shoot-赵敏'))!.score).toBe(90);
    const noColumn = await importSheet(await sheet([[en('shoot-赵敏'), 97]], ['编号', '分数']));
    expect(noColumn.json().error.details.problems.map((p: { code: string }) => p.code)).toEqual(['missing_column', 'missing_column']);
    const notXlsx = await importSheet(Buffer.from('<html>not a sheet</html>'));
    expect(notXlsx.statusCode).toBe(400);
  });

  it('keeps other branches out: 404 on the event, out-of-scope units and people refused', async () => {
    expect((await w.otherStaff.get(`/api/v1/competitions/${eventId}`)).statusCode).toBe(404);
    expect((await w.otherStaff.get(`/api/v1/competitions/${eventId}/rankings`)).statusCode).toBe(404);
    expect(
      (await w.otherStaff.put(`/api/v1/competitions/${eventId}/scores`, { scores: [{ entryId: en('shoot-赵敏'), score: 1 }] })).statusCode,
    ).toBe(404);
    expect((await w.otherStaff.get('/api/v1/competitions')).json().total).toBe(0);
    const foreignUnit = await w.staff.post(`/api/v1/competitions/${eventId}/entries`, {
      itemId: itm('shoot'),
      orgId: w.other,
      personIds: [id('周杰')],
    });
    expect(foreignUnit.json().error.code).toBe('ORG_NOT_FOUND');
    const foreignOrganiser = await w.staff.post('/api/v1/competitions', {
      title: 'x',
      level: 'branch',
      orgId: w.other,
      startDate: '2026-05-10',
      endDate: '2026-05-12',
    });
    expect(foreignOrganiser.json().error.code).toBe('ORG_NOT_FOUND');
    expect((await w.city.get(`/api/v1/competitions/${eventId}`)).statusCode).toBe(200);
  });

  it('publishes results to each person’s record and then freezes the event', async () => {
    const res = await w.staff.post(`/api/v1/competitions/${eventId}/publish`);
    expect(res.statusCode, res.body).toBe(200);
    const mine = await competitionResultsOf(t.ctx.db, id('张伟')!);
    expect(mine.map((r) => [r.itemName, r.rank, r.entrants]).sort()).toEqual([
      ['3000米跑', 2, 4],
      ['手枪射击', 2, 4],
      ['网络安全攻防团体赛', 1, 2],
    ]);
    const viaRoute = await w.staff.get(`/api/v1/competitions/people/${id('孙磊')}/results`);
    expect(viaRoute.json()).toMatchObject([{ itemName: '网络安全攻防团体赛', teamName: '清波队', rank: 1, score: 320 }]);
    expect((await w.otherStaff.get(`/api/v1/competitions/people/${id('孙磊')}/results`)).statusCode).toBe(404);
    expect(
      (await w.staff.put(`/api/v1/competitions/${eventId}/scores`, { scores: [{ entryId: en('shoot-赵敏'), score: 100 }] })).json().error
        .code,
    ).toBe('COMPETITION_PUBLISHED');
    expect((await w.staff.post(`/api/v1/competitions/${eventId}/publish`)).statusCode).toBe(409);
    const audit = await t.ctx.db.selectFrom('audit_log').select('event_type').where('object_id', '=', eventId).execute();
    expect(audit.map((a) => a.event_type)).toEqual(
      expect.arrayContaining(['competition.create', 'competition.scores.grid', 'competition.scores.import', 'competition.publish']),
    );
  });
});
