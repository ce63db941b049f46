import crypto from 'node:crypto';
import type { PublicBallotBody, PublicCampaign } from '@zhenggong/core';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { personBriefs } from '../personnel/people.ts';
import { portalSettings } from '../recruitment/portal/portal-settings.ts';
import { assertChoices, castBallot, choiceList } from './exemplars.ts';

/**
 * Public voting on the portal (公众投票), following the portal's conventions: a six-digit code
 * sent to the phone through the portal's message sender (10 minutes, five tries), per-address
 * and per-phone rate limits on the routes, phones kept only as a keyed blind index, and the
 * portal's test switch (PORTAL_CAPTCHA=off accepts 000000; refused in production).
 */
const CODE_TTL_MS = 10 * 60_000;
const CODE_MAX_ATTEMPTS = 5;
const BYPASS_CODE = '000000';

const phoneKey = (ctx: AppContext, phone: string) => ctx.fieldCrypto.blindIndex('exemplar_voter', phone);
const codeHash = (ctx: AppContext, phone: string, code: string) => ctx.fieldCrypto.blindIndex('exemplar_code', `${phone}:${code}`);

async function openPublicCampaign(ctx: AppContext, id: string) {
  const c = await ctx.db.selectFrom('exemplar_campaign').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c || c.public_voting !== 1) throw new AppError('EXEMPLAR_PUBLIC_VOTING_OFF');
  return c;
}

export async function publicCampaign(ctx: AppContext, id: string): Promise<PublicCampaign> {
  const c = await openPublicCampaign(ctx, id);
  const rows = await ctx.db
    .selectFrom('exemplar_candidate as k')
    .innerJoin('org as o', 'o.id', 'k.org_id')
    .select(['k.id', 'k.person_id', 'k.deeds', 'o.name as org_name'])
    .where('k.campaign_id', '=', id)
    .where('k.status', '=', 'approved')
    .orderBy('k.created_at')
    .execute();
  const names = await personBriefs(
    ctx.db,
    rows.map((r) => r.person_id),
  );
  return {
    id: c.id,
    title: c.title,
    kind: c.kind,
    maxChoices: c.max_choices,
    open: c.status === 'voting',
    candidates: rows.map((r) => ({ id: r.id, name: names.get(r.person_id)?.name ?? '', orgName: r.org_name, deeds: r.deeds })),
  };
}

export async function sendVoterCode(ctx: AppContext, campaignId: string, phone: string): Promise<void> {
  const c = await openPublicCampaign(ctx, campaignId);
  if (c.status !== 'voting') throw new AppError('EXEMPLAR_WRONG_STATE');
  const code = String(crypto.randomInt(0, 1_000_000)).padStart(6, '0');
  const now = ctx.clock.now();
  await ctx.db
    .insertInto('exemplar_voter_code')
    .values({
      id: newId(),
      phone_bidx: phoneKey(ctx, phone),
      code_hash: codeHash(ctx, phone, code),
      attempts: 0,
      expires_at: new Date(now.getTime() + CODE_TTL_MS).toISOString(),
      used_at: null,
      city_code: ctx.config.cityCode,
      created_at: now.toISOString(),
    })
    .execute();
  await portalSettings(ctx).sender.send(phone, `【智慧政工】您的投票验证码为 ${code}，10 分钟内有效。Your voting code: ${code}`);
}

async function useCode(ctx: AppContext, phone: string, code: string): Promise<void> {
  if (portalSettings(ctx).captchaOff && code === BYPASS_CODE) return;
  const now = ctx.clock.now().toISOString();
  const row = await ctx.db
    .selectFrom('exemplar_voter_code')
    .selectAll()
    .where('phone_bidx', '=', phoneKey(ctx, phone))
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row || row.used_at || row.expires_at < now || row.attempts >= CODE_MAX_ATTEMPTS) throw new AppError('EXEMPLAR_CODE_INVALID');
  if (row.code_hash !== codeHash(ctx, phone, code)) {
    await ctx.db
      .updateTable('exemplar_voter_code')
      .set((eb) => ({ attempts: eb('attempts', '+', 1) }))
      .where('id', '=', row.id)
      .execute();
    throw new AppError('EXEMPLAR_CODE_INVALID');
  }
  const used = await ctx.db
    .updateTable('exemplar_voter_code')
    .set({ used_at: now })
    .where('id', '=', row.id)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  if (Number(used.numUpdatedRows) !== 1) throw new AppError('EXEMPLAR_CODE_INVALID');
}

/** A public ballot: verified phone, one ballot per phone per campaign (the unique index decides races). */
export async function publicVote(ctx: AppContext, campaignId: string, body: PublicBallotBody, ip: string) {
  // The campaign and how many of the choices are its approved candidates, in one round trip: in a
  // voting burst every statement a ballot waits for counts.
  const row = await ctx.db
    .selectFrom('exemplar_campaign as c')
    .selectAll('c')
    .select((eb) =>
      eb
        .selectFrom('exemplar_candidate as k')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('k.campaign_id', '=', 'c.id')
        .where('k.status', '=', 'approved')
        .where('k.id', 'in', choiceList(body.candidateIds))
        .as('approved'),
    )
    .where('c.id', '=', campaignId)
    .executeTakeFirst();
  if (!row || row.public_voting !== 1) throw new AppError('EXEMPLAR_PUBLIC_VOTING_OFF');
  const { approved, ...c } = row;
  if (c.status !== 'voting') throw new AppError('EXEMPLAR_WRONG_STATE');
  assertChoices(c, body.candidateIds, Number(approved));
  await useCode(ctx, body.phone, body.code);
  const id = await ctx.db
    .transaction()
    .execute((trx) =>
      castBallot(trx, ctx, c, `phone:${phoneKey(ctx, body.phone)}`, 'public', body.candidateIds, ip, body.fingerprint ?? null),
    );
  return { id };
}
