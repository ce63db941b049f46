import type { Executor } from '../../db/database.ts';

/** One published exam result, as performance assessment reads it. */
export interface ExamScore {
  readonly examId: string;
  readonly title: string;
  readonly kind: string;
  readonly date: string;
  readonly score: number | null;
  readonly totalScore: number;
  readonly absent: boolean;
}

/**
 * Published exam results of many people whose exam window ended in [from, to] (dates, inclusive,
 * UTC as `examResultsOf`), in one query per 500 people: the batch form of `examResultsOf` for
 * computing a whole unit's or city's assessment. No data scope: callers checked the people.
 */
export async function examScoresOf(
  db: Executor,
  personIds: readonly string[],
  from: string,
  to: string,
): Promise<Map<string, ExamScore[]>> {
  const out = new Map<string, ExamScore[]>();
  for (let i = 0; i < personIds.length; i += 500) {
    const rows = await db
      .selectFrom('exam_result')
      .select(['person_id', 'exam_id', 'exam_title', 'exam_kind', 'exam_ends_at', 'score', 'total_score', 'absent'])
      .where('person_id', 'in', personIds.slice(i, i + 500))
      .where('exam_ends_at', '>=', `${from}T00:00:00.000Z`)
      .where('exam_ends_at', '<=', `${to}T23:59:59.999Z`)
      .orderBy('exam_ends_at')
      .orderBy('exam_id')
      .execute();
    for (const r of rows) {
      const list = out.get(r.person_id) ?? [];
      list.push({
        examId: r.exam_id,
        title: r.exam_title,
        kind: r.exam_kind,
        date: r.exam_ends_at.slice(0, 10),
        score: r.score === null ? null : Number(r.score),
        totalScore: Number(r.total_score),
        absent: r.absent === 1,
      });
      out.set(r.person_id, list);
    }
  }
  return out;
}
