import { registerCaseKind } from '../../platform/workflow/registry.ts';
import { applyCorrectionOutcome } from './person-self-service.ts';

export const CORRECTION_KIND = 'personnel.correction';

/**
 * Corrections of one's own record (信息更正) run through the platform workflow: the branch's
 * political office decides (the city's when the branch has nobody with `personnel:approve`).
 * The engine keeps requesters and the person concerned away from the decision — before this,
 * anyone holding `personnel:approve` could approve their own request.
 */
registerCaseKind({
  kind: CORRECTION_KIND,
  module: 'personnel',
  defaultSteps: [
    {
      name: '政治处审核',
      type: 'approval',
      permission: 'personnel:approve',
      orgLevel: 'subject_branch',
      mode: 'any',
      deadlineWorkingDays: 5,
    },
  ],
  onDecided: (h) => applyCorrectionOutcome(h.trx, h.ctx, h.actor, h.caseRow.ref_id, h.outcome, h.note),
});
