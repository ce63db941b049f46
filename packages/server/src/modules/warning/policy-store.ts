import { defaultPolicies, type Policy, type PolicyBody } from '@zhenggong/core';
import type { Executor } from '../../db/database.ts';
import type { AppContext } from '../../platform/context.ts';
import { newId } from '../../platform/ids.ts';

/**
 * Warning rules as versioned rows (`ew_policy`). The shipped defaults are stored as version 1 with
 * evidence tag U (unconfirmed, to calibrate) the first time they are needed; later versions are
 * added by the political department with an effective date.
 */
export async function ensureDefaultPolicies(db: Executor, ctx: AppContext): Promise<void> {
  const any = await db.selectFrom('ew_policy').select('id').where('city_code', '=', ctx.config.cityCode).limit(1).executeTakeFirst();
  if (any) return;
  const now = ctx.clock.now().toISOString();
  await db
    .insertInto('ew_policy')
    .values(
      defaultPolicies.map(({ code, version, effectiveFrom, ...body }) => ({
        id: newId(),
        code,
        version,
        effective_from: effectiveFrom,
        body: JSON.stringify(body),
        evidence: 'U' as const,
        created_by: null,
        city_code: ctx.config.cityCode,
        created_at: now,
      })),
    )
    .execute();
}

export interface StoredPolicy extends Policy {
  readonly evidence: string;
}

const toPolicy = (r: { code: string; version: number; effective_from: string; body: string; evidence: string }): StoredPolicy => ({
  ...(JSON.parse(r.body) as PolicyBody), // written from a schema-checked body
  code: r.code,
  version: Number(r.version),
  effectiveFrom: r.effective_from,
  evidence: r.evidence,
});

/** Every stored version, newest first per code. */
export async function allPolicyVersions(db: Executor, ctx: AppContext): Promise<StoredPolicy[]> {
  const rows = await db
    .selectFrom('ew_policy')
    .select(['code', 'version', 'effective_from', 'body', 'evidence'])
    .where('city_code', '=', ctx.config.cityCode)
    .orderBy('code')
    .orderBy('version', 'desc')
    .execute();
  return rows.map(toPolicy);
}

/** For each code, the highest version already effective on `asOf`. */
export async function policiesInForce(db: Executor, ctx: AppContext, asOf: string): Promise<StoredPolicy[]> {
  await ensureDefaultPolicies(db, ctx);
  const out = new Map<string, StoredPolicy>();
  for (const p of await allPolicyVersions(db, ctx)) if (p.effectiveFrom <= asOf && !out.has(p.code)) out.set(p.code, p);
  return [...out.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
}
