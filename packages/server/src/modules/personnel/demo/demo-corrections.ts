import { accountPrincipal, type Principal } from '../../../platform/access/principal.ts';
import { accountActor } from '../../../platform/audit/audit-service.ts';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { approveCase, rejectCase, returnCase } from '../../../platform/workflow/actions.ts';
import { ensureDefinitions } from '../../../platform/workflow/engine.ts';
import { caseKind } from '../../../platform/workflow/registry.ts';
import { CORRECTION_KIND } from '../correction-workflow.ts';
import { requestCorrection } from '../person-self-service.ts';

export interface DemoCorrectionOfficer {
  readonly userId: string;
  readonly username: string;
  readonly displayName: string;
  readonly orgId: string;
}
/** The branch's political staff, who review their officers' corrections. */
export interface DemoReviewer {
  readonly userId: string;
  readonly username: string;
}

type Person = { name: string; education: string | null; workStartDate: string | null };
interface Plan {
  /** Days ago the officer asked. */
  ago: number;
  changes: (p: Person, n: number) => Record<string, string> | null;
  reason: string;
  decision: 'approve' | 'reject' | 'return' | null;
  note: string;
}

const DAY = 86_400_000;
const shiftMonths = (date: string, months: number) => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};

/** What the first and the second officer of a branch asked for, and what became of it. */
const PLANS: Plan[][] = [
  [
    {
      ago: 40,
      changes: (_, n) => ({ phone: `1390571${String(2000 + n * 37).padStart(4, '0')}` }),
      reason: '原手机号已停用，更换为新号码。',
      decision: 'approve',
      note: '已核对，同意更正。',
    },
    {
      ago: 3,
      changes: (p) => ({ formerNames: `${p.name.slice(0, 1)}晓${p.name.slice(-1)}` }),
      reason: '户籍登记有曾用名，档案中漏登。',
      decision: 'return',
      note: '请上传户口簿曾用名页或户籍派出所出具的证明后重新提交。',
    },
  ],
  [
    {
      ago: 25,
      changes: (p) => (p.workStartDate ? { workStartDate: shiftMonths(p.workStartDate, -6) } : null),
      reason: '参加工作时间应从入职培训开始计算。',
      decision: 'reject',
      note: '经核对人事档案，参加工作时间记载无误，不予更正。',
    },
    {
      ago: 1,
      changes: (p) => ({ education: p.education === '14' ? '11' : '14' }),
      reason: '在职研究生已毕业，申请更新学历信息（毕业证书已交政治处）。',
      decision: null,
      note: '',
    },
  ],
];

const principalOf = (u: DemoCorrectionOfficer): Principal => accountPrincipal(u, ['personnel:self']);
const actorOf = accountActor;
const at = (ctx: AppContext, ms: number): AppContext => ({ ...ctx, clock: { now: () => new Date(ms) } });

/**
 * Corrections of their own records (信息更正) asked for by the demo officers and reviewed by their
 * branch's political staff through the workflow: approved, rejected, returned for evidence (the
 * officer's to-do) and waiting for review (the staff's to-do). Once per officer.
 */
export async function seedDemoCorrections(
  ctx: AppContext,
  officers: readonly DemoCorrectionOfficer[],
  reviewerOf: (officer: DemoCorrectionOfficer) => DemoReviewer | undefined,
): Promise<number> {
  if (officers.length === 0) return 0;
  // seed-demo runs without the server's start, which stores each kind's first definition.
  await ensureDefinitions(ctx, [caseKind(CORRECTION_KIND)]);
  let requests = 0;
  for (const [n, officer] of officers.entries()) {
    const reviewer = reviewerOf(officer);
    if (!reviewer) continue;
    if (await ctx.db.selectFrom('correction_request').select('id').where('requested_by', '=', officer.userId).executeTakeFirst()) continue;
    const row = await ctx.db
      .selectFrom('app_user as u')
      .innerJoin('person as p', 'p.id', 'u.person_id')
      .select(['p.name', 'p.education', 'p.work_start_date'])
      .where('u.id', '=', officer.userId)
      .executeTakeFirst();
    if (!row) continue;
    const person: Person = { name: row.name, education: row.education, workStartDate: row.work_start_date };
    const slot = Number(/-mj(\d+)$/.exec(officer.username)?.[1] ?? n + 1) - 1;
    for (const plan of PLANS[slot % PLANS.length]!) {
      const changes = plan.changes(person, n);
      if (!changes) continue;
      const asked = ctx.clock.now().getTime() - plan.ago * DAY;
      let caseId: string;
      try {
        ({ caseId } = await requestCorrection(at(ctx, asked), principalOf(officer), actorOf(officer), changes, plan.reason));
      } catch (e) {
        // A value this officer's record cannot take (the demo people are random) is left out.
        if (e instanceof AppError && (e.code === 'PERSON_INVALID' || e.code === 'VALIDATION_FAILED')) continue;
        throw e;
      }
      requests += 1;
      const decided = at(ctx, Math.min(asked + DAY, ctx.clock.now().getTime()));
      const actor = actorOf(reviewer);
      if (plan.decision === 'approve') await approveCase(decided, actor, caseId, plan.note);
      else if (plan.decision === 'reject') await rejectCase(decided, actor, caseId, plan.note);
      else if (plan.decision === 'return') await returnCase(decided, actor, caseId, 'submitter', plan.note);
    }
  }
  return requests;
}
