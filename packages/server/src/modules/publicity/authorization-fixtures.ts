import { defaultScoring, defaultSync } from '@zhenggong/core';
import type { ModuleFixtureSeeder } from '../../test-support/authorization-fixtures.ts';
import { newId } from '../../platform/ids.ts';

/**
 * Rows of branch B for the route-authorization test: its person as a reporter with a submitted
 * output, an official account of branch B and an incident with a first release.
 */
export const publicityAuthorizationFixtures: ModuleFixtureSeeder = async ({ ctx, orgB, orgB1, personB, MARK }) => {
  const now = ctx.clock.now().toISOString();
  const stamp = { city_code: ctx.config.cityCode, created_at: now };
  const reporterId = newId();
  const outputId = newId();
  const accountId = newId();
  const incidentId = newId();
  await ctx.db
    .insertInto('publicity_reporter')
    .values({
      id: reporterId,
      person_id: personB,
      role: 'part_time',
      since: '2026-01-01',
      until: null,
      note: MARK,
      updated_at: now,
      ...stamp,
    })
    .execute();
  await ctx.db
    .insertInto('publicity_output')
    .values({
      id: outputId,
      person_id: personB,
      unit_id: orgB1,
      kind: 'article',
      title: `稿件${MARK}`,
      outlet: MARK,
      level: 'provincial',
      published_on: '2026-05-20',
      url: null,
      lead: 0,
      status: 'submitted',
      points: null,
      rule_id: null,
      submitted_by: null,
      verified_by: null,
      verified_by_name: null,
      verified_at: null,
      reject_reason: null,
      updated_at: now,
      ...stamp,
    })
    .execute();
  await ctx.db
    .insertInto('official_account')
    .values({
      id: accountId,
      org_id: orgB,
      platform: 'weibo',
      name: `乙分局官微${MARK}`,
      operator_person_id: personB,
      reviewer_person_id: null,
      verified: 1,
      active: 1,
      updated_at: now,
      ...stamp,
    })
    .execute();
  await ctx.db
    .insertInto('publicity_incident')
    .values({ id: incidentId, org_id: orgB, title: `事件${MARK}`, occurred_at: '2026-05-01T00:00:00.000Z', created_by: null, ...stamp })
    .execute();
  await ctx.db
    .insertInto('publicity_release')
    .values({
      id: newId(),
      incident_id: incidentId,
      kind: 'first',
      at: '2026-05-01T03:00:00.000Z',
      account_id: accountId,
      summary: MARK,
      ...stamp,
    })
    .execute();
  const base = '/api/v1/publicity';
  const output = { kind: 'article', title: '入侵', outlet: '入侵', level: 'own', publishedOn: '2026-05-01' };
  return {
    params: {
      [`${base}/reporters`]: reporterId,
      [`${base}/outputs`]: outputId,
      [`${base}/accounts`]: accountId,
      [`${base}/incidents`]: incidentId,
    },
    bodies: {
      [`POST ${base}/reporters`]: { personId: personB, role: 'part_time', since: '2026-01-01' },
      [`POST ${base}/reporters/:id/end`]: { until: '2026-06-01' },
      [`POST ${base}/outputs`]: { personId: personB, ...output },
      [`POST ${base}/outputs/:id/verify`]: { lead: true },
      [`POST ${base}/outputs/:id/reject`]: { reason: '入侵' },
      [`POST ${base}/my/outputs`]: output,
      [`POST ${base}/rules/scoring`]: { effectiveFrom: '2027-01-01', value: defaultScoring },
      [`POST ${base}/rules/sync`]: { effectiveFrom: '2027-01-01', value: defaultSync },
      [`POST ${base}/accounts`]: { orgId: orgB, platform: 'weibo', name: '入侵', verified: true },
      [`PATCH ${base}/accounts/:id`]: { name: 'hijacked' },
      [`POST ${base}/incidents`]: { orgId: orgB, title: '入侵', occurredAt: '2026-05-01T00:00:00.000Z' },
      [`POST ${base}/incidents/:id/releases`]: { kind: 'update', at: '2026-05-01T06:00:00.000Z', accountId, summary: '入侵' },
    },
  };
};
