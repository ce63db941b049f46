import type { ModuleFixtureSeeder } from '../../test-support/authorization-fixtures.ts';
import { makeUser } from '../../test-support/factories.ts';
import { newId } from '../ids.ts';
import { submitCase } from './engine.ts';

/**
 * Branch B's workflow rows: a correction case of its person awaiting a branch-B approver, an
 * open objection on it, a delegation and a notification of branch-B users. Branch A must
 * neither see nor decide any of them.
 */
export const workflowAuthorizationFixtures: ModuleFixtureSeeder = async ({ ctx, orgB, personB, userB, roleA, MARK }) => {
  const approverB = await makeUser(ctx, `b-approver-${MARK}`, orgB, 'Branch#Pass123', [roleA]);
  const now = ctx.clock.now().toISOString();
  // A correction case of B's person: only its routing matters here, nobody decides it, so its
  // module row is not needed (and platform fixtures stay out of personnel's tables).
  const caseId = await ctx.db.transaction().execute((trx) =>
    submitCase(
      trx,
      ctx,
      { userId: userB, username: 'b', role: null, ip: null, requestId: null },
      {
        kind: 'personnel.correction',
        refId: newId(),
        title: `信息更正：${MARK}`,
        subjectPersonId: personB,
        subjectName: MARK,
        subjectOrgId: orgB,
      },
    ),
  );
  const objectionId = newId();
  await ctx.db
    .insertInto('wf_objection')
    .values({
      id: objectionId,
      case_id: caseId,
      step: 0,
      text: MARK,
      raised_by: approverB,
      status: 'open',
      resolution: null,
      resolved_by: null,
      resolved_at: null,
      city_code: ctx.config.cityCode,
      created_at: now,
    })
    .execute();
  const delegationId = newId();
  await ctx.db
    .insertInto('wf_delegation')
    .values({
      id: delegationId,
      from_user_id: approverB,
      to_user_id: userB,
      starts_on: '2026-01-01',
      ends_on: '2026-12-31',
      reason: MARK,
      revoked_at: null,
      city_code: ctx.config.cityCode,
      created_at: now,
    })
    .execute();
  const notification = await ctx.db.selectFrom('notification').select('id').where('user_id', '=', approverB).executeTakeFirstOrThrow();
  const base = '/api/v1/workflow';
  return {
    params: {
      [`${base}/cases`]: caseId,
      [`${base}/cases/:id/objections/:objectionId/resolve#objectionId`]: objectionId,
      [`${base}/delegations`]: delegationId,
      [`${base}/notifications`]: notification.id,
      [`${base}/calendar`]: '2026',
    },
    bodies: {
      [`POST ${base}/cases/:id/approve`]: { comment: MARK },
      [`POST ${base}/cases/:id/reject`]: { reason: MARK },
      [`POST ${base}/cases/:id/return`]: { to: 'submitter', reason: MARK },
      [`POST ${base}/cases/:id/resubmit`]: {},
      [`POST ${base}/cases/:id/withdraw`]: {},
      [`POST ${base}/cases/:id/comments`]: { text: MARK },
      [`POST ${base}/cases/:id/objections`]: { text: MARK },
      [`POST ${base}/cases/:id/objections/:objectionId/resolve`]: { resolution: MARK, uphold: true },
      [`POST ${base}/delegations`]: { toUserId: userB, startsOn: '2026-01-01', endsOn: '2026-12-31' },
      [`POST ${base}/notifications/read`]: { ids: [notification.id] },
      // A batch naming only B's case is refused whole (404), and the case stays undecided.
      [`POST ${base}/cases/batch`]: { caseIds: [caseId], action: 'approve', comment: MARK },
    },
  };
};
