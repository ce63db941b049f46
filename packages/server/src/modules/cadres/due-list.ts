import {
  gradeEligibility,
  promotionRuleSets,
  rankEligibility,
  ruleSetOn,
  tryQuotaMove,
  type DueItem,
  type DueListResponse,
  type DueQuery,
  type Eligibility,
  type QuotaUnit,
} from '@zhenggong/core';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { presentEligibility } from './present.ts';
import { openCasesOf } from './promotion-queries.ts';
import { peopleInScope, subjectsOf, unitsOf, type CadrePerson } from './subjects.ts';

/** People whose record lines are read and judged together by the due list. */
const SUBJECT_CHUNK = 5_000;

/** The promotion rule set in force on a date. */
export function promotionRulesOn(date: string) {
  const rules = ruleSetOn(promotionRuleSets, date);
  if (!rules) throw new AppError('CADRES_RULE_NOT_FOUND');
  return rules;
}

export interface DueComputation {
  readonly person: CadrePerson;
  readonly eligibility: Eligibility;
  quota: DueItem['quota'];
}

/**
 * Everyone in scope whose promotion falls due by the end of `month` (到期提醒): a rank eligible
 * on its first day, a grade whose years are met in it, anything due during it, or with the time
 * served but something blocking — each with the reason trace. Grade candidates are then checked
 * against their unit's quota in order of time served: the quota counts the unit's present holders
 * (of the people the caller may see).
 */
export async function computeDue(ctx: AppContext, scope: ResolvedScope, q: Pick<DueQuery, 'month' | 'track' | 'orgId'>) {
  const asOf = `${q.month}-01`;
  const monthEnd = `${q.month}-31`;
  const rules = promotionRulesOn(asOf);
  const people = await peopleInScope(ctx, ctx.db, scope, { orgId: q.orgId, kinds: ['officer'] });
  const due: DueComputation[] = [];
  // A few thousand people's record lines at a time: the whole province's (200,000 people, a dozen
  // lines each) held at once took most of the memory and the collector's time.
  for (let i = 0; i < people.length; i += SUBJECT_CHUNK) {
    const chunk = people.slice(i, i + SUBJECT_CHUNK);
    const subjects = await subjectsOf(ctx.db, chunk);
    for (const person of chunk) {
      const s = subjects.get(person.id)!;
      const tracks = q.track ? [q.track] : (['grade', 'rank', ...(person.tech_level ? ['tech' as const] : [])] as const);
      for (const track of tracks) {
        const e = track === 'rank' ? rankEligibility(s, rules, asOf) : gradeEligibility(s, rules, asOf, track);
        const timeMet = e.countedMonths >= e.requiredMonths && e.requiredMonths > 0;
        // 警衔 is promoted on time (Art. 14): an eligible rank stays due until granted. A 职级 is
        // selected within quotas and the years give no entitlement (DOMAIN-RULES §2.2): it falls
        // due in the month its years are met, and after that waits in the pool for a place.
        const include =
          (e.status === 'eligible' && (track === 'rank' || (e.dueDate !== null && e.dueDate >= asOf))) ||
          (e.status === 'blocked' && (timeMet || (e.dueDate !== null && e.dueDate <= monthEnd))) ||
          (e.status === 'not_yet' && e.dueDate !== null && e.dueDate <= monthEnd);
        if (include) due.push({ person, eligibility: e, quota: null });
      }
    }
  }
  const units = await unitsOf(
    ctx.db,
    people.map((p) => p.org_id),
  );
  // Quota: present holders per branch, then grade candidates in order of time served.
  const quotaUnits = new Map<string, QuotaUnit>();
  for (const p of people) {
    const key = units.branch.get(p.org_id)?.id ?? p.org_id;
    const u = quotaUnits.get(key) ?? { establishment: 0, holders: new Map<string, number>() };
    if (p.officer_level) u.holders.set(p.officer_level, (u.holders.get(p.officer_level) ?? 0) + 1);
    quotaUnits.set(key, { establishment: u.establishment + 1, holders: u.holders });
  }
  const candidates = due
    .filter((d) => d.eligibility.track === 'grade' && d.eligibility.status !== 'blocked' && d.eligibility.to)
    .sort((a, b) => b.eligibility.countedMonths - a.eligibility.countedMonths || a.person.id.localeCompare(b.person.id));
  for (const c of candidates) {
    const unit = quotaUnits.get(units.branch.get(c.person.org_id)?.id ?? c.person.org_id)!;
    const covered = rules.quotas.some((r) => r.grades.includes(c.eligibility.to!));
    if (!covered) continue;
    const refused = tryQuotaMove(rules.quotas, unit, c.eligibility.from, c.eligibility.to!);
    c.quota = refused ?? { rule: 'QUOTA', ok: true, zh: '单位职数尚有空额', en: 'The unit has a quota place' };
  }
  return { due, units, rules };
}

export async function dueList(ctx: AppContext, scope: ResolvedScope, q: DueQuery): Promise<DueListResponse> {
  const { due, units, rules } = await computeDue(ctx, scope, q);
  let rows = due;
  if (q.status === 'eligible') rows = rows.filter((d) => d.eligibility.status === 'eligible' && d.quota?.ok !== false);
  if (q.status === 'blocked') rows = rows.filter((d) => d.eligibility.status === 'blocked' || d.quota?.ok === false);
  if (q.keyword) rows = rows.filter((d) => d.person.name.includes(q.keyword!) || d.person.police_number === q.keyword);
  rows.sort(
    (a, b) =>
      (a.eligibility.dueDate ?? '9').localeCompare(b.eligibility.dueDate ?? '9') ||
      a.person.name.localeCompare(b.person.name, 'zh-CN') ||
      a.eligibility.track.localeCompare(b.eligibility.track),
  );
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  const slice = rows.slice((page - 1) * pageSize, page * pageSize);
  const open = await openCasesOf(
    ctx.db,
    slice.map((d) => d.person.id),
  );
  return {
    month: q.month,
    ruleSetId: rules.id,
    total: rows.length,
    items: slice.map((d) => ({
      personId: d.person.id,
      name: d.person.name,
      policeNumber: d.person.police_number,
      orgId: d.person.org_id,
      orgName: units.names.get(d.person.org_id) ?? '',
      unitName: units.branch.get(d.person.org_id)?.name ?? '',
      eligibility: presentEligibility(d.eligibility),
      quota: d.quota,
      openCaseId: open.get(`${d.person.id}:${d.eligibility.track}`) ?? null,
    })),
  };
}
