import type { ActivityKind, MeetingKind, PartyStage } from '@zhenggong/core';

/** Code lists the pages iterate over (the web imports only types from core). */
export const partyStages = ['applicant', 'activist', 'candidate', 'probationary', 'full'] as const satisfies readonly PartyStage[];
export const meetingKinds = ['committee', 'general', 'group', 'lecture', 'theme_day'] as const satisfies readonly MeetingKind[];
export const activityKinds = ['red_visit', 'cadre_class'] as const satisfies readonly ActivityKind[];
export const selectionKinds = ['good_member', 'best_case'] as const;
