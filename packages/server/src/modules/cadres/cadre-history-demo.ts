import type { AppraisalLine, PastLevelLine } from '../personnel/people.ts';
import { addPastLevelLines, addAwardLine, addDisciplineLine, levelLinesOf, recordAppraisals } from '../personnel/people.ts';
import type { AppContext } from '../../platform/context.ts';

/**
 * Synthetic career history for demo and benchmark people who have none yet: annual appraisals
 * (mostly 称职, some 优秀, a few 基本称职 or missing), the 2016 警员职务 post held from
 * 2016-12-01 until the 2019 conversion, the former 非领导职务 before it, an occasional merit award
 * and discipline. Deterministic; written through personnel's face in chunks.
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
}

export async function seedCareerHistory(
  ctx: AppContext,
  people: readonly DemoCareerPerson[],
  thisYear: number,
  seed = 14,
): Promise<{ appraisals: number; lines: number }> {
  const rnd = lcg(seed);
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
      if (rnd() < 0.005)
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
