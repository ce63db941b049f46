import { defaultPartyRules } from '@zhenggong/core';
import type { ModuleFixtureSeeder } from '../../test-support/authorization-fixtures.ts';
import { newId } from '../../platform/ids.ts';

/**
 * Rows of branch B for the route-authorization test: a party branch of branch B's station with
 * its person as a full member, a meeting with an open sign-in code and attendance, a dues record
 * a nomination into an exemplar campaign, a minutes attachment, an activity with its participant and
 * an essay contest on a competition event with one essay. Bodies name these rows so the scope check is what refuses.
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
  const fileId = newId();
  await ctx.db
    .insertInto('party_meeting_file')
    .values({
      id: fileId,
      meeting_id: meetingId,
      file_name: `纪要${MARK}.pdf`,
      stored_name: `${fileId}.pdf`,
      mime: 'application/pdf',
      size: 10,
      sha256: '0'.repeat(64),
      uploaded_by: null,
      ...stamp,
    })
    .execute();
  const activityId = newId();
  await ctx.db
    .insertInto('party_activity')
    .values({
      id: activityId,
      party_org_id: partyOrgId,
      kind: 'red_visit',
      title: `红色教育${MARK}`,
      date: '2026-05-01',
      end_date: null,
      place: MARK,
      description: MARK,
      hours_tenths: 40,
      status: 'planned',
      created_by: null,
      updated_at: now,
      ...stamp,
    })
    .execute();
  await ctx.db
    .insertInto('party_activity_person')
    .values({ id: newId(), activity_id: activityId, person_id: personB, training_id: null, ...stamp })
    .execute();
  const eventId = newId();
  const itemId = newId();
  await ctx.db
    .insertInto('competition_event')
    .values({
      id: eventId,
      title: `征文${MARK}`,
      level: 'unit',
      org_id: orgB1,
      start_date: '2026-05-01',
      end_date: '2026-06-30',
      description: MARK,
      status: 'open',
      published_at: null,
      published_by: null,
      counted_per_unit: null,
      updated_at: now,
      ...stamp,
    })
    .execute();
  await ctx.db
    .insertInto('competition_item')
    .values({
      id: itemId,
      event_id: eventId,
      name: '征文',
      kind: 'individual',
      direction: 'higher',
      unit: '分',
      max_team_size: null,
      sort_order: 1,
      ...stamp,
    })
    .execute();
  const contestId = newId();
  await ctx.db
    .insertInto('party_essay_contest')
    .values({
      id: contestId,
      party_org_id: partyOrgId,
      event_id: eventId,
      item_id: itemId,
      title: `征文${MARK}`,
      theme: MARK,
      created_by: null,
      ...stamp,
    })
    .execute();
  const entryId = newId();
  await ctx.db
    .insertInto('competition_entry')
    .values({ id: entryId, event_id: eventId, item_id: itemId, org_id: orgB1, team_name: null, score: null, updated_at: now, ...stamp })
    .execute();
  await ctx.db
    .insertInto('competition_entry_member')
    .values({ entry_id: entryId, person_id: personB, item_id: itemId, city_code: city })
    .execute();
  const essayId = newId();
  await ctx.db
    .insertInto('party_essay')
    .values({ id: essayId, contest_id: contestId, entry_id: entryId, person_id: personB, title: `文章${MARK}`, ...stamp })
    .execute();
  const campaignId = newId();
  await ctx.db
    .insertInto('exemplar_campaign')
    .values({
      id: campaignId,
      title: `好党员评选${MARK}`,
      kind: '好党员',
      year: 2026,
      criteria: MARK,
      quota_per_unit: 5,
      max_choices: 3,
      public_voting: 0,
      status: 'nominating',
      org_id: orgB,
      created_by: personB,
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
      [`${base}/meetings/:id/files/:fileId#fileId`]: fileId,
      [`${base}/activities`]: activityId,
      [`${base}/essay-contests`]: contestId,
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
      [`POST ${base}/selections`]: { campaignId, partyOrgId, title: '入侵', personId: personB, reason: '入侵' },
      [`POST ${base}/selection-campaigns`]: {
        kind: 'good_member',
        title: '入侵',
        year: 2026,
        criteria: '入侵',
        orgId: orgB,
        quotaPerUnit: 1,
        maxChoices: 1,
      },
      [`POST ${base}/activities`]: {
        partyOrgId,
        kind: 'red_visit',
        title: '入侵',
        date: '2026-05-01',
        hours: 2,
        participants: { personIds: [personB] },
      },
      [`POST ${base}/essay-contests`]: { partyOrgId, title: '入侵', theme: '入侵', startDate: '2026-05-01', endDate: '2026-06-30' },
      [`POST ${base}/essay-contests/:id/essays`]: { personId: personB, title: '入侵' },
      [`PUT ${base}/essay-contests/:id/scores`]: { scores: [{ essayId, score: 90 }] },
      [`POST ${base}/rules/:set`]: { effectiveFrom: '2027-01-01', value: defaultPartyRules.pipeline },
      [`POST ${base}/my/meetings/:id/sign-in`]: { code: '123456' },
    },
  };
};
