import { sql } from 'kysely';
import type { Executor, OrgTable } from '../../db/database.ts';
import type { ResolvedScope } from '../access/data-scope.ts';
import { scopeWhere } from '../access/data-scope.ts';

export const findOrg = (db: Executor, id: string) => db.selectFrom('org').selectAll().where('id', '=', id).executeTakeFirst();

export const findOrgInScope = (db: Executor, scope: ResolvedScope, id: string) =>
  db.selectFrom('org').selectAll().where('id', '=', id).where(scopeWhere(scope, 'org.id')).executeTakeFirst();

export const findOrgByCode = (db: Executor, code: string) => db.selectFrom('org').select('id').where('code', '=', code).executeTakeFirst();

/** Every org the scope can see, in display order; the tree is assembled in memory. */
export const listOrgsInScope = (db: Executor, scope: ResolvedScope, includeClosed: boolean) =>
  db
    .selectFrom('org')
    .selectAll()
    .where(scopeWhere(scope, 'org.id'))
    .$if(!includeClosed, (q) => q.where('status', '=', 'active'))
    .orderBy('sort_order')
    .orderBy('name')
    .execute();

export async function insertOrg(db: Executor, row: OrgTable): Promise<void> {
  await db.insertInto('org').values(row).execute();
  // Closure rows: every ancestor of the parent (and the parent itself) gains the new node, plus the self row.
  if (row.parent_id) {
    await db
      .insertInto('org_closure')
      .columns(['ancestor_id', 'descendant_id', 'depth'])
      .expression((eb) =>
        eb
          .selectFrom('org_closure')
          .select(['ancestor_id', sql.lit(row.id).as('descendant_id'), sql<number>`depth + 1`.as('depth')])
          .where('descendant_id', '=', row.parent_id as string),
      )
      .execute();
  }
  await db.insertInto('org_closure').values({ ancestor_id: row.id, descendant_id: row.id, depth: 0 }).execute();
}

export const isDescendant = async (db: Executor, ancestorId: string, descendantId: string): Promise<boolean> =>
  (await db
    .selectFrom('org_closure')
    .select('depth')
    .where('ancestor_id', '=', ancestorId)
    .where('descendant_id', '=', descendantId)
    .executeTakeFirst()) !== undefined;

/**
 * Moves a subtree in the closure table: drop the links from the old ancestors to every node of
 * the subtree, then link every new ancestor to every node, depth = sum of both parts + 1.
 */
export async function moveSubtree(db: Executor, id: string, newParentId: string): Promise<void> {
  const subtree = db.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', id);
  const oldAncestors = db.selectFrom('org_closure').select('ancestor_id').where('descendant_id', '=', id).where('ancestor_id', '!=', id);
  await db.deleteFrom('org_closure').where('descendant_id', 'in', subtree).where('ancestor_id', 'in', oldAncestors).execute();
  await db
    .insertInto('org_closure')
    .columns(['ancestor_id', 'descendant_id', 'depth'])
    .expression((eb) =>
      eb
        .selectFrom('org_closure as up')
        .innerJoin('org_closure as down', (join) => join.onTrue())
        .select(['up.ancestor_id', 'down.descendant_id', sql<number>`up.depth + down.depth + 1`.as('depth')])
        .where('up.descendant_id', '=', newParentId)
        .where('down.ancestor_id', '=', id),
    )
    .execute();
}

export const countActiveChildren = async (db: Executor, id: string): Promise<number> =>
  Number(
    (
      await db
        .selectFrom('org')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('parent_id', '=', id)
        .where('status', '=', 'active')
        .executeTakeFirstOrThrow()
    ).n,
  );

export const countActiveUsers = async (db: Executor, id: string): Promise<number> =>
  Number(
    (
      await db
        .selectFrom('app_user')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('org_id', '=', id)
        .where('status', '=', 'active')
        .executeTakeFirstOrThrow()
    ).n,
  );
