import type { CreatePaperBody, DrawnPaper, PaperListQuery, PaperRuleInput, QuestionType, UpdatePaperBody } from '@zhenggong/core';
import { randomUUID } from 'node:crypto';
import type { Executor, Trx } from '../../db/database.ts';
import { assertOrgInScope, scopeWhere, type ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { visibleBank, visibleWhere } from './bank-scope.ts';
import { drawPaper, ruleCandidates } from './draw-paper.ts';
import { containsText } from './question-queries.ts';
import type { QbPaperTable } from './tables.ts';

const round2 = (n: number): number => Math.round(n * 100) / 100;

const ruleRow = (r: PaperRuleInput) => ({
  type: r.type,
  police_category: r.policeCategory?.trim() || null,
  subject: r.subject?.trim() || null,
  difficulty: r.difficulty ?? null,
  source_law: r.sourceLaw?.trim() || null,
});

export interface RuleCheck {
  /** 1-based rule number. */
  readonly rule: number;
  readonly needed: number;
  /** Active questions in the banks matching the rule. */
  readonly matching: number;
  /** Matching questions left in the worst case after earlier rules drew theirs; the draw always succeeds when this ≥ needed. */
  readonly available: number;
  readonly ok: boolean;
}

/**
 * How many questions each rule can draw from. A question matching two rules is drawn at most
 * once, so earlier rules may use up to min(their count, the overlap) of a later rule's pool.
 */
export async function checkRules(
  db: Executor,
  scope: ResolvedScope,
  bankIds: readonly string[],
  rules: readonly PaperRuleInput[],
): Promise<RuleCheck[]> {
  for (const id of new Set(bankIds)) {
    const bank = await visibleBank(db, scope, id);
    if (bank.status !== 'active') throw new AppError('QB_BANK_NOT_FOUND', { bankId: id });
  }
  const pools: Set<string>[] = [];
  const out: RuleCheck[] = [];
  for (const [i, rule] of rules.entries()) {
    const pool = new Set((await ruleCandidates(db, [...new Set(bankIds)], ruleRow(rule))).map((c) => c.id));
    let reserved = 0;
    for (const [j, earlier] of pools.entries()) {
      let overlap = 0;
      for (const id of pool) if (earlier.has(id)) overlap++;
      reserved += Math.min((rules[j] as PaperRuleInput).count, overlap);
    }
    pools.push(pool);
    const available = Math.max(0, pool.size - reserved);
    out.push({ rule: i + 1, needed: rule.count, matching: pool.size, available, ok: available >= rule.count });
  }
  return out;
}

interface ItemPlan {
  readonly questionId: string;
  readonly versionId: string;
  readonly score: number;
}

async function planItems(trx: Trx, scope: ResolvedScope, body: UpdatePaperBody): Promise<ItemPlan[]> {
  const items = body.items ?? [];
  if (new Set(items.map((i) => i.questionId)).size !== items.length) throw new AppError('QB_PAPER_DUPLICATE_QUESTION');
  const plans: ItemPlan[] = [];
  for (const item of items) {
    const q = await trx
      .selectFrom('qb_question as q')
      .select(['q.id', 'q.current_version_id', 'q.status'])
      .where('q.id', '=', item.questionId)
      .where(visibleWhere(scope, 'q.org_id'))
      .executeTakeFirst();
    if (!q) throw new AppError('QB_QUESTION_NOT_FOUND', { id: item.questionId });
    let versionId = q.current_version_id;
    if (item.questionVersionId && item.questionVersionId !== versionId) {
      const v = await trx
        .selectFrom('qb_question_version')
        .select('id')
        .where('id', '=', item.questionVersionId)
        .where('question_id', '=', q.id)
        .executeTakeFirst();
      if (!v) throw new AppError('QB_QUESTION_NOT_FOUND', { id: item.questionId, versionId: item.questionVersionId });
      versionId = v.id;
    } else if (q.status === 'retired') {
      throw new AppError('QB_QUESTION_RETIRED', { id: q.id });
    }
    plans.push({ questionId: q.id, versionId, score: item.score });
  }
  return plans;
}

/** Validates the body and writes items or rules of `paperId` (replacing earlier ones). */
async function writeContent(
  trx: Trx,
  scope: ResolvedScope,
  paperId: string,
  cityCode: string,
  body: UpdatePaperBody,
): Promise<{ total: number; bankIds: string[] }> {
  const rules = body.rules ?? [];
  const bankIds = [...new Set(body.bankIds ?? [])];
  if (body.kind === 'fixed' && ((body.items ?? []).length === 0 || rules.length > 0)) throw new AppError('QB_PAPER_KIND_MISMATCH');
  if (body.kind === 'rule' && (rules.length === 0 || bankIds.length === 0 || (body.items ?? []).length > 0))
    throw new AppError('QB_PAPER_KIND_MISMATCH');
  await trx.deleteFrom('qb_paper_item').where('paper_id', '=', paperId).execute();
  await trx.deleteFrom('qb_paper_rule').where('paper_id', '=', paperId).execute();
  if (body.kind === 'fixed') {
    const plans = await planItems(trx, scope, body);
    await trx
      .insertInto('qb_paper_item')
      .values(
        plans.map((p, i) => ({
          id: newId(),
          paper_id: paperId,
          position: i + 1,
          question_id: p.questionId,
          question_version_id: p.versionId,
          score: p.score,
          city_code: cityCode,
        })),
      )
      .execute();
    return { total: round2(plans.reduce((s, p) => s + p.score, 0)), bankIds: [] };
  }
  const checks = await checkRules(trx, scope, bankIds, rules);
  const short = checks.find((c) => !c.ok);
  if (short) throw new AppError('QB_RULE_SHORT', { rule: short.rule, needed: short.needed, available: short.available, checks });
  await trx
    .insertInto('qb_paper_rule')
    .values(
      rules.map((r, i) => ({
        id: newId(),
        paper_id: paperId,
        position: i + 1,
        ...ruleRow(r),
        count: r.count,
        score: r.score,
        city_code: cityCode,
      })),
    )
    .execute();
  return { total: round2(rules.reduce((s, r) => s + r.count * r.score, 0)), bankIds };
}

const settings = (body: UpdatePaperBody) => ({
  title: body.title.trim(),
  kind: body.kind,
  shuffle_questions: body.shuffleQuestions ? 1 : 0,
  shuffle_options: body.shuffleOptions ? 1 : 0,
  partial_credit: body.partialCredit,
  pass_score: body.passScore ?? null,
  time_minutes: body.timeMinutes ?? null,
});

export async function createPaper(ctx: AppContext, scope: ResolvedScope, actor: AuditActor, body: CreatePaperBody): Promise<PaperDetail> {
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await assertOrgInScope(trx, scope, body.orgId);
    const org = await trx.selectFrom('org').select('city_code').where('id', '=', body.orgId).executeTakeFirstOrThrow();
    const now = ctx.clock.now().toISOString();
    const { orgId, ...fields } = body;
    await trx
      .insertInto('qb_paper')
      .values({
        id,
        ...settings(fields),
        org_id: orgId,
        bank_ids: '[]',
        total_score: 0,
        status: 'active',
        city_code: org.city_code,
        created_by: actor.userId,
        created_at: now,
        updated_at: now,
      })
      .execute();
    const { total, bankIds } = await writeContent(trx, scope, id, org.city_code, fields);
    await trx
      .updateTable('qb_paper')
      .set({ total_score: total, bank_ids: JSON.stringify(bankIds) })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'paper.create',
      objectType: 'paper',
      objectId: id,
      detail: { title: body.title, kind: body.kind, totalScore: total },
    });
  });
  return getPaper(ctx.db, scope, id);
}

