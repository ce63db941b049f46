import type { Notification } from '@zhenggong/core';
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../http/app-error.ts';
import { newId } from '../ids.ts';

export interface OutgoingNotice {
  readonly userId: string;
  readonly kind: string;
  readonly title: string;
  readonly link: string | null;
  readonly caseId: string | null;
}

/**
 * Delivers a notice to a person. In-app (the bell) is the one every deployment has; an SMS
 * gateway can be added as another sender without touching the workflow.
 */
export interface NotificationSender {
  readonly channel: string;
  send(db: Executor, ctx: AppContext, notice: OutgoingNotice): Promise<void>;
}

/** Writes the bell's row in the caller's transaction, so a rolled-back action leaves no notice. */
export const inAppSender: NotificationSender = {
  channel: 'in-app',
  async send(db, ctx, n) {
    await db
      .insertInto('notification')
      .values({
        id: newId(),
        user_id: n.userId,
        kind: n.kind,
        title: n.title,
        link: n.link,
        case_id: n.caseId,
        read_at: null,
        city_code: ctx.config.cityCode,
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
  },
};

const senders: NotificationSender[] = [inAppSender];
export function registerNotificationSender(sender: NotificationSender): void {
  if (!senders.some((s) => s.channel === sender.channel)) senders.push(sender);
}

export async function notify(db: Executor, ctx: AppContext, notices: readonly OutgoingNotice[]): Promise<void> {
  for (const n of notices) for (const s of senders) await s.send(db, ctx, n);
}

const present = (r: {
  id: string;
  kind: string;
  title: string;
  link: string | null;
  case_id: string | null;
  read_at: string | null;
  created_at: string;
}): Notification => ({
  id: r.id,
  kind: r.kind,
  title: r.title,
  link: r.link,
  caseId: r.case_id,
  readAt: r.read_at,
  createdAt: r.created_at,
});

export const unreadCount = async (db: Executor, userId: string): Promise<number> =>
  Number(
    (
      await db
        .selectFrom('notification')
        .select(sql<number>`count(*)`.as('n'))
        .where('user_id', '=', userId)
        .where('read_at', 'is', null)
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Only ever the caller's own notices. */
export async function myNotifications(
  ctx: AppContext,
  userId: string,
  q: { unread?: boolean | undefined; page?: number | undefined; pageSize?: number | undefined },
) {
  let base = ctx.db.selectFrom('notification').where('user_id', '=', userId);
  if (q.unread) base = base.where('read_at', 'is', null);
  const pageSize = q.pageSize ?? 20;
  const [rows, total, unread] = await Promise.all([
    base
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(pageSize)
      .offset(((q.page ?? 1) - 1) * pageSize)
      .execute(),
    base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
    unreadCount(ctx.db, userId),
  ]);
  return { items: rows.map(present), total: Number(total.n), unread };
}

export const markRead = (ctx: AppContext, userId: string, id: string) => markManyRead(ctx, userId, [id]);

/** Marks the caller's own notices read; any id that is not theirs refuses the whole request. */
export async function markManyRead(ctx: AppContext, userId: string, ids: readonly string[]): Promise<{ ok: true }> {
  await ctx.db.transaction().execute(async (trx) => {
    const mine = await trx.selectFrom('notification').select('id').where('user_id', '=', userId).where('id', 'in', ids).execute();
    if (mine.length !== new Set(ids).size) throw new AppError('WF_NOTIFICATION_NOT_FOUND');
    await trx
      .updateTable('notification')
      .set({ read_at: ctx.clock.now().toISOString() })
      .where('user_id', '=', userId)
      .where('id', 'in', ids)
      .where('read_at', 'is', null)
      .execute();
  });
  return { ok: true };
}
