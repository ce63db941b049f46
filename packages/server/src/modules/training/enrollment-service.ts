import { issueSignInCode } from './sign-in-code-service.ts';
import { summarizeAttendance, type AttendanceBody, type CompletionBody, type EnrollBody, type SessionBody } from '@zhenggong/core';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import type { Trx } from '../../db/database.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { addTrainingRecord, assertPeopleInScope, removeTrainingRecord, scopedPeople } from '../personnel/people.ts';
import { classInScope } from './class-service.ts';
import { parseTarget, peopleInTarget } from './target-people.ts';

/** Target-group members in scope who are not enrolled yet: what "enroll the target group" would add. */
export async function targetPreview(ctx: AppContext, scope: ResolvedScope, classId: string) {
  const c = await classInScope(ctx.db, scope, classId);
  const enrolled = new Set(
    (await ctx.db.selectFrom('training_enrollment').select('person_id').where('class_id', '=', classId).execute()).map((e) => e.person_id),
  );
  const people = await peopleInTarget(ctx, ctx.db, scope, parseTarget(c.target));
  return people
    .filter((p) => !enrolled.has(p.id))
    .map((p) => ({ id: p.id, name: p.name, orgName: p.org_name, post: p.post, rank: p.rank, officerLevel: p.officer_level }));
}

export async function enroll(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, classId: string, body: EnrollBody) {
  return ctx.db.transaction().execute(async (trx) => {
    const c = await classInScope(trx, scope, classId);
    let ids: string[];
    if (body.fromTarget) ids = (await peopleInTarget(ctx, trx, scope, parseTarget(c.target))).map((p) => p.id);
    else {
      const wanted = [...new Set(body.personIds ?? [])];
      await assertPeopleInScope(trx, scope, wanted);
      ids = wanted;
    }
    const existing = new Set(
      (await trx.selectFrom('training_enrollment').select('person_id').where('class_id', '=', classId).execute()).map((e) => e.person_id),
    );
    const added = ids.filter((id) => !existing.has(id));
    if (c.capacity !== null && existing.size + added.length > c.capacity)
      throw new AppError('TRAINING_CAPACITY_EXCEEDED', { capacity: c.capacity });
    const now = ctx.clock.now().toISOString();
    for (let i = 0; i < added.length; i += 200) {
      const chunk = added.slice(i, i + 200);
      if (chunk.length === 0) continue;
      await trx
        .insertInto('training_enrollment')
        .values(
          chunk.map((personId) => ({
            id: newId(),
            class_id: classId,
            person_id: personId,
            status: 'enrolled' as const,
            hours_earned: null,
            completed_at: null,
            confirmed_by: null,
            override_reason: null,
            person_training_id: null,
            city_code: ctx.config.cityCode,
            created_at: now,
          })),
        )
        .execute();
    }
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'training.enroll',
      objectType: 'training_class',
      objectId: classId,
      detail: { added: added.length, fromTarget: body.fromTarget === true },
    });
    return { added: added.length };
  });
}

/** Enrollments of the class among people the caller may see. */
async function enrollmentsInScope(trx: Trx | AppContext['db'], scope: ResolvedScope, classId: string, personIds: readonly string[]) {
  const rows = await trx
    .selectFrom('training_enrollment as e')
    .innerJoin(scopedPeople(trx, scope).as('p'), 'p.id', 'e.person_id')
    .selectAll('e')
    .select('p.name')
    .where('e.class_id', '=', classId)
    .where('e.person_id', 'in', personIds.length ? [...personIds] : [''])
    .execute();
  if (rows.length !== new Set(personIds).size) throw new AppError('TRAINING_PERSON_NOT_ENROLLED');
  return rows;
}

export async function withdraw(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, classId: string, personIds: string[]) {
  await ctx.db.transaction().execute(async (trx) => {
    await classInScope(trx, scope, classId);
    const rows = await enrollmentsInScope(trx, scope, classId, personIds);
    // A completed trainee keeps the record; revoke the completion first.
    if (rows.some((r) => r.status === 'completed')) throw new AppError('TRAINING_PERSON_NOT_ENROLLED');
    await trx.deleteFrom('training_attendance').where('class_id', '=', classId).where('person_id', 'in', personIds).execute();
    await trx.deleteFrom('training_enrollment').where('class_id', '=', classId).where('person_id', 'in', personIds).execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'training.withdraw',
      objectType: 'training_class',
      objectId: classId,
      detail: { personIds },
    });
  });
}

