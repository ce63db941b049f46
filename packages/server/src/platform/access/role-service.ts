import {
  builtinRoles,
  isKnownPermission,
  permissionCatalogue,
  type CreateRoleBody,
  type DataScope,
  type PermissionView,
  type RoleView,
  type UpdateRoleBody,
} from '@zhenggong/core';
import type { Trx } from '../../db/database.ts';
import { appendAudit, type AuditActor } from '../audit/audit-service.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../http/app-error.ts';
import { newId } from '../ids.ts';
import { assertOrgInScope, type ResolvedScope } from './data-scope.ts';
import { auditingDenials } from './denials.ts';
import { auditedRole, presentPermission, presentRole } from './role-presenter.ts';
import * as q from './role-queries.ts';
import { assertBusinessPermissions, assertSeparation } from './separation.ts';
import { isForeignKeyViolation, isUniqueViolation } from './db-errors.ts';

/**
 * Role management (授权, the security administrator's power). Only business roles are created
 * here; the three built-in admin roles come from code (`builtinRoles`) and are read-only.
 */

// Codes of the built-in roles stay reserved even before `create-admin` has created them: the
// bootstrap finds built-in roles by code, and must never adopt a business role of that name.
const reservedCodes = new Set(Object.values(builtinRoles).map((r) => r.code));

export const listPermissions = (): PermissionView[] => permissionCatalogue.map(presentPermission);

export async function listRoles(ctx: AppContext): Promise<RoleView[]> {
  return (await q.listRoles(ctx.db)).map((r) => presentRole(r, r.userCount));
}

interface RoleDefinition {
  readonly code: string;
  readonly permissions: readonly string[];
  readonly dataScope: DataScope;
  readonly scopeOrgIds: readonly string[];
}

/** Checks a complete (merged) definition; `selfId` excludes the role itself from the code check. */
async function checkDefinition(trx: Trx, scope: ResolvedScope, def: RoleDefinition, selfId?: string): Promise<void> {
  const unknown = def.permissions.find((p) => !isKnownPermission(p));
  if (unknown !== undefined) throw new AppError('ROLE_UNKNOWN_PERMISSION', { permission: unknown });
  assertBusinessPermissions(def.permissions);
  if (def.dataScope === 'custom') {
    if (def.scopeOrgIds.length === 0) throw new AppError('ROLE_SCOPE_ORGS_REQUIRED');
    const existing = await q.existingOrgIds(trx, def.scopeOrgIds);
    const missing = def.scopeOrgIds.find((id) => !existing.has(id));
    if (missing !== undefined) throw new AppError('ORG_NOT_FOUND', { orgId: missing });
    // A role cannot reach further than the one who defines it.
    for (const orgId of def.scopeOrgIds) await assertOrgInScope(trx, scope, orgId);
  }
  if (reservedCodes.has(def.code)) throw new AppError('ROLE_CODE_TAKEN', { code: def.code });
  const clash = await q.findRoleIdByCode(trx, def.code);
  if (clash && clash.id !== selfId) throw new AppError('ROLE_CODE_TAKEN', { code: def.code });
}

/** A unique index backs the code check; a concurrent insert of the same code lands here. */
async function codeRace<T>(code: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('ROLE_CODE_TAKEN', { code });
    throw error;
  }
}

export async function createRole(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, body: CreateRoleBody): Promise<RoleView> {
  const { db, clock, config } = ctx;
  const now = clock.now().toISOString();
  const role: q.Role = {
    id: newId(),
    code: body.code,
    name: body.name.trim(),
    builtin: false,
    adminKind: null,
    permissions: [...new Set(body.permissions)].sort(),
    dataScope: body.dataScope,
    // Only the custom scope uses the list; keeping a stale list on other scopes would mislead.
    scopeOrgIds: body.dataScope === 'custom' ? [...(body.scopeOrgIds ?? [])] : [],
    createdAt: now,
  };
  const event = { eventType: 'role.create', objectType: 'role', detail: { code: body.code } };
  await auditingDenials(ctx, actor, event, () =>
    codeRace(role.code, () =>
      db.transaction().execute(async (trx) => {
        await checkDefinition(trx, scope, role);
        await q.insertRole(trx, {
          id: role.id,
          code: role.code,
          name: role.name,
          builtin: 0,
          admin_kind: null,
          permissions: JSON.stringify(role.permissions),
          data_scope: role.dataScope,
          scope_org_ids: JSON.stringify(role.scopeOrgIds),
          city_code: config.cityCode,
          created_at: now,
          updated_at: now,
        });
        await appendAudit(trx, clock, actor, { ...event, objectId: role.id, detail: { after: auditedRole(role) } });
      }),
    ),
  );
  return presentRole(role, 0);
}

