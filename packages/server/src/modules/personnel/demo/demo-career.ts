import { addMonths, monthIndex, promotionRuleSets, ruleSetOn } from '@zhenggong/core';
import type { Random } from './random.ts';

/**
 * One synthetic officer's career, walked step by step through the promotion rules the cadres
 * module computes with (DOMAIN-RULES §2.2, §2.5): first grant by education after the 1-year
 * probation, 职级 every ladder step up to a personal ceiling drawn from a pyramid, 警衔 on time
 * by period within the band of the 职级 held (raised to the band's bottom on a grade promotion,
 * Art. 16), the 警督 promotion training before 一级警司 → 三级警督, selection (选升) from 一级警督.
 * Steps that fell due before this month are taken on time, after a short approval lag; a few of
 * the latest are held back (the career history gives the reason).
 */

export interface CareerPlan {
  readonly birth: string;
  readonly workStart: string;
  readonly policeStart: string;
  /** 警衔 lines, oldest first; empty during probation. */
  readonly ranks: readonly { rank: string; date: string }[];
  /** 职级 lines, oldest first. */
  readonly levels: readonly { level: string; date: string }[];
  /** Promotion training finished (course, date): the 警督 course before 三级警督. */
  readonly trainings: readonly { course: string; date: string }[];
}

/** Entry by 学历 (GB/T 4658 code): age at 入警 and the grade and rank of the first grant ([P10], current practice). */
const entryBy: Readonly<Record<string, { age: readonly [number, number]; level: string; rank: string }>> = {
  '11': { age: [28, 30], level: '609', rank: '05' },
  '14': { age: [25, 27], level: '610', rank: '04' },
  '21': { age: [22, 24], level: '611', rank: '03' },
  '31': { age: [20, 22], level: '612', rank: '02' },
};

/**
 * Years of service, weighted: the bureau grew with the recruitment waves since 2008, so the
 * younger cohorts are larger; the weights fall off with seniority.
 */
const serviceWeights: readonly (readonly [number, number])[] = Array.from({ length: 38 }, (_, s) => [s, s <= 14 ? 2 : s <= 22 ? 0.6 : 0.2]);

/**
 * The highest 职级 an officer reaches (quota places above 四级警长 are few): most stop at 警长
 * levels, a few reach 高级警长. Officers of long service stop higher.
 */
const ceilings: readonly (readonly [string, number])[] = [
  ['610', 8],
  ['609', 18],
  ['608', 30],
  ['607', 26],
  ['606', 10],
  ['605', 5],
  ['604', 3],
];

const DAY = (date: string) => `${date.slice(0, 8)}01`;

/** Share of officers held back on their latest timed 警衔 step (the career history records why). */
const HOLD_BACK = 0.08;

