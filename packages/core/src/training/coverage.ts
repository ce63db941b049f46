import { Type, type Static } from '@sinclair/typebox';
import { Id, Strict } from '../schemas/common.ts';
import { PersonSet } from '../personnel/person-set.ts';
import { TrainingKind } from './training-schemas.ts';
import { DecimalHours } from './hours-ledger.ts';

const DateStr = Type.String({ format: 'date' });

/**
 * A coverage requirement (培训覆盖要求): everyone in the target group must, within the period,
 * either complete classes of the given kinds (at least `minClasses`), or earn `minHours` hours
 * of training (培训学时, as recorded on the person's profile).
 */
export const CoverageRule = Type.Union([
  Strict({
    kind: Type.Literal('classes'),
    classKinds: Type.Array(TrainingKind, { maxItems: 10 }),
    minClasses: Type.Integer({ minimum: 1, maximum: 50 }),
  }),
  Strict({ kind: Type.Literal('hours'), minHours: DecimalHours(2000) }),
]);
export type CoverageRule = Static<typeof CoverageRule>;

export const CreateCoverageBody = Strict({
  title: Type.String({ minLength: 1, maxLength: 200 }),
  orgId: Id,
  periodStart: DateStr,
  periodEnd: DateStr,
  target: PersonSet,
  rule: CoverageRule,
});
export type CreateCoverageBody = Static<typeof CreateCoverageBody>;

export const CoverageQuery = Strict({
  branchId: Type.Optional(Id),
  status: Type.Optional(Type.Union([Type.Literal('missing'), Type.Literal('covered'), Type.Literal('all')])),
  keyword: Type.Optional(Type.String({ maxLength: 50 })),
});
export type CoverageQuery = Static<typeof CoverageQuery>;

/** What one person has done in the period, gathered by the server. */
export interface CoverageFacts {
  /** Kinds of the classes completed (one entry per completed class) in the period. */
  readonly completedClassKinds: readonly string[];
  /** Training hours dated in the period. */
  readonly hours: number;
}

export interface CoverageProgress {
  readonly covered: boolean;
  /** Classes counted or hours earned, against `required`. */
  readonly done: number;
  readonly required: number;
}

export function evaluateCoverage(rule: CoverageRule, facts: CoverageFacts): CoverageProgress {
  if (rule.kind === 'hours') return { covered: facts.hours >= rule.minHours, done: facts.hours, required: rule.minHours };
  const counted = facts.completedClassKinds.filter(
    (k) => rule.classKinds.length === 0 || rule.classKinds.includes(k as TrainingKind),
  ).length;
  return { covered: counted >= rule.minClasses, done: counted, required: rule.minClasses };
}

export interface BranchTally<P> {
  readonly branchId: string;
  readonly total: number;
  readonly covered: number;
  readonly missing: P[];
}

/** Per-branch counts and the names still missing, branches in the order first seen. */
export function tallyByBranch<P extends { branchId: string; covered: boolean }>(people: readonly P[]): BranchTally<P>[] {
  const byBranch = new Map<string, { total: number; covered: number; missing: P[] }>();
  for (const p of people) {
    const b = byBranch.get(p.branchId) ?? { total: 0, covered: 0, missing: [] };
    b.total += 1;
    if (p.covered) b.covered += 1;
    else b.missing.push(p);
    byBranch.set(p.branchId, b);
  }
  return [...byBranch].map(([branchId, b]) => ({ branchId, ...b }));
}
