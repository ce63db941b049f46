import type { AnswerKey, DrawnOption, QuestionType } from '@zhenggong/core';
import type { Executor } from '../../db/database.ts';
import type { QbQuestionVersionTable } from './tables.ts';

/** One immutable question version as the rest of the platform sees it. */
export interface QuestionVersion {
  readonly id: string;
  readonly questionId: string;
  readonly versionNo: number;
  readonly type: QuestionType;
  readonly stem: string;
  readonly options: readonly DrawnOption[];
  readonly key: AnswerKey;
  readonly analysis: string | null;
  readonly policeCategory: string | null;
  readonly subject: string | null;
  readonly difficulty: number;
  readonly sourceLaw: string | null;
  readonly createdAt: string;
}

export function toQuestionVersion(row: QbQuestionVersionTable): QuestionVersion {
  return {
    id: row.id,
    questionId: row.question_id,
    versionNo: row.version_no,
    type: row.type,
    stem: row.stem,
    options: JSON.parse(row.options) as DrawnOption[],
    key: JSON.parse(row.answer_key) as AnswerKey,
    analysis: row.analysis,
    policeCategory: row.police_category,
    subject: row.subject,
    difficulty: row.difficulty,
    sourceLaw: row.source_law,
    createdAt: row.created_at,
  };
}

/**
 * Question versions by id, in no particular order (ids not found are left out). For item analysis
 * and grading views of the exams module; no data scope here — the caller has already checked
 * access to the exam the versions were drawn for.
 */
export async function listQuestionVersions(db: Executor, versionIds: readonly string[]): Promise<QuestionVersion[]> {
  const unique = [...new Set(versionIds)];
  const out: QuestionVersion[] = [];
  // Chunks keep the IN list under SQLite's parameter limit.
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('qb_question_version')
      .selectAll()
      .where('id', 'in', unique.slice(i, i + 500))
      .execute();
    out.push(...rows.map(toQuestionVersion));
  }
  return out;
}
