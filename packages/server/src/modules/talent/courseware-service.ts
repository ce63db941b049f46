import fs from 'node:fs';
import path from 'node:path';
import type { CoursewareBody, CoursewareQuery, CoursewareReviewBody } from '@zhenggong/core';
import type { Executor, Trx } from '../../db/database.ts';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { FILE_KINDS, type FileKind } from '../../platform/files/file-kinds.ts';
import type { StoredUpload } from '../../platform/files/upload.ts';
import { caseIdsFor, submitCase } from '../../platform/workflow/engine.ts';
import type { CaseOutcome } from '../../platform/workflow/registry.ts';
import { coursewareDir } from './courseware-file.ts';
import { scopedPeople } from '../personnel/people.ts';

/**
 * Courseware and micro-course submissions (课件/微课评审): a record for an author in scope, one
 * file typed by its bytes, scores by reviewers (one score per reviewer, which they may revise),
 * and a decision. Scoped through the author's current unit.
 */
const nowIso = (ctx: AppContext) => ctx.clock.now().toISOString();

const inScope = (db: Executor, scope: ResolvedScope) =>
  db
    .selectFrom('courseware as w')
    .innerJoin(scopedPeople(db, scope).as('p'), 'p.id', 'w.author_person_id')
    .innerJoin('org as o', 'o.id', 'p.org_id');

async function coursewareOr404(db: Executor, scope: ResolvedScope, id: string) {
  const row = await inScope(db, scope)
    .selectAll('w')
    .select(['p.name as author_name', 'o.name as org_name', 'p.org_id as author_org_id'])
    .where('w.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('COURSEWARE_NOT_FOUND');
  return row;
}
export { coursewareOr404 };

type Row = Awaited<ReturnType<typeof coursewareOr404>>;
const present = (w: Row, stats?: { reviews: number; avg: number | null }) => ({
  id: w.id,
  kind: w.kind,
  title: w.title,
  subject: w.subject,
  summary: w.summary,
  authorPersonId: w.author_person_id,
  authorName: w.author_name,
  orgName: w.org_name,
  status: w.status,
  fileName: w.file_name,
  fileType: w.file_type,
  fileSize: w.file_size,
  decisionNote: w.decision_note,
  decidedAt: w.decided_at,
  createdAt: w.created_at,
  reviews: stats?.reviews ?? 0,
  averageScore: stats?.avg === null || stats?.avg === undefined ? null : Math.round(Number(stats.avg) * 10) / 10,
});

async function statsOf(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, { reviews: number; avg: number | null }>();
  const rows = await db
    .selectFrom('courseware_review')
    .select((eb) => ['courseware_id', eb.fn.countAll<number>().as('reviews'), eb.fn.avg<number>('score').as('avg')])
    .where('courseware_id', 'in', ids)
    .groupBy('courseware_id')
    .execute();
  return new Map(rows.map((r) => [r.courseware_id, { reviews: Number(r.reviews), avg: r.avg === null ? null : Number(r.avg) }]));
}

export async function listCourseware(ctx: AppContext, scope: ResolvedScope, f: CoursewareQuery) {
  let q = inScope(ctx.db, scope);
  if (f.kind) q = q.where('w.kind', '=', f.kind);
  if (f.status) q = q.where('w.status', '=', f.status);
  const page = f.page ?? 1;
  const pageSize = f.pageSize ?? 20;
  const [{ total }, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    q
      .selectAll('w')
      .select(['p.name as author_name', 'o.name as org_name', 'p.org_id as author_org_id'])
      .orderBy('w.created_at', 'desc')
      .orderBy('w.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
  ]);
  const stats = await statsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => present(r, stats.get(r.id))), total: Number(total) };
}

export async function getCourseware(ctx: AppContext, scope: ResolvedScope, id: string) {
  const row = await coursewareOr404(ctx.db, scope, id);
  const stats = await statsOf(ctx.db, [id]);
  const reviews = await ctx.db.selectFrom('courseware_review').selectAll().where('courseware_id', '=', id).orderBy('created_at').execute();
  const cases = await caseIdsFor(ctx.db, 'talent.courseware', [id]);
  return {
    ...present(row, stats.get(id)),
    caseId: cases.get(id) ?? null,
    reviewList: reviews.map((r) => ({
      id: r.id,
      reviewerName: r.reviewer_name,
      score: r.score,
      comment: r.comment,
      updatedAt: r.updated_at,
    })),
  };
}

export async function createCourseware(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, body: CoursewareBody) {
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    const person = await trx
      .selectFrom(scopedPeople(trx, scope).as('p'))
      .select('p.id')
      .where('p.id', '=', body.authorPersonId)
      .executeTakeFirst();
    if (!person) throw new AppError('TALENT_PERSON_NOT_FOUND');
    const row = {
      id,
      kind: body.kind,
      title: body.title,
      subject: body.subject ?? null,
      summary: body.summary ?? null,
      author_person_id: body.authorPersonId,
      status: 'draft' as const,
      file_name: null,
      file_type: null,
      file_size: null,
      file_sha256: null,
      storage_name: null,
      decision_note: null,
      decided_by: null,
      decided_at: null,
      submitted_by: actor.userId ?? '',
      city_code: ctx.config.cityCode,
      created_at: nowIso(ctx),
      updated_at: nowIso(ctx),
    };
    await trx.insertInto('courseware').values(row).execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'talent.courseware.create',
      objectType: 'courseware',
      objectId: id,
      detail: { after: row },
    });
  });
  return getCourseware(ctx, scope, id);
}

