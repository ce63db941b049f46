import { addMonthEnds, disparity, evaluateRules, levelWeight, type DisparityQuery } from '@zhenggong/core';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { scopedPeople, today } from '../personnel/people.ts';
import { HORIZON_MONTHS, outcomesBetween } from './model-service.ts';
import { storedReadings } from './readings.ts';
import { policiesInForce } from './policy-store.ts';
import { attributeOf, population } from './population.ts';

/**
 * The disparity report of a month for one policy family: who is flagged (a rule of that family
 * at 预警 or above; for the model, the top 5 % it ordered), per group of an attribute, with the
 * outcomes of the following six months once those months have passed.
 */
export async function disparityReport(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, q: DisparityQuery) {
  const readings = await storedReadings(ctx.db, ctx, q.asOf);
  if (readings.size === 0) throw new AppError('WARN_NO_SNAPSHOT');
  const visible = new Set((await scopedPeople(ctx.db, scope).select('id').execute()).map((r) => r.id));
  const members = (await population(ctx.db)).filter((m) => visible.has(m.personId) && readings.has(m.personId));
  const labelEnd = addMonthEnds(q.asOf, HORIZON_MONTHS);
  const outcomesKnown = labelEnd <= today(ctx);
  const positives = outcomesKnown ? await outcomesBetween(ctx.db, ctx, q.asOf, labelEnd, today(ctx)) : new Set<string>();
  let flagged: Set<string>;
  if (q.policy === 'model') {
    const scores = await ctx.db
      .selectFrom('ew_model_score')
      .select(['person_id', 'rank_pct'])
      .where('as_of', '=', q.asOf)
      .where('rank_pct', '>=', 0.95)
      .execute();
    flagged = new Set(scores.map((s) => s.person_id));
  } else {
    const mode = q.policy === 'absolute' ? 'absolute' : 'peer';
    const policies = (await policiesInForce(ctx.db, ctx, q.asOf)).filter((p) => p.mode === mode);
    flagged = new Set(
      members
        .filter((m) => evaluateRules(policies, readings.get(m.personId) ?? new Map()).some((h) => levelWeight[h.level] >= 1))
        .map((m) => m.personId),
    );
  }
  const groups = disparity(
    members.map((m) => ({
      group: attributeOf(m, q.attribute, q.asOf),
      flagged: flagged.has(m.personId),
      outcome: outcomesKnown ? positives.has(m.personId) : null,
    })),
  );
  await ctx.db
    .transaction()
    .execute((trx) => appendAudit(trx, ctx.clock, actor, { eventType: 'warning.disparity.view', objectType: 'ew_run', detail: q }));
  return {
    asOf: q.asOf,
    outcomesKnown,
    groups: groups.map((g) => ({
      group: g.group,
      n: g.n,
      flagged: g.flagged,
      positives: g.positives,
      flagRate: g.flagRate,
      fpr: g.fpr,
      fnr: g.fnr,
      fdr: g.fdr,
      flagRateRatio: g.flagRateRatio,
      fprRatio: g.fprRatio,
      fnrRatio: g.fnrRatio,
      fdrRatio: g.fdrRatio,
      verdict: g.verdict,
    })),
  };
}
