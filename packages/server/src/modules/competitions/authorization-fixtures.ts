import type { ModuleFixtureSeeder } from '../../test-support/authorization-fixtures.ts';
import { systemActor } from '../../platform/audit/audit-service.ts';
import { addEntry, addItem, createEvent } from './event-service.ts';

/** Rows of branch B for the route-authorization test (see test-support/authorization-fixtures.ts). */
export const competitionAuthorizationFixtures: ModuleFixtureSeeder = async ({ ctx, personB, orgB, MARK }) => {
  const all = { all: true } as const;
  const event = await createEvent(ctx, all, systemActor, {
    title: `乙比武-${MARK}`,
    level: 'branch',
    orgId: orgB,
    startDate: '2026-05-01',
    endDate: '2026-05-02',
  });
  const item = await addItem(ctx, all, systemActor, event.id, { name: `射击-${MARK}`, kind: 'individual', direction: 'higher' });
  const entry = await addEntry(ctx, all, systemActor, event.id, { itemId: item.id, orgId: orgB, personIds: [personB] });
  const base = '/api/v1/competitions';
  return {
    params: {
      [base]: event.id,
      [`${base}/:id/items/:itemId#itemId`]: item.id,
      [`${base}/:id/entries/:entryId#entryId`]: entry.id,
      [`${base}/people/:personId/results#personId`]: personB,
    },
    bodies: {
      [`POST ${base}/`]: { title: 'hijack', level: 'branch', orgId: orgB, startDate: '2026-05-01', endDate: '2026-05-02' },
      [`PATCH ${base}/:id`]: { title: 'hijack' },
      [`POST ${base}/:id/items`]: { name: 'hijack', kind: 'individual', direction: 'lower' },
      [`POST ${base}/:id/entries`]: { itemId: item.id, orgId: orgB, personIds: [personB] },
      [`PUT ${base}/:id/scores`]: { scores: [{ entryId: entry.id, score: 99 }] },
    },
    // The competition list and its export, asked for branch B's event by title.
    queries: {
      [`GET ${base}/`]: { q: '乙比武' },
      [`GET ${base}/export.xlsx`]: { q: '乙比武' },
    },
  };
};
