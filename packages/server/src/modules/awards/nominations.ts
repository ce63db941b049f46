import {
  approverFor,
  checkAwardGuards,
  needsNotice,
  type ApproverLevel,
  type AwardLevel,
  type AwardListQuery,
  type AwardRow,
  type GuardRefusal,
  type NominateBody,
  type RecipientOrgLevel,
} from '@zhenggong/core';
import type { Executor } from '../../db/database.ts';
import { assertOrgInScope, scopeWhere, type ResolvedScope } from '../../platform/access/data-scope.ts';
import type { Principal } from '../../platform/access/principal.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError, OutOfScopeError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { submitCase } from '../../platform/workflow/engine.ts';
import { assertPeopleInScope, awardLinesOf, disciplineLinesOf, today, type PersonBrief } from '../personnel/people.ts';
import { awardRule } from './award-rules.ts';
import { awardKindFor } from './award-workflow.ts';
import { openInvestigations } from './discipline-queries.ts';
import { orgLevelOf, orgName } from './org-levels.ts';
import type { AwardCaseTable } from './tables.ts';

const APPROVER_ORDER: readonly ApproverLevel[] = ['branch', 'city', 'province', 'ministry'];

/** Same recipient, same deed (its date and title without spaces or punctuation): 一事一奖. */
export const deedKeyOf = (recipient: string, date: string, title: string) =>
  `${recipient}|${date}|${title.replace(/[\s\p{P}]/gu, '').toLowerCase()}`;

interface Recipient {
  readonly personId: string | null;
  readonly orgId: string;
  readonly name: string;
  readonly kind: 'officer' | 'auxiliary';
  readonly orgLevel: RecipientOrgLevel;
}

/** The deepest org containing all of `orgIds`: a batch case is scoped and routed from it. */
async function commonAncestor(db: Executor, orgIds: readonly string[]): Promise<string> {
  const unique = [...new Set(orgIds)];
  if (unique.length === 1) return unique[0]!;
  const rows = await db
    .selectFrom('org_closure')
    .select(['ancestor_id', 'descendant_id', 'depth'])
    .where('descendant_id', 'in', unique)
    .execute();
  const counts = new Map<string, { n: number; depth: number }>();
  for (const r of rows) {
    const c = counts.get(r.ancestor_id) ?? { n: 0, depth: Number.MAX_SAFE_INTEGER };
    counts.set(r.ancestor_id, { n: c.n + 1, depth: Math.min(c.depth, Number(r.depth)) });
  }
  const shared = [...counts.entries()].filter(([, c]) => c.n === unique.length).sort((a, b) => a[1].depth - b[1].depth);
  return shared[0]![0];
}

async function recipientsOf(ctx: AppContext, scope: ResolvedScope, body: NominateBody): Promise<Recipient[]> {
  const individual = body.recipient === 'individual';
  if (individual ? body.personIds.length === 0 || body.orgId !== undefined : body.personIds.length > 0 || !body.orgId)
    throw new AppError('AWARD_RECIPIENTS_INVALID');
  if (!individual) {
    const orgId = body.orgId as string; // checked just above: collective awards name a unit
    await assertOrgInScope(ctx.db, scope, orgId);
    return [{ personId: null, orgId, name: await orgName(ctx.db, orgId), kind: 'officer', orgLevel: await orgLevelOf(ctx.db, orgId) }];
  }
  if (new Set(body.personIds).size !== body.personIds.length) throw new AppError('AWARD_RECIPIENTS_INVALID');
  // Every person of a batch must lie in the proposer's scope. The refusal names each one by their
  // place on the list the proposer sent (the web form turns places into the names it showed), never
  // by the stored record: like a single PERSON_NOT_FOUND it does not confirm who exists elsewhere.
  const people = await assertPeopleInScope(ctx.db, scope, body.personIds, (missing) =>
    body.personIds.length === 1
      ? new OutOfScopeError({ personIds: missing }, 'PERSON_NOT_FOUND')
      : new OutOfScopeError(
          {
            positions: missing.map((id) => body.personIds.indexOf(id) + 1).join('、'),
            positionsEn: missing.map((id) => body.personIds.indexOf(id) + 1).join(', '),
            count: missing.length,
            personIds: missing,
          },
          'AWARD_BATCH_OUT_OF_SCOPE',
        ),
  );
  const byId = new Map<string, PersonBrief>(people.map((p) => [p.id, p]));
  const out: Recipient[] = [];
  for (const id of body.personIds) {
    const p = byId.get(id)!; // assertPeopleInScope refused any id it did not find
    out.push({ personId: p.id, orgId: p.org_id, name: p.name, kind: p.kind, orgLevel: await orgLevelOf(ctx.db, p.org_id) });
  }
  return out;
}

