import type { Adjustment, ExcellentQuota, FormulaKind, GradeBand, Indicator, SchemeBody } from './schemes.ts';

/**
 * Scheme arithmetic (百分制): pure, so that a result recomputed from the same facts as of the same
 * date is the same to the cent, and every number carries the records behind it.
 */

/** Points are kept to two decimals, rounded half away from zero. */
export const round2 = (x: number): number => (Math.sign(x) * Math.round(Math.abs(x) * 100 + 1e-9)) / 100;
const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** The facts a person's result is computed from, each read from its owner (exams, training, record lines …). */
export interface ScoreFacts {
  readonly exams: readonly {
    examId: string;
    title: string;
    kind: string;
    date: string;
    score: number | null;
    totalScore: number;
    absent: boolean;
  }[];
  readonly trainingHours: number;
  readonly studyHours: number;
  readonly competitions: readonly { title: string; item: string; date: string; rank: number | null }[];
  readonly entries: readonly {
    id: string;
    date: string;
    kind: 'positive' | 'negative';
    category: 'daily' | 'onsite';
    reason: string;
    score: number | null;
  }[];
  readonly auxMonthly: readonly { month: string; score: number | null; grade: string | null }[];
  readonly awards: readonly { date: string; name: string; level: string | null }[];
  readonly discipline: readonly { date: string; kind: string; endDate: string | null }[];
  /** Unit subjects: the totals of the unit's people. */
  readonly members: readonly { name: string; total: number }[];
}

export const emptyFacts = (): ScoreFacts => ({
  exams: [],
  trainingHours: 0,
  studyHours: 0,
  competitions: [],
  entries: [],
  auxMonthly: [],
  awards: [],
  discipline: [],
  members: [],
});

export interface ManualInput {
  readonly points: number;
  readonly evidence: string;
}

export interface SourceRecord {
  readonly label: string;
  readonly value: string;
  readonly date?: string;
}

export interface IndicatorLine {
  readonly key: string;
  readonly name: string;
  readonly parent: string | null;
  readonly maxPoints: number;
  readonly points: number;
  readonly source: FormulaKind | 'group';
  /** How the number came about, in words (zh-CN). */
  readonly basis: string;
  readonly records: readonly SourceRecord[];
  /** A manual leaf nobody has scored yet. */
  readonly missing: boolean;
}

export interface AdjustmentLine {
  readonly key: string;
  readonly name: string;
  readonly side: 'bonus' | 'deduction';
  readonly raw: number;
  readonly points: number;
  readonly capped: boolean;
  readonly records: readonly SourceRecord[];
}

export interface Explanation {
  readonly lines: readonly IndicatorLine[];
  readonly adjustments: readonly AdjustmentLine[];
  readonly base: number;
  readonly bonus: number;
  readonly deduction: number;
  readonly total: number;
  readonly complete: boolean;
}

/** A problem with a scheme's tree or caps; the scheme is refused with all of them listed. */
export interface SchemeProblem {
  readonly key: string;
  readonly problem:
    'duplicate' | 'unknown_parent' | 'group_sum' | 'root_sum' | 'leaf_without_rule' | 'group_with_rule' | 'cycle' | 'grade_band';
  readonly expected?: number;
  readonly actual?: number;
}

const childrenOf = (indicators: readonly Indicator[], key: string | undefined) => indicators.filter((i) => i.parent === key);
const sum = (xs: readonly number[]) => round2(xs.reduce((a, b) => a + b, 0));

/** Checks a scheme: unique keys, known parents, no cycles, roots summing to 100, groups to their children, leaves with rules. */
export function schemeProblems(body: SchemeBody): SchemeProblem[] {
  const out: SchemeProblem[] = [];
  const keys = new Set<string>();
  for (const i of body.indicators) {
    if (keys.has(i.key)) out.push({ key: i.key, problem: 'duplicate' });
    keys.add(i.key);
  }
  for (const a of body.adjustments) {
    if (keys.has(a.key)) out.push({ key: a.key, problem: 'duplicate' });
    keys.add(a.key);
  }
  const byKey = new Map(body.indicators.map((i) => [i.key, i]));
  for (const i of body.indicators) {
    if (i.parent !== undefined && !byKey.has(i.parent)) out.push({ key: i.key, problem: 'unknown_parent' });
    const seen = new Set<string>([i.key]);
    for (let p = i.parent; p !== undefined; p = byKey.get(p)?.parent) {
      if (seen.has(p)) {
        out.push({ key: i.key, problem: 'cycle' });
        break;
      }
      seen.add(p);
    }
    const kids = childrenOf(body.indicators, i.key);
    if (kids.length > 0) {
      if (i.rule) out.push({ key: i.key, problem: 'group_with_rule' });
      const s = sum(kids.map((k) => k.maxPoints));
      if (s !== round2(i.maxPoints)) out.push({ key: i.key, problem: 'group_sum', expected: i.maxPoints, actual: s });
    } else if (!i.rule) out.push({ key: i.key, problem: 'leaf_without_rule' });
  }
  const rootSum = sum(childrenOf(body.indicators, undefined).map((r) => r.maxPoints));
  if (rootSum !== 100) out.push({ key: '', problem: 'root_sum', expected: 100, actual: rootSum });
  for (const b of body.gradeBands) if (!body.grades.includes(b.grade)) out.push({ key: b.grade, problem: 'grade_band' });
  return out;
}

