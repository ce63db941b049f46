import type { ApplicationStatus } from './types';

/** The applicant's road, in the order the portal walks it. */
export const APPLICANT_STEPS = ['register', 'form', 'upload', 'review', 'ticket', 'scores', 'publicity'] as const;
export type ApplicantStep = (typeof APPLICANT_STEPS)[number];

export interface StepState {
  current: ApplicantStep;
  /** 'error' when the road stopped here (审核未通过, withdrawn); 'finish' once hired. */
  status: 'process' | 'error' | 'finish';
}

/** Where an application stands on the road, from its status, its files and whether scores are out. */
export function stepOfApplication(app: { status: ApplicationStatus | null; fileCount: number; hasScores: boolean }): StepState {
  switch (app.status) {
    case 'submitted':
      return { current: app.fileCount === 0 ? 'upload' : 'review', status: 'process' };
    case 'rejected':
    case 'withdrawn':
      return { current: 'review', status: 'error' };
    case 'approved':
      return { current: app.hasScores ? 'scores' : 'ticket', status: 'process' };
    case 'shortlisted':
    case 'medical_passed':
      return { current: 'scores', status: 'process' };
    case 'dropped':
      return { current: 'publicity', status: 'error' };
    case 'publicized':
      return { current: 'publicity', status: 'process' };
    case 'hired':
      return { current: 'publicity', status: 'finish' };
    case null:
      return { current: 'review', status: 'process' };
  }
}
