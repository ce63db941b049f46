import { appendAudit } from '../../platform/audit/audit-service.ts';
import { registerCaseKind } from '../../platform/workflow/registry.ts';
import { applyAppealOutcome } from './appeal-service.ts';
import { APPEAL_CASE, CONSEQUENCE_CASE, ROUND_CASE } from './case-kinds.ts';
import { applyRoundOutcome } from './round-service.ts';

/**
 * Assessment on the platform workflow (ADR 010): a unit's results go to the political department
 * of the branch for review and then on public notice (公示); an appeal (申诉) is decided there
 * too; the consequences of a grade are to-dos for the people who act on them.
 */
registerCaseKind({
  kind: ROUND_CASE,
  module: 'assessment',
  defaultSteps: [
    {
      name: '政治部门审核',
      type: 'approval',
      permission: 'assessment:review',
      orgLevel: 'subject_branch',
      mode: 'any',
      deadlineWorkingDays: 5,
    },
    {
      name: '考核结果公示',
      type: 'notice',
      permission: 'assessment:review',
      orgLevel: 'subject_branch',
      mode: 'any',
      noticeWorkingDays: 5,
    },
  ],
  onDecided: (h) => applyRoundOutcome(h.trx, h.ctx, h.actor, h.caseRow.ref_id, h.outcome),
});

registerCaseKind({
  kind: APPEAL_CASE,
  module: 'assessment',
  defaultSteps: [
    {
      name: '申诉复核',
      type: 'approval',
      permission: 'assessment:review',
      orgLevel: 'subject_branch',
      mode: 'any',
      deadlineWorkingDays: 10,
    },
  ],
  onDecided: (h) => applyAppealOutcome(h.trx, h.ctx, h.actor, h.caseRow.ref_id, h.outcome, h.note),
});

/**
 * The to-do goes to the personnel (干部人事) staff of the person's branch, who run demotion or
 * dismissal procedures; closing it records that the procedure was handled, and the software
 * changes nothing about the person.
 */
registerCaseKind({
  kind: CONSEQUENCE_CASE,
  module: 'assessment',
  defaultSteps: [{ name: '考核结果运用办理', type: 'approval', permission: 'personnel:write', orgLevel: 'subject_branch', mode: 'any' }],
  onDecided: (h) =>
    appendAudit(h.trx, h.ctx.clock, h.actor, {
      eventType: 'assessment.consequence.handled',
      objectType: 'asm_result',
      objectId: h.caseRow.ref_id,
      detail: { outcome: h.outcome, caseId: h.caseRow.id, note: h.note },
    }),
});
