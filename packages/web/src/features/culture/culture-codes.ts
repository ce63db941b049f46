import type { ProgrammeKind } from '@zhenggong/core';

/** Code lists the pages iterate over (the web imports only types from core). */
export const programmeKinds = ['reading', 'fitness', 'sports', 'other'] as const satisfies readonly ProgrammeKind[];
