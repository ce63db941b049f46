import type { Explanation, SchemeBody } from '@zhenggong/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/audit/audit-service.ts';
import { newId } from '../../platform/ids.ts';
import { makePerson } from '../../platform/workflow/workflow-test-support.ts';
import { makeOrg } from '../../test-support/factories.ts';
import { createTestApp, dialects, type TestApp } from '../../test-support/test-app.ts';
import { openRound } from './round-service.ts';

/**
 * The formula sources the main assessment test does not reach, through the real reads on both
 * databases: competition placings (published results, top three, capped), 辅警 monthly scores
 * (confirmed months only, unscored months left out) and a unit indicator as the mean of its
 * people's totals. Every figure below is worked by hand in the comment beside it.
 */
const civil = {
  grades: ['优秀', '称职', '基本称职', '不称职'],
  gradeBands: [
    { grade: '优秀', minScore: 90 },
    { grade: '称职', minScore: 70 },
    { grade: '基本称职', minScore: 60 },
    { grade: '不称职', minScore: 0 },
  ],
  excellentQuota: { ratio: 0.15, rounding: 'floor' as const, minOne: true },
};
const INDIVIDUAL: SchemeBody = {
  indicators: [
    { key: 'comp', name: '比武竞赛', maxPoints: 10, rule: { kind: 'competition', maxRank: 3, pointsPerPlacing: 5 } },
    { key: 'monthly', name: '月度考核', maxPoints: 60, rule: { kind: 'aux_monthly' } },
    { key: 'ji', name: '工作实绩', maxPoints: 30, rule: { kind: 'manual' } },
  ],
  adjustments: [],
  bonusCap: 10,
  deductionCap: 30,
  ...civil,
};
const UNIT: SchemeBody = {
  indicators: [{ key: 'mean', name: '民警平均分', maxPoints: 100, rule: { kind: 'unit_mean' } }],
  adjustments: [],
  bonusCap: 10,
  deductionCap: 30,
  ...civil,
};

