import { addMonthEnds, monthEndOfIndex, ewMonthIndex } from '@zhenggong/core';
import type { AppContext } from '../../platform/context.ts';
import { today } from '../personnel/people.ts';
import { actOnAlert } from './alert-service.ts';
import { recordFacts, type RecordedFact } from './fact-intake.ts';
import { runMonth } from './monthly-run.ts';
import { population } from './population.ts';

/**
 * The demo's early-warning part, once: twelve months of recorded facts (overtime, leave, exam
 * scores, sparse complaints) for the demo force, with a few people under strain, then the
 * monthly job for the last three month ends, and some alerts carried into the intervention
 * steps by the first demo political cadre. A database with a run already is left alone.
 */
export async function seedWarningDemo(ctx: AppContext, handlerUserId: string | null): Promise<{ alerts: number }> {
  if (await ctx.db.selectFrom('ew_run').select('id').limit(1).executeTakeFirst()) return { alerts: 0 };
  const members = await population(ctx.db);
  if (members.length === 0) return { alerts: 0 };
  let seed = 20261207;
  const rnd = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  const lastEnd = addMonthEnds(today(ctx), -1);
  const last = ewMonthIndex(lastEnd);
  const facts: RecordedFact[] = [];
  for (const [i, m] of members.entries()) {
    const strained = i % 37 === 5;
    for (let k = 11; k >= 0; k--) {
      const month = monthEndOfIndex(last - k).slice(0, 8);
      const late = strained && k < 3 ? 1 : 0;
      facts.push({
        personId: m.personId,
        kind: 'overtime',
        eventDate: `${month}28`,
        knownDate: `${month}28`,
        value: Math.round(30 + 10 * rnd() + 35 * late),
      });
      facts.push({
        personId: m.personId,
        kind: 'leave_taken',
        eventDate: `${month}15`,
        knownDate: `${month}15`,
        value: late ? 0 : Math.round(rnd() * 250) / 100,
      });
      facts.push({
        personId: m.personId,
        kind: 'exam_score',
        eventDate: `${month}20`,
        knownDate: `${month}22`,
        value: Math.round(78 + 10 * rnd() - 14 * late),
      });
      if (rnd() < 0.02 + 0.3 * late)
        facts.push({ personId: m.personId, kind: 'complaint', eventDate: `${month}1${k % 9}`, knownDate: `${month}1${k % 9}`, value: 1 });
    }
  }
  await ctx.db.transaction().execute((trx) => recordFacts(trx, ctx, facts));
  for (const n of [2, 1, 0]) await runMonth(ctx, addMonthEnds(lastEnd, -n));
  if (!handlerUserId) return { alerts: 0 };
  const actor = { userId: handlerUserId, username: 'demo', role: 'demo', ip: null, requestId: null };
  const open = await ctx.db.selectFrom('ew_alert').select('id').where('status', '=', 'new').orderBy('id').limit(6).execute();
  const day = today(ctx);
  const steps = [
    ['assign'],
    ['assign', 'consult'],
    ['assign', 'consult', 'measure'],
    ['assign', 'consult', 'measure', 'follow_up'],
  ] as const;
  for (const [i, a] of open.entries()) {
    for (const step of steps[i % steps.length] ?? []) {
      const body =
        step === 'assign'
          ? { action: step, note: null }
          : step === 'consult'
            ? {
                action: step,
                body: { date: day, attendees: '所长、教导员、政工干事', conclusion: '近期勤务强度大，家中老人住院，情绪有波动' },
              }
            : step === 'measure'
              ? { action: step, body: { type: '谈心谈话' as const, date: day, note: '教导员谈心谈话一次，安排轮休 3 天' } }
              : { action: step, body: { day: 30 as const, date: day, note: '情绪平稳，加班时长回落' } };
      await actOnAlert(ctx, { all: true }, actor, a.id, body);
    }
  }
  return { alerts: open.length };
}
