import type {
  AddMemberBody,
  CategoryBody,
  ConfirmSuggestionBody,
  DismissSuggestionBody,
  MemberQuery,
  TalentGrade,
  UpdateCategoryBody,
} from '@zhenggong/core';
import type { Executor } from '../../db/database.ts';
import { today as beijingToday } from '../../platform/clock.ts';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { evidenceFor, proposedGrade, type Category } from './pool-rules.ts';
import type { TalentCategoryTable } from './tables.ts';
import { allPeople, scopedPeople } from '../personnel/people.ts';

/**
 * The talent pool (警务人才库): categories kept by the city bureau, suggestions computed from
 * records, and members who join only when a person confirms (no automated decisions about
 * people, MISSION.md). Manual adds and removals carry a reason; everything is audited.
 */
const nowIso = (ctx: AppContext) => ctx.clock.now().toISOString();
const today = (ctx: AppContext) => beijingToday(ctx.clock);

/** The usual categories of a city bureau's talent pool, with the words the rules look for. */
export const DEFAULT_CATEGORIES: readonly { name: string; keywords: string[] }[] = [
  { name: '执法办案', keywords: ['法学', '侦查', '法律', '执法', '办案', '刑侦'] },
  { name: '网络安全', keywords: ['网络', '计算机', '信息安全', '软件', '网安', '数据'] },
  { name: '警务实战教官', keywords: ['射击', '警务实战', '体能', '擒敌', '战术', '驾驶'] },
  { name: '心理咨询', keywords: ['心理'] },
  { name: '外语', keywords: ['英语', '外语', '日语', '俄语', '翻译'] },
  { name: '宣传文化', keywords: ['新闻', '汉语言', '宣传', '摄影', '文化'] },
];

const presentCategory = (c: TalentCategoryTable) => ({
  id: c.id,
  name: c.name,
  keywords: JSON.parse(c.keywords) as string[],
  sortOrder: c.sort_order,
  active: c.active === 1,
});
const toCategory = (c: TalentCategoryTable): Category => ({ id: c.id, name: c.name, keywords: JSON.parse(c.keywords) as string[] });

export async function listCategories(ctx: AppContext) {
  const rows = await ctx.db.selectFrom('talent_category').selectAll().orderBy('sort_order').orderBy('name').execute();
  return rows.map(presentCategory);
}

/** Categories are one list for the whole city: editing them needs a city-wide scope. */
function cityWide(scope: ResolvedScope) {
  if (!scope.all) throw new AppError('TALENT_CATEGORY_CITY_ONLY');
}

export async function createCategory(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, body: CategoryBody) {
  cityWide(scope);
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    if (await trx.selectFrom('talent_category').select('id').where('name', '=', body.name).executeTakeFirst())
      throw new AppError('TALENT_CATEGORY_NAME_TAKEN');
    const row = {
      id,
      name: body.name,
      keywords: JSON.stringify(body.keywords),
      sort_order: body.sortOrder ?? 0,
      active: body.active === false ? 0 : 1,
      city_code: ctx.config.cityCode,
      created_at: nowIso(ctx),
      updated_at: nowIso(ctx),
    };
    await trx.insertInto('talent_category').values(row).execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'talent.category.create',
      objectType: 'talent_category',
      objectId: id,
      detail: { after: row },
    });
  });
  return { id };
}

/** Adds the usual categories that are missing (by name); a first-run convenience. */
export async function addDefaultCategories(ctx: AppContext, scope: ResolvedScope, actor: AuditActor) {
  cityWide(scope);
  let added = 0;
  await ctx.db.transaction().execute(async (trx) => {
    const existing = new Set((await trx.selectFrom('talent_category').select('name').execute()).map((c) => c.name));
    for (const [i, c] of DEFAULT_CATEGORIES.entries()) {
      if (existing.has(c.name)) continue;
      await trx
        .insertInto('talent_category')
        .values({
          id: newId(),
          name: c.name,
          keywords: JSON.stringify(c.keywords),
          sort_order: (i + 1) * 10,
          active: 1,
          city_code: ctx.config.cityCode,
          created_at: nowIso(ctx),
          updated_at: nowIso(ctx),
        })
        .execute();
      added++;
    }
    await appendAudit(trx, ctx.clock, actor, { eventType: 'talent.category.defaults', objectType: 'talent_category', detail: { added } });
  });
  return { added };
}

export async function updateCategory(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string, body: UpdateCategoryBody) {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('talent_category').selectAll().where('id', '=', id).executeTakeFirst();
    if (!before) throw new AppError('TALENT_CATEGORY_NOT_FOUND');
    cityWide(scope);
    if (
      body.name &&
      body.name !== before.name &&
      (await trx.selectFrom('talent_category').select('id').where('name', '=', body.name).executeTakeFirst())
    )
      throw new AppError('TALENT_CATEGORY_NAME_TAKEN');
    const changes = {
      ...(body.name !== undefined ? { name: body.name } : {}),
      ...(body.keywords !== undefined ? { keywords: JSON.stringify(body.keywords) } : {}),
      ...(body.sortOrder !== undefined ? { sort_order: body.sortOrder } : {}),
      ...(body.active !== undefined ? { active: body.active ? 1 : 0 } : {}),
    };
    await trx
      .updateTable('talent_category')
      .set({ ...changes, updated_at: nowIso(ctx) })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'talent.category.update',
      objectType: 'talent_category',
      objectId: id,
      detail: { before, changes },
    });
  });
  return presentCategory(await ctx.db.selectFrom('talent_category').selectAll().where('id', '=', id).executeTakeFirstOrThrow());
}

