import type { CreateOrgBody, OrgNode, OrgView, UpdateOrgBody } from '@zhenggong/core';
import type { OrgTable } from '../../db/database.ts';
import { assertOrgInScope, type ResolvedScope } from '../access/data-scope.ts';
import { appendAudit, type AuditActor } from '../audit/audit-service.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../http/app-error.ts';
import { newId } from '../ids.ts';
import * as q from './org-queries.ts';
import { presentForest, presentOrg } from './org-presenter.ts';

export async function orgTree(ctx: AppContext, scope: ResolvedScope, includeClosed: boolean): Promise<OrgNode[]> {
  return presentForest(await q.listOrgsInScope(ctx.db, scope, includeClosed));
}

export async function getOrg(ctx: AppContext, scope: ResolvedScope, id: string): Promise<OrgView> {
  const row = await q.findOrgInScope(ctx.db, scope, id);
  if (!row) throw new AppError('ORG_NOT_FOUND');
  return presentOrg(row);
}

export async function createOrg(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, body: CreateOrgBody): Promise<OrgView> {
  const { db, clock, config } = ctx;
  await assertOrgInScope(db, scope, body.parentId);
  const now = clock.now().toISOString();
  const row: OrgTable = {
    id: newId(),
    code: body.code ?? null,
    name: body.name.trim(),
    short_name: body.shortName?.trim() ?? null,
    type: body.type,
    is_unit: body.isUnit ? 1 : 0,
    parent_id: body.parentId,
    sort_order: body.sortOrder ?? 0,
    status: 'active',
    closed_at: null,
    city_code: config.cityCode,
    created_at: now,
    updated_at: now,
  };
  await db.transaction().execute(async (trx) => {
    const parent = await q.findOrg(trx, body.parentId);
    if (!parent) throw new AppError('ORG_NOT_FOUND');
    if (parent.status === 'closed') throw new AppError('ORG_CLOSED');
    if (row.code && (await q.findOrgByCode(trx, row.code))) throw new AppError('ORG_CODE_TAKEN');
    await q.insertOrg(trx, row);
    await appendAudit(trx, clock, actor, {
      eventType: 'org.create',
      objectType: 'org',
      objectId: row.id,
      detail: { after: presentOrg(row) },
    });
  });
  return presentOrg(row);
}

export async function updateOrg(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  id: string,
  body: UpdateOrgBody,
): Promise<OrgView> {
  const { db, clock } = ctx;
  return db.transaction().execute(async (trx) => {
    const before = await q.findOrgInScope(trx, scope, id);
    if (!before) throw new AppError('ORG_NOT_FOUND');
    if (body.code && body.code !== before.code && (await q.findOrgByCode(trx, body.code))) throw new AppError('ORG_CODE_TAKEN');
    const after: OrgTable = {
      ...before,
      ...(body.name !== undefined && { name: body.name.trim() }),
      ...(body.shortName !== undefined && { short_name: body.shortName?.trim() ?? null }),
      ...(body.code !== undefined && { code: body.code }),
      ...(body.type !== undefined && { type: body.type }),
      ...(body.isUnit !== undefined && { is_unit: body.isUnit ? 1 : 0 }),
      ...(body.sortOrder !== undefined && { sort_order: body.sortOrder }),
      updated_at: clock.now().toISOString(),
    };
    const { id: _id, ...changes } = after;
    await trx.updateTable('org').set(changes).where('id', '=', id).execute();
    await appendAudit(trx, clock, actor, {
      eventType: 'org.update',
      objectType: 'org',
      objectId: id,
      detail: { before: presentOrg(before), after: presentOrg(after) },
    });
    return presentOrg(after);
  });
}

/** Moves a node with its whole subtree under a new parent, in one transaction. */
export async function moveOrg(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string, parentId: string): Promise<OrgView> {
  const { db, clock } = ctx;
  await assertOrgInScope(db, scope, parentId);
  return db.transaction().execute(async (trx) => {
    const before = await q.findOrgInScope(trx, scope, id);
    if (!before) throw new AppError('ORG_NOT_FOUND');
    if (!before.parent_id) throw new AppError('ORG_PARENT_REQUIRED');
    const parent = await q.findOrg(trx, parentId);
    if (!parent) throw new AppError('ORG_NOT_FOUND');
    if (parent.status === 'closed') throw new AppError('ORG_CLOSED');
    if (await q.isDescendant(trx, id, parentId)) throw new AppError('ORG_MOVE_INTO_SELF');
    await q.moveSubtree(trx, id, parentId);
    const now = clock.now().toISOString();
    await trx.updateTable('org').set({ parent_id: parentId, updated_at: now }).where('id', '=', id).execute();
    const after = { ...before, parent_id: parentId, updated_at: now };
    await appendAudit(trx, clock, actor, {
      eventType: 'org.move',
      objectType: 'org',
      objectId: id,
      detail: { before: { parentId: before.parent_id }, after: { parentId } },
    });
    return presentOrg(after);
  });
}

/** Closes (撤销) a node; history keeps it, so it is never deleted. */
export async function closeOrg(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string): Promise<OrgView> {
  const { db, clock } = ctx;
  return db.transaction().execute(async (trx) => {
    const before = await q.findOrgInScope(trx, scope, id);
    if (!before) throw new AppError('ORG_NOT_FOUND');
    if (!before.parent_id) throw new AppError('ORG_PARENT_REQUIRED');
    if (before.status === 'closed') throw new AppError('ORG_CLOSED');
    if ((await q.countActiveChildren(trx, id)) > 0) throw new AppError('ORG_HAS_ACTIVE_CHILDREN');
    if ((await q.countActiveUsers(trx, id)) > 0) throw new AppError('ORG_HAS_USERS');
    const now = clock.now().toISOString();
    await trx.updateTable('org').set({ status: 'closed', closed_at: now, updated_at: now }).where('id', '=', id).execute();
    const after: OrgTable = { ...before, status: 'closed', closed_at: now, updated_at: now };
    await appendAudit(trx, clock, actor, {
      eventType: 'org.close',
      objectType: 'org',
      objectId: id,
      detail: { before: presentOrg(before), after: presentOrg(after) },
    });
    return presentOrg(after);
  });
}
