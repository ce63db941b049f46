import { addMonths, daysBetween, fullYearsOn } from './dates.ts';
import { partyStages, type PartyStage, type PipelineValue } from './rules.ts';

/** Where a person stands in the member pipeline (发展党员): the stage and the date it began. */
export interface PipelinePosition {
  readonly stage: PartyStage;
  readonly since: string;
  /** End of an extended probation (延长预备期), when one was decided. */
  readonly extendedUntil: string | null;
}

export const nextStage = (stage: PartyStage): PartyStage | null => partyStages[partyStages.indexOf(stage) + 1] ?? null;

export interface NextStep {
  readonly nextStage: PartyStage;
  /** The first date the next step may be taken (the minimum period of this stage has run). */
  readonly earliest: string;
  /** The date by which the next step is due, or null where the rules set none. */
  readonly due: string | null;
  readonly dueLabel: string;
  readonly overdue: boolean;
  /** Days from today to the due date (negative once overdue), null without a due date. */
  readonly daysLeft: number | null;
}

/** The next step of a position on `today`, or null for a full member. */
export function nextStep(rules: PipelineValue, p: PipelinePosition, today: string): NextStep | null {
  const next = nextStage(p.stage);
  const rule = rules.stages.find((s) => s.stage === p.stage);
  if (!next || !rule) return null;
  const earliest = addMonths(p.since, rule.minMonths);
  const due =
    p.stage === 'probationary' && p.extendedUntil ? p.extendedUntil : rule.dueMonths === null ? null : addMonths(p.since, rule.dueMonths);
  return {
    nextStage: next,
    earliest,
    due,
    dueLabel: rule.dueLabel,
    overdue: due !== null && today > due,
    daysLeft: due === null ? null : daysBetween(today, due),
  };
}

export type AdvanceRefusal = 'not_next' | 'before_stage' | 'too_early' | 'too_young' | 'in_future';

/** Why moving `p` to `to` on `date` is not allowed, or null when it is. */
export function advanceRefusal(
  rules: PipelineValue,
  p: PipelinePosition,
  to: PartyStage,
  date: string,
  today: string,
): AdvanceRefusal | null {
  if (date > today) return 'in_future';
  if (nextStage(p.stage) !== to) return 'not_next';
  if (date < p.since) return 'before_stage';
  const rule = rules.stages.find((s) => s.stage === p.stage);
  if (rule && date < addMonths(p.since, rule.minMonths)) return 'too_early';
  return null;
}

/** An application counts only from the minimum age (党章: 年满十八岁). */
export const oldEnoughToApply = (rules: PipelineValue, birthDate: string, date: string): boolean =>
  fullYearsOn(birthDate, date) >= rules.minAge;

/** The latest end an extended probation may have: one year of probation plus the maximum extension. */
export const latestExtension = (rules: PipelineValue, probationSince: string): string =>
  addMonths(probationSince, 12 + rules.maxExtensionMonths);
