import { monthIndex, parseIdNumber, promotionRuleSets, ruleSetOn } from '@zhenggong/core';
import { careerWarnings } from '@zhenggong/core/personnel/career-checks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrg } from '../../../test-support/factories.ts';
import { createTestApp, dialects, type TestApp } from '../../../test-support/test-app.ts';
import { seedDemoPeople } from './demo-people.ts';
import { today as beijingToday } from '../../../platform/clock.ts';

describe.each(dialects)('demo force on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
    const root = await makeOrg(t.ctx, null, '示例市公安局', { type: 'city_bureau' });
    for (const name of ['上城分局', '拱墅分局', '西湖分局'])
      await makeOrg(t.ctx, await makeOrg(t.ctx, root, name), `${name}某派出所`, { type: 'station' });
  });
  afterAll(() => t.close());

  it('builds valid, plausible synthetic people with history, the same for the same seed', async () => {
    await seedDemoPeople(t.ctx, { people: 300, seed: 7 });
    const people = await t.ctx.db.selectFrom('person').selectAll().orderBy('id').execute();
    expect(people).toHaveLength(300);
    for (const p of people.slice(0, 50)) {
      const id = parseIdNumber(t.ctx.fieldCrypto.decrypt(p.id_number_enc), t.ctx.clock.now());
      expect(id.ok).toBe(true);
      if (id.ok) expect(id.info.birthDate).toBe(p.birth_date);
    }
    const officers = people.filter((p) => p.kind === 'officer');
    expect(officers.length / people.length).toBeGreaterThan(0.55);
    // Plausible ranks: no 警衔 in the 1-year probation; with under 3 years of service, nobody above
    // 二级警司 (04), the first grant of a master's graduate or of a bachelor made 四级警长, or a PhD's 一级警司 (§2.5).
    const today = beijingToday(t.ctx.clock);
    const monthsIn = (p: (typeof officers)[number]) => monthIndex(today) - monthIndex(p.police_start_date!);
    for (const p of officers) {
      if (monthsIn(p) < 12) expect(p.rank).toBeNull();
      if (monthsIn(p) < 36) expect(Number(p.rank ?? 0)).toBeLessThanOrEqual(p.education === '11' ? 5 : 4);
      // Ages consistent with 参加工作 and 入警: joined at 20 to 32, working no earlier than 17.
      const joinedAt = Number(p.police_start_date!.slice(0, 4)) - Number(p.birth_date.slice(0, 4));
      expect(joinedAt).toBeGreaterThanOrEqual(20);
      expect(joinedAt).toBeLessThanOrEqual(37);
      expect(p.work_start_date! <= p.police_start_date!).toBe(true);
    }
    // Every 警衔 inside the band of its 职级 (rank.bands): the demo raises no flags.
    const flagged = officers.filter(
      (p) => careerWarnings({ kind: 'officer', rank: p.rank ?? undefined, officerLevel: p.officer_level ?? undefined }, today).length > 0,
    );
    expect(flagged.map((p) => [p.rank, p.officer_level])).toEqual([]);
    // A pyramid, not a column of 一级警督: most officers at 警员/警司, few at the top of either ladder.
    const share = (test: (p: (typeof officers)[number]) => boolean) => officers.filter(test).length / officers.length;
    expect(share((p) => Number(p.rank) <= 5)).toBeGreaterThan(0.5);
    expect(share((p) => p.rank === '08')).toBeLessThan(0.15);
    expect(share((p) => Number(p.officer_level) <= 606)).toBeLessThan(0.12);
    // 警员/警司 ranks, and 警员/警长 grades, hold most of the force; 一级警督 and up are few.
    expect(share((p) => Number(p.rank ?? 0) <= 5 && Number(p.officer_level ?? 612) >= 607)).toBeGreaterThanOrEqual(0.5);
    expect(share((p) => Number(p.officer_level ?? 612) >= 607)).toBeGreaterThanOrEqual(0.85);
    expect(share((p) => Number(p.rank ?? 0) >= 8)).toBeLessThan(0.15);
    // Every rank line follows the period of the one before (Art. 14), or a grade promotion raising it (Art. 16).
    const rankLines = await t.ctx.db
      .selectFrom('person_rank_history')
      .select(['person_id', 'rank', 'start_date'])
      .orderBy('start_date')
      .execute();
    const levelDates = new Set(
      (await t.ctx.db.selectFrom('person_level_history').select(['person_id', 'start_date']).execute()).map(
        (l) => `${l.person_id}:${l.start_date}`,
      ),
    );
    const periods = ruleSetOn(promotionRuleSets, today)!.rank.periods;
    const last = new Map<string, { rank: string; start_date: string }>();
    for (const r of rankLines) {
      const before = last.get(r.person_id);
      if (before && !levelDates.has(`${r.person_id}:${r.start_date}`) && r.rank <= '08')
        expect(monthIndex(r.start_date) - monthIndex(before.start_date), `${before.rank}→${r.rank}`).toBeGreaterThanOrEqual(
          periods[before.rank]!.years * 12,
        );
      if (before) expect(r.rank > before.rank).toBe(true);
      last.set(r.person_id, r);
    }
    const n = async (table: 'person_rank_history' | 'person_family' | 'person_resume') =>
      Number(
        (
          await t.ctx.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await n('person_rank_history')).toBeGreaterThan(officers.length);
    expect(await n('person_family')).toBeGreaterThan(600);
    expect(await n('person_resume')).toBe(600);
    const names = people.slice(0, 5).map((p) => p.name);
    const again = await createTestApp(dialect);
    const root = await makeOrg(again.ctx, null, 'root', { type: 'city_bureau' });
    await makeOrg(again.ctx, root, 'x');
    await seedDemoPeople(again.ctx, { people: 5, seed: 7 });
    expect((await again.ctx.db.selectFrom('person').select('name').orderBy('id').execute()).map((p) => p.name)).toEqual(names);
    await again.close();
  });
});
