import type { ModuleFixtureSeeder } from '../../test-support/authorization-fixtures.ts';
import { newId } from '../../platform/ids.ts';

/**
 * Rows of branch B for the route-authorization test: a published programme of branch B with its
 * person registered, a contest of branch B judged by that person with an entry and a score, and a
 * collection with a submitted work. Bodies name branch B so the scope check is what refuses.
 */
export const cultureAuthorizationFixtures: ModuleFixtureSeeder = async ({ ctx, orgB, personB, MARK }) => {
  const now = ctx.clock.now().toISOString();
  const stamp = { city_code: ctx.config.cityCode, created_at: now };
  const noFile = { file_name: null, file_type: null, file_size: null, stored_name: null };
  const [programmeId, registrationId, contestId, entryId, collectionId, workId] = [newId(), newId(), newId(), newId(), newId(), newId()];
  await ctx.db
    .insertInto('culture_programme')
    .values({
      id: programmeId,
      org_id: orgB,
      title: `乙分局读书月${MARK}`,
      kind: 'reading',
      start_date: '2026-05-01',
      end_date: '2027-12-31',
      deadline: '2027-12-01',
      capacity: 50,
      target: JSON.stringify({ orgIds: [orgB], ranks: [], levels: [], posts: [], personIds: [] }),
      description: MARK,
      status: 'published',
      created_by: null,
      updated_at: now,
      ...stamp,
    })
    .execute();
  await ctx.db
    .insertInto('culture_registration')
    .values({
      id: registrationId,
      programme_id: programmeId,
      person_id: personB,
      registered_at: now,
      attended: null,
      amount_tenths: null,
      recorded_by: null,
      recorded_at: null,
      ...stamp,
    })
    .execute();
  await ctx.db
    .insertInto('culture_contest')
    .values({
      id: contestId,
      org_id: orgB,
      title: `征文比赛${MARK}`,
      entry_deadline: '2027-12-01',
      description: MARK,
      status: 'open',
      published_at: null,
      created_by: null,
      ...stamp,
    })
    .execute();
  await ctx.db
    .insertInto('culture_judge')
    .values({ id: newId(), contest_id: contestId, person_id: personB, sort_order: 0, ...stamp })
    .execute();
  await ctx.db
    .insertInto('culture_entry')
    .values({ id: entryId, contest_id: contestId, person_id: personB, title: `作品${MARK}`, body: MARK, ...noFile, ...stamp })
    .execute();
  await ctx.db
    .insertInto('culture_collection')
    .values({ id: collectionId, org_id: orgB, title: `文集${MARK}`, description: MARK, status: 'open', created_by: null, ...stamp })
    .execute();
  await ctx.db
    .insertInto('culture_work')
    .values({
      id: workId,
      collection_id: collectionId,
      person_id: personB,
      title: `作品${MARK}`,
      body: MARK,
      ...noFile,
      status: 'submitted',
      review_note: null,
      reviewed_by: null,
      reviewed_at: null,
      ...stamp,
    })
    .execute();
  const base = '/api/v1/culture';
  const work = { title: '入侵', text: '入侵' };
  return {
    params: {
      [`${base}/programmes`]: programmeId,
      [`${base}/contests`]: contestId,
      [`${base}/entries`]: entryId,
      [`${base}/collections`]: collectionId,
      [`${base}/works`]: workId,
      [`${base}/my/programmes`]: programmeId,
      [`${base}/my/contests`]: contestId,
      [`${base}/my/entries`]: entryId,
      [`${base}/my/judging`]: entryId,
      [`${base}/my/collections`]: collectionId,
      [`${base}/my/works`]: workId,
    },
    bodies: {
      [`POST ${base}/programmes`]: {
        title: '入侵',
        kind: 'reading',
        orgId: orgB,
        startDate: '2026-06-01',
        endDate: '2026-06-30',
        deadline: '2026-06-10',
        target: { orgIds: [orgB] },
      },
      [`POST ${base}/programmes/:id/participation`]: { records: [{ registrationId, attended: true, amount: 2 }] },
      [`POST ${base}/contests`]: { title: '入侵', orgId: orgB, entryDeadline: '2026-06-30', judgePersonIds: [personB] },
      [`POST ${base}/contests/:id/entries`]: { personId: personB, ...work },
      [`POST ${base}/collections`]: { title: '入侵', orgId: orgB },
      [`POST ${base}/works/:id/review`]: { decision: 'accepted' },
      [`POST ${base}/my/contests/:id/entries`]: work,
      [`POST ${base}/my/collections/:id/works`]: work,
      [`PUT ${base}/my/judging/:id`]: { score: 90 },
    },
    queries: {
      [`GET ${base}/programmes`]: { orgId: orgB, keyword: MARK },
      [`GET ${base}/programmes/export.xlsx`]: { orgId: orgB },
    },
  };
};
