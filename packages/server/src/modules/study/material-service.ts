import fs from 'node:fs';
import path from 'node:path';
import { beijingDate, type CreateMaterialBody, type MaterialListQuery } from '@zhenggong/core';
import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { assertOrgInScope, scopeWhere, type ResolvedScope } from '../../platform/access/data-scope.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { linkedPerson } from '../personnel/people.ts';
import type { IntakePolicy } from '../../platform/files/intake.ts';
import { receiveFile } from '../../platform/files/upload.ts';
import type { StudyMaterialTable } from './tables.ts';
import { creditStudyHours } from './hours-credit.ts';

export const MAX_STUDY_FILE_BYTES = 20 * 1024 * 1024;
const fileDir = (ctx: AppContext) => path.join(ctx.config.dataDir, 'uploads', 'study');

export const presentMaterial = (m: StudyMaterialTable & { org_name: string }) => ({
  id: m.id,
  title: m.title,
  kind: m.kind,
  orgId: m.org_id,
  orgName: m.org_name,
  url: m.url,
  fileName: m.file_name,
  fileSize: m.file_size,
  hours: m.hours,
  minReadMinutes: m.min_read_minutes,
  description: m.description,
  campaignId: m.campaign_id,
  createdAt: m.created_at,
});

const materials = (db: Executor) =>
  db.selectFrom('study_material as m').innerJoin('org as o', 'o.id', 'm.org_id').selectAll('m').select('o.name as org_name');

export async function materialInScope(db: Executor, scope: ResolvedScope, id: string) {
  const row = await materials(db).where('m.id', '=', id).where(scopeWhere(scope, 'm.org_id')).executeTakeFirst();
  if (!row) throw new AppError('STUDY_MATERIAL_NOT_FOUND');
  return row;
}

export async function listMaterials(ctx: AppContext, scope: ResolvedScope, q: MaterialListQuery) {
  let base = ctx.db.selectFrom('study_material as m').where(scopeWhere(scope, 'm.org_id'));
  if (q.keyword) base = base.where('m.title', 'like', `%${q.keyword.replace(/[%_\\]/g, '')}%`);
  if (q.campaignId) base = base.where('m.campaign_id', '=', q.campaignId);
  const pageSize = q.pageSize ?? 20;
  const page = q.page ?? 1;
  const ids = await base
    .select('m.id')
    .orderBy('m.created_at', 'desc')
    .orderBy('m.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const total = await base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
  const rows = ids.length
    ? await materials(ctx.db)
        .where(
          'm.id',
          'in',
          ids.map((i) => i.id),
        )
        .orderBy('m.created_at', 'desc')
        .orderBy('m.id', 'desc')
        .execute()
    : [];
  return { items: rows.map(presentMaterial), total: Number(total.n) };
}

export async function createMaterial(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, body: CreateMaterialBody) {
  if ((body.kind === 'link') !== (body.url !== undefined)) throw new AppError('STUDY_MATERIAL_KIND');
  await assertOrgInScope(ctx.db, scope, body.orgId);
  if (body.campaignId) {
    const c = await ctx.db
      .selectFrom('study_campaign as c')
      .select('c.id')
      .where('c.id', '=', body.campaignId)
      .where(scopeWhere(scope, 'c.org_id'))
      .executeTakeFirst();
    if (!c) throw new AppError('STUDY_CAMPAIGN_NOT_FOUND');
  }
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('study_material')
      .values({
        id,
        title: body.title.trim(),
        kind: body.kind,
        org_id: body.orgId,
        url: body.url ?? null,
        file_name: null,
        file_type: null,
        file_size: null,
        stored_name: null,
        hours: body.hours,
        min_read_minutes: body.minReadMinutes,
        description: body.description ?? null,
        campaign_id: body.campaignId ?? null,
        created_by: actor.userId,
        city_code: ctx.config.cityCode,
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'study.material.create',
      objectType: 'study_material',
      objectId: id,
      detail: { title: body.title, kind: body.kind },
    });
  });
  return presentMaterial(await materialInScope(ctx.db, scope, id));
}

/** Study documents: judged by the platform intake (content, not name), office files inflated within bounds. */
export const studyFilePolicy: IntakePolicy = {
  accept: ['pdf', 'docx', 'xlsx', 'pptx', 'txt'],
  maxBytes: MAX_STUDY_FILE_BYTES,
  maxInflatedBytes: 128 * 1_048_576,
  maxRatio: 100,
};

/**
 * Stores the document of a material: scope checked before a byte is written, the upload streamed
 * through the intake (size cap, type by content, archive bounds) to a server-made name; the row
 * and its audit commit together, and a failed commit removes the new file.
 */
