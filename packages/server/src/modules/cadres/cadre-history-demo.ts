import { addMonths, monthIndex, promotionRuleSets, ruleSetOn } from '@zhenggong/core';
import type { AppraisalLine, PastLevelLine } from '../personnel/people.ts';
import { addPastLevelLines, addAwardLine, addDisciplineLine, levelLinesOf, recordAppraisals, today } from '../personnel/people.ts';
import type { AppContext } from '../../platform/context.ts';

/**
 * Synthetic career history for demo and benchmark people who have none yet: annual appraisals
 * (mostly 称职, some 优秀, a few 基本称职 or missing), the 2016 警员职务 post held from
 * 2016-12-01 until the 2019 conversion, the former 非领导职务 before it, an occasional merit award
 * and discipline, and the reason an officer's 警衔 promotion is overdue (held back): a 记过 before
 * the due date, or a 不称职 latest appraisal. Deterministic; written through personnel's face in chunks.
 */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

/** Demo-only: the 2016 post and former post a 2019 grade plausibly came from (the reverse of the derived table). */
const post2016For: Record<string, string> = {
  '612': '706',
  '611': '705',
  '610': '704',
  '609': '703',
  '608': '703',
  '607': '702',
  '606': '702',
  '605': '701',
};
const formerFor: Record<string, string> = { '706': '805', '705': '804', '704': '804', '703': '803', '702': '802', '701': '801' };

export interface DemoCareerPerson {
  readonly id: string;
  readonly police_start_date: string | null;
  /** Present values, when known: the held-back reasons are derived from them. */
  readonly rank?: string | null;
  readonly rank_date?: string | null;
  readonly officer_level?: string | null;
  readonly level_date?: string | null;
}

/**
 * When this person's timed 警衔 step fell due more than the approval lag ago (the demo force is
 * promoted on time otherwise), with nothing else that explains it: the due date; else null.
 * Steps above the band of the grade, and the 警督 step without its training, carry their own reason.
 */
function heldBackSince(p: DemoCareerPerson, day: string): string | null {
  const rules = ruleSetOn(promotionRuleSets, day);
  if (!rules || !p.rank || !p.rank_date || !p.officer_level || p.rank >= rules.rank.timedTop) return null;
  const step = rules.rank.periods[p.rank];
  const band = rules.rank.bands[p.officer_level];
  if (!step || !band || step.to > band[1]) return null;
  if (rules.rank.trainingGates.some((g) => g.from === p.rank && g.to === step.to)) return null;
  const due = addMonths(p.rank_date, step.years * 12);
  return monthIndex(day) - monthIndex(due) >= 3 ? due : null;
}

export async function seedCareerHistory(
  ctx: AppContext,
  people: readonly DemoCareerPerson[],
  thisYear: number,
  seed = 14,
): Promise<{ appraisals: number; lines: number }> {
  const rnd = lcg(seed);
  const day = today(ctx);
  const levels = await levelLinesOf(
    ctx.db,
    people.map((p) => p.id),
  );
  const levelOn = new Map<string, string>();
  for (const l of levels)
    if (l.sequence === 'officer' && l.start_date <= '2016-11-30' && (l.end_date === null || l.end_date > '2016-11-30'))
      levelOn.set(l.person_id, l.level);
  const appraisals: AppraisalLine[] = [];
  const lines: PastLevelLine[] = [];
  let awards = 0;
  await ctx.db.transaction().execute(async (trx) => {
    for (const p of people) {
      const start = Number((p.police_start_date ?? `${thisYear - 1}`).slice(0, 4));
      for (let y = Math.max(start, thisYear - 12); y < thisYear; y++) {
        const x = rnd();
        if (x < 0.03) continue; // no result on record that year
        appraisals.push({
          personId: p.id,
          year: y,
          grade: x < 0.18 ? '优秀' : x < 0.95 ? '称职' : '基本称职',
          source: 'clerk',
          note: null,
        });
      }
      const level = levelOn.get(p.id);
      const post = level ? post2016For[level] : undefined;
      if (post) {
        lines.push({ personId: p.id, sequence: 'officer', level: post, startDate: '2016-12-01', endDate: '2019-06-01' });
        const former = formerFor[post];
        const since = p.police_start_date && p.police_start_date < '2010-01-01' ? '2010-01-01' : (p.police_start_date ?? '2015-01-01');
        if (former)
          lines.push({
            personId: p.id,
            sequence: 'admin',
            level: former,
            startDate: since.length === 7 ? `${since}-01` : since,
            endDate: '2016-12-01',
          });
      }
      if (rnd() < 0.02) {
        awards += 1;
        const y = thisYear - 1 - Math.floor(rnd() * 5);
        await addAwardLine(trx, ctx, {
          personId: p.id,
          date: `${y}-05-20`,
          name: `${y}年度个人三等功`,
          level: rnd() < 0.1 ? '一等功' : '三等功',
          issuer: '示例市公安局',
        });
      }
      const held = heldBackSince(p, day);
      if (held && monthIndex(day) - monthIndex(held) <= 9)
        await addDisciplineLine(trx, ctx, {
          personId: p.id,
          date: addMonths(held, -2),
          kind: '记过',
          reason: '执勤中违反工作纪律',
          endDate: null,
        });
      else if (held) {
        const last = appraisals.find((a) => a.personId === p.id && a.year === thisYear - 1);
        if (last) last.grade = '不称职';
        else appraisals.push({ personId: p.id, year: thisYear - 1, grade: '不称职', source: 'clerk', note: null });
      }
      // An occasional discipline this year, for those not promoted since (no promotion during it).
      const since = [p.rank_date, p.level_date]
        .filter((d): d is string => !!d)
        .sort()
        .at(-1);
      if (!held && rnd() < 0.005 && (!since || since < `${thisYear}-02-10`))
        await addDisciplineLine(trx, ctx, {
          personId: p.id,
          date: `${thisYear}-02-10`,
          kind: rnd() < 0.5 ? '警告' : '记过',
          reason: null,
          endDate: null,
        });
    }
    await recordAppraisals(trx, ctx, appraisals);
    await addPastLevelLines(trx, ctx, lines);
  });
  return { appraisals: appraisals.length + awards, lines: lines.length };
}