const share = (x: number) => clamp(x, 0, 1);
const fmt = (x: number) => String(round2(x));

/** One leaf's points from its rule and the facts; always within [0, maxPoints]. */
function leafLine(i: Indicator, facts: ScoreFacts, manual: ManualInput | undefined): IndicatorLine {
  const max = i.maxPoints;
  const base = { key: i.key, name: i.name, parent: i.parent ?? null, maxPoints: max };
  const rule = i.rule ?? { kind: 'manual' as const };
  switch (rule.kind) {
    case 'manual': {
      if (!manual) return { ...base, points: 0, source: 'manual', basis: '待评分', records: [], missing: true };
      const points = round2(clamp(manual.points, 0, max));
      return {
        ...base,
        points,
        source: 'manual',
        basis: `人工评分（佐证：${manual.evidence}）`,
        records: [{ label: '佐证', value: manual.evidence }],
        missing: false,
      };
    }
    case 'exam': {
      const exams = facts.exams.filter((e) => !rule.examKind || e.kind === rule.examKind);
      const shares = exams.map((e) => (e.absent || e.score === null || e.totalScore <= 0 ? 0 : share(e.score / e.totalScore)));
      const mean = shares.length === 0 ? 0 : shares.reduce((a, b) => a + b, 0) / shares.length;
      return {
        ...base,
        points: round2(max * mean),
        source: 'exam',
        basis: exams.length === 0 ? '期间无已发布的考试成绩' : `${exams.length} 场考试平均得分率 ${fmt(mean * 100)}% × ${max} 分`,
        records: exams.map((e) => ({ label: e.title, value: e.absent ? '缺考' : `${e.score ?? 0}/${e.totalScore}`, date: e.date })),
        missing: false,
      };
    }
    case 'training_hours':
    case 'study_hours': {
      const hours = rule.kind === 'training_hours' ? facts.trainingHours : facts.studyHours;
      const word = rule.kind === 'training_hours' ? '培训学时' : '学习学时';
      return {
        ...base,
        points: round2(max * share(hours / rule.targetHours)),
        source: rule.kind,
        basis: `${word} ${fmt(hours)} / 目标 ${rule.targetHours} × ${max} 分`,
        records: [{ label: word, value: fmt(hours) }],
        missing: false,
      };
    }
    case 'competition': {
      const placed = facts.competitions.filter((c) => c.rank !== null && c.rank <= rule.maxRank);
      return {
        ...base,
        points: round2(Math.min(max, placed.length * rule.pointsPerPlacing)),
        source: 'competition',
        basis: `前 ${rule.maxRank} 名 ${placed.length} 次 × ${rule.pointsPerPlacing} 分，封顶 ${max} 分`,
        records: placed.map((c) => ({ label: `${c.title} ${c.item}`, value: `第 ${c.rank} 名`, date: c.date })),
        missing: false,
      };
    }
    case 'daily': {
      const entries = facts.entries.filter((e) => e.category === rule.category && e.score !== null);
      const delta = entries.reduce((a, e) => a + (e.kind === 'positive' ? 1 : -1) * (e.score ?? 0), 0);
      const word = rule.category === 'daily' ? '日常考核' : '阵前考核';
      return {
        ...base,
        points: round2(clamp(max + delta, 0, max)),
        source: 'daily',
        basis: `${max} 分起，${word}记录 ${entries.length} 条合计 ${delta >= 0 ? '+' : ''}${fmt(delta)} 分`,
        records: entries.map((e) => ({ label: e.reason, value: `${e.kind === 'positive' ? '+' : '-'}${e.score ?? 0}`, date: e.date })),
        missing: false,
      };
    }
    case 'aux_monthly': {
      const scored = facts.auxMonthly.filter((m) => m.score !== null);
      const mean = scored.length === 0 ? 0 : scored.reduce((a, m) => a + share((m.score ?? 0) / 100), 0) / scored.length;
      return {
        ...base,
        points: round2(max * mean),
        source: 'aux_monthly',
        basis: scored.length === 0 ? '期间无辅警月度考核分' : `${scored.length} 个月平均 ${fmt(mean * 100)} 分 × ${max}%`,
        records: facts.auxMonthly.map((m) => ({ label: m.month, value: `${m.score ?? '—'}${m.grade ? `（${m.grade}）` : ''}` })),
        missing: false,
      };
    }
    case 'unit_mean': {
      const mean = facts.members.length === 0 ? 0 : facts.members.reduce((a, m) => a + m.total, 0) / facts.members.length;
      return {
        ...base,
        points: round2(max * share(mean / 100)),
        source: 'unit_mean',
        basis: `本单位 ${facts.members.length} 人平均 ${fmt(mean)} 分 × ${max}%`,
        records: facts.members.map((m) => ({ label: m.name, value: fmt(m.total) })),
        missing: false,
      };
    }
  }
}

