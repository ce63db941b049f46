import { ewMonthIndex, windowStart } from './month.ts';

/**
 * The indicator catalogue (design: early-warning §A3). Each indicator reads one kind of fact,
 * over a window of complete months ending at the as-of date, counting only facts already known
 * (recorded or decided) on that date. Sources register the fact kinds they supply, so modules
 * that land later (welfare's leave and wearables, discipline's complaints) plug in by kind.
 */

/** Kinds of dated facts the indicators read. */
export const factKinds = [
  'complaint',
  'discipline',
  'award',
  'appraisal',
  'overtime',
  'leave_taken',
  'exam_score',
  'training_hours',
  'wearable_alert',
  'wearable_consent',
  'care_contact',
  'transfer',
  'outcome',
] as const;
export type FactKind = (typeof factKinds)[number];

/** One dated fact about a person: when it happened, when the platform knew it, and its amount. */
export interface Fact {
  readonly personId: string;
  readonly kind: FactKind;
  readonly eventDate: string;
  readonly knownDate: string;
  readonly value: number;
  /** Where it came from, so an explanation or an appeal can name it (`ew_fact:<id>`, `person_discipline:<id>` …). */
  readonly ref: string;
}

export type Aggregation = 'count' | 'sum' | 'avg' | 'trend' | 'untaken_ratio' | 'last' | 'recent_flag';

export interface IndicatorDef {
  readonly code: string;
  readonly zh: string;
  readonly en: string;
  readonly dimension: string;
  readonly fact: FactKind;
  readonly months: number;
  readonly agg: Aggregation;
  readonly unit: string;
  /** up: higher is of more concern; down: lower is. */
  readonly direction: 'up' | 'down';
  readonly peer: boolean;
  /** Health data: shown only with consent; missing stays missing. */
  readonly restricted?: boolean;
  /** A response signal (supervisor attention): shown as context, kept out of the model. */
  readonly contextOnly?: boolean;
}

export const INDICATORS: readonly IndicatorDef[] = [
  {
    code: 'DISC_COMPLAINT_12M',
    zh: '近12个月被投诉次数',
    en: 'Complaints, 12 months',
    dimension: '纪律作风',
    fact: 'complaint',
    months: 12,
    agg: 'count',
    unit: '次',
    direction: 'up',
    peer: true,
  },
  {
    code: 'DISC_COMPLAINT_3M',
    zh: '近3个月被投诉次数',
    en: 'Complaints, 3 months',
    dimension: '纪律作风',
    fact: 'complaint',
    months: 3,
    agg: 'count',
    unit: '次',
    direction: 'up',
    peer: true,
  },
  {
    code: 'DISC_RECORD_12M',
    zh: '近12个月处分次数',
    en: 'Discipline decisions, 12 months',
    dimension: '纪律作风',
    fact: 'discipline',
    months: 12,
    agg: 'count',
    unit: '次',
    direction: 'up',
    peer: false,
  },
  {
    code: 'LOAD_OT_AVG_3M',
    zh: '近3个月月均加班',
    en: 'Overtime per month, 3 months',
    dimension: '工作负荷',
    fact: 'overtime',
    months: 3,
    agg: 'avg',
    unit: '小时/月',
    direction: 'up',
    peer: true,
  },
  {
    code: 'LOAD_OT_TREND',
    zh: '加班增幅（近3个月较此前9个月）',
    en: 'Overtime change (3 vs prior 9 months)',
    dimension: '工作负荷',
    fact: 'overtime',
    months: 12,
    agg: 'trend',
    unit: '小时/月',
    direction: 'up',
    peer: true,
  },
  {
    code: 'LOAD_LEAVE_UNTAKEN_12M',
    zh: '近12个月应休未休比例',
    en: 'Leave not taken, 12 months',
    dimension: '工作负荷',
    fact: 'leave_taken',
    months: 12,
    agg: 'untaken_ratio',
    unit: '比例',
    direction: 'up',
    peer: true,
  },
  {
    code: 'LEARN_EXAM_AVG_3M',
    zh: '近3个月考试均分',
    en: 'Exam average, 3 months',
    dimension: '学习能力',
    fact: 'exam_score',
    months: 3,
    agg: 'avg',
    unit: '分',
    direction: 'down',
    peer: true,
  },
  {
    code: 'LEARN_EXAM_DELTA',
    zh: '考试均分变化（近3个月较此前9个月）',
    en: 'Exam change (3 vs prior 9 months)',
    dimension: '学习能力',
    fact: 'exam_score',
    months: 12,
    agg: 'trend',
    unit: '分',
    direction: 'down',
    peer: true,
  },
  {
    code: 'TRAIN_HOURS_12M',
    zh: '近12个月培训学时',
    en: 'Training hours, 12 months',
    dimension: '学习能力',
    fact: 'training_hours',
    months: 12,
    agg: 'sum',
    unit: '学时',
    direction: 'down',
    peer: false,
  },
  {
    code: 'PERF_GRADE',
    zh: '最近一次年度考核等次（0优秀…3不称职）',
    en: 'Latest appraisal grade (0 best … 3)',
    dimension: '绩效',
    fact: 'appraisal',
    months: 24,
    agg: 'last',
    unit: '级',
    direction: 'up',
    peer: false,
  },
  {
    code: 'HEALTH_WEARABLE_3M',
    zh: '近3个月可穿戴设备预警次数',
    en: 'Wearable alerts, 3 months',
    dimension: '身心健康',
    fact: 'wearable_alert',
    months: 3,
    agg: 'count',
    unit: '次',
    direction: 'up',
    peer: true,
    restricted: true,
  },
  {
    code: 'CARE_CONTACT_6M',
    zh: '近6个月谈心谈话、家访次数',
    en: 'Care contacts, 6 months',
    dimension: '关爱激励',
    fact: 'care_contact',
    months: 6,
    agg: 'count',
    unit: '次',
    direction: 'up',
    peer: false,
    contextOnly: true,
  },
  {
    code: 'AWARD_12M',
    zh: '近12个月奖励次数',
    en: 'Awards, 12 months',
    dimension: '关爱激励',
    fact: 'award',
    months: 12,
    agg: 'count',
    unit: '次',
    direction: 'down',
    peer: false,
  },
  {
    code: 'MOB_RECENT_TRANSFER',
    zh: '近90天内调整岗位',
    en: 'Transferred in the last 90 days',
    dimension: '岗位变动',
    fact: 'transfer',
    months: 3,
    agg: 'recent_flag',
    unit: '是/否',
    direction: 'up',
    peer: false,
  },
];

