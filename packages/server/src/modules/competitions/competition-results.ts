import type { Executor } from '../../db/database.ts';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { scopedPeople } from '../personnel/people.ts';

export interface CompetitionResult {
  readonly id: string;
  readonly eventId: string;
  readonly eventTitle: string;
  readonly itemName: string;
  readonly level: string;
  readonly date: string;
  readonly teamName: string | null;
  readonly score: number | null;
  readonly rank: number | null;
  readonly entrants: number;
}

/**
 * A person's published competition results, newest first: the service other modules (profile,
 * talent pool, performance assessment) call instead of reading the table.
 */
export async function competitionResultsOf(db: Executor, personId: string): Promise<CompetitionResult[]> {
  const rows = await db
    .selectFrom('competition_result')
    .select(['id', 'event_id', 'event_title', 'item_name', 'level', 'date', 'team_name', 'score', 'rank', 'entrants'])
    .where('person_id', '=', personId)
    .orderBy('date', 'desc')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    eventId: r.event_id,
    eventTitle: r.event_title,
    itemName: r.item_name,
    level: r.level,
    date: r.date,
    teamName: r.team_name,
    score: r.score,
    rank: r.rank,
    entrants: r.entrants,
  }));
}

/** Results placed at or above `maxRank`, for every person in scope (talent-pool suggestions). */
export function placingsInScope(db: Executor, scope: ResolvedScope, maxRank: number) {
  return db
    .selectFrom('competition_result as r')
    .innerJoin(scopedPeople(db, scope).as('p'), 'p.id', 'r.person_id')
    .select(['r.person_id', 'r.event_title', 'r.item_name', 'r.rank', 'r.date', 'r.level'])
    .where('r.rank', '<=', maxRank)
    .execute();
}

export async function personResults(ctx: AppContext, scope: ResolvedScope, personId: string) {
  const person = await ctx.db
    .selectFrom(scopedPeople(ctx.db, scope).as('p'))
    .select('p.id')
    .where('p.id', '=', personId)
    .executeTakeFirst();
  if (!person) throw new AppError('TALENT_PERSON_NOT_FOUND');
  return competitionResultsOf(ctx.db, personId);
}
