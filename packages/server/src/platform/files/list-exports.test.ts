import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeAuxOfficer } from '../../modules/auxiliary/test-support.ts';
import { talentWorld } from '../../modules/competitions/competitions-test-support.ts';
import { makeKnownPaper } from '../../modules/exams/exam-test-kit.ts';
import { createTestApp, dialects, type Client, type TestApp } from '../../test-support/test-app.ts';
import { newId } from '../ids.ts';
import { LIST_EXPORT_MAX_ROWS } from './list-sheet.ts';

type World = Awaited<ReturnType<typeof talentWorld>>;

/** One list on screen and its export: the same query must give the same rows. */
interface ListCase {
  readonly name: string;
  readonly list: string;
  readonly sheet: string;
  readonly file: string;
  readonly eventType: string;
  /** The list item's field shown in the sheet's first column. */
  readonly key: string;
  /** A narrowing filter, as on screen. */
  readonly filter: () => string;
}

/** The sheet's name and its rows as text, header first. */
async function readSheet(res: LightMyRequestResponse): Promise<{ name: string; rows: string[][] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: string[][] = [];
  sheet.eachRow((row) =>
    rows.push(
      Array.from(row.values as unknown[])
        .slice(1)
        .map((v) => (v === null || v === undefined ? '' : String(v))),
    ),
  );
  return { name: sheet.name, rows };
}