const byCode = new Map(INDICATORS.map((d) => [d.code, d]));
export const indicatorDef = (code: string): IndicatorDef | undefined => byCode.get(code);

/** The largest window any indicator needs, in months: how far back the job reads facts. */
export const MAX_WINDOW_MONTHS = Math.max(...INDICATORS.map((d) => d.months));

/** Settings the computation takes from versioned rule data (editable defaults). */
export interface IndicatorSettings {
  /** Paid annual leave entitlement in days (职工带薪年休假条例: 5/10/15 by years of service); default 15. */
  readonly annualLeaveDays: number;
}

/** One computed indicator value of one person; null value = missing (never counted as zero). */
export interface IndicatorValue {
  readonly code: string;
  readonly value: number | null;
  /** The facts the value rests on (refs), for explanations and appeals. */
  readonly refs: readonly string[];
}

const mean = (a: readonly number[]) => (a.length ? a.reduce((x, y) => x + y, 0) / a.length : null);

/**
 * Computes every indicator for one person as of a month end from that person's facts. A fact
 * counts only when its known date is on or before the as-of date (no later knowledge leaks in),
 * and only when its event date lies in the indicator's window.
 */
export function computeIndicators(asOf: string, facts: readonly Fact[], settings: IndicatorSettings): IndicatorValue[] {
  const known = facts.filter((f) => f.knownDate <= asOf && f.eventDate <= asOf);
  const asOfMonth = ewMonthIndex(asOf);
  const byKind = new Map<FactKind, Fact[]>();
  for (const f of known) {
    const list = byKind.get(f.kind);
    if (list) list.push(f);
    else byKind.set(f.kind, [f]);
  }
  const consented = (byKind.get('wearable_consent') ?? []).some((f) => f.value > 0);
  return INDICATORS.map((d) => {
    const start = windowStart(asOf, d.months);
    const inWindow = (byKind.get(d.fact) ?? []).filter((f) => f.eventDate >= start);
    const refs = inWindow.map((f) => f.ref);
    if (d.restricted && !consented) return { code: d.code, value: null, refs: [] };
    const recent = (months: number) => inWindow.filter((f) => ewMonthIndex(f.eventDate) > asOfMonth - months);
    const values = (fs: readonly Fact[]) => fs.map((f) => f.value);
    let value: number | null;
    switch (d.agg) {
      case 'count':
        value = inWindow.length;
        break;
      case 'sum':
        value = values(inWindow).reduce((x, y) => x + y, 0);
        break;
      case 'avg':
        value = mean(values(inWindow));
        break;
      case 'trend': {
        const late = mean(values(recent(3)));
        const early = mean(values(inWindow.filter((f) => ewMonthIndex(f.eventDate) <= asOfMonth - 3)));
        value = late === null || early === null ? null : late - early;
        break;
      }
      case 'untaken_ratio': {
        // No leave ledger at all is missing data, not leave untaken.
        const ledger = (byKind.get(d.fact) ?? []).length > 0;
        const entitled = (settings.annualLeaveDays * d.months) / 12;
        const taken = values(inWindow).reduce((x, y) => x + y, 0);
        value = entitled > 0 && ledger ? Math.max(0, 1 - taken / entitled) : null;
        break;
      }
      case 'last': {
        const last = [...inWindow].sort((a, b) => (a.eventDate < b.eventDate ? -1 : a.eventDate > b.eventDate ? 1 : 0)).at(-1);
        value = last ? last.value : null;
        break;
      }
      case 'recent_flag': {
        const since = Date.parse(asOf) - 90 * 86_400_000;
        value = inWindow.some((f) => Date.parse(f.eventDate) > since) ? 1 : 0;
        break;
      }
    }
    return { code: d.code, value: value === null ? null : Math.round(value * 1e6) / 1e6, refs };
  });
}
