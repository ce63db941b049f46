import type { ApplicationBody, Locale, PostRequirements, UpdateApplicationBody } from '@zhenggong/core';
import type { Executor } from '../../../db/database.ts';
import { isUniqueViolation } from '../../../platform/access/db-errors.ts';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { newId } from '../../../platform/ids.ts';
import { factsToBody, presentApplication, toApplicationFacts, today, type FileView } from '../application-rows.ts';
import type { RecruitApplicationTable } from '../tables.ts';

/**
 * The applicant's side of an application. Every query names the applicant: another applicant's
 * id is simply not found (404), exactly like an id that does not exist.
 */
interface OpenPost {
  post_id: string;
  post_name: string;
  requirements: string;
  announcement_id: string;
  title: string;
  org_id: string;
  apply_from: string;
  apply_until: string;
}

async function openPost(db: Executor, postId: string): Promise<OpenPost> {
  const row = await db
    .selectFrom('recruit_post as p')
    .innerJoin('recruit_announcement as a', 'a.id', 'p.announcement_id')
    .select([
      'p.id as post_id',
      'p.name as post_name',
      'p.requirements',
      'a.id as announcement_id',
      'a.title',
      'a.org_id',
      'a.apply_from',
      'a.apply_until',
    ])
    .where('p.id', '=', postId)
    .where('a.status', '=', 'published')
    .executeTakeFirst();
  if (!row) throw new AppError('RECRUIT_POST_NOT_FOUND');
  return row;
}

const assertOpen = (ctx: AppContext, post: { apply_from: string; apply_until: string }) => {
  const d = today(ctx);
  if (d < post.apply_from || d > post.apply_until)
    throw new AppError('RECRUIT_APPLY_CLOSED', { applyFrom: post.apply_from, applyUntil: post.apply_until });
};

export type SubmitResult = { replayed: boolean; application: ReturnType<typeof presentApplication> };

/**
 * Submits an application: a handful of indexed statements (post lookup, insert, event). Duplicates
 * are decided by the unique constraints, so concurrent double clicks and retries end as one row:
 * the request that loses the race answers with the winner's application when it carries the same
 * Idempotency-Key, and 409 otherwise.
 */
export async function submitApplication(
  ctx: AppContext,
  applicantId: string,
  key: string,
  body: ApplicationBody,
  locale: Locale,
): Promise<SubmitResult> {
  const post = await openPost(ctx.db, body.postId);
  assertOpen(ctx, post);
  const facts = toApplicationFacts(ctx, body, JSON.parse(post.requirements) as PostRequirements, locale, post.apply_until);
  const now = ctx.clock.now().toISOString();
  const row: RecruitApplicationTable = {
    id: newId(),
    announcement_id: post.announcement_id,
    post_id: post.post_id,
    applicant_id: applicantId,
    org_id: post.org_id,
    idempotency_key: key,
    status: 'submitted',
    ...facts,
    photo: null,
    reject_reason: null,
    submitted_at: now,
    reviewed_at: null,
    reviewed_by: null,
    ticket_number: null,
    written: null,
    interview: null,
    physical: null,
    background: null,
    person_id: null,
    medical_result: null,
    medical_date: null,
    medical_institution: null,
    medical_note: null,
    drop_kind: null,
    drop_reason: null,
    dropped_at: null,
    replaces_id: null,
    replacement_reason: null,
    city_code: ctx.config.cityCode,
    created_at: now,
    updated_at: now,
  };
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await trx.insertInto('recruit_application').values(row).execute();
      await trx
        .insertInto('recruit_application_event')
        .values(event(ctx, row.id, 'submit', 'applicant', { postId: row.post_id }))
        .execute();
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return duplicate(ctx, applicantId, key, post.announcement_id);
  }
  return {
    replayed: false,
    application: presentApplication(ctx, row, { announcementTitle: post.title, postName: post.post_name }, [], true),
  };
}

async function duplicate(ctx: AppContext, applicantId: string, key: string, announcementId: string): Promise<SubmitResult> {
  const mine = await ctx.db
    .selectFrom('recruit_application')
    .select(['id', 'idempotency_key', 'announcement_id'])
    .where('applicant_id', '=', applicantId)
    .where((eb) => eb.or([eb('announcement_id', '=', announcementId), eb('idempotency_key', '=', key)]))
    .execute();
  const sameKey = mine.find((m) => m.idempotency_key === key);
  if (sameKey) return { replayed: true, application: await getOwnApplication(ctx, applicantId, sameKey.id) };
  const existing = mine.find((m) => m.announcement_id === announcementId);
  // Without an own application the clash is the ID number, already used by another account here.
  throw new AppError('RECRUIT_ALREADY_APPLIED', existing ? { applicationId: existing.id } : {});
}

export const event = (ctx: AppContext, applicationId: string, kind: string, actor: string, detail: Record<string, unknown>) => ({
  id: newId(),
  application_id: applicationId,
  kind,
  actor,
  detail: JSON.stringify(detail),
  city_code: ctx.config.cityCode,
  created_at: ctx.clock.now().toISOString(),
});

