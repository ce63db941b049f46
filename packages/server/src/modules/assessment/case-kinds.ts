/** The workflow case kinds of assessment (ADR 010); registered in assessment-workflow.ts. */
export const ROUND_CASE = 'assessment.round';
export const APPEAL_CASE = 'assessment.appeal';
export const CONSEQUENCE_CASE = 'assessment.consequence';
