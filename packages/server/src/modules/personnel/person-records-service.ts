import type { PersonRecordKind } from '@zhenggong/core';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { findPersonInScope } from './person-queries.ts';

const tables = {
  resume: 'person_resume',
  family: 'person_family',
  education: 'person_education',
  awards: 'person_award',
  discipline: 'person_discipline',
  training: 'person_training',
} as const;

const snake = (key: string) => key.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** API body (camelCase) → row columns; booleans stored as 0/1 like every table here. */
function toColumns(body: Record<string, unknown>): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {};
  for (const [k, v] of Object.entries(body)) out[snake(k)] = typeof v === 'boolean' ? (v ? 1 : 0) : (v as string | number | null);
  return out;
}

/** Adds a dated record (resume line, family member, education, award, discipline) to a person in scope. */
export async function addPersonRecord(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  personId: string,
  kind: PersonRecordKind,
  body: Record<string, unknown>,
) {
  const table = tables[kind];
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await findPersonInScope(trx, scope, personId))) throw new AppError('PERSON_NOT_FOUND');
    const row = { id, person_id: personId, city_code: ctx.config.cityCode, created_at: ctx.clock.now().toISOString(), ...toColumns(body) };
    // The table is one of five fixed names and the columns come from a validated schema.
    await trx
      .insertInto(table)
      .values(row as never)
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: `person.${kind}.add`,
      objectType: 'person',
      objectId: personId,
      detail: { after: { id, ...body } },
    });
  });
  return { id };
}

/** Removes a record entered in error; the audit row keeps what it said. */
export async function removePersonRecord(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  personId: string,
  kind: PersonRecordKind,
  recordId: string,
) {
  const table = tables[kind];
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await findPersonInScope(trx, scope, personId))) throw new AppError('PERSON_NOT_FOUND');
    const before = await trx.selectFrom(table).selectAll().where('id', '=', recordId).where('person_id', '=', personId).executeTakeFirst();
    if (!before) throw new AppError('NOT_FOUND');
    await trx.deleteFrom(table).where('id', '=', recordId).execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: `person.${kind}.remove`,
      objectType: 'person',
      objectId: personId,
      detail: { before },
    });
  });
}
