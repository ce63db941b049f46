import { defaultPartyRules } from '@zhenggong/core';
import type { ModuleFixtureSeeder } from '../../test-support/authorization-fixtures.ts';
import { newId } from '../../platform/ids.ts';

/**
 * Rows of branch B for the route-authorization test: a party branch of branch B's station with
 * its person as a full member, a meeting with an open sign-in code and attendance, a dues record
 * and a nomination. Bodies name these rows so the scope check is what refuses.
 */
export const partyAuthorizationFixtures: ModuleFixtureSeeder = async ({ ctx, orgB, orgB1, personB, MARK }) => {
  const now = ctx.clock.now().toISOString();
  const city = ctx.config.cityCode;
  const stamp = { city_code: city, created_at: now };
  const partyOrgId = newId();
  const memberId = newId();
  const meetingId = newId();
  await ctx.db
    .insertInto('party_org')
    .values({
      id: partyOrgId,
      org_id: orgB1,
      kind: 'branch',
      name: `乙派出所党支部${MARK}`,
      parent_id: null,
      secretary_person_id: personB,
      term_start: '2024-01-01',
      term_end: '2026-12-31',
      updated_at: now,
      ...stamp,
    })
    .execute();
  await ctx.db
    .insertInto('party_member')
    .values({
      id: memberId,
      person_id: personB,
      party_org_id: partyOrgId,
      stage: 'probationary',
      since: '2025-07-01',
      extended_until: null,
      admitted_on: '2025-07-01',
      updated_at: now,
      ...stamp,
    })
    .execute();
  await ctx.db
    .insertInto('party_member_step')
    .values({
      id: newId(),
      member_id: memberId,
      kind: 'stage',
      stage: 'probationary',
      date: '2025-07-01',
      note: MARK,
      detail: null,
      recorded_by: null,
      ...stamp,
    })
    .execute();
  await ctx.db
    .insertInto('party_meeting')
    .values({
      id: meetingId,
      party_org_id: partyOrgId,
      kind: 'committee',
      title: `支委会${MARK}`,
      planned_date: '2026-05-20',
      place: MARK,
      agenda: MARK,
      status: 'held',
      held_on: '2026-05-20',
      minutes: MARK,
      resolutions: MARK,
      code: '123456',
      code_opens_at: now,
      code_closes_at: '2099-01-01T00:00:00.000Z',
      created_by: null,
      updated_at: now,
      ...stamp,
    })
    .execute();
  await ctx.db
    .insertInto('party_attendance')
    .values({
      id: newId(),
      meeting_id: meetingId,
      person_id: personB,
      status: 'present',
      method: 'staff',
      reason: MARK,
      marked_by: null,
      marked_at: now,
      ...stamp,
    })
    .execute();
  await ctx.db
    .insertInto('party_dues')
    .values({
      id: newId(),
      person_id: personB,
      party_org_id: partyOrgId,
      month: '2026-05',
      pay_fen: 500_000,
      rate_permille: 10,
      due_fen: 5_000,
      paid_fen: 5_000,
      paid_on: '2026-05-10',
      rule_id: null,
      recorded_by: null,
      ...stamp,
    })
    .execute();
  await ctx.db
    .insertInto('party_selection')
    .values({
      id: newId(),
      party_org_id: partyOrgId,
      kind: 'good_member',
      title: `好党员${MARK}`,
      person_id: personB,
      reason: MARK,
      status: 'pending',
      created_by: null,
      updated_at: now,
      ...stamp,
    })
    .execute();
  const base = '/api/v1/party';
  return {
    params: {
      [`${base}/orgs`]: partyOrgId,
      [`${base}/members`]: memberId,
      [`${base}/meetings`]: meetingId,
      [`${base}/my/meetings`]: meetingId,
      [`${base}/rules/:set#set`]: 'pipeline',
    },
    bodies: {
      [`POST ${base}/orgs`]: { orgId: orgB, kind: 'branch', name: '入侵' },
      [`PATCH ${base}/orgs/:id`]: { name: 'hijacked' },
      [`POST ${base}/members`]: { personId: personB, partyOrgId, stage: 'applicant', since: '2026-01-01' },
      [`POST ${base}/members/:id/steps`]: { stage: 'full', date: '2026-05-01' },
      [`POST ${base}/members/:id/extension`]: { until: '2027-01-01' },
      [`POST ${base}/members/:id/transfer`]: { partyOrgId, date: '2026-05-01' },
      [`POST ${base}/meetings`]: { partyOrgId, kind: 'committee', title: '入侵', plannedDate: '2026-06-10' },
      [`PUT ${base}/meetings/:id/minutes`]: { heldOn: '2026-05-01', minutes: 'hijacked' },
      [`POST ${base}/meetings/:id/sign-in-code`]: { minutes: 5 },
      [`PUT ${base}/meetings/:id/attendance`]: { marks: [{ personId: personB, status: 'absent' }] },
      [`POST ${base}/dues/payments`]: { personId: personB, month: '2026-04', payFen: 500_000, paidOn: '2026-05-10' },
      [`POST ${base}/selections`]: { partyOrgId, kind: 'good_member', title: '入侵', personId: personB, reason: '入侵' },
      [`POST ${base}/rules/:set`]: { effectiveFrom: '2027-01-01', value: defaultPartyRules.pipeline },
      [`POST ${base}/my/meetings/:id/sign-in`]: { code: '123456' },
    },
  };
};