/** The attendance grid: one row per enrolled person in scope, one cell per session, plus eligibility. */
export async function roster(ctx: AppContext, scope: ResolvedScope, classId: string) {
  const c = await classInScope(ctx.db, scope, classId);
  const sessions = await ctx.db
    .selectFrom('training_session')
    .select(['id', 'date', 'title', 'hours'])
    .where('class_id', '=', classId)
    .orderBy('date')
    .orderBy('id')
    .execute();
  const people = await ctx.db
    .selectFrom('training_enrollment as e')
    .innerJoin(scopedPeople(ctx.db, scope).as('p'), 'p.id', 'e.person_id')
    .innerJoin('org as o', 'o.id', 'p.org_id')
    .select(['e.person_id', 'e.status', 'e.hours_earned', 'e.completed_at', 'e.override_reason', 'p.name', 'p.post', 'o.name as org_name'])
    .where('e.class_id', '=', classId)
    .orderBy('o.name')
    .orderBy('p.name_pinyin')
    .execute();
  const marks = await ctx.db
    .selectFrom('training_attendance')
    .select(['session_id', 'person_id', 'present', 'method'])
    .where('class_id', '=', classId)
    .execute();
  const byPerson = new Map<string, Map<string, { present: boolean; method: string }>>();
  for (const m of marks) {
    const cells = byPerson.get(m.person_id) ?? new Map();
    cells.set(m.session_id, { present: m.present === 1, method: m.method });
    byPerson.set(m.person_id, cells);
  }
  return {
    threshold: c.threshold,
    sessions,
    people: people.map((p) => {
      const cells = byPerson.get(p.person_id) ?? new Map<string, { present: boolean; method: string }>();
      const present = new Set([...cells].filter(([, v]) => v.present).map(([k]) => k));
      const summary = summarizeAttendance(sessions, present, c.threshold);
      return {
        personId: p.person_id,
        name: p.name,
        orgName: p.org_name,
        post: p.post,
        status: p.status,
        attendance: Object.fromEntries([...cells].map(([k, v]) => [k, v])),
        ...summary,
        hoursEarned: p.hours_earned,
        completedAt: p.completed_at,
        overrideReason: p.override_reason,
      };
    }),
  };
}

export async function addSession(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, classId: string, body: SessionBody) {
  return ctx.db.transaction().execute(async (trx) => {
    const c = await classInScope(trx, scope, classId);
    if (body.date < c.start_date || body.date > c.end_date) throw new AppError('TRAINING_SESSION_OUTSIDE_CLASS');
    const id = newId();
    await trx
      .insertInto('training_session')
      .values({
        id,
        class_id: classId,
        date: body.date,
        title: body.title.trim(),
        hours: body.hours,
        code: null,
        code_opens_at: null,
        code_closes_at: null,
        city_code: ctx.config.cityCode,
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'training.session.create',
      objectType: 'training_class',
      objectId: classId,
      detail: { sessionId: id, date: body.date, hours: body.hours },
    });
    return { id };
  });
}

async function sessionOf(trx: Trx, classId: string, sessionId: string) {
  const s = await trx
    .selectFrom('training_session')
    .selectAll()
    .where('id', '=', sessionId)
    .where('class_id', '=', classId)
    .executeTakeFirst();
  if (!s) throw new AppError('TRAINING_SESSION_NOT_FOUND');
  return s;
}

export async function writeMark(
  trx: Trx,
  ctx: AppContext,
  m: { classId: string; sessionId: string; personId: string; present: boolean; method: 'staff' | 'code'; by: string | null },
) {
  const now = ctx.clock.now().toISOString();
  const existing = await trx
    .selectFrom('training_attendance')
    .select('id')
    .where('session_id', '=', m.sessionId)
    .where('person_id', '=', m.personId)
    .executeTakeFirst();
  if (existing)
    await trx
      .updateTable('training_attendance')
      .set({ present: m.present ? 1 : 0, method: m.method, marked_by: m.by, marked_at: now })
      .where('id', '=', existing.id)
      .execute();
  else
    await trx
      .insertInto('training_attendance')
      .values({
        id: newId(),
        session_id: m.sessionId,
        class_id: m.classId,
        person_id: m.personId,
        present: m.present ? 1 : 0,
        method: m.method,
        marked_by: m.by,
        marked_at: now,
        city_code: ctx.config.cityCode,
      })
      .execute();
}

export async function markAttendance(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, classId: string, body: AttendanceBody) {
  await ctx.db.transaction().execute(async (trx) => {
    await classInScope(trx, scope, classId);
    const sessionIds = [...new Set(body.marks.map((m) => m.sessionId))];
    for (const s of sessionIds) await sessionOf(trx, classId, s);
    await enrollmentsInScope(trx, scope, classId, [...new Set(body.marks.map((m) => m.personId))]);
    for (const m of body.marks)
      await writeMark(trx, ctx, {
        classId,
        sessionId: m.sessionId,
        personId: m.personId,
        present: m.present,
        method: 'staff',
        by: actor.userId,
      });
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'training.attendance',
      objectType: 'training_class',
      objectId: classId,
      detail: { marks: body.marks.length },
    });
  });
}