describe.each(dialects)('list exports (导出 Excel) on %s', (dialect) => {
  let t: TestApp;
  let w: World;
  const BRANCH_ONLY = ['上城', '清波', '湖滨'];

  const audits = (type: string) => t.ctx.db.selectFrom('audit_log').selectAll().where('event_type', '=', type).orderBy('seq').execute();

  const cases: ListCase[] = [
    {
      name: '辅警名单',
      list: '/api/v1/auxiliary/officers',
      sheet: '辅警名单',
      file: '辅警名单.xlsx',
      eventType: 'auxiliary.officers.export',
      key: 'name',
      filter: () => `orgId=${w.stationA}`,
    },
    {
      name: '考试管理',
      list: '/api/v1/exams',
      sheet: '考试列表',
      file: '考试列表.xlsx',
      eventType: 'exam.list.export',
      key: 'title',
      filter: () => 'kind=spot_check',
    },
    {
      name: '培训班',
      list: '/api/v1/training/classes',
      sheet: '培训班',
      file: '培训班.xlsx',
      eventType: 'training.class.export',
      key: 'title',
      filter: () => 'kind=spring',
    },
    {
      name: '比武竞赛',
      list: '/api/v1/competitions',
      sheet: '比武竞赛',
      file: '比武竞赛.xlsx',
      eventType: 'competition.event.export',
      key: 'title',
      filter: () => `q=${encodeURIComponent('射击')}`,
    },
  ];
  const exportUrl = (c: ListCase, query: string) => `${c.list}/export.xlsx${query ? `?${query}` : ''}`;
  const listUrl = (c: ListCase, query: string) => `${c.list}?pageSize=200${query ? `&${query}` : ''}`;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    w = await talentWorld(t);
    const created = async (res: Promise<LightMyRequestResponse>) => {
      const r = await res;
      expect(r.statusCode, r.body).toBe(201);
    };
    // 辅警: two in 上城分局's stations, one in 拱墅分局.
    await makeAuxOfficer(t.ctx, w.stationA, '清波辅警');
    await makeAuxOfficer(t.ctx, w.stationB, '湖滨辅警');
    await makeAuxOfficer(t.ctx, w.other, '拱墅辅警');
    // 考试: each branch on its own paper.
    const papers = { [w.branch]: (await makeKnownPaper(t, w.branch)).paperId, [w.other]: (await makeKnownPaper(t, w.other)).paperId };
    const exam = (client: Client, orgId: string, title: string, kind: string, day: string) =>
      created(
        client.post('/api/v1/exams', {
          title,
          kind,
          paperId: papers[orgId],
          orgId,
          startsAt: `${day}T01:00:00.000Z`,
          endsAt: `${day}T03:00:00.000Z`,
          durationMinutes: 60,
          passScore: 20,
          targets: { orgIds: [orgId] },
        }),
      );
    await exam(w.staff, w.branch, '上城六月月考', 'monthly_practice', '2026-06-10');
    await exam(w.staff, w.branch, '上城七月抽考', 'spot_check', '2026-07-10');
    await exam(w.otherStaff, w.other, '拱墅六月抽考', 'spot_check', '2026-06-12');
    // 培训班.
    const trainingClass = (client: Client, orgId: string, title: string, kind: string, startDate: string) =>
      created(
        client.post('/api/v1/training/classes', {
          title,
          kind,
          orgId,
          startDate,
          endDate: startDate,
          plannedHours: 8,
          target: { orgIds: [orgId] },
        }),
      );
    await trainingClass(w.staff, w.branch, '上城轮训班', 'rotation', '2026-06-01');
    await trainingClass(w.staff, w.branch, '上城春训班', 'spring', '2026-03-01');
    await trainingClass(w.otherStaff, w.other, '拱墅春训班', 'spring', '2026-03-05');
    // 比武竞赛.
    const event = (client: Client, orgId: string, title: string, startDate: string) =>
      created(client.post('/api/v1/competitions', { title, level: 'branch', orgId, startDate, endDate: startDate }));
    await event(w.staff, w.branch, '上城射击比武', '2026-05-01');
    await event(w.staff, w.branch, '上城体能比武', '2026-04-01');
    await event(w.otherStaff, w.other, '拱墅射击比武', '2026-05-02');
  });
  afterAll(() => t.close());

  describe.each(cases)('$name', (c) => {
    /** Exports as the client with the query, and checks the sheet holds exactly the list's rows. */
    async function exportMatchesList(client: Client, query: string): Promise<string[][]> {
      const list = await client.get(listUrl(c, query));
      expect(list.statusCode, list.body).toBe(200);
      const items = list.json<{ items: Record<string, unknown>[]; total: number }>();
      const res = await client.get(exportUrl(c, query));
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type']).toContain('spreadsheetml');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent(c.file)}`);
      const sheet = await readSheet(res);
      expect(sheet.name).toBe(c.sheet);
      const [, ...rows] = sheet.rows;
      expect(rows.map((r) => r[0])).toEqual(items.items.map((i) => i[c.key]));
      expect(rows).toHaveLength(items.total);
      return rows;
    }

    it('holds exactly the list a branch user sees, nothing of another branch, and audits the export', async () => {
      const before = (await audits(c.eventType)).length;
      const rows = await exportMatchesList(w.staff, '');
      expect(rows).toHaveLength(2);
      expect(rows.flat().join()).not.toContain('拱墅');
      const other = await exportMatchesList(w.otherStaff, '');
      expect(other).toHaveLength(1);
      expect(other.flat().some((v) => BRANCH_ONLY.some((name) => v.includes(name)))).toBe(false);
      expect(await exportMatchesList(w.city, '')).toHaveLength(3);
      const written = (await audits(c.eventType)).slice(before);
      expect(written.map((a) => [a.actor_id, a.outcome, JSON.parse(a.detail).rows])).toEqual([
        [w.staff.userId, 'success', 2],
        [w.otherStaff.userId, 'success', 1],
        [w.city.userId, 'success', 3],
      ]);
    });

    it('follows the list filters as on screen, and ignores paging', async () => {
      const rows = await exportMatchesList(w.staff, c.filter());
      expect(rows).toHaveLength(1);
      const paged = await w.staff.get(exportUrl(c, 'page=2&pageSize=1'));
      expect((await readSheet(paged)).rows).toHaveLength(3);
      const last = (await audits(c.eventType)).at(-1)!;
      expect(JSON.parse(last.detail)).toMatchObject({ rows: 2 });
      expect(JSON.parse(last.detail).query).not.toHaveProperty('page');
    });
  });

  it('masks ID numbers in 辅警名单 as on screen', async () => {
    const { rows } = await readSheet(await w.staff.get('/api/v1/auxiliary/officers/export.xlsx'));
    const listed = (await w.staff.get('/api/v1/auxiliary/officers')).json<{ items: { idNumberMasked: string }[] }>().items;
    expect(rows.slice(1).map((r) => r[2])).toEqual(listed.map((o) => o.idNumberMasked));
    expect(rows.slice(1).every((r) => /\*/.test(r[2]!))).toBe(true);
  });

  it(`exports up to ${LIST_EXPORT_MAX_ROWS} rows and refuses more, in the caller's language, with nothing audited`, async () => {
    const now = t.ctx.clock.now().toISOString();
    const event = (i: number) => ({
      id: newId(),
      title: `拱墅岗位练兵${i}`,
      level: 'unit' as const,
      org_id: w.other,
      start_date: '2026-01-01',
      end_date: '2026-01-01',
      description: null,
      status: 'open' as const,
      published_at: null,
      published_by: null,
      counted_per_unit: null,
      city_code: t.ctx.config.cityCode,
      created_at: now,
      updated_at: now,
    });
    // 拱墅分局 holds one event already: fill it to exactly the limit.
    const filler = Array.from({ length: LIST_EXPORT_MAX_ROWS - 1 }, (_, i) => event(i));
    for (let i = 0; i < filler.length; i += 500)
      await t.ctx.db
        .insertInto('competition_event')
        .values(filler.slice(i, i + 500))
        .execute();
    const full = await w.otherStaff.get('/api/v1/competitions/export.xlsx');
    expect(full.statusCode, full.body).toBe(200);
    expect((await readSheet(full)).rows).toHaveLength(LIST_EXPORT_MAX_ROWS + 1);

    await t.ctx.db.insertInto('competition_event').values(event(LIST_EXPORT_MAX_ROWS)).execute();
    const before = (await audits('competition.event.export')).length;
    const zh = await w.otherStaff.get('/api/v1/competitions/export.xlsx');
    expect(zh.statusCode).toBe(400);
    expect(zh.json().error).toMatchObject({
      code: 'LIST_EXPORT_TOO_LARGE',
      message: `符合条件的记录有 ${LIST_EXPORT_MAX_ROWS + 1} 条，超过单次导出上限 ${LIST_EXPORT_MAX_ROWS} 条，请缩小筛选范围`,
    });
    const en = await w.otherStaff.request({
      method: 'GET',
      url: '/api/v1/competitions/export.xlsx',
      headers: { 'accept-language': 'en-US' },
    });
    expect(en.json().error.message).toBe(
      `${LIST_EXPORT_MAX_ROWS + 1} records match, more than the export limit of ${LIST_EXPORT_MAX_ROWS}; narrow the filters`,
    );
    expect(await audits('competition.event.export')).toHaveLength(before);
    // Narrowed, as the message asks, the export goes through; other branches are unaffected.
    const narrowed = await w.otherStaff.get(`/api/v1/competitions/export.xlsx?q=${encodeURIComponent('射击')}`);
    expect((await readSheet(narrowed)).rows.slice(1)).toEqual([
      ['拱墅射击比武', '分局级', '拱墅分局', '2026-05-02', '2026-05-02', '进行中'],
    ]);
    expect((await w.staff.get('/api/v1/competitions/export.xlsx')).statusCode).toBe(200);
  });
});
