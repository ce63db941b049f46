import { addDays, addMonths } from '../platform/civil-months.ts';
import {
  awardLevelOrd,
  disciplineSystemOf,
  type AwardLevel,
  type DisciplineValue,
  type GuardsValue,
  type RecipientOrgLevel,
} from './rules.ts';

export { addDays, addMonths };

/**
 * The award guards of 奖励条令 135 Arts. 11–12 (DOMAIN-RULES §1.4), as one pure check. Each
 * refusal carries its reason in words (zh-CN, en-US) so the person nominating sees why; a soft
 * guard may be overridden by the major-contribution exception (Art. 12), which is recorded with
 * who allowed it. Hard guards (one deed one award, investigation, remit) never yield.
 */
export type GuardCode =
  | 'ONE_DEED_ONE_AWARD'
  | 'NO_REPEAT_WITHIN_PERIOD'
  | 'SUSPEND_UNDER_INVESTIGATION'
  | 'INDIVIDUAL_IN_DISCIPLINE'
  | 'LEVEL_OUTSIDE_REMIT'
  | 'NO_APPROVING_ORGAN';

export interface GuardRefusal {
  readonly code: GuardCode;
  /** Soft guards yield to the major-contribution exception. */
  readonly soft: boolean;
  readonly zh: string;
  readonly en: string;
}

export interface PriorAward {
  readonly date: string;
  readonly level: string | null;
  readonly name: string;
}
export interface DisciplineSpan {
  readonly kind: string;
  readonly date: string;
  /** End of the effect period; null = permanent or until lifted. */
  readonly endDate: string | null;
}

export interface GuardInput {
  readonly level: AwardLevel;
  /** The proposed decision date (today for a new nomination). */
  readonly onDate: string;
  /** Awards (decided or pending) already tied to this deed, with their titles. */
  readonly sameDeed: readonly { readonly title: string; readonly date: string }[];
  readonly priorAwards: readonly PriorAward[];
  readonly discipline: readonly DisciplineSpan[];
  /** An open investigation (立案调查) since this date, if any. */
  readonly investigationSince: string | null;
  readonly proposerOrgLevel: RecipientOrgLevel;
  readonly hasApprovingOrgan: boolean;
  readonly guards: GuardsValue;
}

export interface GuardResult {
  /** Refusals that stand (hard ones, and soft ones without the exception). */
  readonly refusals: readonly GuardRefusal[];
  /** Soft refusals set aside by the major-contribution exception. */
  readonly overridden: readonly GuardRefusal[];
}

/** A discipline span covers `date` when it began on or before it and has not ended before it. */
export const spanCovers = (s: DisciplineSpan, date: string): boolean => s.date <= date && (s.endDate === null || s.endDate >= date);

