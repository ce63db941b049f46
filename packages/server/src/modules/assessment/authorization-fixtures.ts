import { DEFAULT_OFFICER_SCHEME } from '@zhenggong/core';
import { newId } from '../../platform/ids.ts';
import type { ModuleFixtureSeeder } from '../../test-support/authorization-fixtures.ts';

/**
 * Branch-B rows for the route-authorization test: a round of branch B's station with its
 * person's result and an open appeal. Schemes are city-wide rule data, so the scheme carries no
 * mark; bodies name branch B so the scope check is what refuses.
 */
export const assessmentAuthorizationFixtures: ModuleFixtureSeeder = async ({ ctx, orgB1, personB, MARK }) => {
  const now = ctx.clock.now().toISOString();
  const city = ctx.config.cityCode;
  const schemeId = newId();
  const roundId = newId();
  const resultId = newId();
  const appealId = newId();
  await ctx.db
    .insertInto('asm_scheme')
    .values({
      id: schemeId,
      code: 'authz-officer',
      version: 1,
      name: '民警年度考核',
      subject: 'individual',
      person_kind: 'officer',
      period_kind: 'annual',
      effective_from: '2025-01-01',
      evidence: 'U',
      source: null,
      body: JSON.stringify(DEFAULT_OFFICER_SCHEME),
      status: 'published',
      created_by: null,
      published_at: now,
      city_code: city,
      created_at: now,
    })
    .execute();
  await ctx.db
    .insertInto('asm_round')
    .values({
      id: roundId,
      scheme_id: schemeId,
      org_id: orgB1,
      period: '2025',
      start_date: '2025-01-01',
      end_date: '2025-12-31',
      status: 'published',
      case_id: null,
      as_of: '2025-12-31',
      created_by: null,
      city_code: city,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await ctx.db
    .insertInto('asm_result')
    .values({
      id: resultId,
      round_id: roundId,
      person_id: personB,
      subject_org_id: orgB1,
      subject_name: `乙民警${MARK}`,
      manual: JSON.stringify({ de: { points: 18, evidence: MARK } }),
      self: null,
      explanation: null,
      base: 80,
      bonus: 0,
      deduction: 0,
      total: 80,
      complete: 1,
      suggested_grade: '称职',
      grade: null,
      city_code: city,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await ctx.db
    .insertInto('asm_appeal')
    .values({
      id: appealId,
      result_id: resultId,
      round_id: roundId,
      person_id: personB,
      indicator_key: 'de',
      reason_enc: ctx.fieldCrypto.encrypt(`申诉${MARK}`),
      status: 'open',
      proposal: null,
      decision_note: null,
      change: null,
      case_id: newId(),
      created_by: null,
      city_code: city,
      created_at: now,
      decided_at: null,
    })
    .execute();
  await ctx.db
    .insertInto('asm_daily_entry')
    .values({
      id: newId(),
      person_id: personB,
      date: '2025-05-01',
      kind: 'negative',
      category: 'daily',
      reason: MARK,
      score: 1,
      recorded_by: null,
      recorded_by_name: MARK,
      city_code: city,
      created_at: now,
    })
    .execute();
  const base = '/api/v1/assessment';
  return {
    params: {
      [`${base}/schemes`]: schemeId,
      [`${base}/rounds`]: roundId,
      [`${base}/rounds/:id/results/:resultId#resultId`]: resultId,
      [`${base}/rounds/:id/results/:resultId/manual#resultId`]: resultId,
      [`${base}/appeals`]: appealId,
      [`${base}/my/results`]: resultId,
    },
    bodies: {
      [`POST ${base}/schemes`]: {
        code: 'hijack',
        name: '入侵方案',
        subject: 'individual',
        personKind: 'officer',
        periodKind: 'annual',
        effectiveFrom: '2025-01-01',
        evidence: 'U',
        source: null,
        body: DEFAULT_OFFICER_SCHEME,
      },
      [`POST ${base}/rounds`]: { schemeId, orgId: orgB1, period: '2026', startDate: '2026-01-01', endDate: '2026-12-31' },
      [`POST ${base}/rounds/:id/compute`]: { asOf: '2025-12-31' },
      [`PUT ${base}/rounds/:id/results/:resultId/manual`]: { scores: [{ key: 'de', points: 1, evidence: '入侵' }] },
      [`POST ${base}/rounds/:id/grades`]: { grades: [{ resultId, grade: '优秀' }] },
      [`POST ${base}/appeals/:id/decision`]: { uphold: true, indicatorKey: 'de', points: 20, note: '入侵' },
      [`PUT ${base}/my/results/:id/self`]: { scores: [{ key: 'de', points: 20 }] },
      [`POST ${base}/my/results/:id/appeals`]: { reason: '入侵申诉测试' },
      [`POST ${base}/daily/entries`]: {
        personId: personB,
        date: '2025-05-01',
        kind: 'positive',
        category: 'daily',
        reason: '入侵',
        score: 1,
      },
      [`POST ${base}/daily/talks`]: { personId: personB, date: '2025-05-01', talker: '入侵', topic: '入侵', officerAgreed: false },
      [`POST ${base}/daily/care`]: { personId: personB, date: '2025-05-01', kind: 'home_visit', participants: '入侵' },
      [`POST ${base}/daily/talk-interval`]: { effectiveFrom: '2025-01-01', days: 30, evidence: 'U', source: null },
    },
  };
};
