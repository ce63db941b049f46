import {
  disciplineEffects,
  disciplineEndDate,
  disciplineSystemOf,
  type AppealBody,
  type DisciplineBody,
  type DisciplineDetail,
  type DisciplineListQuery,
  type DisciplineRow,
  type EffectsView,
  type InvestigationBody,
  type LiftBody,
} from '@zhenggong/core';
import type { Executor } from '../../db/database.ts';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { appendAudit, auditAlone, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import {
  addDisciplineLine,
  assertPeopleInScope,
  disciplineLinesOf,
  endDisciplineLine,
  linkedPerson,
  scopedPeople,
  today,
} from '../personnel/people.ts';
import { awardRule } from './award-rules.ts';
import { openInvestigations } from './discipline-queries.ts';
import type { DisciplineRecordTable } from './tables.ts';

/**
 * Discipline records (违纪处分): restricted. Facts, appeal and its result are encrypted at rest;
 * only kind and dates go to the person's record line, from which every module computes effects.
 * Reading needs `discipline:read` over the person's current unit, and every read — list, detail,
 * effects, one's own — is an entry in the audit chain.
 */

const rowsQuery = (db: Executor, scope: ResolvedScope) =>
  db
    .selectFrom('discipline_record as d')
    .innerJoin(scopedPeople(db, scope).as('p'), 'p.id', 'd.person_id')
    .innerJoin('org as o', 'o.id', 'p.org_id');

const toRow = (d: DisciplineRecordTable & { person_name: string; org_name: string }): DisciplineRow => ({
  id: d.id,
  personId: d.person_id,
  personName: d.person_name,
  orgName: d.org_name,
  system: d.system,
  kind: d.kind,
  decisionDate: d.decision_date,
  endDate: d.end_date,
  organ: d.organ,
  docNo: d.doc_no,
  status: d.status,
  appealStatus: d.appeal_status,
});

async function recordInScope(db: Executor, scope: ResolvedScope, id: string) {
  const row = await rowsQuery(db, scope)
    .selectAll('d')
    .select(['p.name as person_name', 'o.name as org_name'])
    .where('d.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('DISCIPLINE_NOT_FOUND');
  return row;
}

export async function createDiscipline(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor & { userId: string },
  body: DisciplineBody,
) {
  if (body.decisionDate > today(ctx)) throw new AppError('AWARD_DATE_INVALID');
  if ((body.kind === '留党察看') !== (body.probationMonths !== undefined)) throw new AppError('DISCIPLINE_PROBATION_INVALID');
  await assertPeopleInScope(ctx.db, scope, [body.personId]);
  const rules = await awardRule(ctx, ctx.db, 'discipline', body.decisionDate);
  // 留党察看: the probation, then two years in which the restored member holds no equal or higher party post.
  const months = body.probationMonths !== undefined ? body.probationMonths + 24 : undefined;
  const endDate = disciplineEndDate(rules, body.kind, body.decisionDate, months);
  const id = newId();
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const lineId = await addDisciplineLine(trx, ctx, {
      personId: body.personId,
      date: body.decisionDate,
      kind: body.kind,
      reason: null,
      endDate,
    });
    await trx
      .insertInto('discipline_record')
      .values({
        id,
        person_id: body.personId,
        system: disciplineSystemOf(body.kind),
        kind: body.kind,
        decision_date: body.decisionDate,
        end_date: endDate,
        organ: body.organ,
        doc_no: body.docNo,
        facts_enc: ctx.fieldCrypto.encrypt(body.facts),
        appeal_enc: null,
        appeal_result_enc: null,
        appeal_status: 'none',
        status: endDate === null ? 'permanent' : 'in_effect',
        lifted_on: null,
        lift_doc_no: null,
        person_line_id: lineId,
        created_by: actor.userId,
        city_code: ctx.config.cityCode,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'discipline.create',
      objectType: 'discipline_record',
      objectId: id,
      detail: { personId: body.personId, kind: body.kind, decisionDate: body.decisionDate, endDate },
    });
  });
  return { id };
}

export async function listDiscipline(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, q: DisciplineListQuery) {
  const page = q.page ?? 1;
  const size = q.pageSize ?? 20;
  let base = rowsQuery(ctx.db, scope);
  if (q.status) base = base.where('d.status', '=', q.status);
  if (q.personId) base = base.where('d.person_id', '=', q.personId);
  const total = Number((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await base
    .selectAll('d')
    .select(['p.name as person_name', 'o.name as org_name'])
    .orderBy('d.decision_date', 'desc')
    .orderBy('d.id')
    .limit(size)
    .offset((page - 1) * size)
    .execute();
  await auditAlone(ctx.db, ctx.clock, actor, {
    eventType: 'discipline.list',
    objectType: 'discipline_record',
    detail: { filter: { status: q.status ?? null, personId: q.personId ?? null }, shown: rows.map((r) => r.id) },
  });
  return { total, items: rows.map(toRow) };
}

export async function getDiscipline(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string): Promise<DisciplineDetail> {
  const d = await recordInScope(ctx.db, scope, id);
  await auditAlone(ctx.db, ctx.clock, actor, {
    eventType: 'discipline.view',
    objectType: 'discipline_record',
    objectId: id,
    detail: { personId: d.person_id },
  });
  const dec = (v: string | null) => (v === null ? null : ctx.fieldCrypto.decrypt(v));
  return {
    ...toRow(d),
    facts: ctx.fieldCrypto.decrypt(d.facts_enc),
    appeal: dec(d.appeal_enc),
    appealResult: dec(d.appeal_result_enc),
    liftedOn: d.lifted_on,
    liftDocNo: d.lift_doc_no,
  };
}

/** 申诉 and its result; a revoked decision ends the record line on the day the result is entered. */
export async function recordAppeal(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string, body: AppealBody) {
  await ctx.db.transaction().execute(async (trx) => {
    const d = await recordInScope(trx, scope, id);
    if (d.status === 'revoked') throw new AppError('DISCIPLINE_WRONG_STATE');
    const revoked = body.status === 'revoked';
    await trx
      .updateTable('discipline_record')
      .set({
        appeal_enc: ctx.fieldCrypto.encrypt(body.appeal),
        appeal_result_enc: body.result ? ctx.fieldCrypto.encrypt(body.result) : null,
        appeal_status: body.status,
        ...(revoked ? { status: 'revoked' as const, end_date: today(ctx) } : {}),
        updated_at: ctx.clock.now().toISOString(),
      })
      .where('id', '=', id)
      .execute();
    if (revoked) await endDisciplineLine(trx, d.person_line_id, today(ctx));
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'discipline.appeal',
      objectType: 'discipline_record',
      objectId: id,
      detail: { status: body.status },
    });
  });
  return getDiscipline(ctx, scope, actor, id);
}

