import { parseScore, type ScoresBody } from '@zhenggong/core';
import type { Trx } from '../../db/database.ts';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { openEvent } from './event-service.ts';

/** A problem in a score grid or sheet: the row (sheet only), the column and what is wrong. */
export interface ScoreProblem {
  readonly row?: number;
  readonly column?: string;
  readonly entryId?: string;
  readonly code: 'missing_column' | 'unknown_entry' | 'duplicate_entry' | 'score_format' | 'score_negative' | 'no_rows';
  readonly value?: string;
}

export interface ScoreChange {
  readonly entryId: string;
  readonly score: number | null;
  readonly row?: number;
}

/**
 * Writes scores all-or-nothing: every entry must belong to the event and every score must parse,
 * otherwise nothing is written and every problem is answered. The caller passes `skipEmpty` for
 * sheets, where an empty cell leaves the score as it was.
 */
export async function applyScores(
  trx: Trx,
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  eventId: string,
  changes: readonly { entryId: string; raw: unknown; row?: number }[],
  source: 'grid' | 'import',
  skipEmpty: boolean,
) {
  await openEvent(trx, scope, eventId);
  const known = new Map(
    (await trx.selectFrom('competition_entry').select(['id', 'score']).where('event_id', '=', eventId).execute()).map((e) => [
      e.id,
      e.score,
    ]),
  );
  const problems: ScoreProblem[] = [];
  const seen = new Set<string>();
  const valid: ScoreChange[] = [];
  for (const c of changes) {
    const at = c.row === undefined ? { entryId: c.entryId } : { row: c.row, entryId: c.entryId };
    if (!known.has(c.entryId)) {
      problems.push({ ...at, column: 'entryId', code: 'unknown_entry', value: c.entryId });
      continue;
    }
    if (seen.has(c.entryId)) {
      problems.push({ ...at, column: 'entryId', code: 'duplicate_entry', value: c.entryId });
      continue;
    }
    seen.add(c.entryId);
    const parsed = parseScore(c.raw);
    if (!parsed.ok) {
      problems.push({ ...at, column: 'score', code: parsed.code, value: String(c.raw) });
      continue;
    }
    if (parsed.value === null && skipEmpty) continue;
    valid.push({ entryId: c.entryId, score: parsed.value, ...(c.row === undefined ? {} : { row: c.row }) });
  }
  if (problems.length > 0) throw new AppError('COMPETITION_IMPORT_INVALID', { count: problems.length, problems: problems.slice(0, 500) });
  const at = ctx.clock.now().toISOString();
  const diff: { entryId: string; before: number | null; after: number | null }[] = [];
  for (const v of valid) {
    const before = known.get(v.entryId) ?? null;
    if (before === v.score) continue;
    await trx.updateTable('competition_entry').set({ score: v.score, updated_at: at }).where('id', '=', v.entryId).execute();
    diff.push({ entryId: v.entryId, before, after: v.score });
  }
  await appendAudit(trx, ctx.clock, actor, {
    eventType: `competition.scores.${source}`,
    objectType: 'competition_event',
    objectId: eventId,
    detail: { changed: diff.length, changes: diff.slice(0, 200) },
  });
  return { changed: diff.length };
}

export async function saveScores(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, eventId: string, body: ScoresBody) {
  return ctx.db.transaction().execute((trx) =>
    applyScores(
      trx,
      ctx,
      scope,
      actor,
      eventId,
      body.scores.map((s) => ({ entryId: s.entryId, raw: s.score })),
      'grid',
      false,
    ),
  );
}
