import {
  defaultWeights,
  requirementsProblems,
  type CreateAnnouncementBody,
  type CreatePostBody,
  type UpdateAnnouncementBody,
  type UpdatePostBody,
  type Weights,
} from '@zhenggong/core';
import type { Executor } from '../../db/database.ts';
import { assertOrgInScope, scopeWhere, type ResolvedScope } from '../../platform/access/data-scope.ts';
import { isUniqueViolation } from '../../platform/access/db-errors.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';

/** Announcements (招录公告) and their posts (岗位), scoped by the announcement's owner org. */
export async function findAnnouncementInScope(db: Executor, scope: ResolvedScope, id: string) {
  const row = await db
    .selectFrom('recruit_announcement as a')
    .selectAll('a')
    .where('a.id', '=', id)
    .where(scopeWhere(scope, 'a.org_id'))
    .executeTakeFirst();
  if (!row) throw new AppError('RECRUIT_ANNOUNCEMENT_NOT_FOUND');
  return row;
}

export async function findPostInScope(db: Executor, scope: ResolvedScope, id: string) {
  const row = await db
    .selectFrom('recruit_post as p')
    .innerJoin('recruit_announcement as a', 'a.id', 'p.announcement_id')
    .selectAll('p')
    .select(['a.org_id as announcement_org_id', 'a.status as announcement_status'])
    .where('p.id', '=', id)
    .where(scopeWhere(scope, 'a.org_id'))
    .executeTakeFirst();
  if (!row) throw new AppError('RECRUIT_POST_NOT_FOUND');
  return row;
}

export async function listAnnouncements(ctx: AppContext, scope: ResolvedScope) {
  const rows = await ctx.db
    .selectFrom('recruit_announcement as a')
    .innerJoin('org as o', 'o.id', 'a.org_id')
    .select([
      'a.id',
      'a.title',
      'a.org_id',
      'o.name as org_name',
      'a.status',
      'a.apply_from',
      'a.apply_until',
      'a.published_at',
      'a.created_at',
    ])
    .select((eb) => [
      eb
        .selectFrom('recruit_post as p')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('p.announcement_id', '=', 'a.id')
        .as('post_count'),
      eb
        .selectFrom('recruit_application as r')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('r.announcement_id', '=', 'a.id')
        .as('applied'),
    ])
    .where(scopeWhere(scope, 'a.org_id'))
    .orderBy('a.created_at', 'desc')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    orgId: r.org_id,
    orgName: r.org_name,
    status: r.status,
    applyFrom: r.apply_from,
    applyUntil: r.apply_until,
    publishedAt: r.published_at,
    postCount: Number(r.post_count ?? 0),
    applied: Number(r.applied ?? 0),
  }));
}

export async function getAnnouncement(ctx: AppContext, scope: ResolvedScope, id: string) {
  const a = await findAnnouncementInScope(ctx.db, scope, id);
  const org = await ctx.db.selectFrom('org').select('name').where('id', '=', a.org_id).executeTakeFirst();
  const posts = await ctx.db
    .selectFrom('recruit_post as p')
    .innerJoin('org as o', 'o.id', 'p.org_id')
    .selectAll('p')
    .select('o.name as org_name')
    .where('p.announcement_id', '=', id)
    .orderBy('p.code')
    .execute();
  return {
    id: a.id,
    title: a.title,
    orgId: a.org_id,
    orgName: org?.name ?? null,
    body: a.body,
    summary: a.summary,
    applyFrom: a.apply_from,
    applyUntil: a.apply_until,
    examAt: a.exam_at,
    examPlace: a.exam_place,
    status: a.status,
    publishedAt: a.published_at,
    weights: JSON.parse(a.weights) as Weights,
    scoresPublishedAt: a.scores_published_at,
    publicity: a.publicity_from ? { from: a.publicity_from, until: a.publicity_until } : null,
    replacementUntil: a.replacement_until,
    createdAt: a.created_at,
    updatedAt: a.updated_at,
    posts: posts.map(presentPost),
  };
}

