import type { CreateInstructorBody, CreateLectureBody, InstructorQuery, LectureReviewBody, UpdateInstructorBody } from '@zhenggong/core';
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { assertOrgInScope, type ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import type { InstructorTable } from './tables.ts';
import { scopedPeople } from '../personnel/people.ts';
import { today as beijingToday } from '../../platform/clock.ts';

/**
 * Instructors (教官库): people from the personnel records appointed as 初级/中级/高级 instructors
 * for subjects, with lectures and lecture reviews. Scoped through the person's current unit.
 */
const today = (ctx: AppContext) => beijingToday(ctx.clock);
const nowIso = (ctx: AppContext) => ctx.clock.now().toISOString();
const escapeLike = (s: string) => s.replace(/[%_\\]/g, (c) => `\\${c}`);

const instructorsInScope = (db: Executor, scope: ResolvedScope) =>
  db
    .selectFrom('instructor as i')
    .innerJoin(scopedPeople(db, scope).as('p'), 'p.id', 'i.person_id')
    .innerJoin('org as o', 'o.id', 'p.org_id');

/** Average review score and counts per instructor, over all their lectures. */
const statsOf = (db: Executor, ids: readonly string[]) =>
  ids.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('instructor_lecture as l')
        .leftJoin('lecture_review as r', 'r.lecture_id', 'l.id')
        .select([
          'l.instructor_id',
          sql<number>`count(distinct l.id)`.as('lectures'),
          sql<number>`count(r.id)`.as('reviews'),
          sql<number | null>`avg(r.score)`.as('avg_score'),
        ])
        .where('l.instructor_id', 'in', ids)
        .groupBy('l.instructor_id')
        .execute();

type Row = InstructorTable & { name: string; police_number: string | null; org_id: string; org_name: string };

const effectiveStatus = (row: InstructorTable, day: string): InstructorTable['status'] | 'expired' =>
  row.status === 'active' && row.expires_on !== null && row.expires_on < day ? 'expired' : row.status;

function present(row: Row, day: string, stats?: { lectures: number; reviews: number; avg_score: number | null }) {
  return {
    id: row.id,
    personId: row.person_id,
    name: row.name,
    policeNumber: row.police_number,
    orgId: row.org_id,
    orgName: row.org_name,
    grade: row.grade,
    subjects: JSON.parse(row.subjects) as string[],
    appointedOn: row.appointed_on,
    expiresOn: row.expires_on,
    status: effectiveStatus(row, day),
    note: row.note,
    lectures: Number(stats?.lectures ?? 0),
    reviews: Number(stats?.reviews ?? 0),
    averageScore: stats?.avg_score === null || stats?.avg_score === undefined ? null : Math.round(Number(stats.avg_score) * 10) / 10,
  };
}

const columns = ['p.name', 'p.police_number', 'p.org_id', 'o.name as org_name'] as const;

export async function listInstructors(ctx: AppContext, scope: ResolvedScope, f: InstructorQuery, limit?: number) {
  const day = today(ctx);
  let q = instructorsInScope(ctx.db, scope);
  if (f.q) q = q.where((eb) => eb.or([eb('p.name', 'like', `%${escapeLike(f.q as string)}%`), eb('p.police_number', '=', f.q as string)]));
  if (f.grade) q = q.where('i.grade', '=', f.grade);
  if (f.status === 'expired') q = q.where('i.status', '=', 'active').where('i.expires_on', '<', day);
  else if (f.status === 'active')
    q = q.where('i.status', '=', 'active').where((eb) => eb.or([eb('i.expires_on', 'is', null), eb('i.expires_on', '>=', day)]));
  else if (f.status) q = q.where('i.status', '=', f.status);
  // Tags are stored as a JSON array, so the quoted tag matches whole tags only.
  if (f.subject) q = q.where('i.subjects', 'like', `%${escapeLike(JSON.stringify(f.subject))}%`);
  if (f.orgId) {
    await assertOrgInScope(ctx.db, scope, f.orgId);
    q = q.where('p.org_id', 'in', (eb) =>
      eb
        .selectFrom('org_closure')
        .select('descendant_id')
        .where('ancestor_id', '=', f.orgId as string),
    );
  }
  const pageSize = limit ?? f.pageSize ?? 20;
  const page = limit ? 1 : (f.page ?? 1);
  const [{ total }, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    q
      .selectAll('i')
      .select(columns)
      .orderBy(sql`case i.grade when 'senior' then 0 when 'intermediate' then 1 else 2 end`)
      .orderBy('p.name_pinyin')
      .orderBy('i.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
  ]);
  const stats = new Map(
    (
      await statsOf(
        ctx.db,
        rows.map((r) => r.id),
      )
    ).map((s) => [s.instructor_id, s]),
  );
  return { items: rows.map((r) => present(r, day, stats.get(r.id))), total: Number(total) };
}

async function instructorOr404(db: Executor, scope: ResolvedScope, id: string): Promise<Row> {
  const row = await instructorsInScope(db, scope).selectAll('i').select(columns).where('i.id', '=', id).executeTakeFirst();
  if (!row) throw new AppError('INSTRUCTOR_NOT_FOUND');
  return row;
}

export async function getInstructor(ctx: AppContext, scope: ResolvedScope, id: string) {
  const row = await instructorOr404(ctx.db, scope, id);
  const [stats] = await statsOf(ctx.db, [id]);
  const lectures = await ctx.db
    .selectFrom('instructor_lecture')
    .selectAll()
    .where('instructor_id', '=', id)
    .orderBy('date', 'desc')
    .orderBy('id')
    .execute();
  const reviews =
    lectures.length === 0
      ? []
      : await ctx.db
          .selectFrom('lecture_review')
          .selectAll()
          .where(
            'lecture_id',
            'in',
            lectures.map((l) => l.id),
          )
          .orderBy('created_at')
          .execute();
  return {
    ...present(row, today(ctx), stats),
    lectureList: lectures.map((l) => {
      const mine = reviews.filter((r) => r.lecture_id === l.id);
      return {
        id: l.id,
        date: l.date,
        title: l.title,
        subject: l.subject,
        hours: l.hours,
        audience: l.audience,
        averageScore: mine.length === 0 ? null : Math.round((mine.reduce((s, r) => s + r.score, 0) / mine.length) * 10) / 10,
        reviews: mine.map((r) => ({
          id: r.id,
          reviewerKind: r.reviewer_kind,
          reviewerName: r.reviewer_name,
          score: r.score,
          comment: r.comment,
          createdAt: r.created_at,
        })),
      };
    }),
  };
}

export async function createInstructor(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, body: CreateInstructorBody) {
  if (body.expiresOn && body.expiresOn < body.appointedOn) throw new AppError('INSTRUCTOR_DATES');
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    const person = await trx
      .selectFrom(scopedPeople(trx, scope).as('p'))
      .select('p.id')
      .where('p.id', '=', body.personId)
      .executeTakeFirst();
    if (!person) throw new AppError('TALENT_PERSON_NOT_FOUND');
    if (await trx.selectFrom('instructor').select('id').where('person_id', '=', body.personId).executeTakeFirst())
      throw new AppError('INSTRUCTOR_EXISTS');
    const row: InstructorTable = {
      id,
      person_id: body.personId,
      grade: body.grade,
      subjects: JSON.stringify(body.subjects),
      appointed_on: body.appointedOn,
      expires_on: body.expiresOn ?? null,
      status: 'active',
      note: body.note ?? null,
      city_code: ctx.config.cityCode,
      created_at: nowIso(ctx),
      updated_at: nowIso(ctx),
    };
    await trx.insertInto('instructor').values(row).execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'talent.instructor.create',
      objectType: 'instructor',
      objectId: id,
      detail: { after: row },
    });
  });
  return getInstructor(ctx, scope, id);
}