describe.each(dialects)('assessment formula sources on %s', (dialect) => {
  let t: TestApp;
  let station: string;
  const p: Record<string, string> = {};

  const scheme = async (code: string, subject: 'individual' | 'unit', body: SchemeBody) => {
    const id = newId();
    await t.ctx.db
      .insertInto('asm_scheme')
      .values({
        id,
        code,
        version: 1,
        name: code,
        subject,
        person_kind: null,
        period_kind: 'annual',
        effective_from: '2025-01-01',
        evidence: 'U',
        source: null,
        body: JSON.stringify(body),
        status: 'published',
        created_by: null,
        published_at: null,
        city_code: t.ctx.config.cityCode,
        created_at: '2025-01-01T00:00:00.000Z',
      })
      .execute();
    return id;
  };
  const explanations = async (roundId: string) => {
    const rows = await t.ctx.db.selectFrom('asm_result').select(['subject_name', 'explanation']).where('round_id', '=', roundId).execute();
    return new Map(rows.map((r) => [r.subject_name, JSON.parse(r.explanation!) as Explanation]));
  };
  const open = (schemeId: string) =>
    openRound(t.ctx, { all: true }, systemActor, {
      schemeId,
      orgId: station,
      period: '2025',
      startDate: '2025-01-01',
      endDate: '2025-12-31',
    });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const ctx = t.ctx;
    const root = await makeOrg(ctx, null, '示例市公安局', { type: 'city_bureau' });
    const branch = await makeOrg(ctx, root, '东城分局');
    station = await makeOrg(ctx, branch, '东城派出所', { type: 'station' });
    p['甲'] = await makePerson(ctx, '甲民警', station, 1);
    p['乙'] = await makePerson(ctx, '乙民警', station, 2);
    const city = ctx.config.cityCode;
    const now = '2025-12-31T00:00:00.000Z';

    // One event with one item and an entry per person; the results are the published record.
    const event = newId();
    await ctx.db
      .insertInto('competition_event')
      .values({
        id: event,
        title: '全市大比武',
        level: 'city',
        org_id: root,
        start_date: '2025-05-01',
        end_date: '2025-05-03',
        description: null,
        status: 'published',
        published_at: now,
        published_by: null,
        counted_per_unit: null,
        city_code: city,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const item = newId();
    await ctx.db
      .insertInto('competition_item')
      .values({
        id: item,
        event_id: event,
        name: '手枪射击',
        kind: 'individual',
        direction: 'higher',
        unit: '环',
        max_team_size: null,
        sort_order: 1,
        city_code: city,
        created_at: now,
      })
      .execute();
    const placing = async (person: string, date: string, rank: number | null, title: string) => {
      const entry = newId();
      await ctx.db
        .insertInto('competition_entry')
        .values({
          id: entry,
          event_id: event,
          item_id: item,
          org_id: station,
          team_name: null,
          score: null,
          city_code: city,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await ctx.db
        .insertInto('competition_result')
        .values({
          id: newId(),
          event_id: event,
          item_id: item,
          entry_id: entry,
          person_id: person,
          org_id: station,
          event_title: title,
          item_name: '手枪射击',
          level: 'city',
          date,
          team_name: null,
          score: null,
          rank,
          entrants: 20,
          city_code: city,
          created_at: now,
        })
        .execute();
    };
    await placing(p['甲']!, '2025-05-03', 1, '全市大比武'); // counts: 5
    await placing(p['甲']!, '2025-09-10', 4, '秋季比武'); // 4th: not a placing
    await placing(p['甲']!, '2024-11-10', 2, '去年比武'); // outside the year
    await placing(p['乙']!, '2025-03-01', 2, '春季比武');
    await placing(p['乙']!, '2025-06-01', 3, '夏季比武');
    await placing(p['乙']!, '2025-10-01', 1, '秋季比武'); // 3 × 5 = 15, capped at 10
    await placing(p['乙']!, '2025-11-01', null, '冬季比武'); // no rank: not a placing

    // 辅警 monthly scores: only confirmed months count, an unscored month is left out of the mean.
    const month = async (m: string, status: 'draft' | 'confirmed', scores: Record<string, number | null>) => {
      const id = newId();
      await ctx.db
        .insertInto('aux_assessment_month')
        .values({
          id,
          org_id: station,
          month: m,
          fund_fen: 100_000,
          status,
          grade_table: null,
          total_fen: null,
          confirmed_by: null,
          confirmed_by_name: null,
          confirmed_at: status === 'confirmed' ? now : null,
          city_code: city,
          created_at: now,
          updated_at: now,
        })
        .execute();
      for (const [person, score] of Object.entries(scores))
        await ctx.db
          .insertInto('aux_assessment_entry')
          .values({
            id: newId(),
            month_id: id,
            person_id: p[person]!,
            grade: score === null ? null : score >= 90 ? '优秀' : '合格',
            score,
            amount_fen: null,
            note: null,
            city_code: city,
            created_at: now,
            updated_at: now,
          })
          .execute();
    };
    await month('2024-12', 'confirmed', { 甲: 50 }); // outside the year
    await month('2025-01', 'confirmed', { 甲: 90 });
    await month('2025-02', 'confirmed', { 甲: 80 });
    await month('2025-03', 'confirmed', { 甲: null }); // 未定级: not in the mean
    await month('2025-04', 'draft', { 甲: 100 }); // not confirmed
  });
  afterAll(() => t.close());

  it('counts competition placings and 辅警 monthly scores as worked by hand', async () => {
    const round = await open(await scheme('sources', 'individual', INDIVIDUAL));
    const e = await explanations(round.id);
    const jia = e.get('甲民警')!;
    const yi = e.get('乙民警')!;
    const line = (x: Explanation, key: string) => x.lines.find((l) => l.key === key)!;
    // 甲: one placing in the top three in 2025 → 5.
    expect(line(jia, 'comp').points).toBe(5);
    expect(line(jia, 'comp').records.map((r) => `${r.label} ${r.value}`)).toEqual(['全市大比武 手枪射击 第 1 名']);
    // 乙: three placings × 5 = 15, capped at the indicator's 10.
    expect(line(yi, 'comp').points).toBe(10);
    expect(line(yi, 'comp').basis).toBe('前 3 名 3 次 × 5 分，封顶 10 分');
    // 甲: confirmed months 2025-01 and 2025-02 scored: (90 + 80) / 2 = 85 → 0.85 × 60 = 51.
    expect(line(jia, 'monthly').points).toBe(51);
    expect(line(jia, 'monthly').records.map((r) => `${r.label} ${r.value}`)).toEqual([
      '2025-01 90（优秀）',
      '2025-02 80（合格）',
      '2025-03 —',
    ]);
    // 乙: no months → 0, said in words.
    expect(line(yi, 'monthly').points).toBe(0);
    expect(line(yi, 'monthly').basis).toBe('期间无辅警月度考核分');
    // Manual 工作实绩 not yet scored: totals 5 + 51 = 56 and 10 + 0 = 10.
    expect([jia.total, yi.total]).toEqual([56, 10]);
    expect(jia.complete).toBe(false);
  });

  it('scores a unit by the mean of its people’s totals in the same period', async () => {
    const round = await open(await scheme('unit-mean', 'unit', UNIT));
    const unit = (await explanations(round.id)).get('东城派出所')!;
    // (56 + 10) / 2 = 33 → 33 / 100 × 100 = 33, with each person behind it.
    expect(unit.lines[0]!.points).toBe(33);
    expect(unit.lines[0]!.records.map((r) => `${r.label} ${r.value}`).sort()).toEqual(['乙民警 10', '甲民警 56']);
    expect(unit.total).toBe(33);
  });
});
