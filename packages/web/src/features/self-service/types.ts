import type { OwnProfileResponse } from '@zhenggong/core';

/** Fields a person may ask to have corrected (server `correctableFields`); the form offers these. */
export const CORRECTABLE_FIELDS = [
  'phone',
  'formerNames',
  'ethnicity',
  'politicalStatus',
  'partyJoinDate',
  'nativePlace',
  'birthplace',
  'education',
  'degree',
  'workStartDate',
] as const satisfies readonly (keyof OwnProfileResponse | 'phone')[];
export type CorrectableField = (typeof CORRECTABLE_FIELDS)[number];
