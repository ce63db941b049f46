import { addMonthEnds, monthEndOfIndex, ewMonthIndex } from '@zhenggong/core';
import type { AppContext } from '../../platform/context.ts';
import { approveCase } from '../../platform/workflow/actions.ts';
import { ensureDefinitions, type Actor } from '../../platform/workflow/engine.ts';
import { caseKind } from '../../platform/workflow/registry.ts';
import { personBriefs, today } from '../personnel/people.ts';
import { actOnAlert } from './alert-service.ts';
import { recordFacts, type RecordedFact } from './fact-intake.ts';
import { runMonth } from './monthly-run.ts';
import { population } from './population.ts';
import { REPORT_KIND, createReport, currentQuarter, submitReport, updateReport } from './report-service.ts';

/**
 * The demo's early-warning part, once: twelve months of recorded facts (overtime, leave, exam
 * scores, sparse complaints) for the demo force, with a few people under strain, then the
 * monthly job for the last three month ends. Each branch's political staff (`staff`) carry some
 * of the branch's alerts into the intervention steps, write up last quarter's team-condition
 * report and draft this quarter's. With the city's political department (`city`), the first
 * three branches submit last quarter's report and the city accepts the first; the other two
 * wait for it. A database with a run already is left alone.
 */
export async function seedWarningDemo(
  ctx: AppContext,
  staff: readonly { branchId: string; userId: string; username: string }[],
  city?: { userId: string; username: string },
): Promise<{ alerts: number; reports: number }> {
  if (await ctx.db.selectFrom('ew_run').select('id').limit(1).executeTakeFirst()) return { alerts: 0, reports: 0 };
  const members = await population(ctx.db);
  if (members.length === 0) return { alerts: 0, reports: 0 };
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
  let alerts = 0;
  let reports = 0;
  if (city) await ensureDefinitions(ctx, [caseKind(REPORT_KIND)]);
  const current = currentQuarter(ctx);
  const [year, q] = [Number(current.slice(0, 4)), Number(current.slice(5))];
  const previous = q === 1 ? `${year - 1}Q4` : `${year}Q${q - 1}`;
  for (const [n, { branchId, userId, username }] of staff.entries()) {
    const actor: Actor = { userId, username, role: 'demo', ip: null, requestId: null };
    alerts += await handleSome(ctx, actor, branchId, n);
    // Last quarter's report written up; this quarter's drafted from the data, text still to add.
    const last = await createReport(ctx, { all: true }, actor, { orgId: branchId, quarter: previous });
    await updateReport(ctx, { all: true }, actor, last.id, { ...last.sections, ...WRITTEN[n % WRITTEN.length]! });
    if (city && n < 3) {
      const submitted = await submitReport(ctx, { all: true }, actor, last.id);
      if (n === 0 && submitted.caseId)
        await approveCase(ctx, { ...city, role: 'demo', ip: null, requestId: null }, submitted.caseId, '已阅，措施具体，同意。');
    }
    await createReport(ctx, { all: true }, actor, { orgId: branchId, quarter: current });
    reports += 2;
  }
  return { alerts, reports };
}

/** What a branch wrote in last quarter's report: the problems seen and the measures taken. */
const WRITTEN: readonly { problems: string; measures: string }[] = [
  {
    problems: '个别派出所连续加班时长偏高，少数民警年休假未落实；一线民警心理压力有所上升。',
    measures: '推行弹性轮休，落实年休假计划；组织心理健康讲座两场，教导员逐一谈心谈话。',
  },
  {
    problems: '新入警民警执法经验不足，执法记录仪使用不规范情况仍有发生。',
    measures: '开展执法规范化专项培训，落实老带新结对帮带，每月通报执法记录仪使用情况。',
  },
  {
    problems: '个别民警家庭困难较多，工作情绪受到影响；辅警队伍流动性偏大。',
    measures: '走访困难民警家庭并落实帮扶；完善辅警激励措施，开展辅警业务技能比武。',
  },
];

/** A few of the branch's new alerts carried into the intervention steps by its political staff. */
async function handleSome(ctx: AppContext, actor: Actor, branchId: string, n: number): Promise<number> {
  // Personnel is read through its face: new alerts first, then whose people sit in this branch.
  const fresh = await ctx.db.selectFrom('ew_alert').select(['id', 'person_id']).where('status', '=', 'new').orderBy('id').execute();
  const briefs = await personBriefs(
    ctx.db,
    fresh.map((a) => a.person_id),
  );
  const units = new Set(
    (await ctx.db.selectFrom('org_closure').select('descendant_id').where('ancestor_id', '=', branchId).execute()).map(
      (r) => r.descendant_id,
    ),
  );
  const open = fresh.filter((a) => units.has(briefs.get(a.person_id)?.org_id ?? '')).slice(0, 3);
  const day = today(ctx);
  const steps = [
    ['assign'],
    ['assign', 'consult'],
    ['assign', 'consult', 'measure'],
    ['assign', 'consult', 'measure', 'follow_up'],
  ] as const;
  for (const [i, a] of open.entries()) {
    for (const step of steps[(i + n) % steps.length] ?? []) {
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
  return open.length;
}
