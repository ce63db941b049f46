import type { ModuleFixtureSeeder } from '../../test-support/authorization-fixtures.ts';
import { newId } from '../../platform/ids.ts';

/**
 * Rows of branch B for the route-authorization test: a campaign and a material of branch B and a
 * pending study record of its person. Bodies name branch B so the scope check is what refuses.
 */
export const studyAuthorizationFixtures: ModuleFixtureSeeder = async ({ ctx, orgB, personB, MARK }) => {
  const now = ctx.clock.now().toISOString();
  const city = ctx.config.cityCode;
  const campaignId = newId();
  const materialId = newId();
  const recordId = newId();
  await ctx.db
    .insertInto('study_campaign')
    .values({
      id: campaignId,
      title: `乙分局主题教育${MARK}`,
      org_id: orgB,
      start_date: '2026-01-01',
      end_date: '2026-12-31',
      required_hours: 2,
      description: MARK,
      target: JSON.stringify({ orgIds: [orgB], ranks: [], levels: [], posts: [], personIds: [] }),
      created_by: null,
      city_code: city,
      created_at: now,
    })
    .execute();
  await ctx.db
    .insertInto('study_material')
    .values({
      id: materialId,
      title: `乙分局资料${MARK}`,
      kind: 'link',
      org_id: orgB,
      url: `https://example.org/${MARK}`,
      file_name: null,
      file_type: null,
      file_size: null,
      stored_name: null,
      hours: 1,
      min_read_minutes: 0,
      description: MARK,
      campaign_id: campaignId,
      created_by: null,
      city_code: city,
      created_at: now,
    })
    .execute();
  await ctx.db
    .insertInto('study_record')
    .values({
      id: recordId,
      person_id: personB,
      date: '2026-05-01',
      hours: 1,
      title: MARK,
      note: MARK,
      source: 'self',
      material_id: null,
      campaign_id: campaignId,
      status: 'pending',
      decided_by: null,
      decided_at: null,
      decision_note: null,
      created_by: null,
      city_code: city,
      created_at: now,
    })
    .execute();
  const base = '/api/v1/study';
  return {
    params: {
      [`${base}/materials`]: materialId,
      [`${base}/campaigns`]: campaignId,
      [`${base}/records`]: recordId,
      [`${base}/my/materials`]: materialId,
    },
    bodies: {
      [`POST ${base}/materials`]: { title: '入侵', kind: 'link', url: 'https://example.org/x', orgId: orgB, hours: 1, minReadMinutes: 0 },
      [`POST ${base}/records/:id/decision`]: { approve: true },
      [`POST ${base}/campaigns`]: {
        title: '入侵',
        orgId: orgB,
        startDate: '2026-01-01',
        endDate: '2026-12-31',
        requiredHours: 1,
        target: { orgIds: [orgB] },
      },
      [`POST ${base}/my/records`]: { date: '2026-05-01', hours: 1, title: '入侵', campaignId },
    },
  };
};