async function scopedPaper(db: Executor, scope: ResolvedScope, id: string): Promise<QbPaperTable & { org_name: string }> {
  const row = await db
    .selectFrom('qb_paper as p')
    .innerJoin('org as o', 'o.id', 'p.org_id')
    .selectAll('p')
    .select('o.name as org_name')
    .where('p.id', '=', id)
    .where(scopeWhere(scope, 'p.org_id'))
    .executeTakeFirst();
  if (!row) throw new AppError('QB_PAPER_NOT_FOUND', { paperId: id });
  return row;
}

/**
 * Replaces a paper's settings and content. Exams already drawn from it keep their frozen copies.
 */
export async function updatePaper(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  id: string,
  body: UpdatePaperBody,
): Promise<PaperDetail> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = await scopedPaper(trx, scope, id);
    const { total, bankIds } = await writeContent(trx, scope, id, before.city_code, body);
    await trx
      .updateTable('qb_paper')
      .set({ ...settings(body), total_score: total, bank_ids: JSON.stringify(bankIds), updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'paper.update',
      objectType: 'paper',
      objectId: id,
      detail: {
        before: { title: before.title, kind: before.kind, totalScore: before.total_score },
        after: { title: body.title, kind: body.kind, totalScore: total },
      },
    });
  });
  return getPaper(ctx.db, scope, id);
}

