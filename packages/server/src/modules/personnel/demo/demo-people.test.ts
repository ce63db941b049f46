import { parseIdNumber } from '@zhenggong/core';
import { careerWarnings } from '@zhenggong/core/personnel/career-checks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeOrg } from '../../../test-support/factories.ts';
import { createTestApp, dialects, type TestApp } from '../../../test-support/test-app.ts';
import { seedDemoPeople } from './demo-people.ts';

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
    // Plausible ranks: nobody with under 3 years of service above 一级警员 (02).
    for (const p of officers) if (Number(p.police_start_date?.slice(0, 4)) >= 2024) expect(Number(p.rank)).toBeLessThanOrEqual(2);
    // Every 警衔 inside the band of its 职级 (rank.bands): the demo raises no flags.
    const today = t.ctx.clock.now().toISOString().slice(0, 10);
    const flagged = officers.filter(
      (p) => careerWarnings({ kind: 'officer', rank: p.rank ?? undefined, officerLevel: p.officer_level ?? undefined }, today).length > 0,
    );
    expect(flagged.map((p) => [p.rank, p.officer_level])).toEqual([]);
    // A pyramid, not a column of 一级警督: most officers at 警员/警司, few at the top of either ladder.
    const share = (test: (p: (typeof officers)[number]) => boolean) => officers.filter(test).length / officers.length;
    expect(share((p) => Number(p.rank) <= 5)).toBeGreaterThan(0.5);
    expect(share((p) => p.rank === '08')).toBeLessThan(0.15);
    expect(share((p) => Number(p.officer_level) <= 606)).toBeLessThan(0.12);
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
