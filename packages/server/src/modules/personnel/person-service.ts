import { isOnForce, sumHours, type CreatePersonBody, type PersonProblem, type UpdatePersonBody } from '@zhenggong/core';
import type { Trx } from '../../db/database.ts';
import { assertOrgInScope, type ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { presentProfile } from './person-presenter.ts';
import * as q from './person-queries.ts';
import { initialHistory, today, toPersonRow } from './person-rows.ts';
import type { PersonTable } from './tables.ts';

export const invalid = (problems: PersonProblem[]) =>
  new AppError('PERSON_INVALID', { summary: problems.map((p) => `${p.field}:${p.code}`).join(', '), problems });

/** Inserts a checked row with its first history rows; used by the form and the importer. */
export async function insertPersonWithHistory(trx: Trx, row: PersonTable, startDate: string): Promise<void> {
  await trx.insertInto('person').values(row).execute();
  const h = initialHistory(row, startDate);
  await trx.insertInto('person_org_history').values(h.org).execute();
  await trx.insertInto('person_status_history').values(h.status).execute();
  if (h.rank) await trx.insertInto('person_rank_history').values(h.rank).execute();
  if (h.level) await trx.insertInto('person_level_history').values(h.level).execute();
  if (h.post) await trx.insertInto('person_post_history').values(h.post).execute();
}

export async function createPerson(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, input: CreatePersonBody) {
  await assertOrgInScope(ctx.db, scope, input.orgId);
  const result = toPersonRow(ctx, input);
  if (!result.ok) throw invalid(result.problems);
  const row = result.row;
  await ctx.db.transaction().execute(async (trx) => {
    const org = await trx.selectFrom('org').select(['id', 'status']).where('id', '=', row.org_id).executeTakeFirst();
    if (!org) throw new AppError('ORG_NOT_FOUND');
    if (org.status === 'closed') throw new AppError('ORG_CLOSED');
    if (await q.findPersonByIdIndex(trx, row.id_number_bidx)) throw new AppError('PERSON_ID_TAKEN');
    if (row.police_number && (await q.findPersonByPoliceNumber(trx, row.police_number))) throw new AppError('PERSON_POLICE_NUMBER_TAKEN');
    await insertPersonWithHistory(trx, row, row.police_start_date ?? today(ctx));
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'person.create',
      objectType: 'person',
      objectId: row.id,
      detail: { after: auditView(row) },
    });
  });
  return getPerson(ctx, scope, row.id);
}

export async function getPerson(ctx: AppContext, scope: ResolvedScope, id: string) {
  const row = await q.findPersonInScope(ctx.db, scope, id);
  if (!row) throw new AppError('PERSON_NOT_FOUND');
  const history = await q.personHistory(ctx.db, id);
  return { ...presentProfile(row, today(ctx)), trainingHours: sumHours(history.training), history };
}

/** Shows ID number and phone in full: a separate permission, and every view is audited. */
export async function revealPerson(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string) {
  const row = await q.findPersonInScope(ctx.db, scope, id);
  if (!row) throw new AppError('PERSON_NOT_FOUND');
  const revealed = {
    idNumber: ctx.fieldCrypto.decrypt(row.id_number_enc),
    phone: row.phone_enc ? ctx.fieldCrypto.decrypt(row.phone_enc) : null,
    ...(row.id_number_original_enc ? { idNumberOriginal: ctx.fieldCrypto.decrypt(row.id_number_original_enc) } : {}),
  };
  await ctx.db.transaction().execute((trx) =>
    appendAudit(trx, ctx.clock, actor, {
      eventType: 'person.reveal',
      objectType: 'person',
      objectId: id,
      detail: { fields: ['idNumber', 'phone', 'idNumberOriginal'] },
    }),
  );
  return revealed;
}

/**
 * Changes current values. Org, post, rank, level and status changes close the open history row
 * and open a new one dated `effectiveDate` (default today): history is appended, never overwritten.
 */