export async function saveMaterialFile(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string, request: FastifyRequest) {
  const material = await materialInScope(ctx.db, scope, id);
  if (material.kind !== 'document') throw new AppError('STUDY_MATERIAL_KIND');
  const dir = fileDir(ctx);
  const upload = await receiveFile(request, dir, studyFilePolicy);
  try {
    await ctx.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('study_material')
        .set({ file_name: upload.fileName, file_type: upload.mime, file_size: upload.size, stored_name: upload.storedName })
        .where('id', '=', id)
        .execute();
      await appendAudit(trx, ctx.clock, actor, {
        eventType: 'study.material.file',
        objectType: 'study_material',
        objectId: id,
        detail: { fileName: upload.fileName, bytes: upload.size, type: upload.mime },
      });
    });
  } catch (error) {
    fs.rmSync(upload.path, { force: true });
    throw error;
  }
  if (material.stored_name) fs.rmSync(path.join(dir, material.stored_name), { force: true });
  return presentMaterial(await materialInScope(ctx.db, scope, id));
}

export function readMaterialFile(ctx: AppContext, m: StudyMaterialTable) {
  if (!m.stored_name || !m.file_type) throw new AppError('NOT_FOUND');
  return { type: m.file_type, name: m.file_name ?? m.stored_name, body: fs.readFileSync(path.join(fileDir(ctx), m.stored_name)) };
}

/** Materials a person may study: published by their own unit or any unit above it. */
const visibleTo = (db: Executor, orgId: string) =>
  materials(db).where('m.org_id', 'in', db.selectFrom('org_closure').select('ancestor_id').where('descendant_id', '=', orgId));

export async function myMaterial(ctx: AppContext, principal: Principal, id: string) {
  const me = await linkedPerson(ctx.db, principal);
  const m = await visibleTo(ctx.db, me.org_id).where('m.id', '=', id).executeTakeFirst();
  if (!m) throw new AppError('STUDY_MATERIAL_NOT_FOUND');
  return { me, m };
}

export async function myMaterials(ctx: AppContext, principal: Principal) {
  const me = await linkedPerson(ctx.db, principal);
  const rows = await visibleTo(ctx.db, me.org_id).orderBy('m.created_at', 'desc').limit(200).execute();
  const reads = await ctx.db.selectFrom('study_material_read').selectAll().where('person_id', '=', me.id).execute();
  const byId = new Map(reads.map((r) => [r.material_id, r]));
  return rows.map((m) => ({
    ...presentMaterial(m),
    openedAt: byId.get(m.id)?.opened_at ?? null,
    acknowledgedAt: byId.get(m.id)?.acknowledged_at ?? null,
  }));
}

/** Starts the reading clock (first opening only; reopening does not restart it). */
export async function openMaterial(ctx: AppContext, principal: Principal, actor: AuditActor, id: string) {
  const { me } = await myMaterial(ctx, principal, id);
  const now = ctx.clock.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('study_material_read')
      .selectAll()
      .where('material_id', '=', id)
      .where('person_id', '=', me.id)
      .executeTakeFirst();
    if (existing) return { openedAt: existing.opened_at };
    await trx
      .insertInto('study_material_read')
      .values({ material_id: id, person_id: me.id, opened_at: now, acknowledged_at: null, city_code: ctx.config.cityCode })
      .execute();
    await appendAudit(trx, ctx.clock, actor, { eventType: 'study.material.open', objectType: 'study_material', objectId: id });
    return { openedAt: now };
  });
}

/**
 * "I have studied this" (学习确认): accepted once the material has been open for its minimum
 * reading time; credits the material's hours as an approved study record, once.
 */
export async function acknowledgeMaterial(ctx: AppContext, principal: Principal, actor: AuditActor, id: string) {
  const { me, m } = await myMaterial(ctx, principal, id);
  return ctx.db.transaction().execute(async (trx) => {
    const read = await trx
      .selectFrom('study_material_read')
      .selectAll()
      .where('material_id', '=', id)
      .where('person_id', '=', me.id)
      .executeTakeFirst();
    const now = ctx.clock.now();
    const minutesOpen = read ? (now.getTime() - new Date(read.opened_at).getTime()) / 60_000 : -1;
    if (!read || minutesOpen < m.min_read_minutes) throw new AppError('STUDY_READ_TOO_SHORT', { minutes: m.min_read_minutes });
    if (read.acknowledged_at) return { recordId: null, hours: 0 };
    await trx
      .updateTable('study_material_read')
      .set({ acknowledged_at: now.toISOString() })
      .where('material_id', '=', id)
      .where('person_id', '=', me.id)
      .execute();
    const recordId = newId();
    await trx
      .insertInto('study_record')
      .values({
        id: recordId,
        person_id: me.id,
        date: beijingDate(now),
        hours: m.hours,
        title: m.title,
        note: null,
        source: 'material',
        material_id: id,
        campaign_id: m.campaign_id,
        status: 'approved',
        decided_by: null,
        decided_at: now.toISOString(),
        decision_note: null,
        created_by: principal.userId,
        city_code: ctx.config.cityCode,
        created_at: now.toISOString(),
      })
      .execute();
    await creditStudyHours(trx, ctx, { id: recordId, person_id: me.id, date: beijingDate(now), title: m.title, hours: m.hours });
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'study.material.acknowledge',
      objectType: 'study_material',
      objectId: id,
      detail: { recordId, hours: m.hours },
    });
    return { recordId, hours: m.hours };
  });
}
