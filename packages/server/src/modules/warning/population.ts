import { ageBand, normalize } from '@zhenggong/core';
import type { Executor } from '../../db/database.ts';
import { allPeople, ON_FORCE_STATUSES } from '../personnel/people.ts';

/** Who the monthly job computes for: people on the force, with what their peer group and the disparity report read. */
export interface Member {
  readonly personId: string;
  readonly name: string;
  readonly kind: string;
  readonly orgId: string;
  readonly orgName: string;
  /** The unit type's name (派出所), not its code: peer keys and the disparity report print it. */
  readonly unitType: string;
  readonly post: string;
  readonly sex: string;
  readonly birthDate: string;
  readonly rank: string | null;
}

export async function population(db: Executor): Promise<Member[]> {
  const rows = await db
    .selectFrom(allPeople(db).as('p'))
    .innerJoin('org as o', 'o.id', 'p.org_id')
    .select([
      'p.id',
      'p.name',
      'p.kind',
      'p.org_id',
      'o.name as org_name',
      'o.type as org_type',
      'p.post',
      'p.sex',
      'p.birth_date',
      'p.rank',
    ])
    .where('p.status', 'in', ON_FORCE_STATUSES)
    .orderBy('p.id')
    .execute();
  return rows.map((r) => ({
    personId: r.id,
    name: r.name,
    kind: r.kind,
    orgId: r.org_id,
    orgName: r.org_name,
    unitType: normalize('org_type', r.org_type)?.name ?? r.org_type,
    post: r.post ?? '未填岗位',
    sex: r.sex,
    birthDate: r.birth_date,
    rank: r.rank,
  }));
}

const kindZh = (k: string) => (k === 'auxiliary' ? '辅警' : '民警');

/** Peer keys from finest to coarsest: kind × unit type × post, kind × unit type, kind (city-wide). */
export const peerKeysOf = (m: Member): string[] => [
  `${kindZh(m.kind)}|${m.unitType}|${m.post}`,
  `${kindZh(m.kind)}|${m.unitType}`,
  kindZh(m.kind),
];

/** The groups the disparity report compares. */
export function attributeOf(m: Member, attribute: string, on: string): string {
  switch (attribute) {
    case 'sex':
      return m.sex === '2' ? '女' : '男';
    case 'ageBand':
      return ageBand(m.birthDate, on);
    case 'post':
      return m.post;
    case 'unitType':
      return m.unitType;
    default:
      return kindZh(m.kind);
  }
}
