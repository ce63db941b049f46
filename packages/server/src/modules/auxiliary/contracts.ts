import {
  contractEndAfterYears,
  defaultAuxRules,
  maxProbationMonths,
  openEndedRight,
  probationEndDate,
  shiftDate,
  type CreateContractBody,
  type RenewContractBody,
  type SettingsValue,
} from '@zhenggong/core';
import { sql } from 'kysely';
import type { Trx } from '../../db/database.ts';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { changePerson, contractEndOf, ON_FORCE_STATUSES, scopedPeople, today } from '../personnel/people.ts';
import { findServingOfficer } from './aux-officers.ts';
import { ruleInForce } from './aux-rules.ts';

/** The 劳动合同法 thresholds in force (a version saved before they existed falls back to the statute). */
function openEndedRule(settings: SettingsValue) {
  const d = defaultAuxRules.settings;
  return {
    afterFixedTerms: settings.openEndedAfterFixedTerms ?? d.openEndedAfterFixedTerms ?? 2,
    afterYears: settings.openEndedAfterYears ?? d.openEndedAfterYears ?? 10,
  };
}

/** Open-ended contracts have no end; every other kind ends after it starts. */
function checkDates(kind: string, start: string, end: string | null): void {
  if (kind === 'open_ended' ? end !== null : end === null || end <= start) throw new AppError('AUX_CONTRACT_DATES', { start, end });
}

/** The person record's contract_end follows the active contract, through the personnel service (audited there). */
async function syncPersonContractEnd(
  trx: Trx,
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  personId: string,
  end: string | null,
): Promise<void> {
  if ((await contractEndOf(trx, personId)) !== end) await changePerson(trx, ctx, scope, actor, personId, { contractEnd: end });
}

export async function createContract(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, personId: string, body: CreateContractBody) {
  const person = await findServingOfficer(ctx.db, scope, personId);
  const settings = await ruleInForce(ctx, ctx.db, 'settings', body.startDate);
  const end =
    body.kind === 'open_ended'
      ? (body.endDate ?? null)
      : body.endDate === undefined
        ? contractEndAfterYears(body.startDate, settings.value.firstContractYears)
        : body.endDate;
  checkDates(body.kind, body.startDate, end);
  // 劳动合同法 第十九条: probation is capped by the term, and one employer sets it only once.
  const max = maxProbationMonths(body.kind, body.startDate, end);
  const wanted = body.probationMonths ?? Math.min(settings.value.probationMonths ?? 0, max);
  if (wanted > max) throw new AppError('AUX_PROBATION_TOO_LONG', { max });
  const now = ctx.clock.now().toISOString();
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('aux_contract')
      .select(['status', 'sequence'])
      .where('person_id', '=', personId)
      .orderBy('sequence', 'desc')
      .execute();
    if (existing.some((c) => c.status === 'active')) throw new AppError('AUX_CONTRACT_ACTIVE');
    const probationEnd = existing.length === 0 ? probationEndDate(body.startDate, wanted) : null;
    const row = {
      id,
      person_id: personId,
      kind: body.kind,
      start_date: body.startDate,
      end_date: end,
      sequence: (existing[0]?.sequence ?? 0) + 1,
      previous_id: null,
      status: 'active' as const,
      ended_date: null,
      end_reason: null,
      note: body.note ?? null,
      probation_end: probationEnd,
      open_ended_reasons: null,
      worker_chose_fixed: 0,
      city_code: person.city_code,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('aux_contract').values(row).execute();
    await syncPersonContractEnd(trx, ctx, scope, actor, personId, end);
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'auxiliary.contract.create',
      objectType: 'aux_contract',
      objectId: id,
      detail: { personId, kind: body.kind, startDate: body.startDate, endDate: end },
    });
  });
  return { id };
}

async function findContract(trx: Trx, scope: ResolvedScope, id: string) {
  const row = await trx
    .selectFrom('aux_contract as c')
    .innerJoin(scopedPeople(trx, scope).as('p'), 'p.id', 'c.person_id')
    .selectAll('c')
    .where('c.id', '=', id)
    .where('p.kind', '=', 'auxiliary')
    .executeTakeFirst();
  if (!row) throw new AppError('AUX_CONTRACT_NOT_FOUND');
  return row;
}

