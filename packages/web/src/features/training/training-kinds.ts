import type { TrainingKind } from '@zhenggong/core';

/**
 * The kinds of class in the order the pickers offer them. Kept here rather than imported from
 * core's `trainingKinds` so the web bundle takes only core's types (erased at build), not its
 * schema code; `satisfies` keeps the list in step with core's union.
 */
export const trainingKinds = ['rotation', 'spring', 'specialty', 'new_recruit', 'other'] as const satisfies readonly TrainingKind[];