/** Attaches an uploaded file (already streamed to `upload.path`) once its bytes say what it is. */
export async function attachFile(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string, upload: StoredUpload) {
  let old: string | null = null;
  try {
    const type = upload.kind;
    const ext = path.extname(upload.fileName).toLowerCase();
    // A name that claims another type (report.pdf holding a zip) is refused rather than renamed.
    if (ext && ext !== `.${FILE_KINDS[type].ext}`) throw new AppError('COURSEWARE_FILE_TYPE', { declared: ext, actual: type });
    await ctx.db.transaction().execute(async (trx) => {
      const w = await coursewareOr404(trx, scope, id);
      if (w.status === 'approved' || w.status === 'rejected') throw new AppError('COURSEWARE_DECIDED');
      old = w.storage_name;
      await trx
        .updateTable('courseware')
        .set({
          file_name: upload.fileName,
          file_type: type,
          file_size: upload.size,
          file_sha256: upload.sha256,
          storage_name: upload.storedName,
          status: 'submitted',
          updated_at: nowIso(ctx),
        })
        .where('id', '=', id)
        .execute();
      // The first file (or one after a withdrawal) puts the submission to review through the workflow.
      if (w.status === 'draft' && actor.userId) {
        await submitCase(
          trx,
          ctx,
          { ...actor, userId: actor.userId },
          {
            kind: 'talent.courseware',
            refId: id,
            title: `课件评审：${w.title}`,
            subjectPersonId: w.author_person_id,
            subjectName: w.author_name,
            subjectOrgId: w.author_org_id,
          },
        );
      }
      await appendAudit(trx, ctx.clock, actor, {
        eventType: 'talent.courseware.file',
        objectType: 'courseware',
        objectId: id,
        detail: { fileName: upload.fileName, type, size: upload.size, sha256: upload.sha256 },
      });
    });
  } catch (error) {
    fs.rmSync(upload.path, { force: true });
    throw error;
  }
  if (old) fs.rmSync(path.join(coursewareDir(ctx), old), { force: true });
  return getCourseware(ctx, scope, id);
}

export async function openFile(ctx: AppContext, scope: ResolvedScope, id: string) {
  const w = await coursewareOr404(ctx.db, scope, id);
  if (!w.storage_name || !w.file_type) throw new AppError('COURSEWARE_NO_FILE');
  // file_type holds a kind the intake accepted for courseware (pdf, pptx, docx, mp4).
  const type = FILE_KINDS[w.file_type as FileKind];
  return {
    path: path.join(coursewareDir(ctx), w.storage_name),
    mime: type.mime,
    fileName: w.file_name ?? `courseware.${type.ext}`,
    size: w.file_size ?? 0,
  };
}

/** One score per reviewer: reviewing again replaces the reviewer's earlier score. */
export async function reviewCourseware(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  reviewerName: string,
  id: string,
  body: CoursewareReviewBody,
) {
  await ctx.db.transaction().execute(async (trx) => {
    const w = await coursewareOr404(trx, scope, id);
    if (w.status !== 'submitted') throw new AppError(w.status === 'draft' ? 'COURSEWARE_NOT_READY' : 'COURSEWARE_DECIDED');
    const reviewer = actor.userId ?? '';
    const before = await trx
      .selectFrom('courseware_review')
      .selectAll()
      .where('courseware_id', '=', id)
      .where('reviewer_user_id', '=', reviewer)
      .executeTakeFirst();
    if (before) {
      await trx
        .updateTable('courseware_review')
        .set({ score: body.score, comment: body.comment ?? null, updated_at: nowIso(ctx) })
        .where('id', '=', before.id)
        .execute();
    } else {
      await trx
        .insertInto('courseware_review')
        .values({
          id: newId(),
          courseware_id: id,
          reviewer_user_id: reviewer,
          reviewer_name: reviewerName,
          score: body.score,
          comment: body.comment ?? null,
          city_code: ctx.config.cityCode,
          created_at: nowIso(ctx),
          updated_at: nowIso(ctx),
        })
        .execute();
    }
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'talent.courseware.review',
      objectType: 'courseware',
      objectId: id,
      detail: { before: before?.score ?? null, after: body.score },
    });
  });
  return getCourseware(ctx, scope, id);
}

/**
 * The workflow's decision, in the deciding transaction: accepting needs at least one reviewer's
 * score; a withdrawn submission goes back to draft so a new file can be put to review.
 */
export async function applyCoursewareOutcome(
  trx: Trx,
  ctx: AppContext,
  actor: AuditActor,
  id: string,
  outcome: CaseOutcome,
  note: string | null,
): Promise<void> {
  const w = await trx.selectFrom('courseware').select(['status']).where('id', '=', id).executeTakeFirst();
  if (!w) throw new AppError('COURSEWARE_NOT_FOUND');
  if (w.status !== 'submitted') throw new AppError('COURSEWARE_DECIDED');
  const reviews = await trx.selectFrom('courseware_review').select('id').where('courseware_id', '=', id).executeTakeFirst();
  if (outcome === 'approved' && !reviews) throw new AppError('COURSEWARE_NOT_READY');
  const status = outcome === 'withdrawn' ? 'draft' : outcome;
  await trx
    .updateTable('courseware')
    .set({
      status,
      decision_note: note,
      decided_by: outcome === 'withdrawn' ? null : actor.userId,
      decided_at: outcome === 'withdrawn' ? null : nowIso(ctx),
      updated_at: nowIso(ctx),
    })
    .where('id', '=', id)
    .execute();
  await appendAudit(trx, ctx.clock, actor, {
    eventType: 'talent.courseware.decide',
    objectType: 'courseware',
    objectId: id,
    detail: { decision: status, note },
  });
}
