import { isMonthEnd, policyProblems, type FactBody, type PolicyVersionBody } from '@zhenggong/core';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { assertPeopleInScope, today } from '../personnel/people.ts';
import { recordFacts } from './fact-intake.ts';
import { runMonth } from './monthly-run.ts';
import { allPolicyVersions, ensureDefaultPolicies } from './policy-store.ts';

export async function listPolicies(ctx: AppContext) {
  await ensureDefaultPolicies(ctx.db, ctx);
  return {
    items: (await allPolicyVersions(ctx.db, ctx)).map(({ code, version, effectiveFrom, evidence, ...body }) => ({
      code,
      version,
      effectiveFrom,
      evidence,
      body,
    })),
  };
}

/** A new version of a rule, effective from a date; rules are city-wide, so only a city-wide scope changes them. */
export async function addPolicyVersion(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, code: string, input: PolicyVersionBody) {
  if (!scope.all) throw new AppError('WARN_POLICY_SCOPE');
  const problems = policyProblems(input.body);
  if (problems.length > 0) throw new AppError('WARN_POLICY_INVALID', { fields: problems });
  await ensureDefaultPolicies(ctx.db, ctx);
  return ctx.db.transaction().execute(async (trx) => {
    const last = await trx
      .selectFrom('ew_policy')
      .select('version')
      .where('code', '=', code)
      .where('city_code', '=', ctx.config.cityCode)
      .orderBy('version', 'desc')
      .executeTakeFirst();
    const version = (last ? Number(last.version) : 0) + 1;
    await trx
      .insertInto('ew_policy')
      .values({
        id: newId(),
        code,
        version,
        effective_from: input.effectiveFrom,
        body: JSON.stringify(input.body),
        evidence: 'U',
        created_by: actor.userId,
        city_code: ctx.config.cityCode,
        created_at: ctx.clock.now().toISOString(),
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'warning.policy.version',
      objectType: 'ew_policy',
      objectId: code,
      detail: { version, effectiveFrom: input.effectiveFrom },
    });
    return { code, version, effectiveFrom: input.effectiveFrom, evidence: 'U', body: input.body };
  });
}

/** Records a fact for a source whose module has not landed (a complaint registered, a month's overtime …), known from today. */
export async function addFact(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, body: FactBody) {
  await assertPeopleInScope(ctx.db, scope, [body.personId]);
  const day = today(ctx);
  if (body.eventDate > day) throw new AppError('VALIDATION_FAILED', { field: 'eventDate' });
  return ctx.db.transaction().execute(async (trx) => {
    const [id = ''] = await recordFacts(
      trx,
      ctx,
      [{ personId: body.personId, kind: body.kind, eventDate: body.eventDate, knownDate: day, value: body.value, note: body.note ?? null }],
      actor.userId,
    );
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'warning.fact.record',
      objectType: 'ew_fact',
      objectId: id,
      detail: { personId: body.personId, kind: body.kind },
    });
    return { id };
  });
}

/** Runs (or re-runs) a month on request: back-filling history or after a correction. City-wide only. */
export async function runMonthOnRequest(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, asOf: string) {
  if (!scope.all) throw new AppError('WARN_POLICY_SCOPE');
  if (!isMonthEnd(asOf) || asOf > today(ctx)) throw new AppError('WARN_DATE');
  const summary = await runMonth(ctx, asOf);
  await ctx.db.transaction().execute((trx) =>
    appendAudit(trx, ctx.clock, actor, {
      eventType: 'warning.run',
      objectType: 'ew_run',
      objectId: asOf,
      detail: { people: summary.people },
    }),
  );
  const { hash: _hash, ...rest } = summary;
  return rest;
}
