import { SAVED_FILTER_LIMITS } from '@zhenggong/core';
import type { Principal } from '../../platform/access/principal.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';

/** A user's named searches of the personnel list; private to their owner. */
export const listSavedFilters = async (ctx: AppContext, p: Principal) =>
  (
    await ctx.db
      .selectFrom('saved_filter')
      .selectAll()
      .where('user_id', '=', p.userId)
      .where('module', '=', 'personnel')
      .orderBy('name')
      .execute()
  ).map((r) => ({
    id: r.id,
    name: r.name,
    filter: JSON.parse(r.filter) as Record<string, string | number | boolean>,
  }));

/**
 * Saves a named filter. Size and count are bounded: 40 filters of 900 KB were once accepted and
 * made every list of them weigh 36 MB (issue 11, point 7).
 */
export async function saveFilter(ctx: AppContext, p: Principal, name: string, filter: Record<string, string | number | boolean>) {
  const id = newId();
  const json = JSON.stringify(filter);
  if (Buffer.byteLength(json) > SAVED_FILTER_LIMITS.maxBytes)
    throw new AppError('SAVED_FILTER_TOO_LARGE', { maxBytes: SAVED_FILTER_LIMITS.maxBytes });
  await ctx.db.transaction().execute(async (trx) => {
    const { count } = await trx
      .selectFrom('saved_filter')
      .select((eb) => eb.fn.countAll<number | string>().as('count'))
      .where('user_id', '=', p.userId)
      .where('module', '=', 'personnel')
      .executeTakeFirstOrThrow();
    if (Number(count) >= SAVED_FILTER_LIMITS.perUser) throw new AppError('SAVED_FILTER_LIMIT', { max: SAVED_FILTER_LIMITS.perUser });
    await trx
      .insertInto('saved_filter')
      .values({ id, user_id: p.userId, module: 'personnel', name, filter: json, created_at: ctx.clock.now().toISOString() })
      .execute();
  });
  return { id, name, filter };
}

export async function deleteSavedFilter(ctx: AppContext, p: Principal, id: string): Promise<void> {
  const res = await ctx.db.deleteFrom('saved_filter').where('id', '=', id).where('user_id', '=', p.userId).executeTakeFirst();
  if (Number(res.numDeletedRows) === 0) throw new AppError('NOT_FOUND');
}
