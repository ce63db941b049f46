/** Workflow kinds of this module. */
export const PROMOTION_KIND = 'cadres.promotion';
export const CONVERSION_KIND = 'cadres.conversion';
