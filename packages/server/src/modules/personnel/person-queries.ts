import type { Executor } from '../../db/database.ts';
import { scopeWhere, type ResolvedScope } from '../../platform/access/data-scope.ts';

export const findPersonInScope = (db: Executor, scope: ResolvedScope, id: string) =>
  db
    .selectFrom('person as p')
    .innerJoin('org as o', 'o.id', 'p.org_id')
    .selectAll('p')
    .select('o.name as org_name')
    .where('p.id', '=', id)
    .where(scopeWhere(scope, 'p.org_id'))
    .executeTakeFirst();

export const findPersonByIdIndex = (db: Executor, bidx: string) =>
  db.selectFrom('person').select('id').where('id_number_bidx', '=', bidx).executeTakeFirst();

export const findPersonByPoliceNumber = (db: Executor, policeNumber: string) =>
  db.selectFrom('person').select('id').where('police_number', '=', policeNumber).executeTakeFirst();

/** The dated history of one person, oldest first, every table. */
export async function personHistory(db: Executor, personId: string) {
  const [orgs, ranks, levels, posts, statuses, education, family, resume, awards, discipline, training, appraisals] = await Promise.all([
    db
      .selectFrom('person_org_history as h')
      .innerJoin('org as o', 'o.id', 'h.org_id')
      .select(['h.id', 'h.org_id', 'o.name as org_name', 'h.post', 'h.start_date', 'h.end_date'])
      .where('h.person_id', '=', personId)
      .orderBy('h.start_date')
      .execute(),
    db
      .selectFrom('person_rank_history')
      .select(['id', 'rank', 'start_date', 'note'])
      .where('person_id', '=', personId)
      .orderBy('start_date')
      .execute(),
    db
      .selectFrom('person_level_history')
      .select(['id', 'sequence', 'level', 'start_date', 'end_date'])
      .where('person_id', '=', personId)
      .orderBy('start_date')
      .execute(),
    db
      .selectFrom('person_post_history')
      .select(['id', 'post', 'org_id', 'start_date', 'end_date'])
      .where('person_id', '=', personId)
      .orderBy('start_date')
      .execute(),
    db
      .selectFrom('person_status_history')
      .select(['id', 'status', 'start_date', 'note'])
      .where('person_id', '=', personId)
      .orderBy('start_date')
      .execute(),
    db
      .selectFrom('person_education')
      .select(['id', 'level', 'degree', 'school', 'major', 'full_time', 'start_date', 'end_date'])
      .where('person_id', '=', personId)
      .orderBy('start_date')
      .execute(),
    db
      .selectFrom('person_family')
      .select(['id', 'relation', 'name', 'birth_date', 'political_status', 'work_unit'])
      .where('person_id', '=', personId)
      .orderBy('created_at')
      .execute(),
    db
      .selectFrom('person_resume')
      .select(['id', 'start_date', 'end_date', 'text'])
      .where('person_id', '=', personId)
      .orderBy('start_date')
      .execute(),
    db
      .selectFrom('person_award')
      .select(['id', 'date', 'name', 'level', 'issuer'])
      .where('person_id', '=', personId)
      .orderBy('date')
      .execute(),
    db
      .selectFrom('person_discipline')
      .select(['id', 'date', 'kind', 'reason', 'end_date'])
      .where('person_id', '=', personId)
      .orderBy('date')
      .execute(),
    db
      .selectFrom('person_training')
      .select(['id', 'date', 'course', 'hours', 'organizer', 'source'])
      .where('person_id', '=', personId)
      .orderBy('date')
      .execute(),
    // 年度考核结果, written by assessment when grades are confirmed (or by a clerk for earlier years).
    db.selectFrom('person_appraisal').select(['id', 'year', 'grade', 'source']).where('person_id', '=', personId).orderBy('year').execute(),
  ]);
  return {
    orgs,
    ranks,
    levels,
    posts,
    statuses,
    education: education.map((e) => ({ ...e, full_time: e.full_time === 1 })),
    family,
    resume,
    awards,
    discipline,
    training,
    appraisals,
  };
}