/** Renewal (续签) closes the active contract as 'renewed' and opens the next one as a new row. */
export async function renewContract(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, contractId: string, body: RenewContractBody) {
  return ctx.db.transaction().execute(async (trx) => {
    const old = await findContract(trx, scope, contractId);
    await findServingOfficer(trx, scope, old.person_id);
    if (old.status !== 'active') throw new AppError('AUX_CONTRACT_NOT_ACTIVE');
    const kind = body.kind ?? old.kind;
    const start = body.startDate ?? (old.end_date ? shiftDate(old.end_date, 1) : today(ctx));
    const settings = await ruleInForce(ctx, trx, 'settings', start);
    const end =
      kind === 'open_ended'
        ? (body.endDate ?? null)
        : body.endDate === undefined
          ? contractEndAfterYears(start, settings.value.renewalYears)
          : body.endDate;
    checkDates(kind, start, end);
    if (old.end_date !== null && start <= old.start_date) throw new AppError('AUX_CONTRACT_DATES', { start, end });
    const history = await trx
      .selectFrom('aux_contract')
      .select(['kind', 'start_date as startDate', 'end_date as endDate'])
      .where('person_id', '=', old.person_id)
      .orderBy('sequence')
      .execute();
    const right = openEndedRight(history, start, openEndedRule(settings.value));
    // 劳动合同法 第十四条: with the right, a fixed term is signed only when the officer asks for it.
    if (right.due && kind !== 'open_ended' && body.workerChoseFixedTerm !== true) throw new AppError('AUX_OPEN_ENDED_RIGHT');
    const now = ctx.clock.now().toISOString();
    const id = newId();
    await trx
      .updateTable('aux_contract')
      .set({ status: 'renewed', ended_date: old.end_date ?? shiftDate(start, -1), updated_at: now })
      .where('id', '=', old.id)
      .execute();
    await trx
      .insertInto('aux_contract')
      .values({
        id,
        person_id: old.person_id,
        kind,
        start_date: start,
        end_date: end,
        sequence: old.sequence + 1,
        previous_id: old.id,
        status: 'active',
        ended_date: null,
        end_reason: null,
        note: body.note ?? null,
        probation_end: null,
        open_ended_reasons: right.due ? right.reasons.join(',') : null,
        worker_chose_fixed: right.due && kind !== 'open_ended' ? 1 : 0,
        city_code: old.city_code,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await syncPersonContractEnd(trx, ctx, scope, actor, old.person_id, end);
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'auxiliary.contract.renew',
      objectType: 'aux_contract',
      objectId: id,
      detail: {
        personId: old.person_id,
        previousId: old.id,
        kind,
        startDate: start,
        endDate: end,
        openEndedReasons: right.reasons,
        workerChoseFixedTerm: right.due && kind !== 'open_ended',
      },
    });
    return { id };
  });
}

/**
 * The to-do list (待办): serving officers in scope whose contract ends within `days` (the settings
 * value in force when absent), overdue ones included, soonest first. The end is the active
 * contract's, or — for officers whose contract was only imported onto their record — the
 * record's 合同到期 date, so the officer list, this list and the daily reminder agree.
 */
export async function contractReminders(ctx: AppContext, scope: ResolvedScope, days?: number) {
  const day = today(ctx);
  const settings = (await ruleInForce(ctx, ctx.db, 'settings', day)).value;
  const window = days ?? settings.contractReminderDays;
  const until = shiftDate(day, window);
  const rows = await ctx.db
    .selectFrom(scopedPeople(ctx.db, scope).as('p'))
    .innerJoin('org as o', 'o.id', 'p.org_id')
    .leftJoin('aux_contract as c', (j) => j.onRef('c.person_id', '=', 'p.id').on('c.status', '=', 'active'))
    .select(['c.id', 'p.id as person_id', 'p.name', 'o.name as org_name', 'c.kind', 'c.start_date', 'c.sequence', 'p.contract_end'])
    .select(sql<string>`coalesce(c.end_date, p.contract_end)`.as('end_date'))
    .where('p.kind', '=', 'auxiliary')
    .where('p.status', 'in', ON_FORCE_STATUSES)
    // An open-ended contract has no end, whatever the record once said.
    .where((eb) => eb.or([eb('c.id', 'is', null), eb('c.end_date', 'is not', null)]))
    .where(sql<boolean>`coalesce(c.end_date, p.contract_end) is not null`)
    .where(sql<boolean>`coalesce(c.end_date, p.contract_end) <= ${until}`)
    .orderBy(sql`coalesce(c.end_date, p.contract_end)`)
    .orderBy('p.name_pinyin')
    .execute();
  const rights = await openEndedRights(
    ctx,
    rows.map((r) => r.person_id),
    settings,
  );
  const dayMs = Date.parse(`${day}T00:00:00Z`);
  return {
    days: window,
    today: day,
    items: rows.map((r) => ({
      contractId: r.id,
      personId: r.person_id,
      name: r.name,
      orgName: r.org_name,
      kind: r.kind,
      startDate: r.start_date,
      endDate: r.end_date,
      sequence: r.sequence,
      daysLeft: Math.round((Date.parse(`${r.end_date}T00:00:00Z`) - dayMs) / 86_400_000),
      openEndedRight: rights.get(r.person_id) ?? false,
    })),
  };
}

/** Whether renewing each person's active contract gives the right to an open-ended one. */
async function openEndedRights(ctx: AppContext, personIds: readonly string[], settings: SettingsValue): Promise<Map<string, boolean>> {
  const out = new Map<string, boolean>();
  if (personIds.length === 0) return out;
  const rows = await ctx.db
    .selectFrom('aux_contract')
    .select(['person_id', 'kind', 'start_date', 'end_date', 'status'])
    .where('person_id', 'in', [...personIds])
    .orderBy('sequence')
    .execute();
  const byPerson = new Map<string, { kind: string; startDate: string; endDate: string | null }[]>();
  for (const r of rows)
    byPerson.set(r.person_id, [...(byPerson.get(r.person_id) ?? []), { kind: r.kind, startDate: r.start_date, endDate: r.end_date }]);
  for (const [id, lines] of byPerson) {
    const last = lines[lines.length - 1]!;
    const renewal = last.endDate ? shiftDate(last.endDate, 1) : today(ctx);
    out.set(id, openEndedRight(lines, renewal, openEndedRule(settings)).due);
  }
  return out;
}