export async function setPaperRetired(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  id: string,
  retired: boolean,
): Promise<PaperDetail> {
  await ctx.db.transaction().execute(async (trx) => {
    const paper = await scopedPaper(trx, scope, id);
    if ((paper.status === 'retired') === retired) return;
    await trx
      .updateTable('qb_paper')
      .set({ status: retired ? 'retired' : 'active', updated_at: ctx.clock.now().toISOString() })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx.clock, actor, { eventType: retired ? 'paper.retire' : 'paper.restore', objectType: 'paper', objectId: id });
  });
  return getPaper(ctx.db, scope, id);
}

export interface PaperSummary {
  readonly id: string;
  readonly title: string;
  readonly kind: 'fixed' | 'rule';
  readonly orgId: string;
  readonly orgName: string;
  readonly totalScore: number;
  readonly questionCount: number;
  readonly passScore: number | null;
  readonly timeMinutes: number | null;
  readonly shuffleQuestions: boolean;
  readonly shuffleOptions: boolean;
  readonly partialCredit: number;
  readonly status: 'active' | 'retired';
  readonly updatedAt: string;
}

export interface PaperDetail extends PaperSummary {
  readonly bankIds: readonly string[];
  readonly items: readonly {
    questionId: string;
    questionVersionId: string;
    versionNo: number;
    currentVersionNo: number;
    type: QuestionType;
    stem: string;
    score: number;
  }[];
  readonly rules: readonly (PaperRuleInput & { check: RuleCheck })[];
}

async function questionCounts(db: Executor, ids: string[]): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const items = await db
    .selectFrom('qb_paper_item')
    .select('paper_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('paper_id', 'in', ids)
    .groupBy('paper_id')
    .execute();
  const rules = await db
    .selectFrom('qb_paper_rule')
    .select('paper_id')
    .select((eb) => eb.fn.sum<number>('count').as('n'))
    .where('paper_id', 'in', ids)
    .groupBy('paper_id')
    .execute();
  return new Map([...items, ...rules].map((r) => [r.paper_id, Number(r.n)]));
}

function summary(p: QbPaperTable & { org_name: string }, count: number): PaperSummary {
  return {
    id: p.id,
    title: p.title,
    kind: p.kind,
    orgId: p.org_id,
    orgName: p.org_name,
    totalScore: Number(p.total_score),
    questionCount: count,
    passScore: p.pass_score === null ? null : Number(p.pass_score),
    timeMinutes: p.time_minutes,
    shuffleQuestions: p.shuffle_questions === 1,
    shuffleOptions: p.shuffle_options === 1,
    partialCredit: Number(p.partial_credit),
    status: p.status,
    updatedAt: p.updated_at,
  };
}

