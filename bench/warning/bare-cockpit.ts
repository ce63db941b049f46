import type { FastifyInstance } from 'fastify';
import type { BareOptions } from '../bare.ts';

/**
 * The bare side of the cockpit benchmark: `GET /bare/warning/cockpit` answers the cockpit of the
 * city (the org passed as the scope root) from the same pre-aggregated snapshot with the same
 * statements as `modules/warning/cockpit-service.ts` — the newest month, the org, the subtree's
 * figures, the direct children's strength and alerts, the live count of alerts being handled —
 * through the raw driver, mapped to the same JSON. No session, permission, scope check, schema
 * or request log. When the service's SQL or shape changes, change this too (the run compares bodies).
 */
export function registerBareCockpit(app: FastifyInstance, { db, scopeRootId }: BareOptions): void {
  const handling = ['assigned', 'consulted', 'measures', 'follow_up', 'closing'];
  app.get('/bare/warning/cockpit', async () => {
    const run = await db.all<{ as_of: string }>('select as_of from ew_run order by as_of desc limit 1', []);
    const asOf = run[0]?.as_of as string;
    const [org] = await db.all<{ id: string; name: string }>('select id, name from org where id = ?', [scopeRootId]);
    const totals = await db.all<{ figure: string; bucket: string; v: number }>(
      'select figure, bucket, value as v from ew_cockpit_total where as_of = ? and org_id = ?',
      [asOf, scopeRootId],
    );
    const byChild = await db.all<{ id: string; name: string; sort_order: number; figure: string; bucket: string; v: number }>(
      `select o.id, o.name, o.sort_order, t.figure, t.bucket, t.value as v from ew_cockpit_total t join org o on o.id = t.org_id
       where o.parent_id = ? and t.as_of = ? and t.figure in ('strength', 'alerts')`,
      [scopeRootId, asOf],
    );
    const [live] = await db.all<{ n: number }>(
      `select count(*) as n from org_closure c join ew_alert a on a.org_id = c.descendant_id
       where a.status in (${handling.map(() => '?').join(', ')}) and c.ancestor_id = ?`,
      [...handling, scopeRootId],
    );
    const get = (figure: string, bucket?: string) =>
      totals.filter((t) => t.figure === figure && (bucket === undefined || t.bucket === bucket)).reduce((s, t) => s + Number(t.v), 0);
    const list = (figure: string) =>
      totals
        .filter((t) => t.figure === figure)
        .map((t) => ({ key: t.bucket, label: t.bucket, value: Number(t.v), orgId: scopeRootId }))
        .sort((a, b) => (a.key < b.key ? -1 : 1));
    const units = new Map<
      string,
      { orgId: string; orgName: string; sort: number; officers: number; auxiliaries: number; openAlerts: number }
    >();
    for (const r of byChild) {
      const u = units.get(r.id) ?? { orgId: r.id, orgName: r.name, sort: Number(r.sort_order), officers: 0, auxiliaries: 0, openAlerts: 0 };
      if (r.figure === 'strength' && r.bucket === 'officer') u.officers += Number(r.v);
      if (r.figure === 'strength' && r.bucket === 'auxiliary') u.auxiliaries += Number(r.v);
      if (r.figure === 'alerts') u.openAlerts += Number(r.v);
      units.set(r.id, u);
    }
    const index = Number(asOf.slice(0, 4)) * 12 + Number(asOf.slice(5, 7)) - 1;
    const months = Array.from({ length: 12 }, (_, i) => {
      const m = index - 11 + i;
      return `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;
    });
    const levelZh: Record<string, string> = { attention: '关注', warning: '预警', critical: '严重' };
    const examN = get('exam', 'n');
    const trainingTotal = get('training', 'total');
    return {
      asOf,
      orgId: org?.id,
      orgName: org?.name,
      totals: {
        people: get('strength'),
        officers: get('strength', 'officer'),
        auxiliaries: get('strength', 'auxiliary'),
        openAlerts: get('alerts'),
      },
      strengthByUnit: [...units.values()].sort((a, b) => a.sort - b.sort).map(({ sort: _sort, ...u }) => u),
      ageBands: list('age'),
      ranks: list('rank'),
      trainingCoverage: trainingTotal ? get('training', 'covered') / trainingTotal : 0,
      examAverage: examN ? Math.round((get('exam', 'sum') / examN) * 10) / 10 : null,
      awardsTrend: months.map((m) => ({ month: m, awards: get('awards', m), discipline: get('discipline', m) })),
      alertsByLevel: list('alerts').map((f) => ({ ...f, label: levelZh[f.key] ?? f.key })),
      interventionsOpen: Number(live?.n ?? 0),
    };
  });
}
