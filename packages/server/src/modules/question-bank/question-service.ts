import {
  buildQuestionContent,
  questionProblemMessages,
  type CreateQuestionBody,
  type QuestionContent,
  type QuestionProblem,
  type UpdateQuestionBody,
} from '@zhenggong/core';
import type { Executor, Trx } from '../../db/database.ts';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { newId } from '../../platform/ids.ts';
import { visibleWhere, writableBank, type VisibleBank } from './bank-scope.ts';
import type { QbQuestionTable, QbQuestionVersionTable } from './tables.ts';
import { toQuestionVersion, type QuestionVersion } from './version-rows.ts';

type Fields = UpdateQuestionBody;

const blankToNull = (s: string | null | undefined): string | null => {
  const t = s?.trim();
  return t ? t : null;
};

function contentOrThrow(body: Fields): QuestionContent {
  const built = buildQuestionContent(body);
  if (!built.ok) throw invalid(built.problems);
  return built.content;
}

const invalid = (problems: QuestionProblem[]) =>
  new AppError('QB_QUESTION_INVALID', { problems, summary: problems.map((p) => questionProblemMessages[p.code]['zh-CN']).join('；') });

function versionRow(
  questionId: string,
  versionNo: number,
  body: Fields,
  content: QuestionContent,
  cityCode: string,
  actor: AuditActor,
  now: string,
): QbQuestionVersionTable {
  return {
    id: newId(),
    question_id: questionId,
    version_no: versionNo,
    type: body.type,
    stem: body.stem.trim(),
    options: JSON.stringify(content.options),
    answer_key: JSON.stringify(content.key),
    analysis: blankToNull(body.analysis),
    police_category: blankToNull(body.policeCategory),
    subject: blankToNull(body.subject),
    difficulty: body.difficulty,
    source_law: blankToNull(body.sourceLaw),
    city_code: cityCode,
    created_by: actor.userId,
    created_at: now,
  };
}

/** The question's current fields copied from its version (for list filters without a join). */
const currentFields = (v: QbQuestionVersionTable) => ({
  current_version_id: v.id,
  version_no: v.version_no,
  stem: v.stem,
  police_category: v.police_category,
  subject: v.subject,
  difficulty: v.difficulty,
  source_law: v.source_law,
  updated_at: v.created_at,
});

/** Inserts a question with its first version; used by the API and by the import (one transaction). */
export async function insertQuestion(
  trx: Trx,
  bank: VisibleBank,
  body: Fields,
  content: QuestionContent,
  actor: AuditActor,
  now: string,
): Promise<QbQuestionTable> {
  const id = newId();
  const version = versionRow(id, 1, body, content, bank.city_code, actor, now);
  const row: QbQuestionTable = {
    id,
    bank_id: bank.id,
    org_id: bank.org_id,
    type: body.type,
    ...currentFields(version),
    status: 'active',
    retired_at: null,
    city_code: bank.city_code,
    created_at: now,
  };
  await trx.insertInto('qb_question').values(row).execute();
  await trx.insertInto('qb_question_version').values(version).execute();
  return row;
}

export async function createQuestion(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  body: CreateQuestionBody,
): Promise<QuestionDetail> {
  const { bankId, ...fields } = body;
  const content = contentOrThrow(fields);
  const id = await ctx.db.transaction().execute(async (trx) => {
    const bank = await writableBank(trx, scope, bankId);
    const now = ctx.clock.now().toISOString();
    const row = await insertQuestion(trx, bank, fields, content, actor, now);
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'question.create',
      objectType: 'question',
      objectId: row.id,
      detail: { bankId, type: row.type },
    });
    return row.id;
  });
  return getQuestion(ctx.db, scope, id);
}

/** A question the caller may read (its bank visible); 404 otherwise. */
async function visibleQuestion(db: Executor, scope: ResolvedScope, id: string): Promise<QbQuestionTable & { bank_name: string }> {
  const row = await db
    .selectFrom('qb_question as q')
    .innerJoin('qb_bank as b', 'b.id', 'q.bank_id')
    .selectAll('q')
    .select('b.name as bank_name')
    .where('q.id', '=', id)
    .where(visibleWhere(scope, 'q.org_id'))
    .executeTakeFirst();
  if (!row) throw new AppError('QB_QUESTION_NOT_FOUND', { id });
  return row;
}

