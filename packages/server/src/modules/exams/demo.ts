import type { Principal } from '../../platform/access/principal.ts';
import { systemActor, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { Clock } from '../../platform/clock.ts';
import type { AppContext } from '../../platform/context.ts';
import { createExam, scheduleExam } from './exam-service.ts';
import { saveAnswer, startExam, submitExam } from './session-service.ts';

const everywhere = { all: true } as const;
const DAY = 86_400_000;
const PAST_TITLE = '法律知识月考（示例）';
const OPEN_TITLE = '季度执法资格练习（示例）';

export interface DemoExaminee {
  userId: string;
  username: string;
  displayName: string;
  orgId: string;
}

const fixedAt = (at: Date): Clock => ({ now: () => new Date(at) });
const principalOf = (u: DemoExaminee): Principal => ({
  ...u,
  adminKind: null,
  sessionId: '',
  csrfToken: '',
  mustChangePassword: false,
  passwordExpired: false,
  mfa: 'done',
  orgChangePending: false,
  roles: [],
  permissions: new Set(['exam:take']),
});
const actorOf = (u: DemoExaminee): AuditActor => ({ userId: u.userId, username: u.username, role: null, ip: null, requestId: null });

/**
 * The demo's exams on the papers given (made on first run only): last month's exam taken by the demo officers
 * (answers of varying quality, short answers left for grading), and an open exam they can take
 * now. Idempotent by title. Returns a line for the console, or null when already there.
 */
export async function seedExamsDemo(
  ctx: AppContext,
  rootId: string,
  branchIds: readonly string[],
  examinees: readonly DemoExaminee[],
  papers: () => Promise<{ fixedPaperId: string; rulePaperId: string }>,
) {
  if (await ctx.db.selectFrom('exam').select('id').where('title', '=', PAST_TITLE).executeTakeFirst()) return null;
  const { fixedPaperId, rulePaperId } = await papers();
  const now = ctx.clock.now().getTime();
  const pastStart = new Date(now - 20 * DAY);
  const before = { ...ctx, clock: fixedAt(new Date(pastStart.getTime() - DAY)) };
  const past = await createExam(before, everywhere, systemActor, {
    title: PAST_TITLE,
    kind: 'monthly_practice',
    paperId: fixedPaperId,
    orgId: rootId,
    startsAt: pastStart.toISOString(),
    endsAt: new Date(pastStart.getTime() + 3 * 3_600_000).toISOString(),
    durationMinutes: 60,
    passScore: 60,
    targets: { orgIds: [...branchIds] },
  });
  await scheduleExam(before, everywhere, systemActor, past.id);
  for (const [i, examinee] of examinees.entries()) {
    if (i === examinees.length - 1) break; // one examinee missed it: the statistics show a gap
    const during = { ...ctx, clock: fixedAt(new Date(pastStart.getTime() + (30 + i) * 60_000)) };
    const who = principalOf(examinee);
    const started = await startExam(during, who, actorOf(examinee), past.id);
    for (const item of started.items) {
      // Better answers from the earlier examinees: a spread of scores.
      const right = (item.no + i) % (i + 2) !== 0;
      const key = item.options[right ? 0 : 1]?.key ?? 'A';
      const response =
        item.type === 'fill_blank'
          ? { blanks: ['1995'] }
          : item.type === 'short_answer'
            ? { text: '依法、公正、文明执法。' }
            : { choice: [key] };
      await saveAnswer(during, who, past.id, item.no, started.sessionToken, { response, seq: 1 });
    }
    await submitExam(during, who, actorOf(examinee), past.id, started.sessionToken);
  }
  const open = await createExam(ctx, everywhere, systemActor, {
    title: OPEN_TITLE,
    kind: 'quarterly_exam',
    paperId: rulePaperId,
    orgId: rootId,
    startsAt: new Date(now - 3_600_000).toISOString(),
    endsAt: new Date(now + 14 * DAY).toISOString(),
    durationMinutes: 60,
    passScore: 60,
    targets: { orgIds: [...branchIds] },
  });
  await scheduleExam(ctx, everywhere, systemActor, open.id);
  return `demo exams: a question bank with 2 papers, 1 past exam taken by ${examinees.length - 1} officers, 1 open exam`;
}
