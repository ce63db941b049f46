import { defaultAuxRules } from '@zhenggong/core';
import type { ModuleFixtureSeeder } from '../../test-support/authorization-fixtures.ts';
import { makeAuxOfficer } from './test-support.ts';

const P = '/api/v1/auxiliary';

/** Rows of branch B for the route-authorization test (see test-support/authorization-fixtures.ts). */
export const auxiliaryAuthorizationFixtures: ModuleFixtureSeeder = async ({ ctx, branchB, orgB, orgB1, MARK }) => {
  const officer = await makeAuxOfficer(ctx, orgB1, `乙辅警${MARK}`);
  const must = async (res: Promise<{ statusCode: number; body: string }>) => {
    const r = await res;
    if (r.statusCode >= 300) throw new Error(`auxiliary fixture: ${r.statusCode} ${r.body}`);
    return JSON.parse(r.body) as { id: string };
  };
  const contract = await must(
    branchB.post(`${P}/officers/${officer}/contracts`, { kind: 'fixed', startDate: '2024-01-01', endDate: '2026-06-30' }),
  );
  await must(
    branchB.post(`${P}/officers/${officer}/uniforms`, {
      item: `执勤服${MARK}`,
      quantity: 1,
      issueDate: '2025-06-01',
      nextDueDate: '2026-06-10',
    }),
  );
  await must(branchB.post(`${P}/officers/${officer}/pay-grades`, { grade: '七级', startDate: '2025-01-01' }));
  const month = await must(branchB.post(`${P}/assessment-months`, { orgId: orgB1, month: '2026-05', fundFen: 100_000 }));
  await must(
    branchB.put(`${P}/assessment-months/${month.id}/entries`, { entries: [{ personId: officer, grade: 'excellent', score: null }] }),
  );
  const rule = (value: unknown) => ({ effectiveFrom: '2026-01-01', value });
  const adjustment = { effectiveDate: '2026-07-01', filter: { orgId: orgB }, change: { kind: 'percent', percent: 5 } };
  return {
    params: {
      [`${P}/officers`]: officer,
      [`${P}/contracts`]: contract.id,
      [`${P}/assessment-months`]: month.id,
    },
    bodies: {
      [`POST ${P}/officers/:id/contracts`]: { kind: 'fixed', startDate: '2026-07-01' },
      [`POST ${P}/contracts/:id/renew`]: {},
      [`POST ${P}/officers/:id/uniforms`]: { item: '帽子', quantity: 1, issueDate: '2026-01-01' },
      [`POST ${P}/officers/:id/exit`]: { kind: 'dismissal', exitDate: '2026-06-01', reason: 'hijacked' },
      [`POST ${P}/officers/:id/pay-grades`]: { grade: '一级', startDate: '2026-06-01' },
      [`POST ${P}/rules/grade-table`]: rule(defaultAuxRules.gradeTable),
      [`POST ${P}/rules/pay-scale`]: rule(defaultAuxRules.payScale),
      [`POST ${P}/rules/social-insurance`]: rule(defaultAuxRules.socialInsurance),
      [`POST ${P}/rules/settings`]: rule(defaultAuxRules.settings),
      [`POST ${P}/assessment-months`]: { orgId: orgB, month: '2026-06', fundFen: 1 },
      [`PUT ${P}/assessment-months/:id/fund`]: { fundFen: 1 },
      [`PUT ${P}/assessment-months/:id/entries`]: { entries: [{ personId: officer, grade: 'unqualified', score: null }] },
      [`POST ${P}/pay-adjustments/preview`]: adjustment,
      [`POST ${P}/pay-adjustments`]: { ...adjustment, expectedAfterTotalFen: 0 },
    },
    // 辅警名单 and its export, asked for branch B's officer by org and name.
    queries: {
      [`GET ${P}/officers`]: { orgId: orgB, keyword: '乙辅警', status: 'all' },
      [`GET ${P}/officers/export.xlsx`]: { orgId: orgB, keyword: '乙辅警', status: 'all' },
    },
  };
};
