import { ageBand, ewMonthIndex, monthOfIndex, windowStart } from '@zhenggong/core';
import { sql } from 'kysely';
import type { Trx } from '../../db/database.ts';
import type { AppContext } from '../../platform/context.ts';
import { recordLinesBetween } from '../personnel/people.ts';
import { OPEN_STATUSES } from './alert-writer.ts';
import type { PersonReadings } from './readings.ts';

/**
 * The cockpit's pre-aggregated snapshot (驾驶舱快照) as of a month end: counts per unit (the
 * person's own org) and figure bucket, those summed over each org's subtree, and one member row per
 * person so every figure can be opened into the list behind it as of the same date.
 */
export async function buildCockpitSnapshot(trx: Trx, ctx: AppContext, asOf: string, people: readonly PersonReadings[]): Promise<number> {
  const city = ctx.config.cityCode;
  await trx.deleteFrom('ew_cockpit_figure').where('as_of', '=', asOf).where('city_code', '=', city).execute();
  await trx.deleteFrom('ew_cockpit_member').where('as_of', '=', asOf).where('city_code', '=', city).execute();
  await trx.deleteFrom('ew_cockpit_total').where('as_of', '=', asOf).where('city_code', '=', city).execute();
  const figures = new Map<string, number>();
  const add = (orgId: string, figure: string, bucket: string, v = 1) => {
    const key = `${orgId}\u0000${figure}\u0000${bucket}`;
    figures.set(key, (figures.get(key) ?? 0) + v);
  };
  const orgOf = new Map<string, string>();
  const members = people.map((p) => {
    const m = p.member;
    orgOf.set(m.personId, m.orgId);
    const band = ageBand(m.birthDate, asOf);
    add(m.orgId, 'strength', m.kind);
    add(m.orgId, 'age', band);
    if (m.kind === 'officer') add(m.orgId, 'rank', m.rank ?? '未授衔');
    add(m.orgId, 'training', 'total');
    if ((p.readings.get('TRAIN_HOURS_12M')?.value ?? 0) > 0) add(m.orgId, 'training', 'covered');
    const exam = p.readings.get('LEARN_EXAM_AVG_3M')?.value;
    if (exam !== null && exam !== undefined) {
      add(m.orgId, 'exam', 'sum', exam);
      add(m.orgId, 'exam', 'n');
    }
    return { as_of: asOf, person_id: m.personId, org_id: m.orgId, kind: m.kind, age_band: band, rank: m.rank, city_code: city };
  });
  const alerts = await trx
    .selectFrom('ew_alert')
    .select(['person_id', 'level', 'status'])
    .where('status', 'in', OPEN_STATUSES)
    .where('city_code', '=', city)
    .execute();
  for (const a of alerts) {
    const org = orgOf.get(a.person_id);
    if (!org) continue;
    add(org, 'alerts', a.level);
    if (a.status !== 'new') add(org, 'interventions', 'open');
  }
  const from = windowStart(asOf, 12);
  const [awards, discipline] = await Promise.all([
    recordLinesBetween.awards(trx, from, asOf),
    recordLinesBetween.discipline(trx, from, asOf),
  ]);
  for (const a of awards) {
    const org = orgOf.get(a.person_id);
    if (org) add(org, 'awards', monthOfIndex(ewMonthIndex(a.date)));
  }
  for (const d of discipline) {
    const org = orgOf.get(d.person_id);
    if (org) add(org, 'discipline', monthOfIndex(ewMonthIndex(d.date)));
  }
  const rows = [...figures].map(([key, value]) => {
    const [org_id = '', figure = '', bucket = ''] = key.split('\u0000');
    return { as_of: asOf, org_id, figure, bucket, value, city_code: city };
  });
  for (let i = 0; i < rows.length; i += 500)
    await trx
      .insertInto('ew_cockpit_figure')
      .values(rows.slice(i, i + 500))
      .execute();
  // Each org's subtree summed once here, so the cockpit reads its figures by primary key.
  await trx
    .insertInto('ew_cockpit_total')
    .columns(['as_of', 'org_id', 'figure', 'bucket', 'value', 'city_code'])
    .expression(
      trx
        .selectFrom('ew_cockpit_figure as f')
        .innerJoin('org_closure as c', 'c.descendant_id', 'f.org_id')
        .select(['f.as_of', 'c.ancestor_id', 'f.figure', 'f.bucket', sql<number>`sum(f.value)`.as('value'), 'f.city_code'])
        .where('f.as_of', '=', asOf)
        .where('f.city_code', '=', city)
        .groupBy(['f.as_of', 'c.ancestor_id', 'f.figure', 'f.bucket', 'f.city_code']),
    )
    .execute();
  for (let i = 0; i < members.length; i += 500)
    await trx
      .insertInto('ew_cockpit_member')
      .values(members.slice(i, i + 500))
      .execute();
  return rows.length;
}
