import type { ConversionBatchBody } from '@zhenggong/core';
import type { Trx } from '../../db/database.ts';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { caseIdsFor, submitCase, type Actor } from '../../platform/workflow/engine.ts';
import type { CaseOutcome } from '../../platform/workflow/registry.ts';
import { addPastLevelLines, levelLinesOf, promoteGrade } from '../personnel/people.ts';
import { conversionRuleSet } from './cadre-rules.ts';
import { CONVERSION_KIND } from './promotion-kind.ts';
import { simulate } from './simulation.ts';

/**
 * Confirms a what-if as a batch (套改批次): the lines are frozen as computed and the batch goes
 * to the city for approval; only an approved batch writes grade lines to the records.
 */
export async function createBatch(ctx: AppContext, scope: ResolvedScope, actor: Actor, body: ConversionBatchBody) {
  const rules = await conversionRuleSet(ctx.db, body.ruleSetId);
  const d = await simulate(ctx, scope, body);
  const lines = d.runA.results.filter((r) => r.to !== null && r.from !== null);
  if (lines.length === 0) throw new AppError('CADRES_BATCH_EMPTY');
  const root = await ctx.db
    .selectFrom('org')
    .select(['id', 'name'])
    .where('parent_id', 'is', null)
    .orderBy('created_at')
    .executeTakeFirstOrThrow();
  const orgId = body.orgId ?? root.id;
  const org = await ctx.db.selectFrom('org').select('name').where('id', '=', orgId).executeTakeFirstOrThrow();
  const id = newId();
  const now = ctx.clock.now().toISOString();
  const caseId = await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('cadre_conversion_batch')
      .values({
        id,
        rule_set_id: rules.id,
        date: d.runA.date,
        org_id: orgId,
        people: lines.length,
        status: 'in_progress',
        created_by: actor.userId,
        city_code: ctx.config.cityCode,
        created_at: now,
      })
      .execute();
    for (let i = 0; i < lines.length; i += 200)
      await trx
        .insertInto('cadre_conversion_line')
        .values(
          lines.slice(i, i + 200).map((l) => ({
            id: newId(),
            batch_id: id,
            person_id: l.personId,
            sequence: rules.targetSequence,
            from_code: l.from!,
            to_code: l.to!,
            city_code: ctx.config.cityCode,
            created_at: now,
          })),
        )
        .execute();
    const caseId = await submitCase(trx, ctx, actor, {
      kind: CONVERSION_KIND,
      refId: id,
      title: `${org.name} 套改批次（${rules.name}，${lines.length}人）`,
      subjectPersonId: null,
      subjectName: `${org.name} ${lines.length}人`,
      subjectOrgId: orgId,
    });
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'cadres.batch.submit',
      objectType: 'cadre_conversion_batch',
      objectId: id,
      detail: { ruleSetId: rules.id, people: lines.length },
    });
    return caseId;
  });
  return { id, caseId, people: lines.length };
}

/**
 * An approved batch writes each person's converted grade: as the current grade when the
 * conversion date is not older than the grade held now, otherwise as a past line only.
 */
export async function applyBatchOutcome(trx: Trx, ctx: AppContext, actor: AuditActor, id: string, outcome: CaseOutcome): Promise<void> {
  const batch = await trx.selectFrom('cadre_conversion_batch').selectAll().where('id', '=', id).executeTakeFirst();
  if (!batch || batch.status !== 'in_progress') return;
  await trx.updateTable('cadre_conversion_batch').set({ status: outcome }).where('id', '=', id).execute();
  if (outcome === 'approved') {
    const lines = await trx
      .selectFrom('cadre_conversion_line')
      .select(['person_id', 'sequence', 'to_code'])
      .where('batch_id', '=', id)
      .execute();
    const past: Parameters<typeof addPastLevelLines>[2][number][] = [];
    const open = new Map<string, string>();
    for (const h of await levelLinesOf(
      trx,
      lines.map((l) => l.person_id),
    ))
      if (h.end_date === null) open.set(`${h.person_id}:${h.sequence}`, h.start_date);
    for (const l of lines) {
      const sequence = l.sequence === 'tech' ? 'tech' : l.sequence === 'admin' ? 'admin' : 'officer';
      const held = open.get(`${l.person_id}:${sequence}`) ?? '';
      if (sequence !== 'admin' && /^[56]\d\d$/.test(l.to_code) && batch.date >= held)
        await promoteGrade(trx, ctx, { personId: l.person_id, sequence, level: l.to_code, date: batch.date });
      else past.push({ personId: l.person_id, sequence, level: l.to_code, startDate: batch.date, endDate: null });
    }
    await addPastLevelLines(trx, ctx, past);
  }
  await appendAudit(trx, ctx.clock, actor, {
    eventType: 'cadres.batch.decide',
    objectType: 'cadre_conversion_batch',
    objectId: id,
    detail: { outcome, people: batch.people },
  });
}

export async function listBatches(ctx: AppContext, scope: ResolvedScope) {
  let q = ctx.db.selectFrom('cadre_conversion_batch').selectAll().orderBy('created_at', 'desc').limit(100);
  if (!scope.all) q = q.where('org_id', 'in', [...scope.subtreeRoots, ...scope.orgIds, '']);
  const rows = await q.execute();
  const cases = await caseIdsFor(
    ctx.db,
    CONVERSION_KIND,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => ({
      id: r.id,
      ruleSetId: r.rule_set_id,
      date: r.date,
      people: r.people,
      status: r.status,
      caseId: cases.get(r.id) ?? null,
      createdAt: r.created_at,
    })),
  };
}