async function categoryOr404(db: Executor, id: string) {
  const c = await db.selectFrom('talent_category').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c) throw new AppError('TALENT_CATEGORY_NOT_FOUND');
  return c;
}

/** Pairs already decided: members (active or removed) and dismissed suggestions are not suggested again. */
async function decidedPairs(db: Executor, categoryIds: readonly string[]) {
  if (categoryIds.length === 0) return new Set<string>();
  const [members, dismissed] = await Promise.all([
    db
      .selectFrom('talent_member')
      .select(['person_id', 'category_id'])
      // Removed members too: they left with a recorded reason, and bringing them back is a manual decision.
      .where('category_id', 'in', categoryIds)
      .execute(),
    db.selectFrom('talent_dismissal').select(['person_id', 'category_id']).where('category_id', 'in', categoryIds).execute(),
  ]);
  return new Set([...members, ...dismissed].map((r) => `${r.person_id}|${r.category_id}`));
}

/** The suggested list: people in scope whose records match a category, not yet decided. */
export async function listSuggestions(ctx: AppContext, scope: ResolvedScope, categoryId?: string) {
  const categories = (
    await ctx.db
      .selectFrom('talent_category')
      .selectAll()
      .where('active', '=', 1)
      .$if(categoryId !== undefined, (q) => q.where('id', '=', categoryId as string))
      .orderBy('sort_order')
      .execute()
  ).map(toCategory);
  const decided = await decidedPairs(
    ctx.db,
    categories.map((c) => c.id),
  );
  const out: {
    personId: string;
    name: string;
    orgName: string;
    categoryId: string;
    categoryName: string;
    proposedGrade: TalentGrade;
    evidence: unknown[];
  }[] = [];
  for (const c of categories) {
    const found = await evidenceFor(ctx.db, scope, c, today(ctx));
    const ids = [...found.keys()].filter((pid) => !decided.has(`${pid}|${c.id}`));
    if (ids.length === 0) continue;
    const people = await ctx.db
      .selectFrom(allPeople(ctx.db).as('p'))
      .innerJoin('org as o', 'o.id', 'p.org_id')
      .select(['p.id', 'p.name', 'p.name_pinyin', 'o.name as org_name'])
      .where('p.id', 'in', ids)
      .execute();
    for (const p of people.sort((a, b) => a.name_pinyin.localeCompare(b.name_pinyin))) {
      const evidence = found.get(p.id) ?? [];
      out.push({
        personId: p.id,
        name: p.name,
        orgName: p.org_name,
        categoryId: c.id,
        categoryName: c.name,
        proposedGrade: proposedGrade(evidence),
        evidence,
      });
    }
  }
  return { items: out, total: out.length };
}

async function personInScope(db: Executor, scope: ResolvedScope, personId: string) {
  const p = await db.selectFrom(scopedPeople(db, scope).as('p')).select(['p.id', 'p.name']).where('p.id', '=', personId).executeTakeFirst();
  if (!p) throw new AppError('TALENT_PERSON_NOT_FOUND');
  return p;
}

async function assertNotMember(db: Executor, personId: string, categoryId: string) {
  const m = await db
    .selectFrom('talent_member')
    .select('id')
    .where('person_id', '=', personId)
    .where('category_id', '=', categoryId)
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (m) throw new AppError('TALENT_MEMBER_EXISTS');
}

/** A person confirms a suggestion: the records are re-checked now and kept as the entry's basis. */
export async function confirmSuggestion(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, body: ConfirmSuggestionBody) {
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await personInScope(trx, scope, body.personId);
    const category = await categoryOr404(trx, body.categoryId);
    await assertNotMember(trx, body.personId, body.categoryId);
    const evidence = (await evidenceFor(trx, scope, toCategory(category), today(ctx), body.personId)).get(body.personId) ?? [];
    if (evidence.length === 0) throw new AppError('TALENT_SUGGESTION_GONE');
    const row = {
      id,
      person_id: body.personId,
      category_id: body.categoryId,
      grade: body.grade,
      status: 'active' as const,
      source: 'suggestion' as const,
      basis: JSON.stringify(evidence),
      reason: body.note ?? null,
      confirmed_by: actor.userId ?? '',
      confirmed_at: nowIso(ctx),
      removed_by: null,
      removed_at: null,
      removed_reason: null,
      city_code: ctx.config.cityCode,
      created_at: nowIso(ctx),
    };
    await trx.deleteFrom('talent_dismissal').where('person_id', '=', body.personId).where('category_id', '=', body.categoryId).execute();
    await trx.insertInto('talent_member').values(row).execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'talent.member.confirm',
      objectType: 'talent_member',
      objectId: id,
      detail: { after: { ...row, basis: evidence } },
    });
  });
  return { id };
}

