import { gradeName, rankName, type Eligibility, type EligibilityView } from '@zhenggong/core';

/** An eligibility with the names of its grades or ranks, as the API answers it. */
export function presentEligibility(e: Eligibility): EligibilityView {
  const name = e.track === 'rank' ? rankName : gradeName;
  return {
    track: e.track,
    from: e.from,
    fromName: name(e.from),
    to: e.to,
    toName: name(e.to),
    status: e.status,
    dueDate: e.dueDate,
    countedMonths: e.countedMonths,
    requiredMonths: e.requiredMonths,
    countingFrom: e.countingFrom,
    excludedYears: [...e.excludedYears],
    convertedMonths: e.convertedMonths,
    reasons: [...e.reasons],
  };
}
