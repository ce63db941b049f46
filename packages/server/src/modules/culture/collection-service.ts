import type {
  CollectionDetail,
  CollectionView,
  ContestEntryBody,
  CreateCollectionBody,
  CultureListQuery,
  MyCollectionList,
  ReviewWorkBody,
  WorkView,
} from '@zhenggong/core';
import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { assertOrgInScope, scopeWhere, type ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { allPeople } from '../personnel/people.ts';
import { underOrg } from './contest-service.ts';
import { NO_FILE, presentFile, readCultureFile, storeCultureFile } from './culture-files.ts';
import type { Me } from './programme-service.ts';
import type { CultureCollectionTable, CultureWorkTable } from './tables.ts';

const collections = (db: Executor) =>
  db
    .selectFrom('culture_collection as k')
    .innerJoin('org as o', 'o.id', 'k.org_id')
    .selectAll('k')
    .select('o.name as org_name')
    .select((eb) => [
      eb.selectFrom('culture_work as w').select(eb.fn.countAll<number>().as('n')).whereRef('w.collection_id', '=', 'k.id').as('works'),
      eb
        .selectFrom('culture_work as w')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('w.collection_id', '=', 'k.id')
        .where('w.status', '=', 'accepted')
        .as('accepted'),
    ]);
type CollectionRow = CultureCollectionTable & { org_name: string; works: number | string | null; accepted: number | string | null };

const presentCollection = (k: CollectionRow): CollectionView => ({
  id: k.id,
  title: k.title,
  orgId: k.org_id,
  orgName: k.org_name,
  description: k.description,
  status: k.status,
  works: Number(k.works ?? 0),
  accepted: Number(k.accepted ?? 0),
});

export const works = (db: Executor) =>
  db
    .selectFrom('culture_work as w')
    .innerJoin(allPeople(db).as('p'), 'p.id', 'w.person_id')
    .innerJoin('org as o', 'o.id', 'p.org_id')
    .selectAll('w')
    .select(['p.name', 'o.name as org_name']);

export const presentWork = (w: CultureWorkTable & { name: string; org_name: string }): WorkView => ({
  id: w.id,
  collectionId: w.collection_id,
  personId: w.person_id,
  name: w.name,
  orgName: w.org_name,
  title: w.title,
  text: w.body,
  ...presentFile(w),
  status: w.status,
  reviewNote: w.review_note,
  submittedAt: w.created_at,
});

export async function collectionInScope(db: Executor, scope: ResolvedScope, id: string) {
  const row = await collections(db).where('k.id', '=', id).where(scopeWhere(scope, 'k.org_id')).executeTakeFirst();
  if (!row) throw new AppError('CULTURE_COLLECTION_NOT_FOUND');
  return row;
}

export async function listCollections(ctx: AppContext, scope: ResolvedScope, q: CultureListQuery) {
  const keyword = q.keyword ? `%${q.keyword.replace(/[%_\\]/g, '')}%` : undefined;
  const pageSize = q.pageSize ?? 20;
  const [rows, count] = await Promise.all([
    collections(ctx.db)
      .where(scopeWhere(scope, 'k.org_id'))
      .$if(keyword !== undefined, (b) => b.where('k.title', 'like', keyword ?? ''))
      .orderBy('k.created_at', 'desc')
      .orderBy('k.id', 'desc')
      .limit(pageSize)
      .offset(((q.page ?? 1) - 1) * pageSize)
      .execute(),
    ctx.db
      .selectFrom('culture_collection as k')
      .where(scopeWhere(scope, 'k.org_id'))
      .$if(keyword !== undefined, (b) => b.where('k.title', 'like', keyword ?? ''))
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(presentCollection), total: Number(count.n) };
}

export async function createCollection(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, body: CreateCollectionBody) {
  await assertOrgInScope(ctx.db, scope, body.orgId);
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('culture_collection')
      .values({
        id,
        org_id: body.orgId,
        title: body.title.trim(),
        description: body.description ?? null,
        status: 'open',
        created_by: actor.userId,
        city_code: ctx.config.cityCode,
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'culture.collection.create',
      objectType: 'culture_collection',
      objectId: id,
      detail: { title: body.title },
    });
  });
  return presentCollection(await collectionInScope(ctx.db, scope, id));
}

export async function collectionDetail(ctx: AppContext, scope: ResolvedScope, id: string): Promise<CollectionDetail> {
  const k = await collectionInScope(ctx.db, scope, id);
  const rows = await works(ctx.db).where('w.collection_id', '=', id).orderBy('w.created_at').orderBy('w.id').execute();
  return { collection: presentCollection(k), works: rows.map(presentWork) };
}