export async function updatePerson(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string, body: UpdatePersonBody) {
  if (body.orgId) await assertOrgInScope(ctx.db, scope, body.orgId);
  await ctx.db.transaction().execute((trx) => updatePersonIn(trx, ctx, scope, actor, id, body));
  return getPerson(ctx, scope, id);
}

/** The update inside a caller's transaction (approvals apply a correction and close it atomically). */
export async function updatePersonIn(
  trx: Trx,
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  id: string,
  body: UpdatePersonBody,
): Promise<void> {
  const effective = body.effectiveDate ?? today(ctx);
  const before = await q.findPersonInScope(trx, scope, id);
  if (!before) throw new AppError('PERSON_NOT_FOUND');
  const { org_name: _o, ...beforeRow } = before;
  const idNumber = ctx.fieldCrypto.decrypt(beforeRow.id_number_enc);
  const merged = { ...rowToInput(beforeRow, idNumber), ...stripUndefined(body) } as CreatePersonBody;
  // A new rank or grade without its own date starts on the effective date: it never inherits the old one's date.
  if (body.rank && body.rank !== beforeRow.rank && body.rankDate === undefined) merged.rankDate = effective;
  if (body.officerLevel && body.officerLevel !== beforeRow.officer_level && body.levelDate === undefined) merged.levelDate = effective;
  delete (merged as { effectiveDate?: string }).effectiveDate;
  if (body.phone === undefined && beforeRow.phone_enc) merged.phone = ctx.fieldCrypto.decrypt(beforeRow.phone_enc);
  const result = toPersonRow(ctx, merged, id);
  if (!result.ok) throw invalid(result.problems);
  const after: PersonTable = {
    ...result.row,
    // The stored number is the 18-digit upgrade: the 15-digit original stays while the number does.
    id_number_original_enc:
      result.row.id_number_original_enc ??
      (result.row.id_number_bidx === beforeRow.id_number_bidx ? beforeRow.id_number_original_enc : null),
    created_at: beforeRow.created_at,
    photo: beforeRow.photo,
    status_date: body.status && body.status !== beforeRow.status ? effective : beforeRow.status_date,
  };
  if (
    after.police_number &&
    after.police_number !== beforeRow.police_number &&
    (await q.findPersonByPoliceNumber(trx, after.police_number))
  )
    throw new AppError('PERSON_POLICE_NUMBER_TAKEN');
  if (after.org_id !== beforeRow.org_id) {
    const org = await trx.selectFrom('org').select('status').where('id', '=', after.org_id).executeTakeFirst();
    if (!org) throw new AppError('ORG_NOT_FOUND');
    if (org.status === 'closed') throw new AppError('ORG_CLOSED');
  }
  const { id: _id, ...changes } = after;
  await trx.updateTable('person').set(changes).where('id', '=', id).execute();
  await appendHistory(trx, beforeRow, after, effective);
  await appendAudit(trx, ctx.clock, actor, {
    eventType: 'person.update',
    objectType: 'person',
    objectId: id,
    detail: { before: auditView(beforeRow), after: auditView(after), effectiveDate: effective },
  });
}