export async function getPaper(db: Executor, scope: ResolvedScope, id: string): Promise<PaperDetail> {
  const p = await scopedPaper(db, scope, id);
  const items = await db
    .selectFrom('qb_paper_item as i')
    .innerJoin('qb_question_version as v', 'v.id', 'i.question_version_id')
    .innerJoin('qb_question as q', 'q.id', 'i.question_id')
    .select(['i.question_id', 'i.question_version_id', 'i.score', 'v.version_no', 'v.type', 'v.stem', 'q.version_no as current_version_no'])
    .where('i.paper_id', '=', id)
    .orderBy('i.position')
    .execute();
  const ruleRows = await db.selectFrom('qb_paper_rule').selectAll().where('paper_id', '=', id).orderBy('position').execute();
  const rules: PaperRuleInput[] = ruleRows.map((r) => ({
    type: r.type,
    policeCategory: r.police_category,
    subject: r.subject,
    difficulty: r.difficulty,
    sourceLaw: r.source_law,
    count: r.count,
    score: Number(r.score),
  }));
  const bankIds = JSON.parse(p.bank_ids) as string[];
  // Banks retired or out of reach since composing show as zero available rather than failing the view.
  let checks: RuleCheck[];
  try {
    checks = await checkRules(db, scope, bankIds, rules);
  } catch {
    checks = rules.map((r, i) => ({ rule: i + 1, needed: r.count, matching: 0, available: 0, ok: false }));
  }
  const count = p.kind === 'fixed' ? items.length : rules.reduce((s, r) => s + r.count, 0);
  return {
    ...summary(p, count),
    bankIds,
    items: items.map((i) => ({
      questionId: i.question_id,
      questionVersionId: i.question_version_id,
      versionNo: i.version_no,
      currentVersionNo: i.current_version_no,
      type: i.type,
      stem: i.stem,
      score: Number(i.score),
    })),
    rules: rules.map((r, i) => ({ ...r, check: checks[i] as RuleCheck })),
  };
}

export async function listPapers(
  db: Executor,
  scope: ResolvedScope,
  query: PaperListQuery,
): Promise<{ items: PaperSummary[]; total: number }> {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? 20;
  const status = query.status ?? 'active';
  const base = db
    .selectFrom('qb_paper as p')
    .innerJoin('org as o', 'o.id', 'p.org_id')
    .where(scopeWhere(scope, 'p.org_id'))
    .$if(status !== 'all', (q) => q.where('p.status', '=', status as 'active' | 'retired'))
    .$if(query.kind !== undefined, (q) => q.where('p.kind', '=', query.kind as 'fixed' | 'rule'))
    .$if(!!query.q, (q) => q.where(containsText('p.title', (query.q as string).trim())));
  const total = Number((await base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
  const desc = query.sort?.startsWith('-') ?? true;
  const sortKey = query.sort?.replace(/^-/, '');
  const column = sortKey === 'title' ? 'p.title' : sortKey === 'totalScore' ? 'p.total_score' : 'p.updated_at';
  const rows = await base
    .selectAll('p')
    .select('o.name as org_name')
    .orderBy(column, desc ? 'desc' : 'asc')
    .orderBy('p.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  const counts = await questionCounts(
    db,
    rows.map((r) => r.id),
  );
  return { items: rows.map((r) => summary(r, counts.get(r.id) ?? 0)), total };
}

/** A sample draw with answers for staff; a fresh seed each time unless one is given. */
export async function previewPaper(db: Executor, scope: ResolvedScope, id: string, seed?: string): Promise<DrawnPaper & { seed: string }> {
  await scopedPaper(db, scope, id);
  const s = seed ?? randomUUID();
  return { ...(await drawPaper(db, id, s)), seed: s };
}
