import type { CreateSelectionBody, SelectionView } from '@zhenggong/core';
import type { Trx } from '../../db/database.ts';
import { scopeWhere, type ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';
import { caseIdsFor, submitCase, type Actor } from '../../platform/workflow/engine.ts';
import { registerCaseKind, type CaseOutcome } from '../../platform/workflow/registry.ts';
import { assertPeopleInScope, personBriefs } from '../personnel/people.ts';
import { partyOrgInScope } from './org-service.ts';

export const PARTY_SELECTION_KIND = 'party.selection';

/**
 * 好党员 and best-practice case (优秀案例) nominations: decided through the platform workflow — the
 * party committee level above reviews, then a public notice (公示) of five working days with
 * objections. A minimal selection until the exemplar machinery (典型选树) takes these campaigns over.
 */
registerCaseKind({
  kind: PARTY_SELECTION_KIND,
  module: 'party',
  defaultSteps: [
    { name: '党委审核', type: 'approval', permission: 'party:write', orgLevel: 'subject_branch', mode: 'any', deadlineWorkingDays: 10 },
    { name: '公示', type: 'notice', permission: 'party:write', orgLevel: 'subject_branch', mode: 'any', noticeWorkingDays: 5 },
  ],
  onDecided: (h) => applySelectionOutcome(h.trx, h.ctx, h.actor, h.caseRow.ref_id, h.outcome),
});

async function applySelectionOutcome(trx: Trx, ctx: AppContext, actor: AuditActor, id: string, outcome: CaseOutcome) {
  const status = outcome === 'approved' ? 'selected' : 'not_selected';
  await trx.updateTable('party_selection').set({ status, updated_at: ctx.clock.now().toISOString() }).where('id', '=', id).execute();
  await appendAudit(trx, ctx.clock, actor, {
    eventType: 'party.selection.decide',
    objectType: 'party_selection',
    objectId: id,
    detail: { outcome },
  });
}

export async function listSelections(ctx: AppContext, scope: ResolvedScope): Promise<{ items: SelectionView[] }> {
  const rows = await ctx.db
    .selectFrom('party_selection as s')
    .innerJoin('party_org as g', 'g.id', 's.party_org_id')
    .selectAll('s')
    .select('g.name as party_org_name')
    .where(scopeWhere(scope, 'g.org_id'))
    .orderBy('s.created_at', 'desc')
    .limit(500)
    .execute();
  const people = await personBriefs(
    ctx.db,
    rows.map((r) => r.person_id).filter((x): x is string => x !== null),
  );
  const cases = await caseIdsFor(
    ctx.db,
    PARTY_SELECTION_KIND,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      partyOrgId: r.party_org_id,
      partyOrgName: r.party_org_name,
      kind: r.kind,
      title: r.title,
      personId: r.person_id,
      personName: r.person_id ? (people.get(r.person_id)?.name ?? null) : null,
      reason: r.reason,
      status: r.status,
      caseId: cases.get(r.id) ?? null,
    })),
  };
}

export async function createSelection(ctx: AppContext, scope: ResolvedScope, actor: Actor, body: CreateSelectionBody) {
  const g = await partyOrgInScope(ctx.db, scope, body.partyOrgId);
  const person = body.personId ? (await assertPeopleInScope(ctx.db, scope, [body.personId]))[0]! : null;
  const id = newId();
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('party_selection')
      .values({
        id,
        party_org_id: g.id,
        kind: body.kind,
        title: body.title,
        person_id: person?.id ?? null,
        reason: body.reason,
        status: 'pending',
        created_by: actor.userId,
        city_code: ctx.config.cityCode,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await submitCase(trx, ctx, actor, {
      kind: PARTY_SELECTION_KIND,
      refId: id,
      title: body.title,
      subjectPersonId: person?.id ?? null,
      subjectName: person?.name ?? g.name,
      subjectOrgId: person?.org_id ?? g.org_id,
    });
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'party.selection.create',
      objectType: 'party_selection',
      objectId: id,
      detail: { kind: body.kind },
    });
  });
  return (await listSelections(ctx, scope)).items.find((s) => s.id === id)!;
}
