import {
  approverLevelName,
  needsNotice,
  type ApproverLevel,
  type AwardDecisionBody,
  type AwardDetail,
  type AwardLevel,
  type DeliveryBody,
  type GuardRefusalView,
} from '@zhenggong/core';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { addAwardLine, today } from '../personnel/people.ts';
import { awardRule } from './award-rules.ts';
import { awardInScope, subjectsOf, toRow } from './nominations.ts';
import { orgName } from './org-levels.ts';

export async function awardDetail(ctx: AppContext, scope: ResolvedScope, id: string): Promise<AwardDetail> {
  const a = await awardInScope(ctx.db, scope, id);
  const subjects = await subjectsOf(ctx.db, [a.id]);
  const guards = await awardRule(ctx, ctx.db, 'guards', a.created_at.slice(0, 10));
  return {
    ...toRow(a, subjects, await orgName(ctx.db, a.org_id)),
    deedTitle: a.deed_title,
    deedDate: a.deed_date,
    deedSummary: a.deed_summary,
    leadership: a.leadership === 1,
    approverBasis: a.approver_basis,
    approverName: approverLevelName[a.approver_level as ApproverLevel]?.zh ?? a.approver_level,
    needsNotice: needsNotice(guards, a.level as AwardLevel),
    reviewDemocratic: a.review_democratic,
    reviewCollective: a.review_collective,
    reviewFileIds: JSON.parse(a.review_file_ids) as string[],
    exception: a.exception_reason ? { reason: a.exception_reason, allowedBy: a.exception_by_name ?? '' } : null,
    overridden: (JSON.parse(a.overridden) as GuardRefusalView[]).map((o) => ({ code: o.code, soft: o.soft, zh: o.zh, en: o.en })),
    bonusYuan: a.bonus_yuan,
    issuer: a.issuer,
    delivery: a.delivered_on
      ? { on: a.delivered_on, by: a.delivered_by ?? '', atHome: a.delivered_at_home === 1, note: a.delivery_note }
      : null,
    subjects: subjects.map((s) => ({ personId: s.person_id, name: s.name, orgName: s.org_name })),
  };
}

/**
 * The decision (奖励决定) of an approved award: document number and date from the approving organ.
 * Each individual recipient gets a line on their record (`person_award`: level, decision date,
 * issuer, title with 文号), which the profile and the 任免审批表's 奖惩情况 read; a collective
 * award stays on the unit's record here, in the award register.
 */
export async function decideAward(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string, body: AwardDecisionBody) {
  if (body.decisionDate > today(ctx)) throw new AppError('AWARD_DATE_INVALID');
  await ctx.db.transaction().execute(async (trx) => {
    const a = await awardInScope(trx, scope, id);
    if (a.status !== 'approved') throw new AppError('AWARD_WRONG_STATE');
    const claimed = await trx
      .updateTable('award_case')
      .set({
        status: 'decided',
        decision_no: body.decisionNo,
        decision_date: body.decisionDate,
        issuer: body.issuer,
        updated_at: ctx.clock.now().toISOString(),
      })
      .where('id', '=', id)
      .where('status', '=', 'approved')
      .executeTakeFirst();
    if (Number(claimed.numUpdatedRows) !== 1) throw new AppError('AWARD_WRONG_STATE');
    const subjects = await subjectsOf(trx, [id]);
    for (const s of subjects) {
      if (!s.person_id) continue;
      const lineId = await addAwardLine(trx, ctx, {
        personId: s.person_id,
        date: body.decisionDate,
        name: `${a.title}（${body.decisionNo}）`,
        level: a.level,
        issuer: body.issuer,
      });
      await trx.updateTable('award_subject').set({ person_line_id: lineId }).where('id', '=', s.id).execute();
    }
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'awards.decide',
      objectType: 'award_case',
      objectId: id,
      detail: { decisionNo: body.decisionNo, decisionDate: body.decisionDate, issuer: body.issuer, recipients: subjects.length },
    });
  });
  return awardDetail(ctx, scope, id);
}

/** Award delivered (颁奖), at once or at home (送奖到家): the date and who went. */
export async function recordDelivery(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string, body: DeliveryBody) {
  if (body.deliveredOn > today(ctx)) throw new AppError('AWARD_DATE_INVALID');
  await ctx.db.transaction().execute(async (trx) => {
    const a = await awardInScope(trx, scope, id);
    if (a.status !== 'decided') throw new AppError('AWARD_WRONG_STATE');
    await trx
      .updateTable('award_case')
      .set({
        delivered_on: body.deliveredOn,
        delivered_by: body.deliveredBy,
        delivered_at_home: body.atHome ? 1 : 0,
        delivery_note: body.note ?? null,
        updated_at: ctx.clock.now().toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'awards.deliver',
      objectType: 'award_case',
      objectId: id,
      detail: { deliveredOn: body.deliveredOn, deliveredBy: body.deliveredBy, atHome: body.atHome },
    });
  });
  return awardDetail(ctx, scope, id);
}