export async function updateInstructor(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string, body: UpdateInstructorBody) {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await instructorOr404(trx, scope, id);
    const changes = {
      ...(body.grade !== undefined ? { grade: body.grade } : {}),
      ...(body.subjects !== undefined ? { subjects: JSON.stringify(body.subjects) } : {}),
      ...(body.appointedOn !== undefined ? { appointed_on: body.appointedOn } : {}),
      ...(body.expiresOn !== undefined ? { expires_on: body.expiresOn } : {}),
      ...(body.status !== undefined ? { status: body.status } : {}),
      ...(body.note !== undefined ? { note: body.note } : {}),
    };
    const appointed = changes.appointed_on ?? before.appointed_on;
    const expires = changes.expires_on === undefined ? before.expires_on : changes.expires_on;
    if (expires && expires < appointed) throw new AppError('INSTRUCTOR_DATES');
    await trx
      .updateTable('instructor')
      .set({ ...changes, updated_at: nowIso(ctx) })
      .where('id', '=', id)
      .execute();
    const { name: _n, police_number: _p, org_id: _o, org_name: _on, ...beforeRow } = before;
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'talent.instructor.update',
      objectType: 'instructor',
      objectId: id,
      detail: { before: beforeRow, changes },
    });
  });
  return getInstructor(ctx, scope, id);
}

export async function addLecture(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, instructorId: string, body: CreateLectureBody) {
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await instructorOr404(trx, scope, instructorId);
    const row = {
      id,
      instructor_id: instructorId,
      date: body.date,
      title: body.title,
      subject: body.subject ?? null,
      hours: body.hours,
      audience: body.audience ?? null,
      city_code: ctx.config.cityCode,
      created_at: nowIso(ctx),
    };
    await trx.insertInto('instructor_lecture').values(row).execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'talent.lecture.add',
      objectType: 'instructor',
      objectId: instructorId,
      detail: { after: row },
    });
  });
  return { id };
}

/** A score (0–100) for one lecture from a trainee or a supervisor; the instructor's average follows. */
export async function addLectureReview(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  instructorId: string,
  lectureId: string,
  body: LectureReviewBody,
) {
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await instructorOr404(trx, scope, instructorId);
    const lecture = await trx
      .selectFrom('instructor_lecture')
      .select('id')
      .where('id', '=', lectureId)
      .where('instructor_id', '=', instructorId)
      .executeTakeFirst();
    if (!lecture) throw new AppError('LECTURE_NOT_FOUND');
    const row = {
      id,
      lecture_id: lectureId,
      reviewer_kind: body.reviewerKind,
      reviewer_name: body.reviewerName ?? null,
      reviewer_user_id: actor.userId,
      score: body.score,
      comment: body.comment ?? null,
      city_code: ctx.config.cityCode,
      created_at: nowIso(ctx),
    };
    await trx.insertInto('lecture_review').values(row).execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'talent.lecture.review',
      objectType: 'instructor',
      objectId: instructorId,
      detail: { after: row },
    });
  });
  return getInstructor(ctx, scope, instructorId);
}

/** Active instructors in scope with their subject tags, for talent-pool suggestions. */
export async function activeInstructorsInScope(db: Executor, scope: ResolvedScope, day: string) {
  const rows = await instructorsInScope(db, scope)
    .select(['i.person_id', 'i.grade', 'i.subjects'])
    .where('i.status', '=', 'active')
    .where((eb) => eb.or([eb('i.expires_on', 'is', null), eb('i.expires_on', '>=', day)]))
    .execute();
  return rows.map((r) => ({ personId: r.person_id, grade: r.grade, subjects: JSON.parse(r.subjects) as string[] }));
}
