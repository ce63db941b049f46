import { inPersonSet, makeIdNumber, normalizePersonSet, type CreatePersonBody, type PersonSet } from '@zhenggong/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { makeOrg } from '../../test-support/factories.ts';
import { createTestApp, dialects, type TestApp } from '../../test-support/test-app.ts';
import {
  assertPeopleInScope,
  checkedPersonSet,
  createPersonRecord,
  peopleInAnySet,
  peopleInSet,
  peopleInSetRelation,
  pageOfPeopleInSet,
} from './people.ts';

/**
 * personnel/people.ts resolves person sets in SQL; core's `inPersonSet` states the rule. Both are
 * run over the same varied people and must agree, on each database.
 */
describe.each(dialects)('person sets on %s', (dialect) => {
  let t: TestApp;
  let root: string;
  let branch: string;
  let station: string;
  let other: string;
  const all: ResolvedScope = { all: true };
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    t = await createTestApp(dialect);
    root = await makeOrg(t.ctx, null, '示例市公安局', { type: 'city_bureau' });
    branch = await makeOrg(t.ctx, root, '上城分局');
    station = await makeOrg(t.ctx, branch, '清波派出所', { type: 'station' });
    other = await makeOrg(t.ctx, root, '拱墅分局');
    const people: [string, Partial<CreatePersonBody> & { birth: string }][] = [
      ['甲', { orgId: branch, birth: '1970-05-01', policeStartDate: '1992-07-01', post: '局长', rank: '一级警督' }],
      ['乙', { orgId: station, birth: '1985-03-15', policeStartDate: '2008-07-01', post: '所长', rank: '一级警司' }],
      ['丙', { orgId: station, birth: '1999-12-31', policeStartDate: '2021-08-01', post: '科员', rank: '二级警司' }],
      ['丁', { orgId: other, birth: '1990-06-15', policeStartDate: '2012-07-01', post: '所长', rank: '一级警司' }],
      ['戊', { orgId: station, birth: '1995-04-01', kind: 'auxiliary', auxCategory: '勤务辅警' }],
      ['己', { orgId: branch, birth: '1966-01-01', policeStartDate: '1988-07-01', post: '科员', rank: '三级警督', status: 'retired' }],
    ];
    let serial = 700;
    for (const [name, { birth, ...rest }] of people) {
      const input: CreatePersonBody = { kind: 'officer', name, idNumber: makeIdNumber('330102', birth, serial++), orgId: branch, ...rest };
      ids[name] = (await t.ctx.db.transaction().execute((trx) => createPersonRecord(trx, t.ctx, input, '2020-01-01'))).id;
    }
  });
  afterAll(() => t.close());

  /** Everyone as core sees them: unit path from the closure table, codes as stored. */
  async function candidates() {
    const rows = await t.ctx.db.selectFrom('person').selectAll().execute();
    const paths = await t.ctx.db.selectFrom('org_closure').select(['ancestor_id', 'descendant_id', 'depth']).execute();
    return rows.map((p) => ({
      id: p.id,
      kind: p.kind,
      status: p.status,
      orgPath: paths
        .filter((c) => c.descendant_id === p.org_id)
        .sort((a, b) => a.depth - b.depth)
        .map((c) => c.ancestor_id),
      rank: p.rank,
      officerLevel: p.officer_level,
      techLevel: p.tech_level,
      post: p.post,
      birthDate: p.birth_date,
      policeStartDate: p.police_start_date,
    }));
  }

  it('matches the core rule for units, sub-units, kinds, statuses, posts, ranks, ages, service and exclusions', async () => {
    const everyone = await candidates();
    const rankOf = (name: string) => everyone.find((p) => p.id === ids[name])?.rank ?? '';
    const sets: PersonSet[] = [
      { orgIds: [branch] },
      { orgIds: [branch], includeSubUnits: false },
      { orgIds: [root], kinds: ['auxiliary'] },
      { posts: ['所长'] },
      { posts: ['所长'], orgIds: [branch] },
      { ranks: [rankOf('乙')] },
      { ageMin: 40 },
      { ageMax: 30, kinds: ['officer'] },
      { serviceYearsMin: 10, serviceYearsMax: 20 },
      { ageMin: 50, asOf: '2020-06-01' },
      { orgIds: [root], statuses: ['retired'] },
      { orgIds: [root], excludePersonIds: [ids['乙'] ?? ''] },
      { personIds: [ids['丁'] ?? '', ids['己'] ?? ''] },
      { orgIds: [station], personIds: [ids['丁'] ?? ''], excludePersonIds: [ids['丙'] ?? ''] },
    ];
    const today = t.ctx.clock.now().toISOString().slice(0, 10);
    for (const set of sets) {
      const sqlIds = (await peopleInSet(t.ctx, t.ctx.db, all, set)).map((p) => p.id).sort();
      const coreIds = everyone
        .filter((p) => inPersonSet(normalizePersonSet(set), p, today))
        .map((p) => p.id)
        .sort();
      expect({ set, ids: sqlIds }).toEqual({ set, ids: coreIds });
    }
    // The cases above are not vacuous: they pick different, non-empty groups.
    expect((await peopleInSet(t.ctx, t.ctx.db, all, { orgIds: [branch], includeSubUnits: false })).map((p) => p.name)).toEqual(['甲']);
    expect((await peopleInSet(t.ctx, t.ctx.db, all, { orgIds: [root], statuses: ['retired'] })).map((p) => p.name)).toEqual(['己']);
  });

  it('keeps to the caller scope, pages, unions sets and checks named people', async () => {
    const branchScope: ResolvedScope = { all: false, orgIds: [], subtreeRoots: [branch], selfUserId: null };
    const set = { orgIds: [root] };
    expect((await peopleInSet(t.ctx, t.ctx.db, branchScope, set)).map((p) => p.name).sort()).toEqual(['丙', '乙', '戊', '甲'].sort());
    const page = await pageOfPeopleInSet(t.ctx, branchScope, set, { page: 2, pageSize: 3 });
    expect(page.total).toBe(4);
    expect(page.items).toHaveLength(1);
    const chosen = await t.ctx.db
      .selectFrom(peopleInSetRelation(t.ctx, t.ctx.db, branchScope, { posts: ['所长', '局长'] }).as('p'))
      .select(['p.id', 'p.birth_date'])
      .orderBy('p.birth_date')
      .execute();
    expect(chosen.map((p) => p.id)).toEqual([ids['甲'], ids['乙']]);
    expect(Object.keys(chosen[0] ?? {}).sort()).toEqual(['birth_date', 'id']);
    const union = await peopleInAnySet(t.ctx, t.ctx.db, all, [{ orgIds: [other] }, { personIds: [ids['甲'] ?? ''] }]);
    expect(union.map((p) => p.id).sort()).toEqual([ids['丁'], ids['甲']].sort());
    await expect(assertPeopleInScope(t.ctx.db, branchScope, [ids['乙'] ?? '', ids['丁'] ?? ''])).rejects.toMatchObject({
      code: 'PERSON_NOT_FOUND',
    });
    await expect(checkedPersonSet(t.ctx.db, branchScope, { orgIds: [other] }, 'TRAINING_TARGET_EMPTY')).rejects.toMatchObject({
      code: 'ORG_NOT_FOUND',
    });
    await expect(checkedPersonSet(t.ctx.db, branchScope, { posts: [' '] }, 'TRAINING_TARGET_EMPTY')).rejects.toMatchObject({
      code: 'TRAINING_TARGET_EMPTY',
    });
  });
});
