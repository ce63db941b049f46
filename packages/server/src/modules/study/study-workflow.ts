import { registerCaseKind } from '../../platform/workflow/registry.ts';
import { applyStudyOutcome } from './record-service.ts';

export const STUDY_RECORD_KIND = 'study.record';

/**
 * Self-declared study hours (自主学习申报) are decided through the platform workflow by a holder
 * of `study:approve` in the person's unit (or the level above when the unit has none); the
 * declarer never decides their own.
 */
registerCaseKind({
  kind: STUDY_RECORD_KIND,
  module: 'study',
  defaultSteps: [
    { name: '学时审核', type: 'approval', permission: 'study:approve', orgLevel: 'subject_unit', mode: 'any', deadlineWorkingDays: 5 },
  ],
  onDecided: (h) => applyStudyOutcome(h.trx, h.ctx, h.actor, h.caseRow.ref_id, h.outcome, h.note),
});
