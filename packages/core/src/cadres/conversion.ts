import { monthIndex } from './months.ts';
import { gradeName } from './names.ts';
import { tryQuotaMove, quotaUsage, type QuotaUnit, type QuotaUsage } from './quota.ts';
import { reason, type Reason } from './reasons.ts';
import type { CadreSubject } from './record.ts';
import type { QuotaRule, RuleMeta } from './rules.ts';

/**
 * 套改 / 套转 (conversion of posts into a new scheme) as data (DOMAIN-RULES §2.4): each source post
 * has options tried in order — the first whose conditions hold (any alternative, all of its
 * conditions) wins — then a fallback. Quotas of the rule set apply per unit, in seniority order;
 * a person refused by a quota drops to the next option.
 */
export type Condition =
  | { readonly kind: 'yearsInPost'; readonly min: number }
  | { readonly kind: 'yearsOfWork'; readonly min: number }
  | { readonly kind: 'yearsOfPolice'; readonly min: number }
  | { readonly kind: 'award'; readonly levels: readonly string[] }
  | { readonly kind: 'excellentCount'; readonly min: number }
  | { readonly kind: 'lastYearsAtLeast'; readonly years: number; readonly grades: readonly string[] }
  | { readonly kind: 'salaryLevelAtMost'; readonly level: number };

export interface ConversionOption {
  readonly to: string;
  /** Alternatives, each a list of conditions that must all hold; null = unconditional. */
  readonly anyOf: readonly (readonly Condition[])[] | null;
}
export interface ConversionRow {
  readonly from: string;
  readonly options: readonly ConversionOption[];
  readonly fallback: string;
}
export interface ConversionRuleSet {
  readonly id: string;
  readonly name: string;
  /** The conversion date: people are taken in the post they held the day before. */
  readonly effectiveFrom: string;
  readonly effectiveTo: string | null;
  readonly sourceSequence: string;
  readonly targetSequence: string;
  readonly rows: readonly ConversionRow[];
  /** People under a discipline effect on the date take the fallback. */
  readonly disciplineFallback: boolean;
  readonly quotas: readonly QuotaRule[];
  readonly meta: RuleMeta;
}

const AWARD_3 = ['三等功', '二等功', '一等功', '荣誉称号'];
const AWARD_2 = ['二等功', '一等功', '荣誉称号'];
const FIT = ['优秀', '称职'];
const altAC = (salaryLevel: number): Condition[][] => [
  [
    { kind: 'salaryLevelAtMost', level: salaryLevel },
    { kind: 'yearsInPost', min: 10 },
    { kind: 'lastYearsAtLeast', years: 10, grades: FIT },
  ],
  [
    { kind: 'salaryLevelAtMost', level: salaryLevel },
    { kind: 'yearsInPost', min: 3 },
    { kind: 'yearsOfWork', min: 30 },
    { kind: 'lastYearsAtLeast', years: 3, grades: FIT },
  ],
  [
    { kind: 'salaryLevelAtMost', level: salaryLevel },
    { kind: 'yearsInPost', min: 3 },
    { kind: 'yearsOfWork', min: 20 },
    { kind: 'award', levels: AWARD_2 },
    { kind: 'lastYearsAtLeast', years: 3, grades: FIT },
  ],
  [
    { kind: 'salaryLevelAtMost', level: salaryLevel },
    { kind: 'yearsInPost', min: 3 },
    { kind: 'yearsOfWork', min: 20 },
    { kind: 'excellentCount', min: 5 },
    { kind: 'lastYearsAtLeast', years: 3, grades: FIT },
  ],
];

