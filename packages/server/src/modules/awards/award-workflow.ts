import type { StepDef } from '@zhenggong/core';
import type { Executor, Trx } from '../../db/database.ts';
import type { AppContext } from '../../platform/context.ts';
import { establishmentUnitOf } from '../../platform/access/data-scope.ts';
import { holdersInScope } from '../../platform/workflow/recipients.ts';
import { registerApproverResolver, registerCaseKind } from '../../platform/workflow/registry.ts';
import type { WfCaseTable } from '../../platform/workflow/tables.ts';
import { linkedPersonOf } from '../personnel/people.ts';
import { anchorsOf } from './org-levels.ts';

/**
 * Awards run on the platform workflow. The approving organ comes from the authority matrix
 * (stored on the award when nominated): a branch-level approver (辅警 嘉奖) is the branch's
 * political office, anything else the city bureau's — which decides city-level awards and, for
 * province or Ministry awards, reviews and reports them upward, recording the higher organ's
 * decision afterwards. From 三等功 up the case adds a public notice (公示) of 7 working days on
 * the official calendar; objections hold it until the approvers resolve them.
 */
/** Applies the workflow's outcome: approved waits for the decision document; otherwise the deed is free again. */
async function applyAwardOutcome(trx: Trx, ctx: AppContext, id: string, outcome: 'approved' | 'rejected' | 'withdrawn') {
  await trx.updateTable('award_case').set({ status: outcome, updated_at: ctx.clock.now().toISOString() }).where('id', '=', id).execute();
  if (outcome !== 'approved') await trx.updateTable('award_subject').set({ active: 0 }).where('award_id', '=', id).execute();
}

const approve = (deadline: number): StepDef => ({
  name: '审批',
  type: 'approval',
  permission: 'awards:approve',
  resolver: 'awards.authority',
  mode: 'any',
  deadlineWorkingDays: deadline,
});
const notice: StepDef = {
  name: '公示',
  type: 'notice',
  permission: 'awards:approve',
  resolver: 'awards.authority',
  mode: 'any',
  noticeWorkingDays: 7,
};

const KINDS = {
  'awards.award': [approve(10)],
  'awards.award-notice': [approve(10), notice],
  'awards.fast': [approve(2)],
  'awards.fast-notice': [approve(2), notice],
} as const satisfies Record<string, readonly StepDef[]>;

export const awardKindFor = (fastTrack: boolean, withNotice: boolean): keyof typeof KINDS =>
  fastTrack ? (withNotice ? 'awards.fast-notice' : 'awards.fast') : withNotice ? 'awards.award-notice' : 'awards.award';

for (const [kind, steps] of Object.entries(KINDS))
  registerCaseKind({
    kind,
    module: 'awards',
    defaultSteps: steps,
    onDecided: (h) => applyAwardOutcome(h.trx, h.ctx, h.caseRow.ref_id, h.outcome),
  });

/** Holders of the step's permission attached to `unit` (its internal departments included), never a recipient. */
async function holdersAt(db: Executor, c: WfCaseTable, step: StepDef, unit: string, exclude: ReadonlySet<string>): Promise<string[]> {
  const holders = await holdersInScope(db, step.permission, c.subject_org_id);
  if (holders.length === 0) return [];
  const users = await db.selectFrom('app_user').select(['id', 'org_id']).where('id', 'in', holders).execute();
  const out: string[] = [];
  for (const u of users) {
    if ((await establishmentUnitOf(db, u.org_id)) !== unit) continue;
    const person = await linkedPersonOf(db, u.id);
    if (person && exclude.has(person.id)) continue;
    out.push(u.id);
  }
  return out;
}

registerApproverResolver('awards.authority', async (db, c, step) => {
  const award = await db.selectFrom('award_case').select(['approver_level']).where('id', '=', c.ref_id).executeTakeFirst();
  const subjects = await db.selectFrom('award_subject').select('person_id').where('award_id', '=', c.ref_id).execute();
  const exclude = new Set(subjects.flatMap((s) => (s.person_id ? [s.person_id] : [])));
  const { city, branch } = await anchorsOf(db, c.subject_org_id);
  // Nobody able to decide at the branch passes the case to the city, as the workflow does for org levels.
  if (award?.approver_level === 'branch') {
    const atBranch = await holdersAt(db, c, step, branch, exclude);
    if (atBranch.length > 0) return atBranch;
  }
  return holdersAt(db, c, step, city, exclude);
});
