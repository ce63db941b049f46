import type { Fact, FactKind } from '@zhenggong/core';
import type { Executor } from '../../db/database.ts';
import { examScoresBetween } from '../exams/exam-results-service.ts';
import { recordLinesBetween } from '../personnel/people.ts';

/**
 * Where indicator facts come from: a small registry of sources, each supplying some fact kinds
 * for a date range. The person's record (awards, discipline, appraisals, training, transfers)
 * and published exam results are read through their modules' public faces; kinds whose owning
 * module has not landed (complaints, overtime, leave, wearables, care contacts, outcomes) are
 * recorded in this module's `ew_fact` table until it does. A module that lands later registers
 * its own source for its kinds and the recorded-fact source stops being fed for them.
 */
export interface FactSource {
  readonly name: string;
  readonly kinds: readonly FactKind[];
  /** Facts whose event date lies in [from, to]; the job applies the knowledge date itself. */
  load(db: Executor, from: string, to: string): Promise<Fact[]>;
}

const sources: FactSource[] = [];
export const registerFactSource = (s: FactSource): void => {
  if (!sources.some((x) => x.name === s.name)) sources.push(s);
};
export const factSources = (): readonly FactSource[] => sources;

/** Appraisal grades to an ordinal, 0 best: officers' 优秀/称职/基本称职/不称职 and auxiliaries' 优秀/合格/基本合格/不合格. */
const GRADE_ORDINAL: Record<string, number> = { 优秀: 0, 称职: 1, 合格: 1, 基本称职: 2, 基本合格: 2, 不称职: 3, 不合格: 3 };

registerFactSource({
  name: 'recorded',
  kinds: ['complaint', 'overtime', 'leave_taken', 'wearable_alert', 'wearable_consent', 'care_contact', 'outcome', 'exam_score'],
  load: async (db, from, to) =>
    (
      await db
        .selectFrom('ew_fact')
        .select(['id', 'person_id', 'kind', 'event_date', 'known_date', 'value'])
        .where('voided', '=', 0)
        .where((eb) => eb.or([eb.and([eb('event_date', '>=', from), eb('event_date', '<=', to)]), eb('kind', '=', 'wearable_consent')]))
        .execute()
    ).map((r) => ({
      personId: r.person_id,
      kind: r.kind as FactKind, // kinds are checked by the body schema on the way in
      eventDate: r.event_date,
      knownDate: r.known_date,
      value: Number(r.value),
      ref: `ew_fact:${r.id}`,
    })),
});

registerFactSource({
  name: 'person-record',
  kinds: ['award', 'discipline', 'appraisal', 'training_hours', 'transfer'],
  load: async (db, from, to) => {
    const [awards, discipline, appraisals, training, transfers] = await Promise.all([
      recordLinesBetween.awards(db, from, to),
      recordLinesBetween.discipline(db, from, to),
      recordLinesBetween.appraisals(db, Number(from.slice(0, 4)) - 1, Number(to.slice(0, 4))),
      recordLinesBetween.training(db, from, to),
      recordLinesBetween.transfers(db, from, to),
    ]);
    const out: Fact[] = [];
    // Decisions are known on their decision date (that is the date the line carries).
    for (const a of awards)
      out.push({ personId: a.person_id, kind: 'award', eventDate: a.date, knownDate: a.date, value: 1, ref: `person_award:${a.id}` });
    for (const d of discipline)
      out.push({
        personId: d.person_id,
        kind: 'discipline',
        eventDate: d.date,
        knownDate: d.date,
        value: 1,
        ref: `person_discipline:${d.id}`,
      });
    // A year's appraisal is confirmed early the next year: known from 31 January.
    for (const a of appraisals) {
      const grade = GRADE_ORDINAL[a.grade];
      if (grade === undefined) continue;
      out.push({
        personId: a.person_id,
        kind: 'appraisal',
        eventDate: `${a.year}-12-31`,
        knownDate: `${a.year + 1}-01-31`,
        value: grade,
        ref: `person_appraisal:${a.id}`,
      });
    }
    for (const t of training)
      out.push({
        personId: t.person_id,
        kind: 'training_hours',
        eventDate: t.date,
        knownDate: t.date,
        value: Number(t.hours),
        ref: `person_training:${t.id}`,
      });
    for (const t of transfers)
      out.push({
        personId: t.person_id,
        kind: 'transfer',
        eventDate: t.start_date,
        knownDate: t.start_date,
        value: 1,
        ref: `person_org_history:${t.id}`,
      });
    return out;
  },
});

registerFactSource({
  name: 'exam-results',
  kinds: ['exam_score'],
  load: async (db, from, to) =>
    (await examScoresBetween(db, from, to)).map((r) => ({
      personId: r.personId,
      kind: 'exam_score',
      eventDate: r.date,
      knownDate: r.publishedOn,
      value: r.percent,
      ref: `exam_result:${r.id}`,
    })),
});

/** Every fact of every registered source with its event in [from, to]. */
export async function loadFacts(db: Executor, from: string, to: string): Promise<Fact[]> {
  const all = await Promise.all(sources.map((s) => s.load(db, from, to)));
  return all.flat();
}
