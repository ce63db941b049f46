import { Type, type Static } from '@sinclair/typebox';
import { Id, Strict } from '../schemas/common.ts';

const Codes = Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 100 });

/**
 * Who a class, a coverage requirement or a campaign is for (培训对象 / 参学范围): people serving in
 * any of the org subtrees AND holding one of the ranks (警衔), officer levels (职级) and posts (职务)
 * when those are given; explicit people are added whatever the other conditions say.
 */
export const TargetGroup = Strict({
  orgIds: Type.Optional(Type.Array(Id, { maxItems: 200 })),
  ranks: Type.Optional(Codes),
  levels: Type.Optional(Codes),
  posts: Type.Optional(Codes),
  personIds: Type.Optional(Type.Array(Id, { maxItems: 5000 })),
});
export type TargetGroup = Static<typeof TargetGroup>;

export interface NormalizedTarget {
  readonly orgIds: readonly string[];
  readonly ranks: readonly string[];
  readonly levels: readonly string[];
  readonly posts: readonly string[];
  readonly personIds: readonly string[];
}

const uniq = (xs: readonly string[] | undefined) => [...new Set((xs ?? []).map((x) => x.trim()).filter(Boolean))];

export function normalizeTarget(t: TargetGroup | undefined): NormalizedTarget {
  return { orgIds: uniq(t?.orgIds), ranks: uniq(t?.ranks), levels: uniq(t?.levels), posts: uniq(t?.posts), personIds: uniq(t?.personIds) };
}

/** A target with no condition at all would mean "everyone": refused, the organiser must say whom. */
export const isTargetEmpty = (t: NormalizedTarget): boolean =>
  t.orgIds.length + t.ranks.length + t.levels.length + t.posts.length + t.personIds.length === 0;

/** True when the target has a rule part (not only named people). */
export const hasRule = (t: NormalizedTarget): boolean => t.orgIds.length + t.ranks.length + t.levels.length + t.posts.length > 0;

export interface TargetCandidate {
  readonly id: string;
  /** The person's unit and all its ancestors. */
  readonly orgPath: readonly string[];
  readonly rank: string | null;
  readonly officerLevel: string | null;
  readonly post: string | null;
}

/** The membership rule in one place; the server's SQL mirrors it and the tests compare both. */
export function inTarget(t: NormalizedTarget, p: TargetCandidate): boolean {
  if (t.personIds.includes(p.id)) return true;
  if (!hasRule(t)) return false;
  if (t.orgIds.length > 0 && !t.orgIds.some((o) => p.orgPath.includes(o))) return false;
  if (t.ranks.length > 0 && !(p.rank !== null && t.ranks.includes(p.rank))) return false;
  if (t.levels.length > 0 && !(p.officerLevel !== null && t.levels.includes(p.officerLevel))) return false;
  if (t.posts.length > 0 && !(p.post !== null && t.posts.includes(p.post))) return false;
  return true;
}