/** A person decides a suggestion does not fit; it is not suggested again for that category. */
export async function dismissSuggestion(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, body: DismissSuggestionBody) {
  await ctx.db.transaction().execute(async (trx) => {
    await personInScope(trx, scope, body.personId);
    await categoryOr404(trx, body.categoryId);
    await trx.deleteFrom('talent_dismissal').where('person_id', '=', body.personId).where('category_id', '=', body.categoryId).execute();
    const row = {
      id: newId(),
      person_id: body.personId,
      category_id: body.categoryId,
      reason: body.reason,
      dismissed_by: actor.userId ?? '',
      city_code: ctx.config.cityCode,
      created_at: nowIso(ctx),
    };
    await trx.insertInto('talent_dismissal').values(row).execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'talent.suggestion.dismiss',
      objectType: 'person',
      objectId: body.personId,
      detail: { after: row },
    });
  });
}

export async function addMember(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, body: AddMemberBody) {
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await personInScope(trx, scope, body.personId);
    await categoryOr404(trx, body.categoryId);
    await assertNotMember(trx, body.personId, body.categoryId);
    const row = {
      id,
      person_id: body.personId,
      category_id: body.categoryId,
      grade: body.grade,
      status: 'active' as const,
      source: 'manual' as const,
      basis: '[]',
      reason: body.reason,
      confirmed_by: actor.userId ?? '',
      confirmed_at: nowIso(ctx),
      removed_by: null,
      removed_at: null,
      removed_reason: null,
      city_code: ctx.config.cityCode,
      created_at: nowIso(ctx),
    };
    await trx.insertInto('talent_member').values(row).execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'talent.member.add',
      objectType: 'talent_member',
      objectId: id,
      detail: { after: row },
    });
  });
  return { id };
}

const membersInScope = (db: Executor, scope: ResolvedScope) =>
  db
    .selectFrom('talent_member as m')
    .innerJoin(scopedPeople(db, scope).as('p'), 'p.id', 'm.person_id')
    .innerJoin('org as o', 'o.id', 'p.org_id')
    .innerJoin('talent_category as c', 'c.id', 'm.category_id');

async function memberOr404(db: Executor, scope: ResolvedScope, id: string) {
  const m = await membersInScope(db, scope).selectAll('m').where('m.id', '=', id).executeTakeFirst();
  if (!m) throw new AppError('TALENT_MEMBER_NOT_FOUND');
  return m;
}

export async function removeMember(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string, reason: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await memberOr404(trx, scope, id);
    if (before.status === 'removed') throw new AppError('TALENT_MEMBER_NOT_FOUND');
    await trx
      .updateTable('talent_member')
      .set({ status: 'removed', removed_by: actor.userId, removed_at: nowIso(ctx), removed_reason: reason })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'talent.member.remove',
      objectType: 'talent_member',
      objectId: id,
      detail: { before, reason },
    });
  });
}

export async function regradeMember(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  id: string,
  grade: TalentGrade,
  reason: string,
) {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await memberOr404(trx, scope, id);
    if (before.status === 'removed') throw new AppError('TALENT_MEMBER_NOT_FOUND');
    await trx.updateTable('talent_member').set({ grade }).where('id', '=', id).execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'talent.member.grade',
      objectType: 'talent_member',
      objectId: id,
      detail: { before: before.grade, after: grade, reason },
    });
  });
}

export async function listMembers(ctx: AppContext, scope: ResolvedScope, f: MemberQuery) {
  let q = membersInScope(ctx.db, scope).where('m.status', '=', f.status ?? 'active');
  if (f.categoryId) q = q.where('m.category_id', '=', f.categoryId);
  if (f.grade) q = q.where('m.grade', '=', f.grade);
  if (f.q) q = q.where('p.name', 'like', `%${f.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
  const page = f.page ?? 1;
  const pageSize = f.pageSize ?? 20;
  const [{ total }, rows] = await Promise.all([
    q.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow(),
    q
      .selectAll('m')
      .select(['p.name', 'p.police_number', 'o.name as org_name', 'c.name as category_name'])
      .orderBy('c.sort_order')
      .orderBy('p.name_pinyin')
      .orderBy('m.id')
      .limit(pageSize)
      .offset((page - 1) * pageSize)
      .execute(),
  ]);
  return {
    total: Number(total),
    items: rows.map((m) => ({
      id: m.id,
      personId: m.person_id,
      name: m.name,
      policeNumber: m.police_number,
      orgName: m.org_name,
      categoryId: m.category_id,
      categoryName: m.category_name,
      grade: m.grade,
      status: m.status,
      source: m.source,
      basis: JSON.parse(m.basis) as unknown[],
      reason: m.reason,
      confirmedAt: m.confirmed_at,
      removedAt: m.removed_at,
      removedReason: m.removed_reason,
    })),
  };
}
