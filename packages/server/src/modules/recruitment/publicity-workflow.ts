import type { StepDef } from '@zhenggong/core';
import type { Trx } from '../../db/database.ts';
import type { AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { registerCaseKind } from '../../platform/workflow/registry.ts';
import { event } from './portal/portal-applications.ts';

/**
 * 公示 of each hired-to-be applicant is a platform workflow case with one public-notice step:
 * the period counts working days on the official calendar, objections (异议) are the workflow's,
 * and an open one holds the case. Upheld, the case is rejected and the applicant drops out with
 * the resolution as the reason; the case approved (period over, nothing open) lets the hire go on.
 */
export const PUBLICITY_KIND = 'recruitment.publicity';

const steps: readonly StepDef[] = [
  { name: '公示', type: 'notice', permission: 'recruitment:hire', orgLevel: 'subject_branch', mode: 'any', noticeWorkingDays: 5 },
];

/** A chosen applicant leaves the road: status 'dropped' with kind and reason, kept for 递补 and the portal. */
export async function markDropped(
  trx: Trx,
  ctx: AppContext,
  actor: AuditActor,
  id: string,
  from: readonly string[],
  kind: string,
  reason: string,
): Promise<boolean> {
  const now = ctx.clock.now().toISOString();
  const done = await trx
    .updateTable('recruit_application')
    .set({ status: 'dropped', drop_kind: kind, drop_reason: reason, dropped_at: now, updated_at: now })
    .where('id', '=', id)
    .where('status', 'in', [...from])
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1) return false;
  await trx
    .insertInto('recruit_application_event')
    .values(event(ctx, id, 'drop', actor.username ?? 'system', { kind, reason }))
    .execute();
  return true;
}

registerCaseKind({
  kind: PUBLICITY_KIND,
  module: 'recruitment',
  defaultSteps: steps,
  async onDecided({ trx, ctx, actor, caseRow, outcome, note }) {
    const id = caseRow.ref_id;
    if (outcome === 'rejected') {
      await markDropped(trx, ctx, actor, id, ['publicized'], 'objection_upheld', note ?? '公示异议成立');
      return;
    }
    if (outcome === 'approved')
      await trx
        .insertInto('recruit_application_event')
        .values(event(ctx, id, 'publicity_end', actor.username ?? 'system', { until: caseRow.notice_ends_on }))
        .execute();
  },
});
