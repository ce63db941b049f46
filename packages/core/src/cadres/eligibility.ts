import { policeTechLevelOfficerEquivalent } from '../dict/police-tech-level.ts';
import { addMonths, monthIndex, monthLabel, monthStart, monthsInWords } from './months.ts';
import { gradeName, rankName } from './names.ts';
import { reason, type Reason } from './reasons.ts';
import type { CadreSubject, DisciplineRecord } from './record.ts';
import type { PromotionRuleSet } from './rules.ts';

export type Track = 'grade' | 'tech' | 'rank';
export type EligibilityStatus = 'eligible' | 'not_yet' | 'blocked' | 'top' | 'selection' | 'no_data';

export interface Eligibility {
  readonly track: Track;
  readonly from: string | null;
  readonly to: string | null;
  readonly status: EligibilityStatus;
  /** First day the time condition is (or will be) met, projected with future years counted; null when never. */
  readonly dueDate: string | null;
  readonly countedMonths: number;
  readonly requiredMonths: number;
  readonly countingFrom: string | null;
  readonly excludedYears: readonly { year: number; months: number; grade: string | null }[];
  readonly convertedMonths: number;
  readonly reasons: readonly Reason[];
}

const words = monthsInWords;
const none = (track: Track, from: string | null, status: EligibilityStatus, reasons: Reason[]): Eligibility => ({
  track,
  from,
  to: null,
  status,
  dueDate: null,
  countedMonths: 0,
  requiredMonths: 0,
  countingFrom: null,
  excludedYears: [],
  convertedMonths: 0,
  reasons,
});

/** The effect period's end of a discipline line (exclusive); null = permanent. */
export function disciplineEnd(d: DisciplineRecord, rules: PromotionRuleSet): string | null {
  if (d.endDate) return d.endDate;
  const effect = rules.discipline[d.kind];
  // A kind the rule set does not know has no effect period (its readers show it, rules ignore it).
  if (!effect) return d.date;
  return effect.months === null ? null : addMonths(d.date, effect.months);
}

/** Discipline effects that block `track` on `asOf`, or start later than it; the reasons say which and until when. */
function disciplineBlocks(s: CadreSubject, rules: PromotionRuleSet, track: Track, asOf: string) {
  const reasons: Reason[] = [];
  let until: string | null | undefined; // undefined: no block; null: permanent
  for (const d of s.disciplines) {
    const effect = rules.discipline[d.kind];
    if (!effect || !(track === 'rank' ? effect.blocksRank : effect.blocksGrade)) continue;
    const end = disciplineEnd(d, rules);
    if (d.date > asOf || (end !== null && end <= asOf)) continue;
    until = end === null || until === null ? null : until === undefined || end > until ? end : until;
    reasons.push(
      reason(
        'DISCIPLINE',
        false,
        `${d.date}受${d.kind}处分，影响期${end ? `至${end}` : '长期'}，期内不得晋升${track === 'rank' ? '警衔' : '职级'}`,
        `${d.kind} (discipline) decided ${d.date}, in effect ${end ? `until ${end}` : 'permanently'}: no ${track === 'rank' ? 'rank' : 'grade'} promotion during it`,
      ),
    );
  }
  return { reasons, until };
}

function latestAppraisalBlock(s: CadreSubject, rules: PromotionRuleSet): Reason | undefined {
  const last = [...s.appraisals].sort((a, b) => b.year - a.year)[0];
  if (!last || !rules.grade.blockingGrades.includes(last.grade)) return undefined;
  return reason(
    'APPRAISAL',
    false,
    `最近一次年度考核（${last.year}年）为${last.grade}，不得晋升`,
    `Latest annual appraisal (${last.year}) is ${last.grade}: no promotion`,
  );
}

/**
 * Years in grade (任职年限) for a grade promotion as of `asOf` (DOMAIN-RULES §2.2): counted in
 * whole months from the month of appointment; months of years rated other than the counted grades,
 * or without a result, are excluded (the current year counts provisionally until rated); years in
 * the 2016 警员职务 post that converts into the current grade count too.
 */
