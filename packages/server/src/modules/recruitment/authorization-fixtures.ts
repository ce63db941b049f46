import { defaultWeights, makeIdNumber, maskIdNumber, noRequirements } from '@zhenggong/core';
import type { ModuleFixtureSeeder } from '../../test-support/authorization-fixtures.ts';
import { newId } from '../../platform/ids.ts';

/**
 * Rows of branch B for the route-authorization test (see test-support/authorization-fixtures.ts):
 * an announcement owned by branch B with a post, an applicant's application and one file.
 */
export const recruitmentAuthorizationFixtures: ModuleFixtureSeeder = async ({ ctx, orgA1, orgB, orgB1, MARK }) => {
  const now = ctx.clock.now().toISOString();
  const base = { city_code: ctx.config.cityCode, created_at: now };
  const announcementId = newId();
  const postId = newId();
  const applicantId = newId();
  const applicationId = newId();
  const fileId = newId();
  const idNumber = makeIdNumber('330102', '2001-02-03', 15);
  const { fieldCrypto } = ctx;
  await ctx.db
    .insertInto('recruit_announcement')
    .values({
      ...base,
      id: announcementId,
      org_id: orgB,
      title: `乙招录${MARK}`,
      body: MARK,
      summary: MARK,
      apply_from: '2026-01-01',
      apply_until: '2026-12-31',
      exam_at: null,
      exam_place: null,
      status: 'published',
      published_at: now,
      weights: JSON.stringify(defaultWeights),
      scores_published_at: null,
      publicity_from: null,
      publicity_until: null,
      updated_at: now,
    })
    .execute();
  await ctx.db
    .insertInto('recruit_post')
    .values({
      ...base,
      id: postId,
      announcement_id: announcementId,
      code: '01',
      name: `乙岗位${MARK}`,
      org_id: orgB1,
      headcount: 1,
      requirements: JSON.stringify(noRequirements),
      updated_at: now,
    })
    .execute();
  await ctx.db
    .insertInto('recruit_applicant')
    .values({
      id: applicantId,
      phone_bidx: fieldCrypto.blindIndex('recruit_phone', '13700000000'),
      phone_enc: fieldCrypto.encrypt('13700000000'),
      phone_masked: '137****0000',
      password_hash: 'x',
      city_code: ctx.config.cityCode,
      created_at: now,
      last_login_at: null,
    })
    .execute();
  await ctx.db
    .insertInto('recruit_application')
    .values({
      ...base,
      id: applicationId,
      announcement_id: announcementId,
      post_id: postId,
      applicant_id: applicantId,
      org_id: orgB,
      idempotency_key: 'fixture-key',
      status: 'approved',
      name: `乙考生${MARK}`,
      id_number_enc: fieldCrypto.encrypt(idNumber),
      id_number_bidx: fieldCrypto.blindIndex('id_number', idNumber),
      id_number_masked: maskIdNumber(idNumber),
      sex: '1',
      birth_date: '2001-02-03',
      phone_enc: fieldCrypto.encrypt('13700000000'),
      phone_masked: '137****0000',
      education: '21',
      political_status: '03',
      household_region: '330102',
      address: MARK,
      school: null,
      major: null,
      resume: null,
      photo: null,
      reject_reason: null,
      submitted_at: now,
      reviewed_at: now,
      reviewed_by: null,
      ticket_number: null,
      written: null,
      interview: null,
      physical: null,
      background: null,
      person_id: null,
      updated_at: now,
    })
    .execute();
  await ctx.db
    .insertInto('recruit_file')
    .values({
      ...base,
      id: fileId,
      application_id: applicationId,
      category: 'other',
      name: `${MARK}.pdf`,
      size: 9,
      type: 'application/pdf',
      stored: `${fileId}.pdf`,
    })
    .execute();

  const weights = { written: 60, interview: 40, physical: 0, background: 0, physicalGate: true, backgroundGate: true };
  return {
    params: {
      '/api/v1/recruitment/announcements': announcementId,
      '/api/v1/recruitment/posts': postId,
      '/api/v1/recruitment/applications': applicationId,
      '/api/v1/recruitment/applications/:id/files/:fileId#fileId': fileId,
      // Any id: the application's scope is checked before the objection is looked up.
      '/api/v1/recruitment/applications/:id/objections/:objectionId/resolve#objectionId': newId(),
      // Portal routes are public for the staff guard and refuse staff sessions on their own.
      '/api/v1/portal/announcements': announcementId,
      '/api/v1/portal/applications': applicationId,
      '/api/v1/portal/applications/:id/files/:fileId#fileId': fileId,
    },
    bodies: {
      'POST /api/v1/recruitment/announcements': { title: '入侵', orgId: orgB, body: '', applyFrom: '2026-06-01', applyUntil: '2026-06-30' },
      'PATCH /api/v1/recruitment/announcements/:id': { title: 'hijacked' },
      'POST /api/v1/recruitment/announcements/:id/posts': {
        code: '99',
        name: 'hijacked',
        orgId: orgA1,
        headcount: 1,
        requirements: noRequirements,
      },
      'PATCH /api/v1/recruitment/posts/:id': { name: 'hijacked' },
      'POST /api/v1/recruitment/applications/:id/reject': { reason: 'hijacked' },
      'PUT /api/v1/recruitment/announcements/:id/weights': weights,
      'PUT /api/v1/recruitment/applications/:id/scores': { written: 1 },
      'POST /api/v1/recruitment/announcements/:id/shortlist': { applicationIds: [applicationId] },
      'POST /api/v1/recruitment/applications/:id/hire': { orgId: orgA1, startDate: '2026-06-01' },
      'POST /api/v1/recruitment/applications/:id/medical': { result: 'pass', date: '2026-06-01', institution: 'hijacked' },
      'POST /api/v1/recruitment/applications/:id/drop': { kind: 'gave_up', reason: 'hijacked' },
      'POST /api/v1/recruitment/applications/:id/replacement': { reason: 'hijacked' },
      'POST /api/v1/recruitment/applications/:id/objections': { raisedBy: 'hijacked', content: 'hijacked', receivedOn: '2026-06-01' },
      'POST /api/v1/recruitment/applications/:id/objections/:objectionId/resolve': { uphold: true, resolution: 'hijacked' },
    },
  };
};
