import type { RosterProblemCode } from '@zhenggong/core/personnel/roster-problems';
import type { Executor } from '../../../db/database.ts';
import type { ResolvedScope } from '../../../platform/access/data-scope.ts';
import { allOrgs, orgIdsInScope } from './import-queries.ts';

export type OrgResolution = { ok: true; orgId: string } | { ok: false; code: RosterProblemCode; count?: number };
export type OrgResolver = (unit: string) => OrgResolution;

type OrgRow = Awaited<ReturnType<typeof allOrgs>>[number];

/** Names are compared folded (full-width → half-width, no spaces, Latin lower-cased). */
const key = (s: string): string => s.normalize('NFKC').replace(/\s+/gu, '').toLowerCase();

/**
 * Resolves the 单位 column against the org tree, inside the importer's data scope (units named
 * in a request must be in scope, ARCHITECTURE.md Data scope). A unit is written as its org code,
 * its name or short name, or a path of names ("上城分局/政治处") when several units share a name.
 * Only active units count; an out-of-scope or closed match is reported, never used.
 */
export async function loadOrgResolver(db: Executor, scope: ResolvedScope): Promise<OrgResolver> {
  const [orgs, inScope] = await Promise.all([allOrgs(db), orgIdsInScope(db, scope)]);
  const byId = new Map(orgs.map((o) => [o.id, o]));
  const byName = new Map<string, OrgRow[]>();
  const add = (k: string, o: OrgRow) => {
    const list = byName.get(k) ?? [];
    if (!list.includes(o)) list.push(o);
    byName.set(k, list);
  };
  const byCode = new Map<string, OrgRow>();
  for (const o of orgs) {
    add(key(o.name), o);
    if (o.short_name) add(key(o.short_name), o);
    if (o.code) byCode.set(key(o.code), o);
  }
  const visible = (o: OrgRow) => inScope === 'all' || inScope.has(o.id);
  /** Each earlier path segment must name an ancestor, in order, going up from the unit. */
  const underPath = (o: OrgRow, ancestors: string[]): boolean => {
    let i = ancestors.length - 1;
    for (let p = o.parent_id ? byId.get(o.parent_id) : undefined; p && i >= 0; p = p.parent_id ? byId.get(p.parent_id) : undefined) {
      if (key(p.name) === ancestors[i] || (p.short_name && key(p.short_name) === ancestors[i])) i--;
    }
    return i < 0;
  };

  const cache = new Map<string, OrgResolution>();
  const resolve = (unit: string): OrgResolution => {
    const k = key(unit);
    const coded = byCode.get(k);
    const segments = k.split('/').filter((s) => s !== '');
    const last = segments.pop() ?? '';
    const candidates = coded ? [coded] : (byName.get(last) ?? []).filter((o) => underPath(o, segments));
    if (candidates.length === 0) return { ok: false, code: 'org_not_found' };
    const reachable = candidates.filter(visible);
    const active = reachable.filter((o) => o.status === 'active');
    const [only] = active;
    if (only && active.length === 1) return { ok: true, orgId: only.id };
    if (active.length > 1) return { ok: false, code: 'org_ambiguous', count: active.length };
    return { ok: false, code: reachable.length > 0 ? 'org_closed' : 'org_out_of_scope' };
  };
  return (unit) => {
    let r = cache.get(unit);
    if (!r) cache.set(unit, (r = resolve(unit)));
    return r;
  };
}