async function appendHistory(trx: Trx, before: PersonTable, after: PersonTable, date: string): Promise<void> {
  const base = { person_id: after.id, city_code: after.city_code, created_at: after.updated_at };
  const wasOn = isOnForce(before.status);
  const isOn = isOnForce(after.status);
  if (wasOn && !isOn) {
    // Leaving (retired, resigned, contract ended …) ends the unit membership on the status date,
    // so as-of searches and statistics after that date no longer count the person in the unit.
    await trx
      .updateTable('person_org_history')
      .set({ end_date: date })
      .where('person_id', '=', after.id)
      .where('end_date', 'is', null)
      .execute();
  } else if (!wasOn && isOn) {
    // Back on the force (re-hired, returned): a new membership from the status date.
    await trx
      .insertInto('person_org_history')
      .values({ ...base, id: newId(), org_id: after.org_id, post: after.post, start_date: date, end_date: null })
      .execute();
  } else if (isOn && (after.org_id !== before.org_id || after.post !== before.post)) {
    await trx
      .updateTable('person_org_history')
      .set({ end_date: date })
      .where('person_id', '=', after.id)
      .where('end_date', 'is', null)
      .execute();
    await trx
      .insertInto('person_org_history')
      .values({ ...base, id: newId(), org_id: after.org_id, post: after.post, start_date: date, end_date: null })
      .execute();
  }
  if (after.post !== before.post) {
    await trx
      .updateTable('person_post_history')
      .set({ end_date: date })
      .where('person_id', '=', after.id)
      .where('end_date', 'is', null)
      .execute();
    if (after.post)
      await trx
        .insertInto('person_post_history')
        .values({ ...base, id: newId(), post: after.post, org_id: after.org_id, start_date: date, end_date: null })
        .execute();
  }
  if (after.rank && after.rank !== before.rank) {
    await trx
      .insertInto('person_rank_history')
      .values({ ...base, id: newId(), rank: after.rank, start_date: after.rank_date ?? date, note: null })
      .execute();
  }
  for (const [sequence, key] of [
    ['officer', 'officer_level'],
    ['tech', 'tech_level'],
  ] as const) {
    if (after[key] !== before[key]) {
      await trx
        .updateTable('person_level_history')
        .set({ end_date: date })
        .where('person_id', '=', after.id)
        .where('sequence', '=', sequence)
        .where('end_date', 'is', null)
        .execute();
      const level = after[key];
      if (level)
        await trx
          .insertInto('person_level_history')
          .values({
            ...base,
            id: newId(),
            sequence,
            level,
            start_date: (sequence === 'officer' ? after.level_date : null) ?? date,
            end_date: null,
          })
          .execute();
    } else if (sequence === 'officer' && after.officer_level && after.level_date && after.level_date !== before.level_date) {
      // The same grade with a corrected 职级任职时间: the open grade line starts on it too, so the
      // history, the 任免审批表 and the years counted for promotion agree.
      await trx
        .updateTable('person_level_history')
        .set({ start_date: after.level_date })
        .where('person_id', '=', after.id)
        .where('sequence', '=', 'officer')
        .where('end_date', 'is', null)
        .execute();
    }
  }
  if (after.status !== before.status) {
    await trx
      .insertInto('person_status_history')
      .values({ ...base, id: newId(), status: after.status, start_date: date, note: null })
      .execute();
  }
}

/** What the audit row keeps: masked sensitive values only. */
function auditView(row: PersonTable) {
  const {
    id_number_enc: _a,
    id_number_bidx: _b,
    id_number_original_enc: _o,
    phone_enc: _c,
    name_pinyin: _d,
    name_initials: _e,
    created_at: _f,
    updated_at: _g,
    ...rest
  } = row;
  return rest;
}

export function rowToInput(row: PersonTable, idNumber: string): CreatePersonBody {
  const opt = <T>(v: T | null) => (v === null ? undefined : v);
  return {
    kind: row.kind,
    name: row.name,
    formerNames: JSON.parse(row.former_names) as string[],
    idNumber,
    ethnicity: opt(row.ethnicity),
    politicalStatus: opt(row.political_status),
    partyJoinDate: opt(row.party_join_date),
    nativePlace: opt(row.native_place),
    birthplace: opt(row.birthplace),
    education: opt(row.education),
    degree: opt(row.degree),
    workStartDate: opt(row.work_start_date),
    policeStartDate: opt(row.police_start_date),
    policeNumber: opt(row.police_number),
    orgId: row.org_id,
    post: opt(row.post),
    rank: opt(row.rank),
    rankDate: opt(row.rank_date),
    officerLevel: opt(row.officer_level),
    levelDate: opt(row.level_date),
    postLevel: opt(row.post_level),
    techLevel: opt(row.tech_level),
    auxCategory: opt(row.aux_category),
    contractEnd: opt(row.contract_end),
    status: row.status,
  } as CreatePersonBody;
}

const stripUndefined = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