async function workInScope(db: Executor, scope: ResolvedScope, id: string) {
  const row = await works(db)
    .innerJoin('culture_collection as k', 'k.id', 'w.collection_id')
    .where('w.id', '=', id)
    .where(scopeWhere(scope, 'k.org_id'))
    .executeTakeFirst();
  if (!row) throw new AppError('CULTURE_WORK_NOT_FOUND');
  return row;
}

/**
 * The editors accept a work into the collection or return it with a note (the author may submit a
 * better version as a new work). An editorial decision by the collection's organisers, like the
 * publicity department's verification of outputs; no approval chain.
 */
export async function reviewWork(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string, body: ReviewWorkBody) {
  const w = await workInScope(ctx.db, scope, id);
  if (w.status !== 'submitted') throw new AppError('CULTURE_WORK_DECIDED');
  await ctx.db.transaction().execute(async (trx) => {
    const n = await trx
      .updateTable('culture_work')
      .set({ status: body.decision, review_note: body.note ?? null, reviewed_by: actor.userId, reviewed_at: ctx.clock.now().toISOString() })
      .where('id', '=', id)
      .where('status', '=', 'submitted')
      .executeTakeFirst();
    if (Number(n.numUpdatedRows) !== 1) throw new AppError('CULTURE_WORK_DECIDED');
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'culture.work.review',
      objectType: 'culture_work',
      objectId: id,
      detail: { decision: body.decision },
    });
  });
  return presentWork(await workInScope(ctx.db, scope, id));
}

export async function workFileInScope(ctx: AppContext, scope: ResolvedScope, id: string) {
  return readCultureFile(ctx, await workInScope(ctx.db, scope, id));
}

/** Open collections of the officer's unit or the units above it, with the officer's own works. */
export async function myCollections(ctx: AppContext, me: Me): Promise<MyCollectionList> {
  const rows = await collections(ctx.db)
    .where('k.org_id', 'in', ctx.db.selectFrom('org_closure').select('ancestor_id').where('descendant_id', '=', me.org_id))
    .orderBy('k.created_at', 'desc')
    .limit(50)
    .execute();
  const mine = rows.length
    ? await works(ctx.db)
        .where('w.person_id', '=', me.id)
        .where(
          'w.collection_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('w.created_at')
        .execute()
    : [];
  return {
    items: rows.map((k) => ({
      collection: presentCollection(k),
      mine: mine.filter((w) => w.collection_id === k.id).map(presentWork),
    })),
  };
}

async function insertWork(ctx: AppContext, actor: AuditActor, collectionId: string, personId: string, body: ContestEntryBody) {
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('culture_work')
      .values({
        id,
        collection_id: collectionId,
        person_id: personId,
        title: body.title.trim(),
        body: body.text ?? null,
        ...NO_FILE,
        status: 'submitted',
        review_note: null,
        reviewed_by: null,
        reviewed_at: null,
        city_code: ctx.config.cityCode,
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'culture.work.submit',
      objectType: 'culture_work',
      objectId: id,
      detail: { collectionId, title: body.title },
    });
  });
  return id;
}

export async function submitMyWork(ctx: AppContext, actor: AuditActor, me: Me, collectionId: string, body: ContestEntryBody) {
  const k = await ctx.db.selectFrom('culture_collection').selectAll().where('id', '=', collectionId).executeTakeFirst();
  if (!k || !(await underOrg(ctx.db, k.org_id, me.org_id))) throw new AppError('CULTURE_COLLECTION_NOT_FOUND');
  if (k.status !== 'open') throw new AppError('CULTURE_COLLECTION_CLOSED');
  const id = await insertWork(ctx, actor, collectionId, me.id, body);
  return presentWork((await works(ctx.db).where('w.id', '=', id).executeTakeFirst())!);
}

/** The author attaches the work's file while it waits for review (a returned work is submitted anew). */
export async function saveMyWorkFile(ctx: AppContext, actor: AuditActor, me: Me, id: string, request: FastifyRequest) {
  const w = await ctx.db.selectFrom('culture_work').selectAll().where('id', '=', id).where('person_id', '=', me.id).executeTakeFirst();
  if (!w) throw new AppError('CULTURE_WORK_NOT_FOUND');
  if (w.status !== 'submitted') throw new AppError('CULTURE_WORK_DECIDED');
  await storeCultureFile(ctx, request, actor, 'culture_work', w);
  return presentWork((await works(ctx.db).where('w.id', '=', id).executeTakeFirst())!);
}
