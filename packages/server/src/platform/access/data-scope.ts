import { sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { param, runHot, type HotArgs } from '../../db/hot-query.ts';
import { OutOfScopeError } from '../http/app-error.ts';
import type { Principal } from './principal.ts';

/**
 * A resolved data scope (数据权限) for one permission: the union of the scopes of the caller's
 * roles that carry that permission. Anything unresolved denies.
 */
export type ResolvedScope =
  | { readonly all: true }
  | {
      readonly all: false;
      /** Orgs visible one by one (custom scope, own establishment unit with its internal departments). */
      readonly orgIds: readonly string[];
      /** Orgs visible with their whole subtree. */
      readonly subtreeRoots: readonly string[];
      /** The caller's own rows (self scope). */
      readonly selfUserId: string | null;
    };

/** The establishment unit (建制单位) a node belongs to: itself if it is one, else its nearest unit ancestor. */
const unitQuery = (db: Executor) =>
  db
    .selectFrom('org_closure as c')
    .innerJoin('org as o', 'o.id', 'c.ancestor_id')
    .select('o.id')
    .where('c.descendant_id', '=', param(0))
    .where('o.is_unit', '=', 1)
    .orderBy('c.depth')
    .limit(1);

export async function establishmentUnitOf(db: Executor, orgId: string): Promise<string | undefined> {
  return (await runHot(db, 'establishmentUnit', unitQuery, [orgId]))[0]?.id;
}

/** A unit plus its internal departments, without subordinate establishment units and what lies below them. */
async function ownOrgIds(db: Executor, unitId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('org_closure as c')
    .innerJoin('org as o', 'o.id', 'c.descendant_id')
    .select(['o.id', 'o.parent_id', 'o.is_unit'])
    .where('c.ancestor_id', '=', unitId)
    .execute();
  const children = new Map<string, { id: string; isUnit: boolean }[]>();
  for (const r of rows) {
    if (r.parent_id === null) continue;
    const list = children.get(r.parent_id) ?? [];
    list.push({ id: r.id, isUnit: r.is_unit === 1 });
    children.set(r.parent_id, list);
  }
  const result = [unitId];
  const stack = [unitId];
  while (stack.length > 0) {
    const id = stack.pop() as string; // length checked above
    for (const child of children.get(id) ?? []) {
      if (child.isUnit) continue;
      result.push(child.id);
      stack.push(child.id);
    }
  }
  return result;
}

/** Takes only what it reads, so the workflow can resolve an approver's scope without a session. */
export async function resolveScope(
  db: Executor,
  principal: Pick<Principal, 'roles' | 'orgId' | 'userId'>,
  permission: string,
): Promise<ResolvedScope> {
  const roles = principal.roles.filter((r) => r.permissions.includes(permission));
  // Admin kinds manage the whole instance; their roles carry scope 'all'.
  if (roles.some((r) => r.dataScope === 'all')) return { all: true };
  const orgIds = new Set<string>();
  const subtreeRoots = new Set<string>();
  let self = false;
  let unit: string | undefined | null = null;
  const myUnit = async () => (unit === null ? (unit = await establishmentUnitOf(db, principal.orgId)) : unit);
  for (const role of roles) {
    switch (role.dataScope) {
      case 'custom':
        role.scopeOrgIds.forEach((id) => orgIds.add(id));
        break;
      case 'org': {
        const u = await myUnit();
        if (u) (await ownOrgIds(db, u)).forEach((id) => orgIds.add(id));
        break;
      }
      case 'org_and_below': {
        const u = await myUnit();
        if (u) subtreeRoots.add(u);
        break;
      }
      case 'org_and_below_or_self': {
        const u = await myUnit();
        if (u) subtreeRoots.add(u);
        self = true;
        break;
      }
      case 'self':
        self = true;
        break;
    }
  }
  return { all: false, orgIds: [...orgIds], subtreeRoots: [...subtreeRoots], selfUserId: self ? principal.userId : null };
}

/**
 * The one predicate every scoped query uses: `orgColumn` is the row's org (through the person's
 * current unit for business rows), `selfColumn` the row's owner user id where the table has one.
 * Returned as a plain SQL expression so it fits any query and any table aliases.
 */
export function scopeWhere(scope: ResolvedScope, orgColumn: string, selfColumn?: string): Expression<SqlBool> {
  if (scope.all) return sql<SqlBool>`1 = 1`;
  const ors: Expression<SqlBool>[] = [];
  const ref = sql.ref(orgColumn);
  if (scope.orgIds.length > 0) ors.push(sql<SqlBool>`${ref} in (${sql.join(scope.orgIds)})`);
  if (scope.subtreeRoots.length > 0) {
    ors.push(sql<SqlBool>`${ref} in (select descendant_id from org_closure where ancestor_id in (${sql.join(scope.subtreeRoots)}))`);
  }
  if (scope.selfUserId && selfColumn) ors.push(sql<SqlBool>`${sql.ref(selfColumn)} = ${scope.selfUserId}`);
  return ors.length === 0 ? sql<SqlBool>`1 = 0` : sql<SqlBool>`(${sql.join(ors, sql` or `)})`;
}

/** A scope's shape (what a hot query's SQL depends on) and its stand-in for compiling once per shape. */
export function scopeStandIn(scope: ResolvedScope, args: HotArgs): { shape: string; standIn: ResolvedScope } {
  const shape = scope.all ? 'all' : `${scope.orgIds.length}.${scope.subtreeRoots.length}.${scope.selfUserId ? 1 : 0}`;
  if (scope.all) return { shape, standIn: scope };
  return {
    shape,
    standIn: {
      all: false,
      orgIds: scope.orgIds.map((id) => args.add(id)),
      subtreeRoots: scope.subtreeRoots.map((id) => args.add(id)),
      selfUserId: scope.selfUserId === null ? null : args.add(scope.selfUserId),
    },
  };
}

/** True when the org lies inside the scope (for orgs named in a request). */
export async function orgInScope(db: Executor, scope: ResolvedScope, orgId: string): Promise<boolean> {
  if (scope.all) return true;
  if (scope.orgIds.includes(orgId)) return true;
  if (scope.subtreeRoots.length === 0) return false;
  const hit = await db
    .selectFrom('org_closure')
    .select('descendant_id')
    .where('descendant_id', '=', orgId)
    .where('ancestor_id', 'in', scope.subtreeRoots)
    .limit(1)
    .executeTakeFirst();
  return hit !== undefined;
}

export async function assertOrgInScope(db: Executor, scope: ResolvedScope, orgId: string): Promise<void> {
  if (!(await orgInScope(db, scope, orgId))) throw new OutOfScopeError({ orgId });
}
