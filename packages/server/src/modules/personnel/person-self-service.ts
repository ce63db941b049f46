import type { CorrectionStatus, CreatePersonBody, UpdatePersonBody } from '@zhenggong/core';
import type { Trx } from '../../db/database.ts';
import { scopeWhere, type ResolvedScope } from '../../platform/access/data-scope.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { caseIdsFor, submitCase } from '../../platform/workflow/engine.ts';
import type { CaseOutcome } from '../../platform/workflow/registry.ts';
import { maskPhone } from './person-presenter.ts';
import { toPersonRow } from './person-rows.ts';
import { getPerson, invalid, rowToInput, updatePersonIn } from './person-service.ts';

/** Fields a person may ask to have corrected; identity, unit, rank and post change by other procedures. */
export const correctableFields = [
  'phone',
  'formerNames',
  'ethnicity',
  'politicalStatus',
  'partyJoinDate',
  'nativePlace',
  'birthplace',
  'education',
  'degree',
  'workStartDate',
] as const;
const everything: ResolvedScope = { all: true };

async function linkedPersonId(ctx: AppContext, principal: Principal): Promise<string> {
  const user = await ctx.db.selectFrom('app_user').select('person_id').where('id', '=', principal.userId).executeTakeFirst();
  if (!user?.person_id) throw new AppError('PERSON_NOT_LINKED');
  return user.person_id;
}

/** The caller's own record (自助查询); the id comes from their account, never from the request. */
export async function ownProfile(ctx: AppContext, principal: Principal) {
  return getPerson(ctx, everything, await linkedPersonId(ctx, principal));
}

export async function requestCorrection(
  ctx: AppContext,
  principal: Principal,
  actor: AuditActor,
  changes: Record<string, string>,
  reason: string | undefined,
) {
  const personId = await linkedPersonId(ctx, principal);
  const unknown = Object.keys(changes).filter((k) => !(correctableFields as readonly string[]).includes(k));
  if (unknown.length > 0) throw new AppError('VALIDATION_FAILED', { fields: unknown });
  // Check the requested values now, as the form would, so staff never approve data that cannot be stored.
  const current = await ctx.db.selectFrom('person').selectAll().where('id', '=', personId).executeTakeFirstOrThrow();
  const candidate = { ...rowToInput(current, ctx.fieldCrypto.decrypt(current.id_number_enc)), ...asUpdate(changes) } as CreatePersonBody;
  const checked = toPersonRow(ctx, candidate, personId);
  if (!checked.ok) throw invalid(checked.problems);
  const id = newId();
  let caseId = '';
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('correction_request')
      .values({
        id,
        person_id: personId,
        requested_by: principal.userId,
        changes: ctx.fieldCrypto.encrypt(JSON.stringify(changes)),
        reason: reason ?? null,
        status: 'pending',
        decided_by: null,
        decided_at: null,
        decision_note: null,
        city_code: ctx.config.cityCode,
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'person.correction.request',
      objectType: 'person',
      objectId: personId,
      detail: { requestId: id, fields: Object.keys(changes) },
    });
    caseId = await submitCase(
      trx,
      ctx,
      { ...actor, userId: principal.userId },
      {
        kind: 'personnel.correction',
        refId: id,
        title: `信息更正：${current.name}`,
        subjectPersonId: personId,
        subjectName: current.name,
        subjectOrgId: current.org_id,
      },
    );
  });
  return { id, caseId };
}

/** Text values as the form sends them; former names arrive as one comma-separated string. */
const asUpdate = (changes: Record<string, string>): UpdatePersonBody =>
  ({
    ...changes,
    ...(changes.formerNames !== undefined && { formerNames: changes.formerNames.split(/[,，、]/).filter(Boolean) }),
  }) as UpdatePersonBody;

/** Requested values may be personal (a new phone number): stored encrypted like the record itself. */
const readChanges = (ctx: AppContext, stored: string) => JSON.parse(ctx.fieldCrypto.decrypt(stored)) as Record<string, string>;

/** Approvers without `personnel:reveal` see a requested phone number masked, as in the record. */
const forViewer = (changes: Record<string, string>, reveal: boolean) =>
  reveal || changes.phone === undefined ? changes : { ...changes, phone: maskPhone(changes.phone) };

export async function myCorrections(ctx: AppContext, principal: Principal) {
  const rows = await ctx.db
    .selectFrom('correction_request')
    .selectAll()
    .where('requested_by', '=', principal.userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const cases = await caseIdsFor(
    ctx.db,
    'personnel.correction',
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...present(r, readChanges(ctx, r.changes)), caseId: cases.get(r.id) ?? null }));
}

/** The political staff's to-do list: pending requests of people in their scope. */
export async function pendingCorrections(
  ctx: AppContext,
  scope: ResolvedScope,
  status: 'pending' | 'approved' | 'rejected',
  reveal: boolean,
) {
  const rows = await ctx.db
    .selectFrom('correction_request as c')
    .innerJoin('person as p', 'p.id', 'c.person_id')
    .selectAll('c')
    .select(['p.name as person_name', 'p.org_id'])
    .where('c.status', '=', status)
    .where(scopeWhere(scope, 'p.org_id'))
    .orderBy('c.created_at')
    .execute();
  const cases = await caseIdsFor(
    ctx.db,
    'personnel.correction',
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({
    ...present(r, forViewer(readChanges(ctx, r.changes), reveal)),
    personName: r.person_name,
    caseId: cases.get(r.id) ?? null,
  }));
}

/**
 * The workflow's decision on a correction, in the decision's transaction: approved → the change
 * is applied (audited as a person update); the workflow has already checked that the decider
 * holds `personnel:approve` with the person in scope and is neither requester nor subject.
 */
export async function applyCorrectionOutcome(
  trx: Trx,
  ctx: AppContext,
  actor: AuditActor,
  id: string,
  outcome: CaseOutcome,
  note: string | null,
): Promise<void> {
  const request = await trx
    .selectFrom('correction_request')
    .selectAll()
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (!request) throw new AppError('NOT_FOUND');
  if (outcome === 'approved')
    await updatePersonIn(trx, ctx, everything, actor, request.person_id, asUpdate(readChanges(ctx, request.changes)));
  await trx
    .updateTable('correction_request')
    .set({ status: outcome, decided_by: actor.userId, decided_at: ctx.clock.now().toISOString(), decision_note: note })
    .where('id', '=', id)
    .execute();
  await appendAudit(trx, ctx.clock, actor, {
    eventType: `person.correction.${outcome}`,
    objectType: 'person',
    objectId: request.person_id,
    detail: { requestId: id, note },
  });
}

function present(
  r: {
    id: string;
    person_id: string;
    reason: string | null;
    status: CorrectionStatus;
    decided_at: string | null;
    decision_note: string | null;
    created_at: string;
  },
  changes: Record<string, string>,
) {
  return {
    id: r.id,
    personId: r.person_id,
    changes,
    reason: r.reason,
    status: r.status,
    decidedAt: r.decided_at,
    decisionNote: r.decision_note,
    createdAt: r.created_at,
  };
}