/** 解除: only once the effect period has run (release does not restore a lowered grade or post). */
export async function liftDiscipline(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string, body: LiftBody) {
  await ctx.db.transaction().execute(async (trx) => {
    const d = await recordInScope(trx, scope, id);
    if (d.status !== 'in_effect' && d.status !== 'lift_due') throw new AppError('DISCIPLINE_WRONG_STATE');
    if (d.end_date === null || body.liftedOn < d.end_date) throw new AppError('DISCIPLINE_LIFT_EARLY', { endDate: d.end_date ?? '—' });
    if (body.liftedOn > today(ctx)) throw new AppError('AWARD_DATE_INVALID');
    await trx
      .updateTable('discipline_record')
      .set({ status: 'lifted', lifted_on: body.liftedOn, lift_doc_no: body.docNo ?? null, updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'discipline.lift',
      objectType: 'discipline_record',
      objectId: id,
      detail: { liftedOn: body.liftedOn },
    });
  });
  return getDiscipline(ctx, scope, actor, id);
}

export async function openInvestigation(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor & { userId: string },
  body: InvestigationBody,
) {
  if (body.since > today(ctx)) throw new AppError('AWARD_DATE_INVALID');
  await assertPeopleInScope(ctx.db, scope, [body.personId]);
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('discipline_investigation')
      .values({
        id,
        person_id: body.personId,
        since: body.since,
        closed_on: null,
        note_enc: ctx.fieldCrypto.encrypt(body.note),
        created_by: actor.userId,
        city_code: ctx.config.cityCode,
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'discipline.investigation.open',
      objectType: 'discipline_investigation',
      objectId: id,
      detail: { personId: body.personId, since: body.since },
    });
  });
  return { id };
}

export async function closeInvestigation(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string, closedOn: string) {
  await ctx.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('discipline_investigation as i')
      .innerJoin(scopedPeople(trx, scope).as('p'), 'p.id', 'i.person_id')
      .select(['i.id', 'i.closed_on', 'i.since'])
      .where('i.id', '=', id)
      .executeTakeFirst();
    if (!row) throw new AppError('DISCIPLINE_NOT_FOUND');
    if (row.closed_on !== null || closedOn < row.since) throw new AppError('DISCIPLINE_WRONG_STATE');
    await trx.updateTable('discipline_investigation').set({ closed_on: closedOn }).where('id', '=', id).execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'discipline.investigation.close',
      objectType: 'discipline_investigation',
      objectId: id,
      detail: { closedOn },
    });
  });
  return { id };
}

/** What the person's record lines mean today: awards, promotion and grade blocked, appraisal capped, with reasons. */
export async function effectsOf(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, personId: string): Promise<EffectsView> {
  await assertPeopleInScope(ctx.db, scope, [personId]);
  const on = today(ctx);
  const [lines, rules, investigations] = await Promise.all([
    disciplineLinesOf(ctx.db, [personId]),
    awardRule(ctx, ctx.db, 'discipline', on),
    openInvestigations(ctx.db, [personId]),
  ]);
  const effects = disciplineEffects(
    lines.map((l) => ({ kind: l.kind, date: l.date, endDate: l.end_date })),
    rules,
    on,
  );
  await auditAlone(ctx.db, ctx.clock, actor, { eventType: 'discipline.effects_view', objectType: 'person', objectId: personId });
  return { personId, onDate: on, ...effects, reasons: [...effects.reasons], underInvestigation: investigations.has(personId) };
}

/** One's own record and dates (self-service), audited like any other view. */
export async function ownDiscipline(ctx: AppContext, principal: Principal, actor: AuditActor) {
  const me = await linkedPerson(ctx.db, principal);
  const rows = await ctx.db
    .selectFrom('discipline_record')
    .select(['kind', 'decision_date', 'end_date', 'organ', 'doc_no', 'status'])
    .where('person_id', '=', me.id)
    .orderBy('decision_date', 'desc')
    .execute();
  await auditAlone(ctx.db, ctx.clock, actor, { eventType: 'discipline.self_view', objectType: 'person', objectId: me.id });
  return {
    items: rows.map((r) => ({
      kind: r.kind,
      decisionDate: r.decision_date,
      endDate: r.end_date,
      organ: r.organ,
      docNo: r.doc_no,
      status: r.status,
    })),
  };
}