/** A fresh six-digit code for one session, valid from now for `minutes`; shown by the organiser. */
export async function openSignIn(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  classId: string,
  sessionId: string,
  minutes: number,
) {
  return ctx.db.transaction().execute(async (trx) => {
    await classInScope(trx, scope, classId);
    await sessionOf(trx, classId, sessionId);
    const { code, opensAt, closesAt } = issueSignInCode(ctx.clock.now(), minutes);
    await trx
      .updateTable('training_session')
      .set({ code, code_opens_at: opensAt, code_closes_at: closesAt })
      .where('id', '=', sessionId)
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'training.signin.open',
      objectType: 'training_class',
      objectId: classId,
      detail: { sessionId, minutes },
    });
    return { code, closesAt };
  });
}

/**
 * Completion (结业) is confirmed by staff person by person; the attendance threshold is advice.
 * Confirming someone below it needs a written reason. Each completion writes the hours into the
 * person's training record (person_training), so it shows on the profile.
 */
export async function confirmCompletion(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, classId: string, body: CompletionBody) {
  const grid = await roster(ctx, scope, classId);
  return ctx.db.transaction().execute(async (trx) => {
    const c = await classInScope(trx, scope, classId);
    const org = await trx.selectFrom('org').select('name').where('id', '=', c.org_id).executeTakeFirstOrThrow();
    const rows = await enrollmentsInScope(trx, scope, classId, body.personIds);
    const summaries = new Map(grid.people.map((p) => [p.personId, p]));
    const todo = rows.filter((r) => r.status === 'enrolled');
    const below = todo.filter((r) => !summaries.get(r.person_id)?.meetsThreshold);
    if (below.length > 0 && !body.overrideReason) throw new AppError('TRAINING_BELOW_THRESHOLD', { names: below.map((b) => b.name) });
    const now = ctx.clock.now().toISOString();
    for (const r of todo) {
      const hours = summaries.get(r.person_id)?.hours ?? 0;
      const trainingId = await addTrainingRecord(trx, ctx, {
        personId: r.person_id,
        date: c.end_date,
        course: c.title,
        hours,
        organizer: org.name,
        source: 'training',
        refId: r.id,
      });
      const overridden = below.some((b) => b.person_id === r.person_id);
      await trx
        .updateTable('training_enrollment')
        .set({
          status: 'completed',
          hours_earned: hours,
          completed_at: now,
          confirmed_by: actor.userId,
          override_reason: overridden ? (body.overrideReason ?? null) : null,
          person_training_id: trainingId,
        })
        .where('id', '=', r.id)
        .execute();
    }
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'training.complete',
      objectType: 'training_class',
      objectId: classId,
      detail: {
        personIds: todo.map((r) => r.person_id),
        belowThreshold: below.map((b) => b.person_id),
        overrideReason: below.length > 0 ? body.overrideReason : undefined,
      },
    });
    return { completed: todo.length };
  });
}

/** Undoes a completion recorded in error, removing the hours it wrote to the profile. */
export async function revokeCompletion(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  classId: string,
  personIds: string[],
  reason: string,
) {
  await ctx.db.transaction().execute(async (trx) => {
    await classInScope(trx, scope, classId);
    const rows = (await enrollmentsInScope(trx, scope, classId, personIds)).filter((r) => r.status === 'completed');
    for (const r of rows) {
      if (r.person_training_id) await removeTrainingRecord(trx, r.person_training_id);
      await trx
        .updateTable('training_enrollment')
        .set({
          status: 'enrolled',
          hours_earned: null,
          completed_at: null,
          confirmed_by: null,
          override_reason: null,
          person_training_id: null,
        })
        .where('id', '=', r.id)
        .execute();
    }
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'training.complete.revoke',
      objectType: 'training_class',
      objectId: classId,
      detail: { personIds: rows.map((r) => r.person_id), reason },
    });
  });
}

/** Averages and comments for staff; individual scores are never tied to a person. */
export async function evaluationSummary(ctx: AppContext, scope: ResolvedScope, classId: string) {
  await classInScope(ctx.db, scope, classId);
  const rows = await ctx.db
    .selectFrom('training_evaluation')
    .select(['content', 'teaching', 'organisation', 'comment'])
    .where('class_id', '=', classId)
    .execute();
  const avg = (k: 'content' | 'teaching' | 'organisation') =>
    rows.length === 0 ? null : Math.round((rows.reduce((s, r) => s + r[k], 0) / rows.length) * 10) / 10;
  const comments = rows.map((r) => r.comment).filter((c): c is string => !!c && c.trim().length > 0);
  // Shuffle-free but order-free: sorted text, so the list order gives no hint of who wrote when.
  comments.sort();
  return { count: rows.length, content: avg('content'), teaching: avg('teaching'), organisation: avg('organisation'), comments };
}