export const presentPost = (p: {
  id: string;
  announcement_id: string;
  code: string;
  name: string;
  org_id: string;
  headcount: number;
  requirements: string;
  org_name?: string;
}) => ({
  id: p.id,
  announcementId: p.announcement_id,
  code: p.code,
  name: p.name,
  orgId: p.org_id,
  orgName: p.org_name ?? null,
  headcount: p.headcount,
  requirements: JSON.parse(p.requirements) as unknown,
});

const checkDates = (from: string, until: string) => {
  if (from > until) throw new AppError('RECRUIT_DATES_INVALID');
};

export async function createAnnouncement(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, body: CreateAnnouncementBody) {
  await assertOrgInScope(ctx.db, scope, body.orgId);
  checkDates(body.applyFrom, body.applyUntil);
  const now = ctx.clock.now().toISOString();
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('recruit_announcement')
      .values({
        id,
        org_id: body.orgId,
        title: body.title.trim(),
        body: body.body,
        summary: body.summary ?? '',
        apply_from: body.applyFrom,
        apply_until: body.applyUntil,
        exam_at: body.examAt ?? null,
        exam_place: body.examPlace ?? null,
        status: 'draft',
        published_at: null,
        weights: JSON.stringify(defaultWeights),
        scores_published_at: null,
        publicity_from: null,
        publicity_until: null,
        replacement_until: null,
        city_code: ctx.config.cityCode,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'recruit.announcement.create',
      objectType: 'recruit_announcement',
      objectId: id,
      detail: { title: body.title, orgId: body.orgId },
    });
  });
  return getAnnouncement(ctx, scope, id);
}

export async function updateAnnouncement(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  id: string,
  body: UpdateAnnouncementBody,
) {
  await ctx.db.transaction().execute(async (trx) => {
    const a = await findAnnouncementInScope(trx, scope, id);
    checkDates(body.applyFrom ?? a.apply_from, body.applyUntil ?? a.apply_until);
    const set = {
      ...(body.title !== undefined ? { title: body.title.trim() } : {}),
      ...(body.body !== undefined ? { body: body.body } : {}),
      ...(body.summary !== undefined ? { summary: body.summary } : {}),
      ...(body.applyFrom !== undefined ? { apply_from: body.applyFrom } : {}),
      ...(body.applyUntil !== undefined ? { apply_until: body.applyUntil } : {}),
      ...(body.examAt !== undefined ? { exam_at: body.examAt } : {}),
      ...(body.examPlace !== undefined ? { exam_place: body.examPlace } : {}),
      ...(body.replacementUntil !== undefined ? { replacement_until: body.replacementUntil } : {}),
    };
    await trx
      .updateTable('recruit_announcement')
      .set({ ...set, updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'recruit.announcement.update',
      objectType: 'recruit_announcement',
      objectId: id,
      detail: { fields: Object.keys(set) },
    });
  });
  return getAnnouncement(ctx, scope, id);
}

export async function publishAnnouncement(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const a = await findAnnouncementInScope(trx, scope, id);
    if (a.status === 'published') throw new AppError('RECRUIT_ALREADY_PUBLISHED');
    const post = await trx.selectFrom('recruit_post').select('id').where('announcement_id', '=', id).limit(1).executeTakeFirst();
    if (!post) throw new AppError('RECRUIT_NO_POSTS');
    const now = ctx.clock.now().toISOString();
    await trx
      .updateTable('recruit_announcement')
      .set({ status: 'published', published_at: now, updated_at: now })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'recruit.announcement.publish',
      objectType: 'recruit_announcement',
      objectId: id,
    });
  });
  return getAnnouncement(ctx, scope, id);
}

function checkRequirementsShape(req: CreatePostBody['requirements']): void {
  const problems = requirementsProblems(req);
  if (problems.length > 0) throw new AppError('RECRUIT_REQUIREMENTS_INVALID', { summary: problems.join(', '), problems });
}

