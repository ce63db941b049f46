import type { ProvinceStatsQuery, ProvinceStatsRow, ProvinceStatsView } from '@zhenggong/core';
import { orgInScope, type ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import { today } from '../../platform/clock.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import type { OrgGrouping } from '../../platform/orgs/org-grouping.ts';
import { examsTakenBy } from '../exams/exam-counts-service.ts';
import { peopleFigures } from '../personnel/people.ts';
import { applicationsBy } from '../recruitment/application-counts-service.ts';
import { branchesOf, cityRoots, heartbeats } from './province-queries.ts';

/**
 * Province statistics (全省统计): one row per city the caller's scope covers, or — with
 * `cityCode` — one row per branch of that city. Read from the replicated rows at the province;
 * at a city instance the same view shows the city itself. Every view is audited.
 */
export async function provinceStats(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  query: ProvinceStatsQuery,
): Promise<ProvinceStatsView> {
  const isProvince = ctx.config.instanceRole === 'province';
  const now = ctx.clock.now();
  const date = today(ctx.clock);
  const year = query.year ?? Number(date.slice(0, 4));
  const roots = [];
  for (const r of await cityRoots(ctx.db, ctx.config.cityCode, isProvince)) if (await orgInScope(ctx.db, scope, r.id)) roots.push(r);
  let grouping: OrgGrouping;
  let groups: { key: string; name: string }[];
  let city: (typeof roots)[number] | undefined;
  if (query.cityCode === undefined) {
    groups = roots.map((r) => ({ key: r.city_code, name: r.name }));
    grouping = { by: 'city', cityCodes: groups.map((g) => g.key) };
  } else {
    city = roots.find((r) => r.city_code === query.cityCode);
    if (!city) throw new AppError('PROVINCE_CITY_NOT_FOUND');
    groups = (await branchesOf(ctx.db, city.id)).map((b) => ({ key: b.id, name: b.name }));
    grouping = { by: 'branch', cityCode: city.city_code, branchIds: groups.map((g) => g.key) };
  }
  const [people, exams, applications, beats] = await Promise.all([
    peopleFigures(ctx.db, grouping, year, date),
    examsTakenBy(ctx.db, grouping, year),
    applicationsBy(ctx.db, grouping, year),
    heartbeats(ctx.db),
  ]);
  const rows: ProvinceStatsRow[] = groups.map((g) => {
    const n = (m: Map<string, number>) => m.get(g.key) ?? 0;
    const beat = grouping.by === 'city' && isProvince ? beats.get(g.key) : undefined;
    return {
      key: g.key,
      name: g.name,
      officers: n(people.officers),
      auxiliaries: n(people.auxiliaries),
      women: n(people.women),
      under35: n(people.under35),
      from35to49: n(people.from35to49),
      over50: n(people.over50),
      partyMembers: n(people.partyMembers),
      trainedThisYear: n(people.trainedThisYear),
      examsTakenThisYear: n(exams),
      awardsThisYear: n(people.awardsThisYear),
      disciplineThisYear: n(people.disciplineThisYear),
      recruitApplicationsThisYear: n(applications),
      lagSeconds: beat ? Math.max(0, Math.round((now.getTime() - Date.parse(beat)) / 100) / 10) : null,
    };
  });
  await ctx.db.transaction().execute((trx) =>
    appendAudit(trx, ctx.clock, actor, {
      eventType: 'province.stats.view',
      objectType: 'city',
      objectId: query.cityCode ?? ctx.config.cityCode,
      detail: { year, level: grouping.by === 'city' ? 'province' : 'city', groups: rows.length },
    }),
  );
  return {
    level: query.cityCode === undefined ? 'province' : 'city',
    cityCode: city?.city_code ?? null,
    cityName: city?.name ?? null,
    year,
    rows,
    generatedAt: now.toISOString(),
  };
}
