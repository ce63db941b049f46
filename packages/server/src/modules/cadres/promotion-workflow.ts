import { registerCaseKind } from '../../platform/workflow/registry.ts';
import { applyPromotionOutcome } from './promotions.ts';
import { CONVERSION_KIND, PROMOTION_KIND } from './promotion-kind.ts';
import { applyBatchOutcome } from './conversion-batches.ts';

/**
 * Promotions follow 公务员法 Art. 49: review, then public notice (任前公示, 5 working days, with
 * objections), then approval within the management authority. A level without a holder of
 * `cadres:approve` passes the step up (station → branch → city).
 */
registerCaseKind({
  kind: PROMOTION_KIND,
  module: 'cadres',
  defaultSteps: [
    { name: '政治处审核', type: 'approval', permission: 'cadres:approve', orgLevel: 'subject_branch', mode: 'any', deadlineWorkingDays: 5 },
    { name: '任前公示', type: 'notice', permission: 'cadres:approve', orgLevel: 'subject_branch', mode: 'any', noticeWorkingDays: 5 },
    { name: '党委审批', type: 'approval', permission: 'cadres:approve', orgLevel: 'city', mode: 'any', deadlineWorkingDays: 10 },
  ],
  onDecided: (h) => applyPromotionOutcome(h.trx, h.ctx, h.actor, h.caseRow.ref_id, h.outcome),
});

/** A confirmed 套改 batch is approved by the city before anything reaches the records. */
registerCaseKind({
  kind: CONVERSION_KIND,
  module: 'cadres',
  defaultSteps: [
    { name: '政治部审批', type: 'approval', permission: 'cadres:approve', orgLevel: 'city', mode: 'any', deadlineWorkingDays: 10 },
  ],
  onDecided: (h) => applyBatchOutcome(h.trx, h.ctx, h.actor, h.caseRow.ref_id, h.outcome),
});
