import type { Principal } from '../../platform/access/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';

/** A user's named searches of the personnel list; private to their owner. */
export const listSavedFilters = async (ctx: AppContext, p: Principal) =>
  (await ctx.db.selectFrom('saved_filter').selectAll().where('user_id', '=', p.userId).where('module', '=', 'personnel').orderBy('name').execute()).map((r) => ({
    id: r.id,
    name: r.name,
    filter: JSON.parse(r.filter) as Record<string, string | number | boolean>,
  }));

export async function saveFilter(ctx: AppContext, p: Principal, name: string, filter: Record<string, string | number | boolean>) {
  const id = newId();
  await ctx.db.insertInto('saved_filter').values({ id, user_id: p.userId, module: 'personnel', name, filter: JSON.stringify(filter), created_at: ctx.clock.now().toISOString() }).execute();
  return { id, name, filter };
}

export async function deleteSavedFilter(ctx: AppContext, p: Principal, id: string): Promise<void> {
  const res = await ctx.db.deleteFrom('saved_filter').where('id', '=', id).where('user_id', '=', p.userId).executeTakeFirst();
  if (Number(res.numDeletedRows) === 0) throw new AppError('NOT_FOUND');
}
