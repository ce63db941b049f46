import type { ModuleFixtureSeeder } from '../../test-support/authorization-fixtures.ts';
import { systemActor } from '../../platform/audit/audit-service.ts';
import { newId } from '../../platform/ids.ts';
import { createCourseware } from './courseware-service.ts';
import { addLecture, createInstructor } from './instructor-service.ts';
import { addMember } from './pool-service.ts';

/** Rows of branch B for the route-authorization test (see test-support/authorization-fixtures.ts). */
export const talentAuthorizationFixtures: ModuleFixtureSeeder = async ({ ctx, personB, orgB, MARK }) => {
  const all = { all: true } as const;
  const now = ctx.clock.now().toISOString();
  // Categories are one city-wide list (visible to every reader), so this one carries no MARK.
  const categoryId = newId();
  await ctx.db
    .insertInto('talent_category')
    .values({
      id: categoryId,
      name: '乙类别',
      keywords: JSON.stringify(['侦查']),
      sort_order: 1,
      active: 1,
      city_code: ctx.config.cityCode,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const instructor = await createInstructor(ctx, all, systemActor, {
    personId: personB,
    grade: 'senior',
    subjects: [`侦查-${MARK}`],
    appointedOn: '2025-01-01',
  });
  const lecture = await addLecture(ctx, all, systemActor, instructor.id, { date: '2026-03-01', title: `授课-${MARK}`, hours: 2 });
  const member = await addMember(ctx, all, systemActor, { personId: personB, categoryId, grade: 'expert', reason: `入库-${MARK}` });
  const courseware = await createCourseware(ctx, all, systemActor, {
    kind: 'micro_course',
    title: `微课-${MARK}`,
    authorPersonId: personB,
  });
  const base = '/api/v1/talent';
  return {
    params: {
      [`${base}/instructors`]: instructor.id,
      [`${base}/instructors/:id/lectures/:lectureId/reviews#lectureId`]: lecture.id,
      [`${base}/categories`]: categoryId,
      [`${base}/members`]: member.id,
      [`${base}/courseware`]: courseware.id,
    },
    bodies: {
      [`POST ${base}/instructors`]: { personId: personB, grade: 'junior', subjects: ['x'], appointedOn: '2026-01-01' },
      [`PATCH ${base}/instructors/:id`]: { grade: 'junior' },
      [`POST ${base}/instructors/:id/lectures`]: { date: '2026-05-01', title: 'hijack', hours: 1 },
      [`POST ${base}/instructors/:id/lectures/:lectureId/reviews`]: { reviewerKind: 'supervisor', score: 1 },
      [`POST ${base}/categories`]: { name: 'hijack', keywords: ['x'] },
      [`PATCH ${base}/categories/:id`]: { name: 'hijack' },
      [`POST ${base}/suggestions/confirm`]: { personId: personB, categoryId, grade: 'expert' },
      [`POST ${base}/suggestions/dismiss`]: { personId: personB, categoryId, reason: 'hijack' },
      [`POST ${base}/members`]: { personId: personB, categoryId, grade: 'reserve', reason: 'hijack' },
      [`POST ${base}/members/:id/remove`]: { reason: 'hijack' },
      [`POST ${base}/members/:id/grade`]: { grade: 'reserve', reason: 'hijack' },
      [`POST ${base}/courseware`]: { kind: 'courseware', title: 'hijack', authorPersonId: personB },
      [`POST ${base}/courseware/:id/reviews`]: { score: 1 },
      [`POST ${base}/courseware/:id/decision`]: { decision: 'approved' },
      // The org of the caller's own branch must not matter: orgB is named to show nothing leaks.
      [`POST ${base}/categories/defaults`]: { orgId: orgB },
    },
    // 教官库 and its export, asked for branch B's instructors by org.
    queries: {
      [`GET ${base}/instructors`]: { orgId: orgB },
      [`GET ${base}/instructors/export.xlsx`]: { orgId: orgB },
    },
  };
};