export const conversionRuleSets: readonly ConversionRuleSet[] = [
  {
    id: 'rank.convert@2016',
    name: '2016年警员职务套改（非领导职务→警员职务，默认值）',
    effectiveFrom: '2016-12-01',
    effectiveTo: null,
    sourceSequence: 'admin',
    targetSequence: 'officer',
    rows: [
      { from: '801', options: [], fallback: '701' },
      { from: '802', options: [], fallback: '702' },
      { from: '803', options: [], fallback: '703' },
      {
        from: '804',
        options: [
          { to: '703', anyOf: altAC(22) },
          {
            to: '704',
            anyOf: [
              [{ kind: 'yearsInPost', min: 2 }],
              [{ kind: 'yearsOfPolice', min: 10 }],
              [{ kind: 'award', levels: AWARD_3 }],
              [{ kind: 'excellentCount', min: 3 }],
            ],
          },
        ],
        fallback: '705',
      },
      { from: '805', options: [{ to: '705', anyOf: altAC(24) }], fallback: '706' },
      { from: '806', options: [], fallback: '707' },
    ],
    disciplineFallback: true,
    quotas: [],
    meta: {
      source: '2016 警员职务套改 [P15] (DOMAIN-RULES §2.4); 级别 conditions need the 级别 on record',
      evidence: 'S',
      note: '另有两种地方口径，须确认本省适用版本 / two other variants exist; confirm the province’s',
    },
  },
  {
    id: 'rank.convert@2019',
    name: '2019年警员职级套转（警员职务→职级，推导默认值）',
    effectiveFrom: '2019-06-01',
    effectiveTo: null,
    sourceSequence: 'officer',
    targetSequence: 'officer',
    rows: [
      { from: '701', options: [], fallback: '604' },
      { from: '702', options: [], fallback: '606' },
      { from: '703', options: [], fallback: '608' },
      { from: '704', options: [], fallback: '610' },
      { from: '705', options: [], fallback: '610' },
      { from: '706', options: [], fallback: '611' },
      { from: '707', options: [], fallback: '612' },
    ],
    disciplineFallback: false,
    quotas: [
      { id: 'senior', name: '一至四级高级警长', grades: ['603', '604', '605', '606'], maxRatio: 0.2, of: 'establishment' },
      { id: 'senior12', name: '一级、二级高级警长', grades: ['603', '604'], maxRatio: 0.4, of: 'senior' },
      { id: 'sergeant', name: '一至四级警长', grades: ['607', '608', '609', '610'], maxRatio: 0.6, of: 'establishment' },
    ],
    meta: {
      source: 'derived from the §2.2 experience equivalences; the official police table was not found',
      evidence: 'U',
      note: '推导值，须以官方套转表替换 / derived, replace with the official table',
    },
  },
];

export interface ConversionSubject extends CadreSubject {
  readonly unitId: string;
  readonly name: string;
  /** 级别 (salary level, 1 = highest) when on record. */
  readonly salaryLevel?: number | null;
}

export type ConversionStatus = 'converted' | 'fallback' | 'quota' | 'deferred' | 'no_source';
export interface ConversionResult {
  readonly personId: string;
  readonly unitId: string;
  readonly from: string | null;
  readonly to: string | null;
  readonly status: ConversionStatus;
  readonly reasons: readonly Reason[];
}
export interface ConversionRun {
  readonly ruleSetId: string;
  readonly date: string;
  readonly results: ConversionResult[];
  readonly usage: QuotaUsage[];
}

const yearsBetween = (from: string | null, to: string): number => (from ? Math.floor((monthIndex(to) - monthIndex(from)) / 12) : 0);

interface Prepared {
  readonly s: ConversionSubject;
  readonly row: ConversionRow | undefined;
  readonly from: string | null;
  readonly yearsInPost: number;
  readonly underDiscipline: string | null;
}

