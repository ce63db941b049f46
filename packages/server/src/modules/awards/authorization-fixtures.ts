import { defaultBonus } from '@zhenggong/core';
import type { ModuleFixtureSeeder } from '../../test-support/authorization-fixtures.ts';
import { newId } from '../../platform/ids.ts';

const A = '/api/v1/awards';
const D = '/api/v1/discipline';
const E = '/api/v1/exemplars';
/** A stored photo name on branch B's exemplar (the row only: the routes must refuse before any file is read). */
const EXEMPLAR_PHOTO = '0190a0a0-0000-7000-8000-00000000000b.png';

/**
 * Rows of branch B for the route-authorization test. The award is inserted directly (approved,
 * waiting for its decision): the test's branches have no city-level approver for the workflow to
 * route a nomination to; discipline and exemplar rows go through the API as branch B.
 */
export const awardsAuthorizationFixtures: ModuleFixtureSeeder = async ({ ctx, branchB, orgB, orgB1, personB, MARK }) => {
  const must = async (res: Promise<{ statusCode: number; body: string }>) => {
    const r = await res;
    if (r.statusCode >= 300) throw new Error(`awards fixture: ${r.statusCode} ${r.body}`);
    return JSON.parse(r.body) as { id: string; caseId?: string };
  };
  const now = ctx.clock.now().toISOString();
  const award = newId();
  await ctx.db
    .insertInto('award_case')
    .values({
      id: award,
      recipient: 'individual',
      org_id: orgB1,
      level: '嘉奖',
      title: `嘉奖${MARK}`,
      deed_title: `事迹${MARK}`,
      deed_date: '2026-01-01',
      deed_summary: MARK,
      leadership: 0,
      fast_track: 0,
      batch: 0,
      approver_level: 'city',
      approver_basis: 'x',
      review_democratic: MARK,
      review_collective: MARK,
      review_file_ids: '[]',
      exception_reason: null,
      exception_by: null,
      exception_by_name: null,
      overridden: '[]',
      status: 'approved',
      case_id: null,
      bonus_yuan: 0,
      decision_no: null,
      decision_date: null,
      issuer: null,
      delivered_on: null,
      delivered_by: null,
      delivered_at_home: null,
      delivery_note: null,
      nominated_by: newId(),
      city_code: ctx.config.cityCode,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await ctx.db
    .insertInto('award_subject')
    .values({
      id: newId(),
      award_id: award,
      person_id: personB,
      org_id: orgB1,
      name: MARK,
      deed_key: MARK,
      active: 1,
      person_line_id: null,
      city_code: ctx.config.cityCode,
      created_at: now,
    })
    .execute();
  const record = await must(
    branchB.post(`${D}/records`, { personId: personB, kind: '警告', decisionDate: '2026-01-10', organ: MARK, docNo: MARK, facts: MARK }),
  );
  const investigation = await must(branchB.post(`${D}/investigations`, { personId: personB, since: '2026-01-01', note: MARK }));
  const campaign = await must(
    branchB.post(`${E}/campaigns`, {
      title: `评选${MARK}`,
      kind: '最美警察',
      year: 2026,
      criteria: MARK,
      quotaPerUnit: 5,
      maxChoices: 1,
      publicVoting: false,
      orgId: orgB1,
    }),
  );
  const candidate = newId();
  await ctx.db
    .insertInto('exemplar_candidate')
    .values({
      id: candidate,
      campaign_id: campaign.id,
      person_id: personB,
      org_id: orgB1,
      quota_org_id: orgB,
      deeds: MARK,
      status: 'approved',
      case_id: null,
      winner: 0,
      city_code: ctx.config.cityCode,
      created_at: now,
    })
    .execute();
  const exemplar = newId();
  await ctx.db
    .insertInto('exemplar')
    .values({
      id: exemplar,
      person_id: personB,
      org_id: orgB1,
      campaign_id: campaign.id,
      title: `典型${MARK}`,
      year: 2026,
      deeds: MARK,
      award_ids: '[]',
      photo_file_ids: JSON.stringify([EXEMPLAR_PHOTO]),
      city_code: ctx.config.cityCode,
      created_at: now,
    })
    .execute();
  const nomination = {
    recipient: 'individual',
    personIds: [personB],
    level: '嘉奖',
    title: 'x',
    deedTitle: 'hijack',
    deedDate: '2026-01-01',
    deedSummary: 'x',
    leadership: false,
    fastTrack: false,
    reviewDemocratic: 'x',
    reviewCollective: 'x',
  };
  return {
    params: {
      [`${A}/nominations`]: award,
      [`${A}/rules`]: 'bonus',
      [`${D}/records`]: record.id,
      [`${D}/investigations`]: investigation.id,
      [`${D}/effects`]: personB,
      [`${E}/campaigns`]: campaign.id,
      [`${E}/library`]: exemplar,
      [`${E}/library/:id/photos/:photo#photo`]: EXEMPLAR_PHOTO,
      '/api/v1/portal/exemplars': campaign.id,
    },
    bodies: {
      [`POST ${A}/nominations`]: nomination,
      [`POST ${A}/nominations/:id/decision`]: { decisionNo: 'hijack', decisionDate: '2026-01-02', issuer: 'x' },
      [`POST ${A}/nominations/:id/delivery`]: { deliveredOn: '2026-01-02', deliveredBy: 'x', atHome: true },
      [`POST ${A}/rules/:set`]: { effectiveFrom: '2026-01-01', value: defaultBonus },
      [`POST ${D}/records`]: { personId: personB, kind: '警告', decisionDate: '2026-01-10', organ: 'x', docNo: 'x', facts: 'x' },
      [`PUT ${D}/records/:id/appeal`]: { appeal: 'x', status: 'revoked' },
      [`POST ${D}/records/:id/lift`]: { liftedOn: '2026-01-01' },
      [`POST ${D}/investigations`]: { personId: personB, since: '2026-01-01', note: 'x' },
      [`POST ${D}/investigations/:id/close`]: { closedOn: '2026-01-02' },
      [`POST ${E}/campaigns`]: {
        title: 'x',
        kind: '最美警察',
        year: 2026,
        criteria: 'x',
        quotaPerUnit: 1,
        maxChoices: 1,
        publicVoting: false,
        orgId: orgB,
      },
      [`POST ${E}/campaigns/:id/candidates`]: { personId: personB, deeds: 'x' },
      [`POST ${E}/campaigns/:id/ballots`]: { candidateIds: [candidate] },
      [`POST ${E}/campaigns/:id/announce`]: { winnerIds: [candidate] },
    },
  };
};
