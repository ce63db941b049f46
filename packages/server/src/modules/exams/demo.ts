import { accountPrincipal, type Principal } from '../../platform/access/principal.ts';
import { accountActor, systemActor } from '../../platform/audit/audit-service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { AppContext } from '../../platform/context.ts';
import { publishResults } from './exam-results-service.ts';
import { createExam, scheduleExam } from './exam-service.ts';
import { saveAnswer, startExam, submitExam } from './session-service.ts';

const everywhere = { all: true } as const;
const DAY = 86_400_000;
/** Marks the demo's exams as made (idempotence); every branch's past exam ends with it. */
const PAST_SUFFIX = '法律知识月考';

export interface DemoExaminee {
  userId: string;
  username: string;
  displayName: string;
  orgId: string;
}

export interface DemoExamBranch {
  readonly id: string;
  readonly shortName: string;
}

const fixedAt = (at: Date): Clock => ({ now: () => new Date(at) });
const principalOf = (u: DemoExaminee): Principal => accountPrincipal(u, ['exam:take']);
const actorOf = accountActor;

/**
 * The demo's exams (made on first run only). Exams are scoped by their owner org, so each branch
 * organises its own, on its own papers: every branch has next quarter's exam in draft; a branch
 * with officer accounts also has an objective test two months ago with its results published,
 * last month's exam taken by them (answers of varying quality,
 * short answers left for grading; the last examinee missed it, so the statistics show a gap) and
 * an open exam they can take now. Returns a line for the console, or null when already there.
 */
export async function seedExamsDemo(
  ctx: AppContext,
  branches: readonly DemoExamBranch[],
  examinees: readonly DemoExaminee[],
  papers: (branch: DemoExamBranch) => Promise<{ fixedPaperId: string; rulePaperId: string; objectivePaperId: string }>,
) {
  if (await ctx.db.selectFrom('exam').select('id').where('title', 'like', `%${PAST_SUFFIX}`).executeTakeFirst()) return null;
  const now = ctx.clock.now().getTime();
  const pastStart = new Date(now - 20 * DAY);
  const month = `${pastStart.getUTCFullYear()}年${pastStart.getUTCMonth() + 1}月`;
  const quarterStart = new Date(now + 30 * DAY);
  const quarter = `${quarterStart.getUTCFullYear()}年第${Math.floor(quarterStart.getUTCMonth() / 3) + 1}季度`;
  const before = { ...ctx, clock: fixedAt(new Date(pastStart.getTime() - DAY)) };
  const homes = await branchOf(ctx, branches, examinees);
  let past = 0;
  let taken = 0;
  for (const branch of branches) {
    const { fixedPaperId, rulePaperId, objectivePaperId } = await papers(branch);
    const targets = { orgIds: [branch.id] };
    await createExam(ctx, everywhere, systemActor, {
      title: `${branch.shortName}${quarter}执法资格考试`,
      kind: 'quarterly_exam',
      paperId: rulePaperId,
      orgId: branch.id,
      startsAt: quarterStart.toISOString(),
      endsAt: new Date(quarterStart.getTime() + 3 * 3_600_000).toISOString(),
      durationMinutes: 90,
      passScore: 60,
      targets,
    });
    const own = examinees.filter((e) => homes.get(e.userId) === branch.id);
    if (own.length === 0) continue; // nobody here could sit an exam: no account is linked to a person
    // Two months ago: objective questions, marked on submission, results published.
    const earlier = new Date(now - 50 * DAY);
    const older = { ...ctx, clock: fixedAt(new Date(earlier.getTime() - DAY)) };
    const first = await createExam(older, everywhere, systemActor, {
      title: `${branch.shortName}${earlier.getUTCFullYear()}年${earlier.getUTCMonth() + 1}月执法基础知识测试`,
      kind: 'spot_check',
      paperId: objectivePaperId,
      orgId: branch.id,
      startsAt: earlier.toISOString(),
      endsAt: new Date(earlier.getTime() + 2 * 3_600_000).toISOString(),
      durationMinutes: 45,
      passScore: 60,
      targets,
    });
    await scheduleExam(older, everywhere, systemActor, first.id);
    for (const examinee of own) {
      const i = examinees.indexOf(examinee);
      await sitPastExam(ctx, first.id, examinee, i, new Date(earlier.getTime() + (20 + i) * 60_000));
    }
    await publishResults({ ...ctx, clock: fixedAt(new Date(earlier.getTime() + 2 * DAY)) }, everywhere, systemActor, first.id);
    const exam = await createExam(before, everywhere, systemActor, {
      title: `${branch.shortName}${month}${PAST_SUFFIX}`,
      kind: 'monthly_practice',
      paperId: fixedPaperId,
      orgId: branch.id,
      startsAt: pastStart.toISOString(),
      endsAt: new Date(pastStart.getTime() + 3 * 3_600_000).toISOString(),
      durationMinutes: 60,
      passScore: 60,
      targets,
    });
    await scheduleExam(before, everywhere, systemActor, exam.id);
    past += 1;
    for (const examinee of own) {
      const i = examinees.indexOf(examinee);
      if (i === examinees.length - 1) break;
      await sitPastExam(ctx, exam.id, examinee, i, new Date(pastStart.getTime() + (30 + i) * 60_000));
      taken += 1;
    }
    const open = await createExam(ctx, everywhere, systemActor, {
      title: `${branch.shortName}季度执法资格练习`,
      kind: 'quarterly_exam',
      paperId: rulePaperId,
      orgId: branch.id,
      startsAt: new Date(now - 3_600_000).toISOString(),
      endsAt: new Date(now + 14 * DAY).toISOString(),
      durationMinutes: 60,
      passScore: 60,
      targets,
    });
    await scheduleExam(ctx, everywhere, systemActor, open.id);
  }
  return `demo exams: papers in ${branches.length} branches, ${past} published tests, ${past} past exams taken by ${taken} officers, ${past} open exams`;
}

/** The branch each examinee's unit lies in. */
async function branchOf(ctx: AppContext, branches: readonly DemoExamBranch[], examinees: readonly DemoExaminee[]) {
  if (branches.length === 0 || examinees.length === 0) return new Map<string, string>();
  const rows = await ctx.db
    .selectFrom('org_closure')
    .select(['ancestor_id', 'descendant_id'])
    .where(
      'ancestor_id',
      'in',
      branches.map((b) => b.id),
    )
    .where(
      'descendant_id',
      'in',
      examinees.map((e) => e.orgId),
    )
    .execute();
  const branchOfOrg = new Map(rows.map((r) => [r.descendant_id, r.ancestor_id]));
  return new Map(examinees.map((e) => [e.userId, branchOfOrg.get(e.orgId) ?? '']));
}

/** One examinee's sitting: better answers from the earlier examinees, so the scores spread. */
async function sitPastExam(ctx: AppContext, examId: string, examinee: DemoExaminee, i: number, at: Date) {
  const during = { ...ctx, clock: fixedAt(at) };
  const who = principalOf(examinee);
  const started = await startExam(during, who, actorOf(examinee), examId);
  for (const item of started.items) {
    const right = (item.no + i) % (i + 2) !== 0;
    const key = item.options[right ? 0 : 1]?.key ?? 'A';
    const response =
      item.type === 'fill_blank'
        ? { blanks: ['1995'] }
        : item.type === 'short_answer'
          ? { text: '依法、公正、文明执法。' }
          : { choice: [key] };
    await saveAnswer(during, who, examId, item.no, started.sessionToken, { response, seq: 1 });
  }
  await submitExam(during, who, actorOf(examinee), examId, started.sessionToken);
}
