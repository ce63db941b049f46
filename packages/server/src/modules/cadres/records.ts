import type { CreateCadreRecordBody } from '@zhenggong/core';
import { sql } from 'kysely';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { assertPeopleInScope, scopedPeople } from '../personnel/people.ts';
import type { CadreRecordTable } from './tables.ts';

/**
 * Cadre records (干部记录): appointments and removals with 文号, inspections (干部考察), admonition
 * talks (约谈), incentives, fault tolerance (容错纠错) and secondments (挂职交流). The free text
 * (reports, talk notes, facts) is encrypted at rest and shown only to holders of
 * `cadres:restricted` for the person, each view in the audit chain.
 */
export async function createRecord(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor & { userId: string | null },
  body: CreateCadreRecordBody,
) {
  if (body.endDate && body.endDate < body.date) throw new AppError('CADRES_RECORD_DATES');
  if (body.kind === 'secondment' && !body.hostUnit) throw new AppError('CADRES_RECORD_HOST');
  await assertPeopleInScope(ctx.db, scope, [body.personId], () => new AppError('CADRES_PERSON_NOT_FOUND'));
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('cadre_record')
      .values({
        id,
        person_id: body.personId,
        kind: body.kind,
        date: body.date,
        end_date: body.endDate ?? null,
        title: body.title,
        doc_no: body.docNo ?? null,
        host_unit: body.hostUnit ?? null,
        result: body.result ?? null,
        detail_enc: body.detail ? ctx.fieldCrypto.encrypt(body.detail) : null,
        created_by: actor.userId,
        city_code: ctx.config.cityCode,
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'cadres.record.create',
      objectType: 'cadre_record',
      objectId: id,
      detail: { personId: body.personId, kind: body.kind },
    });
  });
  return { id };
}

const present = (r: CadreRecordTable & { name: string }) => ({
  id: r.id,
  personId: r.person_id,
  personName: r.name,
  kind: r.kind as CreateCadreRecordBody['kind'],
  date: r.date,
  endDate: r.end_date,
  title: r.title,
  docNo: r.doc_no,
  hostUnit: r.host_unit,
  result: r.result,
  hasDetail: r.detail_enc !== null,
  createdAt: r.created_at,
});

export async function listRecords(
  ctx: AppContext,
  scope: ResolvedScope,
  q: { personId?: string | undefined; kind?: string | undefined; page?: number | undefined; pageSize?: number | undefined },
) {
  let base = ctx.db.selectFrom('cadre_record as r').innerJoin(scopedPeople(ctx.db, scope).as('p'), 'p.id', 'r.person_id');
  if (q.personId) base = base.where('r.person_id', '=', q.personId);
  if (q.kind) base = base.where('r.kind', '=', q.kind);
  const pageSize = q.pageSize ?? 20;
  const [rows, total] = await Promise.all([
    base
      .selectAll('r')
      .select('p.name')
      .orderBy('r.date', 'desc')
      .orderBy('r.id')
      .limit(pageSize)
      .offset(((q.page ?? 1) - 1) * pageSize)
      .execute(),
    base.select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(present), total: Number(total.n) };
}

/** One record; its restricted text only under `cadres:restricted` scope, and that view is audited. */
export async function getRecord(ctx: AppContext, scope: ResolvedScope, restricted: ResolvedScope, actor: AuditActor, id: string) {
  const row = await ctx.db
    .selectFrom('cadre_record as r')
    .innerJoin(scopedPeople(ctx.db, scope).as('p'), 'p.id', 'r.person_id')
    .selectAll('r')
    .select(['p.name', 'p.org_id'])
    .where('r.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('CADRES_RECORD_NOT_FOUND');
  let detail: string | null = null;
  if (row.detail_enc) {
    const may = await ctx.db
      .selectFrom(scopedPeople(ctx.db, restricted).as('p'))
      .select('p.id')
      .where('p.id', '=', row.person_id)
      .executeTakeFirst();
    if (may) {
      detail = ctx.fieldCrypto.decrypt(row.detail_enc);
      await ctx.db.transaction().execute((trx) =>
        appendAudit(trx, ctx.clock, actor, {
          eventType: 'cadres.record.view',
          objectType: 'cadre_record',
          objectId: id,
          detail: { personId: row.person_id, kind: row.kind },
        }),
      );
    }
  }
  return { ...present(row), detail };
}