export function planCareer(rnd: Random, today: string, education: string, female: boolean): CareerPlan {
  const rules = ruleSetOn(promotionRuleSets, today);
  if (!rules) throw new Error(`no promotion rule set in force on ${today}`);
  const entry = entryBy[education] ?? entryBy['21']!;
  const thisMonth = monthIndex(today);
  const entryAge = rnd.int(entry.age[0], entry.age[1]);
  // Earlier work (military service, another civil post) before joining the police for some.
  const before = rnd.chance(0.15) ? rnd.int(1, 6) : 0;
  const maxAge = female ? 54 : 59;
  const service = Math.min(rnd.weighted(serviceWeights), maxAge - entryAge - before);
  // Recruits join in the summer intake; transfers in any month.
  const month = rnd.chance(0.8) ? rnd.int(7, 9) : rnd.int(1, 12);
  let start = `${Number(today.slice(0, 4)) - service}-${String(month).padStart(2, '0')}-01`;
  if (start > today) start = addMonths(start, -12);
  const workStart = addMonths(start, -before * 12);
  const birth = `${Number(workStart.slice(0, 4)) - entryAge}-${String(rnd.int(1, 12)).padStart(2, '0')}-${String(rnd.int(1, 28)).padStart(2, '0')}`;
  const appointed = addMonths(start, 12);
  const ranks: { rank: string; date: string }[] = [];
  const levels: { level: string; date: string }[] = [];
  const trainings: { course: string; date: string }[] = [];
  // The grade is held from appointment (录用); the first 警衔 is granted when the probation ends.
  if (appointed > today) return { birth, workStart, policeStart: start, ranks, levels: [{ level: entry.level, date: start }], trainings };

  const ceilingDraw = rnd.weighted(ceilings);
  // Long service lifts the ceiling one step at a time (the pyramid narrows more slowly with age).
  const ceiling = service >= 24 && ceilingDraw > '608' ? '608' : ceilingDraw;
  const held = rnd.chance(HOLD_BACK);
  const lag = rnd.int(0, 2);
  // A step due on `date` is taken then, unless it falls in this month or within the approval lag.
  const taken = (date: string) => monthIndex(date) + lag < thisMonth;
  levels.push({ level: entry.level, date: start });
  ranks.push({ rank: entry.rank, date: appointed });

  const bandOf = (level: string) => rules.rank.bands[level] ?? (['01', '13'] as const);
  // Walk both ladders in date order until nothing more falls due before this month.
  for (let guard = 0; guard < 40; guard++) {
    const level = levels.at(-1)!;
    const rank = ranks.at(-1)!;
    const gradeStep = level.level > ceiling ? rules.grade.officer[level.level] : undefined;
    const gradeDue = gradeStep ? DAY(addMonths(level.date, gradeStep.years * 12)) : null;
    const rankStep = rank.rank < rules.rank.timedTop ? rules.rank.periods[rank.rank] : undefined;
    const inBand = rankStep && rankStep.to <= bandOf(level.level)[1];
    const rankDue = rankStep && inBand ? DAY(addMonths(rank.date, rankStep.years * 12)) : null;
    const next = [gradeDue, rankDue].filter((d): d is string => d !== null).sort()[0];
    if (!next || !taken(next)) break;
    if (next === gradeDue && gradeStep) {
      levels.push({ level: gradeStep.to, date: next });
      // Art. 16: a rank below the new grade's band is raised to its bottom.
      const low = bandOf(gradeStep.to)[0];
      if (rank.rank < low) ranks.push({ rank: low, date: next });
    } else if (rankStep) {
      const gate = rules.rank.trainingGates.find((g) => g.from === rank.rank && g.to === rankStep.to);
      if (gate) trainings.push({ course: `${gate.course}晋升培训`, date: addMonths(next, -rnd.int(3, 14)) });
      ranks.push({ rank: rankStep.to, date: next });
    }
  }
  // Held back on the latest timed 警衔 step within the last two years, no grade promotion since: it
  // is undone (its training too), and the rank stays inside the band.
  const lastRank = ranks.at(-1)!;
  let heldBack = false;
  if (held && ranks.length > 1 && lastRank.date > addMonths(today, -24) && !levels.some((l) => l.date >= lastRank.date)) {
    heldBack = true;
    ranks.pop();
    if (trainings.at(-1)?.date && trainings.at(-1)!.date <= lastRank.date && ranks.at(-1)!.rank === '05') trainings.pop();
  }
  // 一级警督 and up is by selection: a few senior grades were selected after four years at the rank.
  const top = ranks.at(-1)!;
  const band = bandOf(levels.at(-1)!.level);
  if (top.rank === rules.rank.timedTop && band[1] > top.rank && rnd.chance(0.4)) {
    const date = addMonths(top.date, 12 * rnd.int(4, 6));
    if (date < today) ranks.push({ rank: String(Number(top.rank) + 1).padStart(2, '0'), date });
  }
  // The 警督 course before the period ends at 一级警司.
  const last = ranks.at(-1)!;
  const gate = rules.rank.trainingGates.find((g) => g.from === last.rank);
  const period = rules.rank.periods[last.rank];
  if (gate && period && !heldBack) {
    const due = addMonths(last.date, period.years * 12);
    // Those already due (awaiting approval) have it; half of those due within the year too.
    if (due <= today || (due < addMonths(today, 12) && rnd.chance(0.5))) {
      const date = addMonths(due, -rnd.int(3, 12));
      if (date < today) trainings.push({ course: `${gate.course}晋升培训`, date });
    }
  }
  return { birth, workStart, policeStart: start, ranks, levels, trainings };
}