export async function findOwn(db: Executor, applicantId: string, id: string) {
  const row = await db
    .selectFrom('recruit_application as r')
    .innerJoin('recruit_post as p', 'p.id', 'r.post_id')
    .innerJoin('recruit_announcement as a', 'a.id', 'r.announcement_id')
    .selectAll('r')
    .select([
      'p.name as post_name',
      'p.code as post_code',
      'a.title as announcement_title',
      'a.apply_until',
      'a.apply_from',
      'a.exam_at',
      'a.exam_place',
      'a.scores_published_at',
      'a.weights',
    ])
    .where('r.id', '=', id)
    .where('r.applicant_id', '=', applicantId)
    .executeTakeFirst();
  if (!row) throw new AppError('RECRUIT_APPLICATION_NOT_FOUND');
  return row;
}

export async function filesOf(db: Executor, applicationId: string): Promise<FileView[]> {
  const rows = await db.selectFrom('recruit_file').selectAll().where('application_id', '=', applicationId).orderBy('created_at').execute();
  return rows.map((f) => ({ id: f.id, category: f.category, name: f.name, size: f.size, type: f.type, uploadedAt: f.created_at }));
}

export async function getOwnApplication(ctx: AppContext, applicantId: string, id: string) {
  const row = await findOwn(ctx.db, applicantId, id);
  return presentApplication(
    ctx,
    row,
    { announcementTitle: row.announcement_title, postName: row.post_name },
    await filesOf(ctx.db, id),
    true,
  );
}

export async function listOwnApplications(ctx: AppContext, applicantId: string) {
  const rows = await ctx.db
    .selectFrom('recruit_application as r')
    .innerJoin('recruit_post as p', 'p.id', 'r.post_id')
    .innerJoin('recruit_announcement as a', 'a.id', 'r.announcement_id')
    .select([
      'r.id',
      'r.announcement_id',
      'a.title',
      'r.post_id',
      'p.name',
      'r.status',
      'r.reject_reason',
      'r.submitted_at',
      'r.reviewed_at',
      'r.updated_at',
      'r.ticket_number',
      'r.drop_reason',
    ])
    .where('r.applicant_id', '=', applicantId)
    .orderBy('r.submitted_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    announcementId: r.announcement_id,
    announcementTitle: r.title,
    postId: r.post_id,
    postName: r.name,
    status: r.status,
    // A chosen applicant who dropped out (体检 不合格, objection upheld …) sees why, like a rejection.
    rejectReason: r.status === 'dropped' ? r.drop_reason : r.reject_reason,
    submittedAt: r.submitted_at,
    reviewedAt: r.reviewed_at,
    updatedAt: r.updated_at,
    ticketNumber: r.ticket_number,
  }));
}

/** Editable while waiting for review, or after a rejection; always within the application period. */
export function assertEditable(
  ctx: AppContext,
  row: { status: string; reviewed_at: string | null; apply_from: string; apply_until: string },
): void {
  if (!((row.status === 'submitted' && row.reviewed_at === null) || row.status === 'rejected')) throw new AppError('RECRUIT_NOT_EDITABLE');
  assertOpen(ctx, row);
}

export async function updateOwnApplication(ctx: AppContext, applicantId: string, id: string, patch: UpdateApplicationBody, locale: Locale) {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findOwn(trx, applicantId, id);
    assertEditable(ctx, row);
    const merged: ApplicationBody = { ...factsToBody(ctx, row), ...patch };
    const post = await openPost(trx, merged.postId);
    if (post.announcement_id !== row.announcement_id) throw new AppError('RECRUIT_POST_NOT_FOUND');
    const facts = toApplicationFacts(ctx, merged, JSON.parse(post.requirements) as PostRequirements, locale, post.apply_until);
    try {
      // Guarded by what was read: a review committed in between turns this edit into a conflict.
      const done = await trx
        .updateTable('recruit_application')
        .set({ ...facts, post_id: post.post_id, updated_at: ctx.clock.now().toISOString() })
        .where('id', '=', id)
        .where('status', '=', row.status)
        .where('updated_at', '=', row.updated_at)
        .executeTakeFirst();
      if (Number(done.numUpdatedRows) !== 1) throw new AppError('RECRUIT_NOT_EDITABLE');
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('RECRUIT_ALREADY_APPLIED');
      throw error;
    }
    await trx
      .insertInto('recruit_application_event')
      .values(event(ctx, id, 'edit', 'applicant', { fields: Object.keys(patch) }))
      .execute();
  });
  return getOwnApplication(ctx, applicantId, id);
}

/** A rejected application goes back to the queue, checked again against the post, before the deadline. */
export async function resubmitOwnApplication(ctx: AppContext, applicantId: string, id: string, locale: Locale) {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await findOwn(trx, applicantId, id);
    if (row.status !== 'rejected') throw new AppError('RECRUIT_STATUS_CONFLICT', { status: row.status });
    assertOpen(ctx, row);
    const post = await openPost(trx, row.post_id);
    toApplicationFacts(ctx, factsToBody(ctx, row), JSON.parse(post.requirements) as PostRequirements, locale, post.apply_until);
    const now = ctx.clock.now().toISOString();
    const done = await trx
      .updateTable('recruit_application')
      .set({ status: 'submitted', reviewed_at: null, reviewed_by: null, reject_reason: null, submitted_at: now, updated_at: now })
      .where('id', '=', id)
      .where('status', '=', 'rejected')
      .executeTakeFirst();
    if (Number(done.numUpdatedRows) !== 1) throw new AppError('RECRUIT_STATUS_CONFLICT', { status: 'submitted' });
    await trx
      .insertInto('recruit_application_event')
      .values(event(ctx, id, 'resubmit', 'applicant', { previousReason: row.reject_reason }))
      .execute();
  });
  return getOwnApplication(ctx, applicantId, id);
}
