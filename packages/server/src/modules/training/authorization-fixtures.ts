import type { ModuleFixtureSeeder } from '../../test-support/authorization-fixtures.ts';
import { newId } from '../../platform/ids.ts';

/**
 * Rows of branch B for the route-authorization test (see test-support/authorization-fixtures.ts):
 * a class organised by branch B with its person enrolled, a session and a completion, and a
 * coverage requirement of branch B. Bodies name these rows so the scope check is what refuses.
 */
export const trainingAuthorizationFixtures: ModuleFixtureSeeder = async ({ ctx, orgB, orgB1, personB, MARK }) => {
  const now = ctx.clock.now().toISOString();
  const city = ctx.config.cityCode;
  const classId = newId();
  const sessionId = newId();
  const coverageId = newId();
  const target = JSON.stringify({ orgIds: [orgB], ranks: [], levels: [], posts: [], personIds: [] });
  await ctx.db
    .insertInto('training_class')
    .values({
      id: classId,
      title: `乙分局轮训班${MARK}`,
      kind: 'rotation',
      org_id: orgB1,
      start_date: '2026-06-01',
      end_date: '2026-06-05',
      place: MARK,
      planned_hours: 16,
      capacity: null,
      description: MARK,
      threshold: 80,
      target,
      created_by: null,
      city_code: city,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await ctx.db
    .insertInto('training_session')
    .values({
      id: sessionId,
      class_id: classId,
      date: '2026-06-01',
      title: MARK,
      hours: 8,
      code: '123456',
      code_opens_at: now,
      code_closes_at: '2099-01-01T00:00:00.000Z',
      city_code: city,
      created_at: now,
    })
    .execute();
  await ctx.db
    .insertInto('training_enrollment')
    .values({
      id: newId(),
      class_id: classId,
      person_id: personB,
      status: 'enrolled',
      hours_earned: null,
      completed_at: null,
      confirmed_by: null,
      override_reason: null,
      person_training_id: null,
      city_code: city,
      created_at: now,
    })
    .execute();
  await ctx.db
    .insertInto('training_attendance')
    .values({
      id: newId(),
      session_id: sessionId,
      class_id: classId,
      person_id: personB,
      present: 1,
      method: 'staff',
      marked_by: null,
      marked_at: now,
      city_code: city,
    })
    .execute();
  await ctx.db
    .insertInto('training_evaluation')
    .values({
      id: newId(),
      class_id: classId,
      content: 5,
      teaching: 5,
      organisation: 5,
      comment: MARK,
      date: '2026-06-05',
      city_code: city,
    })
    .execute();
  await ctx.db
    .insertInto('training_coverage')
    .values({
      id: coverageId,
      title: `乙分局覆盖${MARK}`,
      org_id: orgB,
      period_start: '2026-01-01',
      period_end: '2026-12-31',
      target,
      rule: JSON.stringify({ kind: 'hours', minHours: 8 }),
      created_by: null,
      city_code: city,
      created_at: now,
    })
    .execute();
  const base = '/api/v1/training';
  const classTarget = { orgIds: [orgB] };
  return {
    params: { [`${base}/classes`]: classId, [`${base}/coverage`]: coverageId, [`${base}/my/classes`]: classId },
    bodies: {
      [`POST ${base}/classes`]: {
        title: '入侵',
        kind: 'rotation',
        orgId: orgB,
        startDate: '2026-06-01',
        endDate: '2026-06-02',
        plannedHours: 8,
        target: classTarget,
      },
      [`PATCH ${base}/classes/:id`]: { title: 'hijacked' },
      [`POST ${base}/classes/:id/enrollments`]: { fromTarget: true },
      [`POST ${base}/classes/:id/withdrawals`]: { personIds: [personB] },
      [`POST ${base}/classes/:id/sessions`]: { date: '2026-06-02', title: 'x', hours: 4 },
      [`PUT ${base}/classes/:id/attendance`]: { marks: [{ sessionId, personId: personB, present: false }] },
      [`POST ${base}/classes/:id/sign-in-code`]: { sessionId, minutes: 5 },
      [`POST ${base}/classes/:id/completions`]: { personIds: [personB], overrideReason: '越权结业' },
      [`POST ${base}/classes/:id/completions/revoke`]: { personIds: [personB], reason: '越权撤销' },
      [`POST ${base}/coverage`]: {
        title: '入侵',
        orgId: orgB,
        periodStart: '2026-01-01',
        periodEnd: '2026-12-31',
        target: classTarget,
        rule: { kind: 'hours', minHours: 8 },
      },
      [`POST ${base}/my/classes/:id/sign-in`]: { code: '123456' },
      [`POST ${base}/my/classes/:id/evaluation`]: { content: 1, teaching: 1, organisation: 1 },
    },
    // The class list and its export, asked for branch B's class by title.
    queries: {
      [`GET ${base}/classes`]: { keyword: '乙分局轮训班' },
      [`GET ${base}/classes/export.xlsx`]: { keyword: '乙分局轮训班' },
    },
  };
};
