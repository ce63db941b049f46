import { ON_FORCE_STATUSES } from '@zhenggong/core';
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { countGrouped, type OrgGrouping } from '../../platform/orgs/org-grouping.ts';

/** Figures about people per group (city or branch), for the province views. */
export interface PeopleFigures {
  readonly officers: Map<string, number>;
  readonly auxiliaries: Map<string, number>;
  readonly women: Map<string, number>;
  readonly under35: Map<string, number>;
  readonly from35to49: Map<string, number>;
  readonly over50: Map<string, number>;
  readonly partyMembers: Map<string, number>;
  readonly trainedThisYear: Map<string, number>;
  readonly awardsThisYear: Map<string, number>;
  readonly disciplineThisYear: Map<string, number>;
}

const minusYears = (date: string, years: number) => `${Number(date.slice(0, 4)) - years}${date.slice(4)}`;

/**
 * Strength and structure of the people on the force (在岗) and this year's record lines, counted
 * per group. Dated lines count by their own date; people by their current unit. GB/T 4762 codes
 * 01 (中共党员) and 02 (中共预备党员) count as party members.
 */
export async function peopleFigures(db: Executor, grouping: OrgGrouping, year: number, today: string): Promise<PeopleFigures> {
  const people = sql`person x`;
  const onForce = sql`x.status in (${sql.join([...ON_FORCE_STATUSES])})`;
  const count = (extra: ReturnType<typeof sql>) => countGrouped(db, grouping, people, 'x.org_id', sql`${onForce} and ${extra}`);
  const y35 = minusYears(today, 35);
  const y50 = minusYears(today, 50);
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const lines = (table: string) => sql`${sql.table(table)} l join person x on x.id = l.person_id`;
  const dated = (table: string, distinct = false) =>
    countGrouped(
      db,
      grouping,
      lines(table),
      'x.org_id',
      sql`l.date >= ${from} and l.date <= ${to}`,
      distinct ? sql`count(distinct l.person_id)` : sql`count(*)`,
    );
  const [officers, auxiliaries, women, under35, over50, partyMembers, trainedThisYear, awardsThisYear, disciplineThisYear] =
    await Promise.all([
      count(sql`x.kind = 'officer'`),
      count(sql`x.kind = 'auxiliary'`),
      count(sql`x.sex = '2'`),
      count(sql`x.birth_date > ${y35}`),
      count(sql`x.birth_date <= ${y50}`),
      count(sql`x.political_status in ('01', '02')`),
      dated('person_training', true),
      dated('person_award'),
      dated('person_discipline'),
    ]);
  const from35to49 = new Map<string, number>();
  for (const key of new Set([...officers.keys(), ...auxiliaries.keys()])) {
    const total = (officers.get(key) ?? 0) + (auxiliaries.get(key) ?? 0);
    from35to49.set(key, total - (under35.get(key) ?? 0) - (over50.get(key) ?? 0));
  }
  return { officers, auxiliaries, women, under35, from35to49, over50, partyMembers, trainedThisYear, awardsThisYear, disciplineThisYear };
}
