import { computeResult, emptyFacts, suggestedGrade, type ManualInput, type SchemeBody } from '@zhenggong/core';
import type { Executor } from '../../db/database.ts';
import type { AppContext } from '../../platform/context.ts';
import { gatherFacts } from './facts.ts';
import { memberTotals } from './round-queries.ts';
import type { AsmResultTable, AsmRoundTable } from './tables.ts';

export const manualOf = (r: Pick<AsmResultTable, 'manual'>): Record<string, ManualInput> =>
  JSON.parse(r.manual) as Record<string, ManualInput>;

/** Rows per statement: 19 columns × 200 stays far below either database's parameter limit. */
const STORE_CHUNK = 200;

/**
 * Writes computed results in batches: a result not yet stored is inserted whole (a round being
 * opened), an existing one has only its computed columns replaced (manual scores, self-assessment
 * and grade stay as they are). One statement per 200 results instead of one per result.
 */
async function storeResults(db: Executor, rows: readonly AsmResultTable[]) {
  for (let i = 0; i < rows.length; i += STORE_CHUNK)
    await db
      .insertInto('asm_result')
      .values(rows.slice(i, i + STORE_CHUNK))
      .onConflict((oc) =>
        oc.column('id').doUpdateSet((eb) => ({
          explanation: eb.ref('excluded.explanation'),
          base: eb.ref('excluded.base'),
          bonus: eb.ref('excluded.bonus'),
          deduction: eb.ref('excluded.deduction'),
          total: eb.ref('excluded.total'),
          complete: eb.ref('excluded.complete'),
          suggested_grade: eb.ref('excluded.suggested_grade'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
}

/**
 * Recomputes results of a round from the facts as of `asOf` and stores each explanation. The
 * same facts and date give the same numbers (core computeResult is pure; facts are read in a
 * fixed order), which the tests check. Results not stored yet are inserted with their figures.
 */
export async function recompute(
  db: Executor,
  ctx: AppContext,
  round: AsmRoundTable,
  body: SchemeBody,
  results: readonly AsmResultTable[],
  asOf: string,
): Promise<AsmResultTable[]> {
  const personIds = results.flatMap((r) => (r.person_id ? [r.person_id] : []));
  const facts = await gatherFacts(db, personIds, body, { from: round.start_date, to: round.end_date, asOf });
  const needsMembers = body.indicators.some((i) => i.rule?.kind === 'unit_mean');
  const now = ctx.clock.now().toISOString();
  const out: AsmResultTable[] = [];
  for (const r of results) {
    let f = r.person_id ? (facts.get(r.person_id) ?? emptyFacts()) : emptyFacts();
    if (!r.person_id && needsMembers)
      f = {
        ...f,
        members: (await memberTotals(db, r.subject_org_id, round.period, round.id)).map((m) => ({ name: m.name, total: Number(m.total) })),
      };
    const e = computeResult(body, f, manualOf(r));
    const next: AsmResultTable = {
      ...r,
      explanation: JSON.stringify(e),
      base: e.base,
      bonus: e.bonus,
      deduction: e.deduction,
      total: e.total,
      complete: e.complete ? 1 : 0,
      suggested_grade: suggestedGrade(body.gradeBands, e.total),
      updated_at: now,
    };
    out.push(next);
  }
  await storeResults(db, out);
  await db.updateTable('asm_round').set({ as_of: asOf, updated_at: now }).where('id', '=', round.id).execute();
  return out;
}