function check(c: Condition, p: Prepared, date: string): Reason {
  const year = Number(date.slice(0, 4));
  switch (c.kind) {
    case 'yearsInPost':
      return reason(
        'YEARS_IN_POST',
        p.yearsInPost >= c.min,
        `任现职${p.yearsInPost}年（须满${c.min}年）`,
        `${p.yearsInPost} years in post (needs ${c.min})`,
      );
    case 'yearsOfWork': {
      const y = yearsBetween(p.s.workStartDate, date);
      return reason(
        'YEARS_OF_WORK',
        p.s.workStartDate !== null && y >= c.min,
        `工龄${p.s.workStartDate ? `${y}年` : '未登记'}（须满${c.min}年）`,
        `${y} years of work (needs ${c.min})`,
      );
    }
    case 'yearsOfPolice': {
      const y = yearsBetween(p.s.policeStartDate, date);
      return reason(
        'YEARS_OF_POLICE',
        p.s.policeStartDate !== null && y >= c.min,
        `警龄${p.s.policeStartDate ? `${y}年` : '未登记'}（须满${c.min}年）`,
        `${y} years of police work (needs ${c.min})`,
      );
    }
    case 'award': {
      const a = p.s.awards.find((x) => x.date < date && x.level !== null && c.levels.includes(x.level));
      return reason(
        'AWARD',
        a !== undefined,
        a ? `${a.date}获${a.level}` : `无${c.levels[0]}及以上奖励`,
        a ? `${a.level} on ${a.date}` : `no award of ${c.levels[0]} or higher`,
      );
    }
    case 'excellentCount': {
      const n = p.s.appraisals.filter((a) => a.year < year && a.grade === '优秀').length;
      return reason('EXCELLENT', n >= c.min, `年度考核优秀${n}次（须${c.min}次）`, `${n} excellent ratings (needs ${c.min})`);
    }
    case 'lastYearsAtLeast': {
      const years = Array.from({ length: c.years }, (_, i) => year - 1 - i);
      const bad = years.filter((y) => !c.grades.includes(p.s.appraisals.find((a) => a.year === y)?.grade ?? ''));
      return reason(
        'LAST_YEARS',
        bad.length === 0,
        bad.length === 0 ? `近${c.years}年考核均为称职以上` : `近${c.years}年中${bad.join('、')}年考核未达称职`,
        bad.length === 0 ? `last ${c.years} years all competent or better` : `years ${bad.join(', ')} below competent`,
      );
    }
    case 'salaryLevelAtMost': {
      const l = p.s.salaryLevel ?? null;
      return reason(
        'SALARY_LEVEL',
        l !== null && l <= c.level,
        l === null ? '级别未登记，无法认定' : `级别${l}级（须达到${c.level}级）`,
        l === null ? 'salary level not on record' : `salary level ${l} (needs ${c.level})`,
      );
    }
  }
}

function prepare(s: ConversionSubject, rules: ConversionRuleSet, rowsByFrom: Map<string, ConversionRow>, date: string): Prepared {
  const held = s.levels.find(
    (l) =>
      l.sequence === rules.sourceSequence && l.startDate < date && (l.endDate === null || l.endDate >= date) && rowsByFrom.has(l.level),
  );
  const d = s.disciplines.find((x) => x.date < date && (x.endDate === null || x.endDate > date));
  return {
    s,
    row: held ? rowsByFrom.get(held.level) : undefined,
    from: held?.level ?? null,
    yearsInPost: held ? yearsBetween(held.startDate, date) : 0,
    underDiscipline: d ? `${d.date}${d.kind}` : null,
  };
}

/**
 * Runs a conversion rule set over people: every person gets a result with the rule applied and
 * every reason; nothing is written. `date` defaults to the rule set's own date.
 */
