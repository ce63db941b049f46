import type { Executor } from '../../db/database.ts';

export interface MonthlyScore {
  readonly month: string;
  readonly score: number | null;
  readonly grade: string | null;
}

/**
 * Confirmed 辅警 monthly assessment scores of many people for months in [fromMonth, toMonth]
 * (YYYY-MM), for the annual assessment. Drafts are left out: only a confirmed month counts.
 */
export async function confirmedMonthlyScoresOf(
  db: Executor,
  personIds: readonly string[],
  fromMonth: string,
  toMonth: string,
): Promise<Map<string, MonthlyScore[]>> {
  const out = new Map<string, MonthlyScore[]>();
  for (let i = 0; i < personIds.length; i += 500) {
    const rows = await db
      .selectFrom('aux_assessment_entry as e')
      .innerJoin('aux_assessment_month as m', 'm.id', 'e.month_id')
      .select(['e.person_id', 'm.month', 'e.score', 'e.grade'])
      .where('e.person_id', 'in', personIds.slice(i, i + 500))
      .where('m.status', '=', 'confirmed')
      .where('m.month', '>=', fromMonth)
      .where('m.month', '<=', toMonth)
      .orderBy('m.month')
      .execute();
    for (const r of rows) {
      const list = out.get(r.person_id) ?? [];
      list.push({ month: r.month, score: r.score === null ? null : Number(r.score), grade: r.grade });
      out.set(r.person_id, list);
    }
  }
  return out;
}