export function gradeEligibility(s: CadreSubject, rules: PromotionRuleSet, asOf: string, track: 'grade' | 'tech' = 'grade'): Eligibility {
  const current = track === 'grade' ? s.officerLevel : s.techLevel;
  const sequence = track === 'grade' ? 'officer' : 'tech';
  if (!current) return none(track, null, 'no_data', [reason('GRADE', false, '未登记现职级', 'No current grade on record')]);
  const step = (track === 'grade' ? rules.grade.officer : rules.grade.tech)[current];
  if (!step)
    return none(track, current, 'top', [
      reason('LADDER', false, `${gradeName(current)}已是本序列最高职级`, `${gradeName(current)} is the top of the ladder`),
    ]);
  const reasons: Reason[] = [];
  const lines = s.levels.filter((l) => l.sequence === sequence).sort((a, b) => b.startDate.localeCompare(a.startDate));
  const currentLine = lines.find((l) => l.level === current);
  const start = s.levelDate ?? currentLine?.startDate;
  if (!start)
    return none(track, current, 'no_data', [
      reason('GRADE_DATE', false, '未登记职级任职时间，无法计算任职年限', 'No grade start date: years in grade cannot be counted'),
    ]);
  reasons.push(
    reason(
      'GRADE_DATE',
      true,
      `现职级${gradeName(current)}，任职时间${start}${s.levelDate ? '' : '（取自职级履历）'}`,
      `Current grade ${gradeName(current)} since ${start}${s.levelDate ? '' : ' (from the grade history)'}`,
    ),
  );
  // Converted 2016-scheme posts that count as this grade, ending before the current grade started.
  const segments: { from: number; to: number | null; converted: boolean }[] = [{ from: monthIndex(start), to: null, converted: false }];
  let convertedMonths = 0;
  if (track === 'grade') {
    for (const l of s.levels) {
      if (rules.grade.converted2016[l.level] !== current || l.startDate >= start) continue;
      const to = monthIndex(l.endDate && l.endDate < start ? l.endDate : start);
      const from = monthIndex(l.startDate);
      if (to <= from) continue;
      segments.push({ from, to, converted: true });
      convertedMonths += to - from;
      reasons.push(
        reason(
          'CONVERTED',
          true,
          `${l.startDate}起任${gradeName(l.level)}，按2019年套转规则视同${gradeName(current)}任职（${words(to - from).zh}）`,
          `${gradeName(l.level)} from ${l.startDate} counts as ${gradeName(current)} under the 2019 conversion (${words(to - from).en})`,
        ),
      );
    }
  }
  const asOfMonth = monthIndex(asOf);
  const asOfYear = Number(asOf.slice(0, 4));
  const grades = new Map(s.appraisals.map((a) => [a.year, a.grade]));
  const counts = (m: number): boolean => {
    const year = Math.floor(m / 12);
    if (year < rules.grade.countFromYear) return false;
    if (year >= asOfYear) {
      const g = grades.get(year);
      return g === undefined || rules.grade.countedGrades.includes(g);
    }
    const g = grades.get(year);
    return g !== undefined && rules.grade.countedGrades.includes(g);
  };
  const required = step.years * 12;
  const excluded = new Map<number, number>();
  let counted = 0;
  let due: number | null = null;
  const ordered = [...segments].sort((a, b) => a.from - b.from);
  for (const seg of ordered) {
    const end = seg.to ?? Number.MAX_SAFE_INTEGER;
    for (let m = seg.from; m < end; m++) {
      if (m >= asOfMonth && (due !== null || seg.to !== null)) break;
      if (counts(m)) {
        counted += 1;
        if (counted === required && due === null) due = m + 1;
      } else if (m < asOfMonth) {
        const y = Math.floor(m / 12);
        excluded.set(y, (excluded.get(y) ?? 0) + 1);
      }
      if (m - seg.from > 1200) break; // a century: bad data, not a loop forever
    }
  }
  const countedByAsOf = ordered.reduce((n, seg) => {
    let c = 0;
    for (let m = seg.from; m < Math.min(seg.to ?? asOfMonth, asOfMonth); m++) if (counts(m)) c += 1;
    return n + c;
  }, 0);
  const excludedYears = [...excluded.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([year, months]) => ({ year, months, grade: grades.get(year) ?? null }));
  for (const e of excludedYears)
    reasons.push(
      reason(
        'EXCLUDED_YEAR',
        false,
        `${e.year}年${e.grade ? `考核为${e.grade}` : '无考核结果'}，该年${e.months}个月不计入任职年限`,
        `${e.year}: ${e.grade ? `appraised ${e.grade}` : 'no appraisal result'}; its ${e.months} month(s) do not count`,
      ),
    );
  const enough = countedByAsOf >= required;
  reasons.push(
    reason(
      'YEARS',
      enough,
      `晋升${gradeName(step.to)}须任现职级满${step.years}年；已计${words(countedByAsOf).zh}${due !== null ? `，${enough ? '已于' : '预计'}${monthLabel(due)}满足` : ''}`,
      `${gradeName(step.to)} needs ${step.years} years in grade; ${words(countedByAsOf).en} counted${due !== null ? `, ${enough ? 'met' : 'expected'} ${monthLabel(due)}` : ''}`,
    ),
  );
  const appraisalBlock = latestAppraisalBlock(s, rules);
  if (appraisalBlock) reasons.push(appraisalBlock);
  const discipline = disciplineBlocks(s, rules, track, asOf);
  reasons.push(...discipline.reasons);
  let dueDate = due === null ? null : monthStart(due);
  if (dueDate && discipline.until !== undefined)
    dueDate = discipline.until === null ? null : discipline.until > dueDate ? discipline.until : dueDate;
  const blocked = appraisalBlock !== undefined || discipline.reasons.length > 0;
  if (!blocked && !enough && dueDate === null)
    reasons.push(reason('YEARS', false, '按现有考核结果无法满足年限', 'The years cannot be met on the present record'));
  return {
    track,
    from: current,
    to: step.to,
    status: blocked ? 'blocked' : enough ? 'eligible' : 'not_yet',
    dueDate,
    countedMonths: countedByAsOf,
    requiredMonths: required,
    countingFrom: monthStart(ordered[0]!.from),
    excludedYears,
    convertedMonths,
    reasons,
  };
}