export function simulateConversion(
  people: readonly ConversionSubject[],
  rules: ConversionRuleSet,
  date: string = rules.effectiveFrom,
): ConversionRun {
  const rowsByFrom = new Map(rules.rows.map((r) => [r.from, r]));
  const prepared = people.map((s) => prepare(s, rules, rowsByFrom, date));
  // Seniority decides who takes a scarce quota place: years in post, then years of work, then id (stable).
  const order = prepared
    .map((_, i) => i)
    .sort((a, b) => {
      const pa = prepared[a]!;
      const pb = prepared[b]!;
      return (
        pb.yearsInPost - pa.yearsInPost ||
        (pa.s.workStartDate ?? '9').localeCompare(pb.s.workStartDate ?? '9') ||
        pa.s.id.localeCompare(pb.s.id)
      );
    });
  const units = new Map<string, QuotaUnit>();
  for (const p of prepared) {
    const u = units.get(p.s.unitId) ?? { establishment: 0, holders: new Map<string, number>() };
    units.set(p.s.unitId, { establishment: u.establishment + 1, holders: u.holders });
  }
  const results: ConversionResult[] = new Array(prepared.length);
  for (const i of order) {
    const p = prepared[i]!;
    const unit = units.get(p.s.unitId)!;
    if (!p.row || p.from === null) {
      results[i] = {
        personId: p.s.id,
        unitId: p.s.unitId,
        from: null,
        to: null,
        status: 'no_source',
        reasons: [
          reason('SOURCE', false, `${date}前一日未任本规则所列原职务，不参加套改`, `No post of this rule set held the day before ${date}`),
        ],
      };
      continue;
    }
    const reasons: Reason[] = [
      reason(
        'SOURCE',
        true,
        `原职务${gradeName(p.from)}，任职${p.yearsInPost}年`,
        `Former post ${gradeName(p.from)}, ${p.yearsInPost} years`,
      ),
    ];
    if (rules.disciplineFallback && p.underDiscipline) {
      reasons.push(
        reason(
          'DISCIPLINE',
          false,
          `套改时处于处分影响期（${p.underDiscipline}），按${gradeName(p.row.fallback)}套改`,
          `Under discipline (${p.underDiscipline}): converted to ${gradeName(p.row.fallback)}`,
        ),
      );
      tryQuotaMove([], unit, null, p.row.fallback);
      results[i] = { personId: p.s.id, unitId: p.s.unitId, from: p.from, to: p.row.fallback, status: 'deferred', reasons };
      continue;
    }
    let placed: string | null = null;
    let status: ConversionStatus = 'fallback';
    for (const option of p.row.options) {
      let met = option.anyOf === null;
      if (option.anyOf) {
        for (const [k, alt] of option.anyOf.entries()) {
          const checks = alt.map((c) => check(c, p, date));
          const ok = checks.every((c) => c.ok);
          reasons.push(
            reason(
              'CONDITION',
              ok,
              `${gradeName(option.to)}条件${k + 1}：${checks.map((c) => `${c.ok ? '✓' : '✗'}${c.zh}`).join('；')}`,
              `${gradeName(option.to)} condition ${k + 1}: ${checks.map((c) => `${c.ok ? 'met' : 'not met'}: ${c.en}`).join('; ')}`,
            ),
          );
          if (ok) {
            met = true;
            break;
          }
        }
      }
      if (!met) continue;
      const refused = tryQuotaMove(rules.quotas, unit, null, option.to);
      if (refused) {
        reasons.push(refused);
        status = 'quota';
        continue;
      }
      placed = option.to;
      status = 'converted';
      break;
    }
    if (placed === null) {
      const refused = tryQuotaMove(rules.quotas, unit, null, p.row.fallback);
      if (refused && p.row.options.length === 0) {
        reasons.push(refused);
        results[i] = { personId: p.s.id, unitId: p.s.unitId, from: p.from, to: null, status: 'quota', reasons };
        continue;
      }
      if (refused) tryQuotaMove([], unit, null, p.row.fallback);
      placed = p.row.fallback;
      if (p.row.options.length === 0) status = 'converted';
    }
    reasons.push(reason('RESULT', status === 'converted', `套改为${gradeName(placed)}`, `Converted to ${gradeName(placed)}`));
    results[i] = { personId: p.s.id, unitId: p.s.unitId, from: p.from, to: placed, status, reasons };
  }
  return { ruleSetId: rules.id, date, results, usage: quotaUsage(rules.quotas, units) };
}