/** Refusals per recipient, with names, from the guards of 135 Arts. 11–12. */
async function guardRecipients(
  ctx: AppContext,
  db: Executor,
  body: NominateBody,
  recipients: readonly Recipient[],
  proposerOrgLevel: RecipientOrgLevel,
  exception: boolean,
) {
  const on = today(ctx);
  const [authority, guards] = await Promise.all([awardRule(ctx, db, 'authority', on), awardRule(ctx, db, 'guards', on)]);
  const ids = recipients.flatMap((r) => (r.personId ? [r.personId] : []));
  const [awards, discipline, investigations] = await Promise.all([
    awardLinesOf(db, ids),
    disciplineLinesOf(db, ids),
    openInvestigations(db, ids),
  ]);
  const refusals: (GuardRefusal & { name: string; personId: string | null })[] = [];
  const overridden: (GuardRefusal & { name: string })[] = [];
  let approver: ApproverLevel | undefined;
  let basis = '';
  for (const r of recipients) {
    const found = approverFor(authority, {
      level: body.level,
      personKind: r.kind,
      recipient: body.recipient,
      orgLevel: r.orgLevel,
      leadership: body.leadership,
    });
    if (found && (!approver || APPROVER_ORDER.indexOf(found.approver) > APPROVER_ORDER.indexOf(approver))) {
      approver = found.approver;
      basis = found.basis;
    }
    const key = deedKeyOf(r.personId ?? r.orgId, body.deedDate, body.deedTitle);
    const sameDeed = await db
      .selectFrom('award_subject as s')
      .innerJoin('award_case as a', 'a.id', 's.award_id')
      .select(['a.title', 'a.created_at'])
      .where('s.deed_key', '=', key)
      .where('s.active', '=', 1)
      .execute();
    const result = checkAwardGuards(
      {
        level: body.level,
        onDate: on,
        sameDeed: sameDeed.map((d) => ({ title: d.title, date: d.created_at.slice(0, 10) })),
        priorAwards: awards.filter((a) => a.person_id === r.personId),
        discipline: discipline.filter((d) => d.person_id === r.personId).map((d) => ({ kind: d.kind, date: d.date, endDate: d.end_date })),
        investigationSince: investigations.get(r.personId ?? '') ?? null,
        proposerOrgLevel,
        hasApprovingOrgan: found !== undefined,
        guards,
      },
      exception,
    );
    refusals.push(...result.refusals.map((x) => ({ ...x, name: r.name, personId: r.personId })));
    overridden.push(...result.overridden.map((x) => ({ ...x, name: r.name })));
  }
  return { refusals, overridden, approver, basis, guards };
}

/** Throws the refusal with every reason in words (zh-CN and en-US), person by person. */
function refuse(refusals: readonly (GuardRefusal & { name: string; personId: string | null })[], several: boolean): never {
  const prefix = (r: { name: string }) => (several ? `${r.name}：` : '');
  throw new AppError('AWARD_GUARD_REFUSED', {
    reasonZh: refusals.map((r) => `${prefix(r)}${r.zh}`).join('；'),
    reasonEn: refusals.map((r) => `${several ? `${r.name}: ` : ''}${r.en}`).join('; '),
    refusals: refusals.map((r) => ({ personId: r.personId, name: r.name, code: r.code, soft: r.soft, zh: r.zh, en: r.en })),
  });
}

