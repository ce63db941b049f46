import { gradeName, youngCadreCriteria, type YoungEntryBody, type YoungUpdateBody, type YoungView } from '@zhenggong/core';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { assertPeopleInScope, scopedPeople, today } from '../personnel/people.ts';
import { yearsOld } from './ages.ts';
import { peopleInScope, unitsOf } from './subjects.ts';

/** The young-cadre pool ("3060工程"): entries with development plans and rotation history, and the people meeting the criteria not yet in it. */
export async function youngView(ctx: AppContext, scope: ResolvedScope): Promise<YoungView> {
  const day = today(ctx);
  const pool = await ctx.db
    .selectFrom('cadre_young as y')
    .innerJoin(scopedPeople(ctx.db, scope).as('p'), 'p.id', 'y.person_id')
    .innerJoin('org as o', 'o.id', 'p.org_id')
    .selectAll('y')
    .select(['p.name', 'p.birth_date', 'o.name as org_name'])
    .orderBy('y.entered_on')
    .execute();
  const inPool = new Set(pool.map((p) => p.person_id));
  const c = youngCadreCriteria;
  const people = (await peopleInScope(ctx, ctx.db, scope, { kinds: ['officer'] })).filter(
    (p) =>
      !inPool.has(p.id) &&
      yearsOld(p.birth_date, day) <= c.maxAge &&
      (p.education ?? '99') < c.minEducation &&
      p.police_start_date !== null &&
      yearsOld(p.police_start_date.length === 7 ? `${p.police_start_date}-01` : p.police_start_date, day) >= c.minServiceYears,
  );
  const units = await unitsOf(
    ctx.db,
    people.slice(0, 100).map((p) => p.org_id),
  );
  return {
    criteria: { maxAge: c.maxAge, minEducation: c.minEducation, minServiceYears: c.minServiceYears, evidence: c.evidence, note: c.note },
    pool: pool.map((p) => ({
      id: p.id,
      personId: p.person_id,
      name: p.name,
      orgName: p.org_name,
      age: yearsOld(p.birth_date, day),
      enteredOn: p.entered_on,
      plan: p.plan,
      status: p.status,
      rotations: JSON.parse(p.rotations) as YoungView['pool'][number]['rotations'],
    })),
    candidates: people.slice(0, 100).map((p) => ({
      personId: p.id,
      name: p.name,
      orgName: units.names.get(p.org_id) ?? '',
      age: yearsOld(p.birth_date, day),
      education: p.education,
      officerLevel: p.officer_level ? gradeName(p.officer_level) : null,
    })),
  };
}

export async function addYoung(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, body: YoungEntryBody) {
  await assertPeopleInScope(ctx.db, scope, [body.personId], () => new AppError('CADRES_PERSON_NOT_FOUND'));
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    if (await trx.selectFrom('cadre_young').select('id').where('person_id', '=', body.personId).executeTakeFirst())
      throw new AppError('CADRES_YOUNG_EXISTS');
    await trx
      .insertInto('cadre_young')
      .values({
        id,
        person_id: body.personId,
        entered_on: body.enteredOn,
        plan: body.plan,
        status: 'active',
        rotations: '[]',
        city_code: ctx.config.cityCode,
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'cadres.young.add',
      objectType: 'cadre_young',
      objectId: id,
      detail: { personId: body.personId },
    });
  });
  return { id };
}

export async function updateYoung(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, id: string, body: YoungUpdateBody) {
  const row = await ctx.db
    .selectFrom('cadre_young as y')
    .innerJoin(scopedPeople(ctx.db, scope).as('p'), 'p.id', 'y.person_id')
    .select('y.id')
    .where('y.id', '=', id)
    .executeTakeFirst();
  if (!row) throw new AppError('CADRES_YOUNG_NOT_FOUND');
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('cadre_young')
      .set({
        ...(body.plan !== undefined ? { plan: body.plan } : {}),
        ...(body.status !== undefined ? { status: body.status } : {}),
        ...(body.rotations !== undefined ? { rotations: JSON.stringify(body.rotations) } : {}),
      })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx.clock, actor, { eventType: 'cadres.young.update', objectType: 'cadre_young', objectId: id, detail: body });
  });
  return { id };
}
