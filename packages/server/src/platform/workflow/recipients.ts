import type { Executor } from '../../db/database.ts';
import { orgInScope, resolveScope } from '../access/data-scope.ts';
import { rolesOfUser } from '../auth/auth-queries.ts';

/**
 * Active business accounts that hold `permission` with `orgId` inside that permission's data
 * scope: who should hear about something happening in that unit (a contract ending, a case
 * waiting). Administrators of 三员分立 never hold business permissions, so they are skipped.
 */
export async function holdersInScope(db: Executor, permission: string, orgId: string): Promise<string[]> {
  const users = await db
    .selectFrom('app_user')
    .select(['id', 'org_id'])
    .where('status', '=', 'active')
    .where('admin_kind', 'is', null)
    // An org change waiting for the security administrator suspends the account's roles (ADR 004).
    .where('pending_org_id', 'is', null)
    .execute();
  const result: string[] = [];
  for (const u of users) {
    const roles = await rolesOfUser(db, u.id);
    if (!roles.some((r) => r.permissions.includes(permission))) continue;
    const scope = await resolveScope(db, { userId: u.id, orgId: u.org_id, roles }, permission);
    if (await orgInScope(db, scope, orgId)) result.push(u.id);
  }
  return result.sort();
}
