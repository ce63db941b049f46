import { capCountedPerUnit, rankEntries, unitTotals } from '@zhenggong/core';
import type { Executor } from '../../db/database.ts';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { eventOr404, openEvent } from './event-service.ts';
import * as q from './event-queries.ts';

export const RANKING_RULE = {
  'zh-CN':
    '同分同名次，其后名次顺延（如 1、1、3）；成绩比较精确到千分位；无成绩者不排名。单位总分按名次计分：第 1–6 名依次得 7、5、4、3、2、1 分，并列者平分所占名次的分数（如两个第 1 名各得 (7+5)/2=6 分）。',
  'en-US':
    'Equal scores share a place and the next place is skipped (1, 1, 3); scores compare to the thousandth; entries without a score are not ranked. Unit totals: places 1–6 earn 7, 5, 4, 3, 2, 1 points; tied entries share the points of the places they occupy (two firsts take (7 + 5) / 2 = 6 each).',
} as const;

/** Rankings per item and unit totals, computed from the current scores (advice until published). */
export async function rankingsOf(db: Executor, eventId: string) {
  const [items, entries, event] = await Promise.all([
    q.itemsOf(db, eventId),
    q.entriesOf(db, eventId),
    db.selectFrom('competition_event').select('counted_per_unit').where('id', '=', eventId).executeTakeFirstOrThrow(),
  ]);
  const places: { itemId: string; orgId: string; rank: number | null; points: number }[] = [];
  const orgNames = new Map(entries.map((e) => [e.org_id, e.org_name]));
  const perItem = items.map((item) => {
    const ranked = rankEntries(
      entries.filter((e) => e.item_id === item.id),
      item.direction,
    );
    for (const r of ranked) places.push({ itemId: item.id, orgId: r.entry.org_id, rank: r.rank, points: r.points });
    return {
      itemId: item.id,
      name: item.name,
      kind: item.kind,
      direction: item.direction,
      unit: item.unit,
      entries: ranked.map((r) => ({
        entryId: r.entry.id,
        rank: r.rank,
        points: r.points,
        score: r.entry.score,
        orgId: r.entry.org_id,
        orgName: r.entry.org_name,
        teamName: r.entry.team_name,
        people: r.entry.people,
      })),
    };
  });
  const counted = capCountedPerUnit(
    places.filter((p) => p.rank !== null),
    event.counted_per_unit,
  );
  const units = unitTotals(counted).map((u) => ({ ...u, orgName: orgNames.get(u.orgId) ?? '' }));
  return { rule: RANKING_RULE, countedPerUnit: event.counted_per_unit, items: perItem, units };
}

export async function eventRankings(ctx: AppContext, scope: ResolvedScope, eventId: string) {
  await eventOr404(ctx.db, scope, eventId);
  return rankingsOf(ctx.db, eventId);
}

/**
 * Publishes the results: the event is frozen and every entrant gets a competition-result row
 * (their place, or none if they had no score). No award row is written: a 嘉奖 or 立功 is a
 * separate decision by an approving authority (奖励条令), made in the awards process.
 */
export async function publishEvent(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, eventId: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const event = await openEvent(trx, scope, eventId);
    const { items } = await rankingsOf(trx, eventId);
    if (!items.some((i) => i.entries.some((e) => e.score !== null))) throw new AppError('COMPETITION_NOTHING_TO_PUBLISH');
    const at = ctx.clock.now().toISOString();
    const rows = items.flatMap((item) =>
      item.entries.flatMap((e) =>
        e.people.map((p) => ({
          id: newId(),
          event_id: eventId,
          item_id: item.itemId,
          entry_id: e.entryId,
          person_id: p.id,
          org_id: e.orgId,
          event_title: event.title,
          item_name: item.name,
          level: event.level,
          date: event.end_date,
          team_name: e.teamName,
          score: e.score,
          rank: e.rank,
          entrants: item.entries.length,
          city_code: ctx.config.cityCode,
          created_at: at,
        })),
      ),
    );
    for (let i = 0; i < rows.length; i += 200)
      await trx
        .insertInto('competition_result')
        .values(rows.slice(i, i + 200))
        .execute();
    await trx
      .updateTable('competition_event')
      .set({ status: 'published', published_at: at, published_by: actor.userId, updated_at: at })
      .where('id', '=', eventId)
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'competition.publish',
      objectType: 'competition_event',
      objectId: eventId,
      detail: { results: rows.length },
    });
  });
  return eventRankings(ctx, scope, eventId);
}