/**
 * A nomination (提名): recipients in the caller's scope, the unit review record, every guard
 * checked per recipient (a batch is refused with each person's reasons), the approving organ
 * from the authority matrix, and one workflow case routed to it; 三等功 and above get the public
 * notice step. The major-contribution exception needs an approver and is recorded with their name.
 */
export async function nominate(ctx: AppContext, scope: ResolvedScope, principal: Principal, actor: AuditActor, body: NominateBody) {
  if (body.deedDate > today(ctx)) throw new AppError('AWARD_DATE_INVALID');
  const exception = body.exceptionReason !== undefined;
  if (exception && !principal.permissions.has('awards:approve')) throw new AppError('AWARD_EXCEPTION_NOT_ALLOWED');
  const recipients = await recipientsOf(ctx, scope, body);
  const proposerLevel = await orgLevelOf(ctx.db, principal.orgId);
  const checked = await guardRecipients(ctx, ctx.db, body, recipients, proposerLevel, exception);
  if (checked.refusals.length > 0 || !checked.approver) refuse(checked.refusals, recipients.length > 1);
  const approver = checked.approver;
  const bonus = await awardRule(ctx, ctx.db, 'bonus', today(ctx));
  const notice = needsNotice(checked.guards, body.level);
  const now = ctx.clock.now().toISOString();
  const id = newId();
  const subjectOrg = await commonAncestor(
    ctx.db,
    recipients.map((r) => r.orgId),
  );
  const subjectName = recipients.length > 1 ? `${recipients[0]!.name}等${recipients.length}人` : recipients[0]!.name;
  const caseId = await ctx.db.transaction().execute(async (trx) => {
    const row: AwardCaseTable = {
      id,
      recipient: body.recipient,
      org_id: subjectOrg,
      level: body.level,
      title: body.title,
      deed_title: body.deedTitle,
      deed_date: body.deedDate,
      deed_summary: body.deedSummary,
      leadership: body.leadership ? 1 : 0,
      fast_track: body.fastTrack ? 1 : 0,
      batch: recipients.length > 1 ? 1 : 0,
      approver_level: approver,
      approver_basis: checked.basis,
      review_democratic: body.reviewDemocratic,
      review_collective: body.reviewCollective,
      review_file_ids: JSON.stringify(body.reviewFileIds ?? []),
      exception_reason: body.exceptionReason ?? null,
      exception_by: exception ? principal.userId : null,
      exception_by_name: exception ? principal.displayName : null,
      overridden: JSON.stringify(checked.overridden),
      status: 'in_review',
      case_id: null,
      bonus_yuan: bonus[body.recipient][body.level as AwardLevel] * (body.recipient === 'individual' ? recipients.length : 1),
      decision_no: null,
      decision_date: null,
      issuer: null,
      delivered_on: null,
      delivered_by: null,
      delivered_at_home: null,
      delivery_note: null,
      nominated_by: principal.userId,
      city_code: ctx.config.cityCode,
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('award_case').values(row).execute();
    await trx
      .insertInto('award_subject')
      .values(
        recipients.map((r) => ({
          id: newId(),
          award_id: id,
          person_id: r.personId,
          org_id: r.orgId,
          name: r.name,
          deed_key: deedKeyOf(r.personId ?? r.orgId, body.deedDate, body.deedTitle),
          active: 1,
          person_line_id: null,
          city_code: ctx.config.cityCode,
          created_at: now,
        })),
      )
      .execute();
    const single = recipients.length === 1 ? recipients[0]! : undefined;
    const cid = await submitCase(
      trx,
      ctx,
      { ...actor, userId: principal.userId },
      {
        kind: awardKindFor(body.fastTrack, notice),
        refId: id,
        title: `${body.fastTrack ? '【快速通道】' : ''}${subjectName} ${body.level}：${body.title}`,
        subjectPersonId: single?.personId ?? null,
        subjectName,
        subjectOrgId: subjectOrg,
      },
    );
    await trx.updateTable('award_case').set({ case_id: cid }).where('id', '=', id).execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'awards.nominate',
      objectType: 'award_case',
      objectId: id,
      detail: {
        level: body.level,
        recipients: recipients.map((r) => r.personId ?? r.orgId),
        approver,
        fastTrack: body.fastTrack,
        exception: body.exceptionReason ?? null,
        overridden: checked.overridden.map((o) => o.code),
      },
    });
    return cid;
  });
  return { id, caseId, approverLevel: approver, needsNotice: notice };
}