/**
 * 警衔 promotion as of `asOf` (警衔条例 Arts. 14–17, DOMAIN-RULES §2.5): the period of the current
 * rank, the band of the current grade, the training gates, discipline, and early promotion for a
 * qualifying merit award won at the current rank.
 */
export function rankEligibility(s: CadreSubject, rules: PromotionRuleSet, asOf: string): Eligibility {
  const r = rules.rank;
  const current = s.rank;
  if (!current) return none('rank', null, 'no_data', [reason('RANK', false, '未登记警衔', 'No police rank on record')]);
  if (current >= r.timedTop)
    return none('rank', current, 'selection', [
      reason(
        'SELECT',
        false,
        `${rankName(current)}及以上警衔实行选升，不按期晋升`,
        `From ${rankName(r.timedTop)} up, ranks are by selection, not by period`,
      ),
    ]);
  const step = r.periods[current];
  if (!step) return none('rank', current, 'top', [reason('PERIOD', false, '无晋升期限规则', 'No period rule for this rank')]);
  const reasons: Reason[] = [];
  const line = [...s.ranks].filter((l) => l.rank === current).sort((a, b) => b.startDate.localeCompare(a.startDate))[0];
  const start = line?.startDate ?? s.rankDate;
  if (!start)
    return none('rank', current, 'no_data', [reason('RANK_DATE', false, '未登记授衔（晋衔）时间', 'No date for the current rank')]);
  reasons.push(reason('RANK_DATE', true, `现警衔${rankName(current)}，${start}起`, `Current rank ${rankName(current)} since ${start}`));
  let required = step.years * 12;
  const merit = s.awards.find((a) => a.date >= start && a.date <= asOf && a.level !== null && r.early.awardLevels.includes(a.level));
  if (merit) {
    const min = current < '05' ? r.early.minMonthsLow : r.early.minMonthsHigh;
    const shortened = Math.max(min, required - r.early.months);
    reasons.push(
      reason(
        'EARLY',
        true,
        `${merit.date}获${merit.level}（${merit.name}），可提前晋升：期限由${words(required).zh}缩短为${words(shortened).zh}（须报批）`,
        `${merit.level} (${merit.name}) on ${merit.date}: early promotion possible, period ${words(required).en} → ${words(shortened).en} (needs approval)`,
      ),
    );
    required = shortened;
  }
  const counted = Math.max(0, monthIndex(asOf) - monthIndex(start));
  const due = monthIndex(start) + required;
  const enough = counted >= required;
  reasons.push(
    reason(
      'PERIOD',
      enough,
      `晋升${rankName(step.to)}须满${words(required).zh}；已满${words(counted).zh}，${enough ? '已于' : '预计'}${monthLabel(due)}到期`,
      `${rankName(step.to)} needs ${words(required).en}; ${words(counted).en} served, ${enough ? 'due since' : 'due'} ${monthLabel(due)}`,
    ),
  );
  const blocks: Reason[] = [];
  const level = s.officerLevel ?? (s.techLevel ? (policeTechLevelOfficerEquivalent[s.techLevel] ?? null) : null);
  const band = level ? r.bands[level] : undefined;
  if (band && step.to > band[1])
    blocks.push(
      reason(
        'BAND',
        false,
        `职级${gradeName(level)}对应警衔${rankName(band[0])}至${rankName(band[1])}，已达上限，须先晋升职级`,
        `Grade ${gradeName(level)} allows ${rankName(band[0])}–${rankName(band[1])}: at the top, a grade promotion comes first`,
      ),
    );
  else if (band)
    reasons.push(
      reason(
        'BAND',
        true,
        `${rankName(step.to)}在职级${gradeName(level)}的警衔范围内`,
        `${rankName(step.to)} lies in the band of ${gradeName(level)}`,
      ),
    );
  const gate = r.trainingGates.find((g) => g.from === current && g.to === step.to);
  if (gate) {
    const done = s.trainings.find((t) => t.course.includes(gate.course) && t.date <= asOf);
    (done ? reasons : blocks).push(
      done
        ? reason(
            'TRAINING',
            true,
            `已完成晋升培训（${done.course}，${done.date}）`,
            `Promotion training done (${done.course}, ${done.date})`,
          )
        : reason(
            'TRAINING',
            false,
            `晋升${rankName(step.to)}须经${gate.course}晋升培训，未见培训记录`,
            `${rankName(step.to)} needs the ${gate.course} promotion training; none on record`,
          ),
    );
  }
  const appraisalBlock = latestAppraisalBlock(s, rules);
  if (appraisalBlock) blocks.push(appraisalBlock);
  const discipline = disciplineBlocks(s, rules, 'rank', asOf);
  blocks.push(...discipline.reasons);
  let dueDate: string | null = monthStart(due);
  if (discipline.until !== undefined) dueDate = discipline.until === null ? null : discipline.until > dueDate ? discipline.until : dueDate;
  return {
    track: 'rank',
    from: current,
    to: step.to,
    status: blocks.length > 0 ? 'blocked' : enough ? 'eligible' : 'not_yet',
    dueDate,
    countedMonths: counted,
    requiredMonths: required,
    countingFrom: start,
    excludedYears: [],
    convertedMonths: 0,
    reasons: [...reasons, ...blocks],
  };
}
