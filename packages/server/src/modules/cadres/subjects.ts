import type { CadreSubject } from '@zhenggong/core';
import type { Executor } from '../../db/database.ts';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import type { AppContext } from '../../platform/context.ts';
import { branchesOf } from '../../platform/orgs/branches.ts';
import {
  appraisalLinesOf,
  awardLinesOf,
  disciplineLinesOf,
  levelLinesOf,
  peopleInSetRelation,
  rankLinesOf,
  trainingLinesOf,
} from '../personnel/people.ts';

/** What the cadres module reads of a person (public, non-sensitive columns of personnel's face). */
export interface CadrePerson {
  id: string;
  name: string;
  kind: 'officer' | 'auxiliary';
  sex: '1' | '2';
  birth_date: string;
  org_id: string;
  post: string | null;
  post_level: string | null;
  rank: string | null;
  rank_date: string | null;
  officer_level: string | null;
  level_date: string | null;
  tech_level: string | null;
  education: string | null;
  police_number: string | null;
  work_start_date: string | null;
  police_start_date: string | null;
}

/** On-the-force people in the caller's scope, under a unit when given (with its sub-units). */
export async function peopleInScope(
  ctx: AppContext,
  db: Executor,
  scope: ResolvedScope,
  opts: { orgId?: string | undefined; kinds?: ('officer' | 'auxiliary')[]; ids?: readonly string[] },
): Promise<CadrePerson[]> {
  const set = {
    ...(opts.orgId ? { orgIds: [opts.orgId] } : {}),
    // A set with no condition names nobody: the kinds condition is always there.
    kinds: opts.kinds ?? (['officer', 'auxiliary'] as ('officer' | 'auxiliary')[]),
  };
  let q = db
    .selectFrom(peopleInSetRelation(ctx, db, scope, set).as('p'))
    .select([
      'p.id',
      'p.name',
      'p.kind',
      'p.sex',
      'p.birth_date',
      'p.org_id',
      'p.post',
      'p.post_level',
      'p.rank',
      'p.rank_date',
      'p.officer_level',
      'p.level_date',
      'p.tech_level',
      'p.education',
      'p.police_number',
      'p.work_start_date',
      'p.police_start_date',
    ]);
  if (opts.ids) q = q.where('p.id', 'in', opts.ids.length > 0 ? [...opts.ids] : ['']);
  return (await q.orderBy('p.name_pinyin').orderBy('p.id').execute()) as CadrePerson[];
}

const group = <T extends { person_id: string }>(rows: readonly T[]) => {
  const m = new Map<string, T[]>();
  for (const r of rows) {
    const list = m.get(r.person_id);
    if (list) list.push(r);
    else m.set(r.person_id, [r]);
  }
  return m;
};

/** The rule inputs of these people: current values and every dated record line promotion reads. */
export async function subjectsOf(db: Executor, people: readonly CadrePerson[]): Promise<Map<string, CadreSubject>> {
  const ids = people.map((p) => p.id);
  const [levels, ranks, appraisals, disciplines, awards, trainings] = await Promise.all([
    levelLinesOf(db, ids),
    rankLinesOf(db, ids),
    appraisalLinesOf(db, ids),
    disciplineLinesOf(db, ids),
    awardLinesOf(db, ids),
    trainingLinesOf(db, ids),
  ]);
  const [L, R, A, D, W, T] = [group(levels), group(ranks), group(appraisals), group(disciplines), group(awards), group(trainings)];
  const out = new Map<string, CadreSubject>();
  for (const p of people)
    out.set(p.id, {
      id: p.id,
      officerLevel: p.officer_level,
      techLevel: p.tech_level,
      levelDate: p.level_date,
      rank: p.rank,
      rankDate: p.rank_date,
      workStartDate: p.work_start_date,
      policeStartDate: p.police_start_date,
      levels: (L.get(p.id) ?? []).map((l) => ({ sequence: l.sequence, level: l.level, startDate: l.start_date, endDate: l.end_date })),
      ranks: (R.get(p.id) ?? []).map((r) => ({ rank: r.rank, startDate: r.start_date })),
      appraisals: (A.get(p.id) ?? []).map((a) => ({ year: a.year, grade: a.grade })),
      disciplines: (D.get(p.id) ?? []).map((d) => ({ date: d.date, kind: d.kind, endDate: d.end_date })),
      awards: (W.get(p.id) ?? []).map((a) => ({ date: a.date, level: a.level, name: a.name })),
      trainings: (T.get(p.id) ?? []).map((t) => ({ date: t.date, course: t.course })),
    });
  return out;
}

/** The quota unit (the branch under the city bureau, or the bureau itself) and the unit name of each org. */
export async function unitsOf(
  db: Executor,
  orgIds: readonly string[],
): Promise<{ branch: Map<string, { id: string; name: string }>; names: Map<string, string> }> {
  const root = await db.selectFrom('org').select('id').where('parent_id', 'is', null).orderBy('created_at').executeTakeFirst();
  const unique = [...new Set(orgIds)];
  const names = new Map<string, string>();
  for (let i = 0; i < unique.length; i += 500)
    for (const o of await db
      .selectFrom('org')
      .select(['id', 'name'])
      .where('id', 'in', unique.slice(i, i + 500))
      .execute())
      names.set(o.id, o.name);
  return { branch: root ? await branchesOf(db, root.id, unique) : new Map(), names };
}
