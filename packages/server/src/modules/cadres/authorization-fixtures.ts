import type { ModuleFixtureSeeder } from '../../test-support/authorization-fixtures.ts';
import { makeUser } from '../../test-support/factories.ts';
import { makeOfficer } from './test-support.ts';

const P = '/api/v1/cadres';

/** Branch B's cadre rows for the route-authorization test: an open promotion case, a record, a team post, a young-cadre entry, a batch. */
export const cadresAuthorizationFixtures: ModuleFixtureSeeder = async ({ ctx, branchB, orgB, orgB1, roleA, MARK }) => {
  await makeUser(ctx, `b-cadre-approver-${MARK}`, orgB, 'Branch#Pass123', [roleA]);
  const officer = await makeOfficer(ctx, orgB1, `乙干部${MARK}`, { levelDate: '2023-01-10' });
  const must = async (res: Promise<{ statusCode: number; body: string }>) => {
    const r = await res;
    if (r.statusCode >= 300) throw new Error(`cadres fixture: ${r.statusCode} ${r.body}`);
    return JSON.parse(r.body) as { id: string };
  };
  const promotion = await must(branchB.post(`${P}/promotions`, { personId: officer, track: 'grade', note: MARK }));
  const record = await must(
    branchB.post(`${P}/records`, { personId: officer, kind: 'talk', date: '2025-01-01', title: MARK, detail: MARK }),
  );
  const post = await must(branchB.post(`${P}/teams/${orgB1}/posts`, { title: `所长${MARK}`, seatOrder: 1 }));
  await must(branchB.post(`${P}/posts/${post.id}/appoint`, { personId: officer, date: '2025-01-01', docNo: MARK }));
  const young = await must(branchB.post(`${P}/young`, { personId: officer, enteredOn: '2025-01-01', plan: MARK }));
  await must(
    branchB.put(`${P}/teams/${orgB1}/targets`, {
      size: 3,
      youngAge: 45,
      minYoung: 1,
      minFemale: 1,
      minBachelor: 1,
      professions: [MARK.slice(0, 10)],
    }),
  );
  const evaluation = { date: '2026-01-01', title: MARK, items: [{ name: MARK, score: 90 }], followups: [] };
  await must(branchB.post(`${P}/teams/${orgB1}/evaluations`, evaluation));
  return {
    params: {
      [`${P}/people`]: officer,
      [`${P}/promotions`]: promotion.id,
      [`${P}/records`]: record.id,
      [`${P}/teams`]: orgB1,
      [`${P}/posts`]: post.id,
      [`${P}/young`]: young.id,
    },
    bodies: {
      [`POST ${P}/rule-sets/conversion`]: { basedOn: 'rank.convert@2019', name: 'hijack', effectiveFrom: '2019-06-01' },
      [`POST ${P}/promotions`]: { personId: officer, track: 'rank' },
      [`POST ${P}/people/:id/appraisals`]: { year: 2020, grade: '不称职' },
      [`POST ${P}/simulations`]: { ruleSetId: 'rank.convert@2019', orgId: orgB },
      [`POST ${P}/simulations/export`]: { ruleSetId: 'rank.convert@2019', orgId: orgB },
      [`POST ${P}/conversion-batches`]: { ruleSetId: 'rank.convert@2019', orgId: orgB },
      [`POST ${P}/records`]: { personId: officer, kind: 'incentive', date: '2025-01-01', title: 'hijack' },
      [`POST ${P}/teams/:orgId/posts`]: { title: 'hijack', seatOrder: 2 },
      [`PUT ${P}/teams/:orgId/targets`]: { size: 1, youngAge: 45, minYoung: 0, minFemale: 0, minBachelor: 0, professions: [] },
      [`POST ${P}/teams/:orgId/evaluations`]: evaluation,
      [`POST ${P}/posts/:id/appoint`]: { personId: officer, date: '2025-01-01' },
      [`POST ${P}/posts/:id/vacate`]: { date: '2025-06-01' },
      [`POST ${P}/young`]: { personId: officer, enteredOn: '2025-01-01', plan: 'hijack' },
      [`PUT ${P}/young/:id`]: { plan: 'hijack', status: 'left' },
    },
  };
};
