import type { CreatePartyOrgBody, PartyOrgKind, PartyOrgView, UpdatePartyOrgBody } from '@zhenggong/core';
import { daysBetween } from '@zhenggong/core';
import type { Executor } from '../../db/database.ts';
import { assertOrgInScope, scopeWhere, type ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import { today } from '../../platform/clock.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { assertPeopleInScope, personBriefs } from '../personnel/people.ts';
import type { PartyOrgTable } from './tables.ts';

/** Which kinds may sit under which: 党小组 under 党支部; 党支部 under 党总支 or 党委; 党总支 under 党委. */
const allowedParents: Record<PartyOrgKind, readonly PartyOrgKind[]> = {
  committee: ['committee'],
  general_branch: ['committee'],
  branch: ['committee', 'general_branch'],
  group: ['branch'],
};

/** A party organisation the caller may see (through its unit in the org tree), or 404. */
export async function partyOrgInScope(db: Executor, scope: ResolvedScope, id: string) {
  const row = await db
    .selectFrom('party_org as g')
    .innerJoin('org as o', 'o.id', 'g.org_id')
    .selectAll('g')
    .select('o.name as org_name')
    .where('g.id', '=', id)
    .where(scopeWhere(scope, 'g.org_id'))
    .executeTakeFirst();
  if (!row) throw new AppError('PARTY_ORG_NOT_FOUND');
  return row;
}

async function present(db: Executor, ctx: AppContext, rows: (PartyOrgTable & { org_name: string })[]): Promise<PartyOrgView[]> {
  const ids = rows.map((r) => r.id);
  const counts =
    ids.length === 0
      ? []
      : await db
          .selectFrom('party_member')
          .select(['party_org_id', (eb) => eb.fn.countAll<number>().as('n')])
          .where('party_org_id', 'in', ids)
          .where('stage', 'in', ['probationary', 'full'])
          .groupBy('party_org_id')
          .execute();
  const n = new Map(counts.map((c) => [c.party_org_id, Number(c.n)]));
  const secretaries = await personBriefs(
    db,
    rows.map((r) => r.secretary_person_id).filter((x): x is string => x !== null),
  );
  const now = today(ctx.clock);
  return rows.map((r) => ({
    id: r.id,
    orgId: r.org_id,
    orgName: r.org_name,
    kind: r.kind,
    name: r.name,
    parentId: r.parent_id,
    secretaryPersonId: r.secretary_person_id,
    secretaryName: r.secretary_person_id ? (secretaries.get(r.secretary_person_id)?.name ?? null) : null,
    termStart: r.term_start,
    termEnd: r.term_end,
    electionDaysLeft: r.term_end ? daysBetween(now, r.term_end) : null,
    members: n.get(r.id) ?? 0,
  }));
}

export async function listPartyOrgs(ctx: AppContext, scope: ResolvedScope) {
  const rows = await ctx.db
    .selectFrom('party_org as g')
    .innerJoin('org as o', 'o.id', 'g.org_id')
    .selectAll('g')
    .select('o.name as org_name')
    .where(scopeWhere(scope, 'g.org_id'))
    .orderBy('g.kind')
    .orderBy('g.name')
    .execute();
  return { items: await present(ctx.db, ctx, rows) };
}

export async function getPartyOrg(ctx: AppContext, scope: ResolvedScope, id: string): Promise<PartyOrgView> {
  return (await present(ctx.db, ctx, [await partyOrgInScope(ctx.db, scope, id)]))[0]!;
}

function checkTerm(start: string | null | undefined, end: string | null | undefined) {
  if (start && end && end <= start) throw new AppError('PARTY_TERM_DATES');
}

export async function createPartyOrg(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  body: CreatePartyOrgBody,
): Promise<PartyOrgView> {
  await assertOrgInScope(ctx.db, scope, body.orgId);
  checkTerm(body.termStart, body.termEnd);
  if (body.parentId) {
    const parent = await partyOrgInScope(ctx.db, scope, body.parentId);
    if (!allowedParents[body.kind].includes(parent.kind)) throw new AppError('PARTY_ORG_PARENT');
  } else if (body.kind === 'group') {
    throw new AppError('PARTY_ORG_PARENT');
  }
  if (body.secretaryPersonId) await assertPeopleInScope(ctx.db, scope, [body.secretaryPersonId]);
  const now = ctx.clock.now().toISOString();
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('party_org')
      .values({
        id,
        org_id: body.orgId,
        kind: body.kind,
        name: body.name,
        parent_id: body.parentId ?? null,
        secretary_person_id: body.secretaryPersonId ?? null,
        term_start: body.termStart ?? null,
        term_end: body.termEnd ?? null,
        city_code: ctx.config.cityCode,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'party.org.create',
      objectType: 'party_org',
      objectId: id,
      detail: { name: body.name, kind: body.kind },
    });
  });
  return getPartyOrg(ctx, scope, id);
}

export async function updatePartyOrg(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  id: string,
  body: UpdatePartyOrgBody,
): Promise<PartyOrgView> {
  const row = await partyOrgInScope(ctx.db, scope, id);
  const termStart = body.termStart === undefined ? row.term_start : body.termStart;
  const termEnd = body.termEnd === undefined ? row.term_end : body.termEnd;
  checkTerm(termStart, termEnd);
  if (body.secretaryPersonId) await assertPeopleInScope(ctx.db, scope, [body.secretaryPersonId]);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('party_org')
      .set({
        name: body.name ?? row.name,
        secretary_person_id: body.secretaryPersonId === undefined ? row.secretary_person_id : body.secretaryPersonId,
        term_start: termStart,
        term_end: termEnd,
        updated_at: ctx.clock.now().toISOString(),
      })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx.clock, actor, { eventType: 'party.org.update', objectType: 'party_org', objectId: id, detail: { ...body } });
  });
  return getPartyOrg(ctx, scope, id);
}