function adjustmentLine(a: Adjustment, facts: ScoreFacts, manual: ManualInput | undefined): AdjustmentLine {
  let raw = 0;
  let records: SourceRecord[] = [];
  if (a.source === 'manual') {
    raw = manual?.points ?? 0;
    records = manual ? [{ label: '理由', value: manual.evidence }] : [];
  } else {
    const lines =
      a.source === 'award'
        ? facts.awards.map((x) => ({ date: x.date, level: x.level ?? '', text: x.name }))
        : facts.discipline.map((x) => ({ date: x.date, level: x.kind, text: x.kind }));
    for (const l of lines) {
      const p = a.pointsByLevel?.[l.level];
      if (p === undefined) continue;
      raw += p;
      records.push({ label: l.text, value: `${a.side === 'bonus' ? '+' : '-'}${p}`, date: l.date });
    }
  }
  raw = round2(raw);
  const points = round2(Math.min(raw, a.cap));
  return { key: a.key, name: a.name, side: a.side, raw, points, capped: points < raw, records };
}

/**
 * The result: leaves clamped to their maxima, groups summing their children, bonus and
 * deduction items each capped and then capped per side; the total never goes below 0.
 */
export function computeResult(body: SchemeBody, facts: ScoreFacts, manual: Readonly<Record<string, ManualInput>>): Explanation {
  const lines = new Map<string, IndicatorLine>();
  const visit = (i: Indicator): IndicatorLine => {
    const have = lines.get(i.key);
    if (have) return have;
    const kids = childrenOf(body.indicators, i.key);
    let line: IndicatorLine;
    if (kids.length === 0) line = leafLine(i, facts, manual[i.key]);
    else {
      const sub = kids.map(visit);
      line = {
        key: i.key,
        name: i.name,
        parent: i.parent ?? null,
        maxPoints: i.maxPoints,
        points: sum(sub.map((s) => s.points)),
        source: 'group',
        basis: `${sub.length} 项合计`,
        records: [],
        missing: sub.some((s) => s.missing),
      };
    }
    lines.set(i.key, line);
    return line;
  };
  const roots = childrenOf(body.indicators, undefined).map(visit);
  const adjustments = body.adjustments.map((a) => adjustmentLine(a, facts, manual[a.key]));
  const side = (s: 'bonus' | 'deduction', cap: number) =>
    round2(Math.min(cap, sum(adjustments.filter((x) => x.side === s).map((x) => x.points))));
  const base = sum(roots.map((r) => r.points));
  const bonus = side('bonus', body.bonusCap);
  const deduction = side('deduction', body.deductionCap);
  return {
    lines: body.indicators.map((i) => lines.get(i.key) ?? visit(i)),
    adjustments,
    base,
    bonus,
    deduction,
    total: round2(Math.max(0, base + bonus - deduction)),
    complete: roots.every((r) => !r.missing),
  };
}

/** The grade the bands suggest for a total (a suggestion for the reviewer, never a decision). */
export function suggestedGrade(bands: readonly GradeBand[], total: number): string | null {
  const sorted = [...bands].sort((a, b) => b.minScore - a.minScore);
  return sorted.find((b) => total >= b.minScore)?.grade ?? null;
}

/** How many 优秀 a unit of `headcount` may confirm under the quota. */
export function excellentLimit(quota: ExcellentQuota, headcount: number): number {
  if (headcount <= 0) return 0;
  const raw = headcount * quota.ratio;
  // A tolerance so that 20 × 0.15 is 3, not 2.9999….
  const n = quota.rounding === 'floor' ? Math.floor(raw + 1e-9) : quota.rounding === 'ceil' ? Math.ceil(raw - 1e-9) : Math.round(raw);
  return quota.minOne ? Math.max(1, n) : n;
}