export function checkAwardGuards(input: GuardInput, exception: boolean): GuardResult {
  const all: GuardRefusal[] = [];
  const { level, onDate, guards } = input;
  if (!input.hasApprovingOrgan)
    all.push({
      code: 'NO_APPROVING_ORGAN',
      soft: false,
      zh: `授权矩阵中没有可以批准“${level}”的机关，不能提名`,
      en: `No organ in the authority matrix may approve a ${level}`,
    });
  const remit = guards.proposerRemit[input.proposerOrgLevel];
  if (awardLevelOrd(level) > awardLevelOrd(remit))
    all.push({
      code: 'LEVEL_OUTSIDE_REMIT',
      soft: false,
      zh: `超出提名单位权限：本级单位最高可提名“${remit}”，不能提名“${level}”`,
      en: `Outside the proposer's remit: this level may propose up to ${remit}, not ${level}`,
    });
  for (const d of input.sameDeed)
    all.push({
      code: 'ONE_DEED_ONE_AWARD',
      soft: false,
      zh: `一事不重复奖励（奖励条令第十一条）：该事迹已于 ${d.date} 报奖“${d.title}”`,
      en: `One deed, one award (Art. 11): this deed was already put forward on ${d.date} (“${d.title}”)`,
    });
  if (input.investigationSince)
    all.push({
      code: 'SUSPEND_UNDER_INVESTIGATION',
      soft: false,
      zh: `本人自 ${input.investigationSince} 起正在接受组织调查，调查结束前暂停奖励（奖励条令第十二条）`,
      en: `Under investigation since ${input.investigationSince}: awards are suspended until it closes (Art. 12)`,
    });
  if (guards.repeatLookbackMonths > 0) {
    const from = addMonths(onDate, -guards.repeatLookbackMonths);
    const recent = input.priorAwards.filter(
      (a) =>
        a.level !== null &&
        awardLevelOrd(a.level) > 0 &&
        a.date > from &&
        a.date <= onDate &&
        awardLevelOrd(a.level) >= awardLevelOrd(level),
    );
    for (const a of recent)
      all.push({
        code: 'NO_REPEAT_WITHIN_PERIOD',
        soft: true,
        zh: `${guards.repeatLookbackMonths} 个月内已获“${a.level}”（${a.date}，${a.name}），原则上不再给予同级或较低等级奖励（奖励条令第十一条）`,
        en: `Already awarded ${a.level} on ${a.date} (${a.name}) within ${guards.repeatLookbackMonths} months: no award of the same or a lower level (Art. 11)`,
      });
  }
  for (const s of input.discipline.filter((x) => spanCovers(x, onDate))) {
    const system = disciplineSystemOf(s.kind) === 'party' ? '党纪' : '政务';
    const until = s.endDate ?? '长期';
    all.push({
      code: 'INDIVIDUAL_IN_DISCIPLINE',
      soft: true,
      zh: `本人在${system}处分影响期内（${s.kind}，${s.date} 至 ${until}），原则上不予奖励（奖励条令第十二条）`,
      en: `Inside a ${system === '党纪' ? 'party' : 'government'} discipline period (${s.kind}, ${s.date} to ${s.endDate ?? 'open'}): no award in principle (Art. 12)`,
    });
  }
  const overridden = exception ? all.filter((r) => r.soft) : [];
  return { refusals: all.filter((r) => !overridden.includes(r)), overridden };
}

/** What a person's discipline record means on a date (DOMAIN-RULES §1.7–1.8), with reasons. */
export interface DisciplineEffects {
  readonly blocksAward: boolean;
  readonly blocksPromotion: boolean;
  readonly blocksGrade: boolean;
  /** The best annual appraisal grade allowed, or null when uncapped. */
  readonly appraisalCap: string | null;
  readonly reasons: readonly { readonly kind: string; readonly from: string; readonly to: string | null; readonly zh: string }[];
}

const CAP_ORDER = ['优秀', '称职', '基本称职', '不定等次'];

export function disciplineEffects(spans: readonly DisciplineSpan[], rules: DisciplineValue, onDate: string): DisciplineEffects {
  let blocksAward = false;
  let blocksPromotion = false;
  let blocksGrade = false;
  let cap: string | null = null;
  const reasons: { kind: string; from: string; to: string | null; zh: string }[] = [];
  for (const s of spans.filter((x) => spanCovers(x, onDate))) {
    const row = rules.kinds.find((k) => k.kind === s.kind);
    if (!row) continue;
    blocksAward ||= row.blocksAward;
    blocksPromotion ||= row.blocksPromotion;
    blocksGrade ||= row.blocksGrade;
    if (cap === null || CAP_ORDER.indexOf(row.appraisalCap) > CAP_ORDER.indexOf(cap)) cap = row.appraisalCap;
    const what = [row.blocksAward && '不予奖励', row.blocksPromotion && '不得晋升职务、警衔', row.blocksGrade && '不得晋升职级、级别']
      .filter(Boolean)
      .join('、');
    reasons.push({
      kind: s.kind,
      from: s.date,
      to: s.endDate,
      zh: `${s.kind}（${s.date} 至 ${s.endDate ?? '长期'}）：${what}；年度考核最高“${row.appraisalCap}”`,
    });
  }
  return { blocksAward, blocksPromotion, blocksGrade, appraisalCap: cap, reasons };
}

/** The end of a discipline's effect period from its decision date, or null when permanent (开除, 开除党籍). */
export function disciplineEndDate(rules: DisciplineValue, kind: string, decisionDate: string, months?: number): string | null {
  const row = rules.kinds.find((k) => k.kind === kind);
  const m = months ?? row?.months ?? null;
  if (m === null) return null;
  // The period runs from the day the decision takes effect (政务处分法 Art. 8): 6 months from 01-10 end on 07-09.
  return addDays(addMonths(decisionDate, Math.min(m, rules.maxCombinedMonths)), -1);
}