/** The award if the scope covers its unit; out of scope reads as not found. */
export async function awardInScope(db: Executor, scope: ResolvedScope, id: string): Promise<AwardCaseTable> {
  const row = await db.selectFrom('award_case').selectAll().where('id', '=', id).where(scopeWhere(scope, 'org_id')).executeTakeFirst();
  if (!row) throw new AppError('AWARD_NOT_FOUND');
  return row;
}

export async function subjectsOf(db: Executor, awardIds: readonly string[]) {
  if (awardIds.length === 0) return [];
  return db
    .selectFrom('award_subject as s')
    .innerJoin('org as o', 'o.id', 's.org_id')
    .select(['s.id', 's.award_id', 's.person_id', 's.name', 's.org_id', 'o.name as org_name', 's.person_line_id'])
    .where('s.award_id', 'in', awardIds)
    .orderBy('s.created_at')
    .orderBy('s.id')
    .execute();
}

export function toRow(a: AwardCaseTable, subjects: readonly { name: string }[], org: string): AwardRow {
  const names = subjects.map((s) => s.name);
  return {
    id: a.id,
    recipient: a.recipient,
    level: a.level as AwardLevel,
    title: a.title,
    recipients: names.length > 3 ? `${names.slice(0, 3).join('、')}等${names.length}人` : names.join('、'),
    count: names.length,
    orgId: a.org_id,
    orgName: org,
    status: a.status,
    fastTrack: a.fast_track === 1,
    batch: a.batch === 1,
    approverLevel: a.approver_level,
    caseId: a.case_id,
    decisionNo: a.decision_no,
    decisionDate: a.decision_date,
    createdAt: a.created_at,
  };
}

export async function listAwards(ctx: AppContext, scope: ResolvedScope, q: AwardListQuery) {
  const page = q.page ?? 1;
  const size = q.pageSize ?? 20;
  let base = ctx.db.selectFrom('award_case as a').innerJoin('org as o', 'o.id', 'a.org_id').where(scopeWhere(scope, 'a.org_id'));
  if (q.status) base = base.where('a.status', '=', q.status);
  if (q.level) base = base.where('a.level', '=', q.level);
  if (q.year) base = base.where('a.created_at', '>=', `${q.year}-01-01`).where('a.created_at', '<', `${q.year + 1}-01-01`);
  if (q.keyword)
    base = base.where((eb) =>
      eb.or([
        eb('a.title', 'like', `%${q.keyword}%`),
        eb('a.id', 'in', eb.selectFrom('award_subject').select('award_id').where('name', 'like', `%${q.keyword}%`)),
      ]),
    );
  const total = Number((await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirst())?.n ?? 0);
  const rows = await base
    .selectAll('a')
    .select('o.name as org_name')
    .orderBy('a.created_at', 'desc')
    .orderBy('a.id', 'desc')
    .limit(size)
    .offset((page - 1) * size)
    .execute();
  const subjects = await subjectsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return {
    total,
    items: rows.map((r) =>
      toRow(
        r,
        subjects.filter((s) => s.award_id === r.id),
        r.org_name,
      ),
    ),
  };
}
