import type { AssessmentGrade, GradeTableValue } from './rules.ts';

/** A score maps to the highest grade whose minimum it reaches. */
export function gradeForScore(table: GradeTableValue, score: number): AssessmentGrade {
  const sorted = [...table.grades].sort((a, b) => b.minScore - a.minScore);
  return (sorted.find((g) => score >= g.minScore) ?? sorted[sorted.length - 1]!).code;
}

export function amountForGrade(table: GradeTableValue, grade: AssessmentGrade): number {
  const row = table.grades.find((g) => g.code === grade);
  if (!row) throw new Error(`grade ${grade} missing from the grade table`);
  return row.amountFen;
}

export interface GradedEntry {
  readonly personId: string;
  readonly grade: AssessmentGrade | null;
  readonly score: number | null;
}

export interface AuxPayout {
  readonly personId: string;
  /** The grade entered, or the one the score maps to. */
  readonly grade: AssessmentGrade | null;
  readonly amountFen: number | null;
}

/** Entered grades win over scores; a score alone is mapped through the table. */
export function computePayouts(table: GradeTableValue, entries: readonly GradedEntry[]): AuxPayout[] {
  return entries.map((e) => {
    const grade = e.grade ?? (e.score === null ? null : gradeForScore(table, e.score));
    return { personId: e.personId, grade, amountFen: grade === null ? null : amountForGrade(table, grade) };
  });
}

export interface FundUse {
  /** Rewards drawn from the fund: the sum of positive amounts. */
  readonly drawnFen: number;
  /** Penalties (negative amounts) are deducted from pay; they never free room in the fund. */
  readonly deductedFen: number;
  readonly netFen: number;
  readonly fundFen: number;
  readonly remainingFen: number;
  readonly overFen: number;
  readonly fits: boolean;
}

/**
 * The month's payout must fit the unit's fund. Rule: the confirmation is refused when the
 * rewards exceed the fund; nothing is scaled down silently (the unit regrades or raises the fund).
 * Under 以罚补奖 ('penaltiesFundRewards') what penalties take back adds to the room for rewards.
 */
export function fundUse(fundFen: number, amounts: readonly (number | null)[], mode: GradeTableValue['fundMode'] = 'separate'): FundUse {
  const drawn = amounts.reduce<number>((s, a) => s + (a !== null && a > 0 ? a : 0), 0);
  const deducted = amounts.reduce<number>((s, a) => s + (a !== null && a < 0 ? -a : 0), 0);
  const room = fundFen + (mode === 'penaltiesFundRewards' ? deducted : 0);
  return {
    drawnFen: drawn,
    deductedFen: deducted,
    netFen: drawn - deducted,
    fundFen,
    remainingFen: Math.max(0, room - drawn),
    overFen: Math.max(0, drawn - room),
    fits: drawn <= room,
  };
}

export interface AuxExcellentQuota {
  /** Most people who may be 优秀 this month (null: no quota in the table in force). */
  readonly allowed: number | null;
  readonly count: number;
  readonly fits: boolean;
}

/** The 优秀 quota: floor(share × graded people); a unit of 4 at 20 % may have none. */
export function excellentQuota(table: GradeTableValue, grades: readonly (AssessmentGrade | null)[]): AuxExcellentQuota {
  const count = grades.filter((g) => g === 'excellent').length;
  if (table.excellentMaxShare === undefined) return { allowed: null, count, fits: true };
  const graded = grades.filter((g) => g !== null).length;
  // Integer arithmetic on per-mille: 0.2 × 10 is exactly 2, never 1.9999….
  const allowed = Math.floor((graded * Math.round(table.excellentMaxShare * 1000)) / 1000);
  return { allowed, count, fits: count <= allowed };
}

/** 'YYYY-MM' → its first and last day. */
export function auxMonthBounds(month: string): { first: string; last: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { first: `${month}-01`, last: `${month}-${String(last).padStart(2, '0')}` };
}
