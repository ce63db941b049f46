import { emptyFacts, type FormulaKind, type SchemeBody, type ScoreFacts } from '@zhenggong/core';
import type { Executor } from '../../db/database.ts';
import { confirmedMonthlyScoresOf } from '../auxiliary/aux-monthly-service.ts';
import { placingsOf } from '../competitions/competition-placings-service.ts';
import { examScoresOf } from '../exams/exam-scores-service.ts';
import { awardLinesOf, disciplineLinesOf, trainingHoursOf } from '../personnel/people.ts';
import { approvedStudyHoursOf } from '../study/study-hours-service.ts';

/**
 * Reads the facts a scheme's formulas need for many people at once, each from its owner's public
 * face, in one query per source per 500 people. "As of" a date: nothing dated after it counts,
 * so a result recomputed as of the same date is the same whatever was recorded later.
 */
export interface Window {
  readonly from: string;
  readonly to: string;
  readonly asOf: string;
}

const minDate = (a: string, b: string) => (a < b ? a : b);

export function formulaKinds(body: SchemeBody): Set<FormulaKind | 'award' | 'discipline'> {
  const kinds = new Set<FormulaKind | 'award' | 'discipline'>();
  for (const i of body.indicators) if (i.rule) kinds.add(i.rule.kind);
  for (const a of body.adjustments) if (a.source !== 'manual') kinds.add(a.source);
  return kinds;
}

export async function gatherFacts(
  db: Executor,
  personIds: readonly string[],
  body: SchemeBody,
  w: Window,
): Promise<Map<string, ScoreFacts>> {
  const to = minDate(w.to, w.asOf);
  const kinds = formulaKinds(body);
  const none = new Map<string, never[]>();
  const [exams, training, study, placings, aux, awards, discipline, entries] = await Promise.all([
    kinds.has('exam') ? examScoresOf(db, personIds, w.from, to) : none,
    kinds.has('training_hours') ? trainingHoursOf(db, personIds, w.from, to) : new Map<string, number>(),
    kinds.has('study_hours') ? approvedStudyHoursOf(db, personIds, w.from, to) : new Map<string, number>(),
    kinds.has('competition') ? placingsOf(db, personIds, w.from, to) : none,
    kinds.has('aux_monthly') ? confirmedMonthlyScoresOf(db, personIds, w.from.slice(0, 7), to.slice(0, 7)) : none,
    kinds.has('award') ? awardLinesOf(db, personIds) : [],
    kinds.has('discipline') ? disciplineLinesOf(db, personIds) : [],
    kinds.has('daily') ? dailyEntriesOf(db, personIds, w.from, to) : [],
  ]);
  const out = new Map<string, ScoreFacts>();
  const get = (id: string) => {
    let f = out.get(id);
    if (!f) {
      f = { ...emptyFacts(), awards: [], discipline: [], entries: [] };
      out.set(id, f);
    }
    return f as { -readonly [K in keyof ScoreFacts]: ScoreFacts[K] };
  };
  for (const id of personIds) {
    const f = get(id);
    f.exams = exams.get(id) ?? [];
    f.trainingHours = training.get(id) ?? 0;
    f.studyHours = study.get(id) ?? 0;
    f.competitions = placings.get(id) ?? [];
    f.auxMonthly = aux.get(id) ?? [];
  }
  const inWindow = (d: string) => d >= w.from && d <= to;
  for (const a of awards)
    if (inWindow(a.date)) (get(a.person_id).awards as ScoreFacts['awards'][number][]).push({ date: a.date, name: a.name, level: a.level });
  for (const d of discipline)
    if (inWindow(d.date))
      (get(d.person_id).discipline as ScoreFacts['discipline'][number][]).push({ date: d.date, kind: d.kind, endDate: d.end_date });
  for (const e of entries)
    (get(e.person_id).entries as ScoreFacts['entries'][number][]).push({
      id: e.id,
      date: e.date,
      kind: e.kind,
      category: e.category,
      reason: e.reason,
      score: e.score === null ? null : Number(e.score),
    });
  return out;
}

/** This module's own daily and on-the-spot entries, by date then id so the order never varies. */
async function dailyEntriesOf(db: Executor, personIds: readonly string[], from: string, to: string) {
  const out = [];
  for (let i = 0; i < personIds.length; i += 500) {
    out.push(
      ...(await db
        .selectFrom('asm_daily_entry')
        .select(['id', 'person_id', 'date', 'kind', 'category', 'reason', 'score'])
        .where('person_id', 'in', personIds.slice(i, i + 500))
        .where('date', '>=', from)
        .where('date', '<=', to)
        .orderBy('date')
        .orderBy('id')
        .execute()),
    );
  }
  return out;
}