export async function createPost(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, announcementId: string, body: CreatePostBody) {
  checkRequirementsShape(body.requirements);
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await findAnnouncementInScope(trx, scope, announcementId);
    await assertOrgInScope(trx, scope, body.orgId);
    const now = ctx.clock.now().toISOString();
    try {
      await trx
        .insertInto('recruit_post')
        .values({
          id,
          announcement_id: announcementId,
          code: body.code,
          name: body.name.trim(),
          org_id: body.orgId,
          headcount: body.headcount,
          requirements: JSON.stringify(body.requirements),
          city_code: ctx.config.cityCode,
          created_at: now,
          updated_at: now,
        })
        .execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('RECRUIT_POST_CODE_TAKEN');
      throw error;
    }
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'recruit.post.create',
      objectType: 'recruit_post',
      objectId: id,
      detail: { announcementId, ...body },
    });
  });
  const row = await findPostInScope(ctx.db, scope, id);
  return presentPost(row);
}

export async function updatePost(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string, body: UpdatePostBody) {
  if (body.requirements) checkRequirementsShape(body.requirements);
  await ctx.db.transaction().execute(async (trx) => {
    const before = await findPostInScope(trx, scope, id);
    if (body.orgId) await assertOrgInScope(trx, scope, body.orgId);
    const set = {
      ...(body.code !== undefined ? { code: body.code } : {}),
      ...(body.name !== undefined ? { name: body.name.trim() } : {}),
      ...(body.orgId !== undefined ? { org_id: body.orgId } : {}),
      ...(body.headcount !== undefined ? { headcount: body.headcount } : {}),
      ...(body.requirements !== undefined ? { requirements: JSON.stringify(body.requirements) } : {}),
    };
    try {
      await trx
        .updateTable('recruit_post')
        .set({ ...set, updated_at: ctx.clock.now().toISOString() })
        .where('id', '=', id)
        .execute();
    } catch (error) {
      if (isUniqueViolation(error)) throw new AppError('RECRUIT_POST_CODE_TAKEN');
      throw error;
    }
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'recruit.post.update',
      objectType: 'recruit_post',
      objectId: id,
      detail: {
        before: {
          code: before.code,
          name: before.name,
          orgId: before.org_id,
          headcount: before.headcount,
          requirements: before.requirements,
        },
        after: body,
      },
    });
  });
  return presentPost(await findPostInScope(ctx.db, scope, id));
}

export async function deletePost(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string): Promise<void> {
  await ctx.db.transaction().execute(async (trx) => {
    const post = await findPostInScope(trx, scope, id);
    const used = await trx.selectFrom('recruit_application').select('id').where('post_id', '=', id).limit(1).executeTakeFirst();
    if (used) throw new AppError('RECRUIT_POST_HAS_APPLICATIONS');
    await trx.deleteFrom('recruit_post').where('id', '=', id).execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'recruit.post.delete',
      objectType: 'recruit_post',
      objectId: id,
      detail: { code: post.code, name: post.name },
    });
  });
}

/** Live counts by post: one grouped query over the queue index. */
export async function countsByPost(ctx: AppContext, scope: ResolvedScope, announcementId: string) {
  await findAnnouncementInScope(ctx.db, scope, announcementId);
  const posts = await ctx.db
    .selectFrom('recruit_post')
    .select(['id', 'name', 'code', 'headcount'])
    .where('announcement_id', '=', announcementId)
    .orderBy('code')
    .execute();
  const groups = await ctx.db
    .selectFrom('recruit_application')
    .select(['post_id', 'status'])
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('announcement_id', '=', announcementId)
    .groupBy(['post_id', 'status'])
    .execute();
  const passed = new Set(['approved', 'shortlisted', 'medical_passed', 'publicized', 'hired', 'dropped']);
  return posts.map((p) => {
    const mine = groups.filter((g) => g.post_id === p.id);
    const applied = mine.reduce((s, g) => s + Number(g.n), 0);
    const approved = mine.filter((g) => passed.has(g.status)).reduce((s, g) => s + Number(g.n), 0);
    const rejected = mine.filter((g) => g.status === 'rejected').reduce((s, g) => s + Number(g.n), 0);
    return {
      postId: p.id,
      postCode: p.code,
      postName: p.name,
      headcount: p.headcount,
      applied,
      approved,
      rejected,
      ratio: Math.round((approved / p.headcount) * 100) / 100,
    };
  });
}
