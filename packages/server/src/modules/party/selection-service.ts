import {
  partySelectionCampaignKinds,
  type CreateSelectionBody,
  type CreateSelectionCampaignBody,
  type SelectionCampaignView,
  type SelectionView,
} from '@zhenggong/core';
import { scopeWhere, type ResolvedScope } from '../../platform/access/data-scope.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { campaignDetail, createCampaign, listCampaigns, nominateCandidate } from '../awards/exemplar-service.ts';
import { personBriefs } from '../personnel/people.ts';
import { partyOrgInScope } from './org-service.ts';

/**
 * 好党员 and best-practice case (优秀案例) selections run on the exemplar machinery of the awards
 * module (典型选树), through its public face: a selection campaign is an exemplar campaign of kind
 * 好党员 or 优秀案例; a branch's nomination is an exemplar candidate (quota per branch, award
 * guards, review on the workflow, voting, announcement into the exemplar library). The party keeps
 * only which party organisation nominated whom, so its lists follow the party's data scope.
 * A case is nominated through the person who led it: exemplar candidates are people.
 */
type SelectionKindKey = keyof typeof partySelectionCampaignKinds;
const kindOf = (exemplarKind: string): SelectionKindKey | undefined =>
  (Object.keys(partySelectionCampaignKinds) as SelectionKindKey[]).find((k) => partySelectionCampaignKinds[k] === exemplarKind);

export async function listSelectionCampaigns(
  ctx: AppContext,
  scope: ResolvedScope,
  principal: Principal,
): Promise<{ items: SelectionCampaignView[] }> {
  const { items } = await listCampaigns(ctx, scope, principal);
  return {
    items: items.flatMap((c) => {
      const kind = kindOf(c.kind);
      return kind
        ? [
            {
              id: c.id,
              kind,
              title: c.title,
              year: c.year,
              status: c.status,
              quotaPerUnit: c.quotaPerUnit,
              candidates: c.candidates,
              ballots: c.ballots,
            },
          ]
        : [];
    }),
  };
}

export async function createSelectionCampaign(
  ctx: AppContext,
  scope: ResolvedScope,
  principal: Principal,
  actor: AuditActor,
  body: CreateSelectionCampaignBody,
): Promise<SelectionCampaignView> {
  const { id } = await createCampaign(
    ctx,
    scope,
    { ...actor, userId: principal.userId },
    {
      title: body.title,
      kind: partySelectionCampaignKinds[body.kind],
      year: body.year,
      criteria: body.criteria,
      quotaPerUnit: body.quotaPerUnit,
      maxChoices: body.maxChoices,
      publicVoting: false,
      orgId: body.orgId,
    },
  );
  return (await listSelectionCampaigns(ctx, scope, principal)).items.find((c) => c.id === id)!;
}

export async function listSelections(ctx: AppContext, scope: ResolvedScope, principal: Principal): Promise<{ items: SelectionView[] }> {
  const rows = await ctx.db
    .selectFrom('party_selection as s')
    .innerJoin('party_org as g', 'g.id', 's.party_org_id')
    .selectAll('s')
    .select('g.name as party_org_name')
    .where(scopeWhere(scope, 'g.org_id'))
    .orderBy('s.created_at', 'desc')
    .limit(500)
    .execute();
  const people = await personBriefs(
    ctx.db,
    rows.map((r) => r.person_id).filter((x): x is string => x !== null),
  );
  // The candidates' states, read through the exemplar face once per campaign.
  const campaigns = new Map<string, Awaited<ReturnType<typeof campaignDetail>> | null>();
  for (const id of new Set(rows.map((r) => r.campaign_id).filter((x): x is string => x !== null))) {
    campaigns.set(id, await campaignDetail(ctx, scope, principal, id).catch(() => null));
  }
  return {
    items: rows.map((r) => {
      const campaign = r.campaign_id ? campaigns.get(r.campaign_id) : null;
      const candidate = campaign?.items.find((k) => k.id === r.candidate_id);
      // Before announcement an unseen candidate is still in review (voters see approved ones only).
      const status: SelectionView['status'] = !r.campaign_id
        ? r.status
        : candidate?.winner
          ? 'selected'
          : campaign?.status === 'announced' && candidate
            ? 'not_selected'
            : (candidate?.status ?? 'in_review');
      return {
        id: r.id,
        partyOrgId: r.party_org_id,
        partyOrgName: r.party_org_name,
        kind: r.kind,
        title: r.title,
        personId: r.person_id,
        personName: r.person_id ? (people.get(r.person_id)?.name ?? null) : null,
        reason: r.reason,
        status,
        caseId: candidate?.caseId ?? null,
        campaignId: r.campaign_id,
        campaignTitle: campaign?.title ?? null,
      };
    }),
  };
}

/** A branch's nomination: an exemplar candidate (the exemplar machinery checks quota, guards and scope). */
export async function createSelection(
  ctx: AppContext,
  scope: ResolvedScope,
  principal: Principal,
  actor: AuditActor,
  body: CreateSelectionBody,
): Promise<SelectionView> {
  const g = await partyOrgInScope(ctx.db, scope, body.partyOrgId);
  const campaign = await campaignDetail(ctx, scope, principal, body.campaignId).catch(() => null);
  const kind = campaign ? kindOf(campaign.kind) : undefined;
  if (!campaign || !kind) throw new AppError('PARTY_CAMPAIGN_NOT_FOUND');
  const nominated = await nominateCandidate(ctx, scope, principal, actor, body.campaignId, {
    personId: body.personId,
    deeds: `${body.title}\n${body.reason}`,
  });
  const id = newId();
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('party_selection')
      .values({
        id,
        party_org_id: g.id,
        kind,
        title: body.title,
        person_id: body.personId,
        reason: body.reason,
        status: 'pending',
        campaign_id: body.campaignId,
        candidate_id: nominated.id,
        created_by: principal.userId,
        city_code: ctx.config.cityCode,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'party.selection.create',
      objectType: 'party_selection',
      objectId: id,
      detail: { kind, campaignId: body.campaignId, candidateId: nominated.id },
    });
  });
  return (await listSelections(ctx, scope, principal)).items.find((s) => s.id === id)!;
}
