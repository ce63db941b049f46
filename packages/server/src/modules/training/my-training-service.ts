import { randomUUID } from 'node:crypto';
import { summarizeAttendance, type EvaluationBody } from '@zhenggong/core';
import type { Executor } from '../../db/database.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { linkedPerson, trainingRecordsOf } from '../personnel/people.ts';
import { writeMark } from './enrollment-service.ts';
import { today } from '../../platform/clock.ts';
import { SignInMisses } from './sign-in-code-service.ts';

async function myEnrollment(db: Executor, personId: string, classId: string) {
  const row = await db
    .selectFrom('training_enrollment as e')
    .innerJoin('training_class as c', 'c.id', 'e.class_id')
    .select(['e.id', 'c.start_date', 'c.end_date', 'c.title'])
    .where('e.class_id', '=', classId)
    .where('e.person_id', '=', personId)
    .executeTakeFirst();
  if (!row) throw new AppError('TRAINING_CLASS_NOT_FOUND');
  return row;
}

/** My classes with my own attendance, hours and whether I have evaluated; and my training hours by year. */
export async function myTraining(ctx: AppContext, principal: Principal) {
  const me = await linkedPerson(ctx.db, principal);
  const classes = await ctx.db
    .selectFrom('training_enrollment as e')
    .innerJoin('training_class as c', 'c.id', 'e.class_id')
    .innerJoin('org as o', 'o.id', 'c.org_id')
    .select([
      'c.id',
      'c.title',
      'c.kind',
      'c.start_date',
      'c.end_date',
      'c.place',
      'c.planned_hours',
      'c.threshold',
      'o.name as org_name',
      'e.status',
      'e.hours_earned',
    ])
    .where('e.person_id', '=', me.id)
    .orderBy('c.start_date', 'desc')
    .execute();
  const ids = classes.map((c) => c.id);
  const [sessions, marks, receipts, records] = await Promise.all([
    ctx.db
      .selectFrom('training_session')
      .select(['id', 'class_id', 'date', 'title', 'hours', 'code_closes_at'])
      .where('class_id', 'in', ids.length ? ids : [''])
      .orderBy('date')
      .execute(),
    ctx.db.selectFrom('training_attendance').select(['session_id', 'present']).where('person_id', '=', me.id).execute(),
    ctx.db.selectFrom('training_evaluation_receipt').select('class_id').where('person_id', '=', me.id).execute(),
    trainingRecordsOf(ctx.db, me.id),
  ]);
  const present = new Set(marks.filter((m) => m.present === 1).map((m) => m.session_id));
  const evaluated = new Set(receipts.map((r) => r.class_id));
  const now = ctx.clock.now().toISOString();
  return {
    name: me.name,
    classes: classes.map((c) => {
      const mine = sessions.filter((s) => s.class_id === c.id);
      const summary = summarizeAttendance(mine, present, c.threshold);
      return {
        id: c.id,
        title: c.title,
        kind: c.kind,
        orgName: c.org_name,
        startDate: c.start_date,
        endDate: c.end_date,
        place: c.place,
        plannedHours: c.planned_hours,
        status: c.status,
        hoursEarned: c.hours_earned,
        evaluated: evaluated.has(c.id),
        attended: summary.attended,
        sessionCount: summary.sessions,
        rate: summary.rate,
        hours: summary.hours,
        meetsThreshold: summary.meetsThreshold,
        sessions: mine.map((s) => ({
          id: s.id,
          date: s.date,
          title: s.title,
          hours: s.hours,
          present: present.has(s.id),
          signInOpen: s.code_closes_at !== null && s.code_closes_at > now,
        })),
      };
    }),
    trainingRecords: records,
  };
}

/** Ten wrong codes lock a person out of one class's self sign-in (see sign-in-code-service.ts). */
const misses = new SignInMisses('training-signin');

export async function signIn(ctx: AppContext, principal: Principal, actor: AuditActor, classId: string, code: string) {
  const me = await linkedPerson(ctx.db, principal);
  await myEnrollment(ctx.db, me.id, classId);
  const key = `${me.id}:${classId}`;
  if (await misses.blocked(ctx, key)) throw new AppError('TRAINING_CODE_TOO_MANY_TRIES');
  const now = ctx.clock.now().toISOString();
  const session = await ctx.db
    .selectFrom('training_session')
    .select(['id', 'title', 'date'])
    .where('class_id', '=', classId)
    .where('code', '=', code)
    .where('code_opens_at', '<=', now)
    .where('code_closes_at', '>', now)
    .executeTakeFirst();
  if (!session) {
    await misses.miss(ctx, key);
    throw new AppError('TRAINING_CODE_INVALID');
  }
  await ctx.db.transaction().execute(async (trx) => {
    await writeMark(trx, ctx, { classId, sessionId: session.id, personId: me.id, present: true, method: 'code', by: principal.userId });
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'training.signin',
      objectType: 'training_class',
      objectId: classId,
      detail: { sessionId: session.id },
    });
  });
  return { sessionId: session.id, title: session.title, date: session.date };
}

/** Anonymous evaluation: the receipt (who) and the scores (what) are stored apart, with nothing joining them. */
export async function evaluate(ctx: AppContext, principal: Principal, actor: AuditActor, classId: string, body: EvaluationBody) {
  const me = await linkedPerson(ctx.db, principal);
  await myEnrollment(ctx.db, me.id, classId);
  await ctx.db.transaction().execute(async (trx) => {
    const done = await trx
      .selectFrom('training_evaluation_receipt')
      .select('class_id')
      .where('class_id', '=', classId)
      .where('person_id', '=', me.id)
      .executeTakeFirst();
    if (done) throw new AppError('TRAINING_ALREADY_EVALUATED');
    await trx
      .insertInto('training_evaluation_receipt')
      .values({ class_id: classId, person_id: me.id, city_code: ctx.config.cityCode })
      .execute();
    await trx
      .insertInto('training_evaluation')
      // A random id, not a time-ordered UUIDv7: the id must not date the row against the audit log.
      .values({
        id: randomUUID(),
        class_id: classId,
        content: body.content,
        teaching: body.teaching,
        organisation: body.organisation,
        comment: body.comment?.trim() || null,
        date: today(ctx.clock),
        city_code: ctx.config.cityCode,
      })
      .execute();
    // The audit row says that an evaluation was given, not what it said.
    await appendAudit(trx, ctx.clock, actor, { eventType: 'training.evaluate', objectType: 'training_class', objectId: classId });
  });
}