/**
 * An edit adds a new immutable version and makes it current; papers already drawn keep the
 * version they froze. An edit that changes nothing adds no version.
 */
export async function updateQuestion(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  id: string,
  body: UpdateQuestionBody,
): Promise<QuestionDetail> {
  const content = contentOrThrow(body);
  await ctx.db.transaction().execute(async (trx) => {
    const q = await visibleQuestion(trx, scope, id);
    const bank = await writableBank(trx, scope, q.bank_id);
    if (q.type !== body.type) throw new AppError('QB_QUESTION_TYPE_FIXED', { id });
    if (q.status === 'retired') throw new AppError('QB_QUESTION_RETIRED', { id });
    const now = ctx.clock.now().toISOString();
    const current = await trx
      .selectFrom('qb_question_version')
      .selectAll()
      .where('id', '=', q.current_version_id)
      .executeTakeFirstOrThrow();
    const next = versionRow(id, q.version_no + 1, body, content, bank.city_code, actor, now);
    if (sameContent(current, next)) return;
    await trx.insertInto('qb_question_version').values(next).execute();
    await trx.updateTable('qb_question').set(currentFields(next)).where('id', '=', id).execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: 'question.update',
      objectType: 'question',
      objectId: id,
      detail: { fromVersion: q.version_no, toVersion: next.version_no },
    });
  });
  return getQuestion(ctx.db, scope, id);
}

const contentKeys = [
  'type',
  'stem',
  'options',
  'answer_key',
  'analysis',
  'police_category',
  'subject',
  'difficulty',
  'source_law',
] as const;
const sameContent = (a: QbQuestionVersionTable, b: QbQuestionVersionTable): boolean => contentKeys.every((k) => a[k] === b[k]);

/** Soft retirement (停用): the question leaves lists and draws; its versions stay for past exams. */
export async function setQuestionRetired(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  id: string,
  retired: boolean,
): Promise<QuestionDetail> {
  await ctx.db.transaction().execute(async (trx) => {
    const q = await visibleQuestion(trx, scope, id);
    await writableBank(trx, scope, q.bank_id);
    if ((q.status === 'retired') === retired) return;
    const now = ctx.clock.now().toISOString();
    await trx
      .updateTable('qb_question')
      .set({ status: retired ? 'retired' : 'active', retired_at: retired ? now : null, updated_at: now })
      .where('id', '=', id)
      .execute();
    await appendAudit(trx, ctx.clock, actor, {
      eventType: retired ? 'question.retire' : 'question.restore',
      objectType: 'question',
      objectId: id,
    });
  });
  return getQuestion(ctx.db, scope, id);
}

export interface QuestionDetail {
  readonly id: string;
  readonly bankId: string;
  readonly bankName: string;
  readonly status: 'active' | 'retired';
  readonly versionNo: number;
  readonly current: QuestionVersion;
  /** Every version, newest first. */
  readonly versions: readonly { id: string; versionNo: number; createdAt: string }[];
  /** Whether the caller may edit (false for a city-level bank outside the caller's scope). */
  readonly writable: boolean;
}

export async function getQuestion(db: Executor, scope: ResolvedScope, id: string): Promise<QuestionDetail> {
  const q = await visibleQuestion(db, scope, id);
  const versions = await db
    .selectFrom('qb_question_version')
    .selectAll()
    .where('question_id', '=', id)
    .orderBy('version_no', 'desc')
    .execute();
  const current = versions.find((v) => v.id === q.current_version_id) as QbQuestionVersionTable;
  let writable = true;
  try {
    await writableBank(db, scope, q.bank_id);
  } catch {
    writable = false;
  }
  return {
    id: q.id,
    bankId: q.bank_id,
    bankName: q.bank_name,
    status: q.status,
    versionNo: q.version_no,
    current: toQuestionVersion(current),
    versions: versions.map((v) => ({ id: v.id, versionNo: v.version_no, createdAt: v.created_at })),
    writable,
  };
}

/** One version of a visible question (history view). */
export async function getQuestionVersion(db: Executor, scope: ResolvedScope, id: string, versionNo: number): Promise<QuestionVersion> {
  await visibleQuestion(db, scope, id);
  const v = await db
    .selectFrom('qb_question_version')
    .selectAll()
    .where('question_id', '=', id)
    .where('version_no', '=', versionNo)
    .executeTakeFirst();
  if (!v) throw new AppError('NOT_FOUND');
  return toQuestionVersion(v);
}
