import { registerCaseKind } from '../../platform/workflow/registry.ts';
import { applyCoursewareOutcome } from './courseware-service.ts';

/**
 * Courseware submissions (课件/微课评审) are accepted or rejected through the platform workflow by
 * a holder of `talent:write` over the author's unit (or the level above), never by the person
 * who submitted it or its author. Reviewers' scores stay in this module: they are the material
 * the decision rests on, not the decision.
 */
registerCaseKind({
  kind: 'talent.courseware',
  module: 'talent',
  defaultSteps: [
    { name: '课件评审', type: 'approval', permission: 'talent:write', orgLevel: 'subject_unit', mode: 'any', deadlineWorkingDays: 10 },
  ],
  onDecided: (h) => applyCoursewareOutcome(h.trx, h.ctx, h.actor, h.caseRow.ref_id, h.outcome, h.note),
});
