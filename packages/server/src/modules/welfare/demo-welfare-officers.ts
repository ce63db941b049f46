import { isWorkingDay } from '@zhenggong/core';
import { accountPrincipal, type Principal } from '../../platform/access/principal.ts';
import { accountActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { approveCase, returnCase } from '../../platform/workflow/actions.ts';
import { loadCalendar, seedWorkCalendar } from '../../platform/workflow/calendar.ts';
import { caseIdsFor, ensureDefinitions } from '../../platform/workflow/engine.ts';
import { caseKind } from '../../platform/workflow/registry.ts';
import { today } from '../personnel/people.ts';
import { grantConsent } from './consent-service.ts';
import './leave-calendar.ts';
import { applyLeave, LEAVE_KIND, LEAVE_LEADER_KIND } from './leave-service.ts';
import { ingestReadings, registerMyDevice } from './wearable-service.ts';
import { ruleValue } from './welfare-rules.ts';

export interface DemoOfficer {
  readonly userId: string;
  readonly username: string;
  readonly displayName: string;
  readonly orgId: string;
}
/** The branch's political staff, who decide the officers' leave. */
export interface DemoApprover {
  readonly userId: string;
  readonly username: string;
}

const DAY = 86_400_000;
const principalOf = (u: DemoOfficer): Principal => accountPrincipal(u, ['personnel:self']);
const actorOf = accountActor;
/** The context as of a moment in the past, so an application and its decision carry their own dates. */
const at = (ctx: AppContext, ms: number): AppContext => ({ ...ctx, clock: { now: () => new Date(ms) } });

/** One leave application: kind (with a fallback when the annual balance does not allow it), offset of its first working day, working days, and what the approver did. */
interface LeavePlan {
  kinds: string[];
  from: number;
  span: number;
  reason: string;
  decision: 'approve' | 'return' | null;
  note: string;
}
const PLANS: LeavePlan[][] = [
  [
    { kinds: ['annual', 'personal'], from: -47, span: 3, reason: '陪同家人外出休养', decision: 'approve', note: '同意，请做好工作交接。' },
    { kinds: ['sick'], from: -12, span: 2, reason: '急性肠胃炎，遵医嘱休息', decision: 'return', note: '请补充医院诊断证明后重新提交。' },
    { kinds: ['personal'], from: 9, span: 1, reason: '办理子女入学手续', decision: null, note: '' },
  ],
  [
    { kinds: ['annual', 'personal'], from: -75, span: 4, reason: '回老家探望父母', decision: 'approve', note: '同意。' },
    { kinds: ['annual', 'personal'], from: 6, span: 2, reason: '处理家庭事务', decision: null, note: '' },
  ],
];

/**
 * Each demo officer's own 从优待警 items, through the module's services and the platform workflow:
 * consent to the wristband and a device with a few days of readings; leave applied for by the
 * officer and decided by their branch's political staff — approved, returned for a doctor's note
 * (a to-do of the officer's), pending (a to-do of the staff's). Once per officer.
 */
export async function seedDemoOfficerWelfare(
  ctx: AppContext,
  officers: readonly DemoOfficer[],
  approverOf: (officer: DemoOfficer) => DemoApprover | undefined,
): Promise<number> {
  if (officers.length === 0) return 0;
  // seed-demo runs without the server's start, which stores the leave kinds' first definitions and the official calendar.
  await ensureDefinitions(ctx, [caseKind(LEAVE_KIND), caseKind(LEAVE_LEADER_KIND)]);
  await seedWorkCalendar(ctx);
  let applications = 0;
  for (const [n, officer] of officers.entries()) {
    const approver = approverOf(officer);
    if (!approver) continue;
    const started = await ctx.db.selectFrom('leave_application').select('id').where('created_by', '=', officer.userId).executeTakeFirst();
    if (started) continue;
    await seedWristband(ctx, officer, n);
    const slot = Number(/-mj(\d+)$/.exec(officer.username)?.[1] ?? n + 1) - 1;
    for (const plan of PLANS[slot % PLANS.length]!) {
      const start = await workingDay(ctx, plan.from);
      if (!start) continue;
      const applied = Date.parse(`${start}T01:00:00Z`) - (plan.from < 0 ? 6 * DAY : Math.min(plan.from, 3) * DAY);
      const id = await applyFirst(at(ctx, Math.min(applied, ctx.clock.now().getTime())), officer, plan, start);
      if (!id) continue;
      applications += 1;
      if (!plan.decision) continue;
      const caseId = (await caseIdsFor(ctx.db, LEAVE_KIND, [id])).get(id) ?? (await caseIdsFor(ctx.db, LEAVE_LEADER_KIND, [id])).get(id);
      if (!caseId) continue;
      const decided = at(ctx, Math.min(applied + DAY, ctx.clock.now().getTime()));
      if (plan.decision === 'approve') await approveCase(decided, actorOf(approver), caseId, plan.note);
      else await returnCase(decided, actorOf(approver), caseId, 'submitter', plan.note);
    }
  }
  return applications;
}

/** Applies with the first kind the rules allow (an officer short of annual leave takes personal leave). */
async function applyFirst(ctx: AppContext, officer: DemoOfficer, plan: LeavePlan, start: string): Promise<string | null> {
  const end = await workingDayAfter(ctx, start, plan.span - 1);
  for (const kind of plan.kinds) {
    try {
      return (await applyLeave(ctx, principalOf(officer), actorOf(officer), { kind, startDate: start, endDate: end, reason: plan.reason }))
        .id;
    } catch (e) {
      if (!(e instanceof AppError) || !['LEAVE_BALANCE', 'LEAVE_OVERLAP', 'LEAVE_CALENDAR_MISSING'].includes(e.code)) throw e;
    }
  }
  return null;
}

const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The first working day on or after today + offset, within a year whose official calendar is kept (else none). */
async function workingDay(ctx: AppContext, offset: number): Promise<string | null> {
  const from = Date.parse(`${today(ctx)}T00:00:00Z`) + offset * DAY;
  for (let d = 0; d < 14; d += 1) {
    const day = isoDay(from + d * DAY);
    if (await isWorking(ctx, day)) return day;
  }
  return null;
}

async function workingDayAfter(ctx: AppContext, start: string, count: number): Promise<string> {
  let day = start;
  let left = count;
  for (let ms = Date.parse(`${start}T00:00:00Z`) + DAY; left > 0; ms += DAY) {
    const next = isoDay(ms);
    if (!(await isWorking(ctx, next))) continue;
    day = next;
    left -= 1;
  }
  return day;
}

async function isWorking(ctx: AppContext, day: string): Promise<boolean> {
  const { calendar, missing } = await loadCalendar(ctx.db, ctx.config.cityCode, [Number(day.slice(0, 4))]);
  return missing.length === 0 && isWorkingDay(calendar, day);
}

/** Consent under the notice in force, a wristband, and three days of ordinary readings. */
async function seedWristband(ctx: AppContext, officer: DemoOfficer, n: number): Promise<void> {
  const notice = (await ruleValue(ctx, ctx.db, 'wearable', today(ctx))).consentNoticeVersion;
  await grantConsent(ctx, principalOf(officer), actorOf(officer), 'wearable', notice);
  const serial = `DEMO-MJ-${String(n + 1).padStart(4, '0')}`;
  const device = await registerMyDevice(ctx, principalOf(officer), actorOf(officer), { serial, model: '华为手环 9' });
  const nowMs = ctx.clock.now().getTime();
  const readings = [2, 1, 0].flatMap((d) => [
    { kind: 'blood_pressure' as const, at: new Date(nowMs - d * DAY - 3_600_000).toISOString(), value: 116 + d, value2: 74 + d },
    { kind: 'heart_rate' as const, at: new Date(nowMs - d * DAY - 1_800_000).toISOString(), value: 68 + n + d },
    { kind: 'steps' as const, at: new Date(nowMs - d * DAY - 600_000).toISOString(), value: 8200 + 600 * d },
  ]);
  await ingestReadings(ctx, device.token, { readings });
}