export async function updateRole(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  id: string,
  body: UpdateRoleBody,
): Promise<RoleView> {
  const { db, clock } = ctx;
  const event = { eventType: 'role.update', objectType: 'role', objectId: id };
  const { after, holders } = await auditingDenials(ctx, actor, event, () =>
    codeRace(body.code ?? '', () =>
      db.transaction().execute(async (trx) => {
        const before = await q.findRole(trx, id);
        if (!before) throw new AppError('ROLE_NOT_FOUND');
        if (before.builtin || before.adminKind !== null) throw new AppError('ROLE_BUILTIN');
        const dataScope = body.dataScope ?? before.dataScope;
        const merged: q.Role = {
          ...before,
          code: body.code ?? before.code,
          name: body.name?.trim() ?? before.name,
          permissions: body.permissions ? [...new Set(body.permissions)].sort() : before.permissions,
          dataScope,
          scopeOrgIds: dataScope === 'custom' ? [...(body.scopeOrgIds ?? before.scopeOrgIds)] : [],
        };
        await checkDefinition(trx, scope, merged, id);
        await q.updateRole(trx, id, {
          code: merged.code,
          name: merged.name,
          permissions: JSON.stringify(merged.permissions),
          data_scope: merged.dataScope,
          scope_org_ids: JSON.stringify(merged.scopeOrgIds),
          updated_at: clock.now().toISOString(),
        });
        const userIds = await q.holdersOfRole(trx, id);
        // The edit applies at once to everyone holding the role; the invariant must hold for each.
        await assertSeparation(trx, userIds);
        await appendAudit(trx, clock, actor, {
          ...event,
          detail: { before: auditedRole(before), after: auditedRole(merged), holders: userIds.length },
        });
        return { after: merged, holders: userIds.length };
      }),
    ),
  );
  return presentRole(after, holders);
}

export async function deleteRole(ctx: AppContext, actor: AuditActor, id: string): Promise<void> {
  try {
    await deleteRoleTx(ctx, actor, id);
  } catch (error) {
    // An assignment committed between the holder check and the delete: the foreign key refuses.
    if (isForeignKeyViolation(error)) throw new AppError('ROLE_IN_USE');
    throw error;
  }
}

async function deleteRoleTx(ctx: AppContext, actor: AuditActor, id: string): Promise<void> {
  const { db, clock } = ctx;
  await db.transaction().execute(async (trx) => {
    const before = await q.findRole(trx, id);
    if (!before) throw new AppError('ROLE_NOT_FOUND');
    if (before.builtin || before.adminKind !== null) throw new AppError('ROLE_BUILTIN');
    const holders = await q.holdersOfRole(trx, id);
    if (holders.length > 0) throw new AppError('ROLE_IN_USE', { userCount: holders.length });
    await q.deleteRole(trx, id);
    await appendAudit(trx, clock, actor, {
      eventType: 'role.delete',
      objectType: 'role',
      objectId: id,
      detail: { before: auditedRole(before) },
    });
  });
}

/** For role assignment by the accounts module: the roles behind the ids, or ROLE_NOT_FOUND. */
export async function rolesForAssignment(trx: Trx, ids: readonly string[]): Promise<q.Role[]> {
  const roles = await q.findRolesByIds(trx, ids);
  const missing = ids.find((id) => !roles.some((r) => r.id === id));
  if (missing !== undefined) throw new AppError('ROLE_NOT_FOUND', { roleId: missing });
  return roles;
}
