import { formatMessage, platformErrors, type Locale } from '@zhenggong/core';
import type { ImportErrorLine, ImportProblemView, ImportResultLine } from '@zhenggong/core/personnel/roster-import-api';
import { rosterNoteMessage, rosterProblemMessage } from '@zhenggong/core/personnel/roster-problems';
import { AppError } from '../../../platform/http/app-error.ts';
import type { ImportJob } from './import-jobs.ts';
import type { ImportNote, ImportProblem } from './roster-validator.ts';

export const RESULT_PROBLEM_LIMIT = 200;

const sexName = (code: string | number | undefined, locale: Locale): string =>
  code === '1' ? (locale === 'zh-CN' ? '男' : 'male') : locale === 'zh-CN' ? '女' : 'female';

export function problemMessage(p: ImportProblem, locale: Locale): string {
  const params: Record<string, string | number> = { header: p.header, value: p.value, ...p.params };
  if (p.code === 'sex_mismatch') params.expected = sexName(p.params?.expected, locale);
  return rosterProblemMessage(p.code, locale, params);
}

export const noteMessage = (n: ImportNote, locale: Locale): string =>
  rosterNoteMessage(n.code, locale, { header: n.header, value: n.value, ...n.params });

export const presentNote = (n: ImportNote, locale: Locale): ImportProblemView => ({
  row: n.row,
  column: n.column,
  header: n.header,
  field: n.field,
  code: n.code,
  value: n.value,
  message: noteMessage(n, locale),
});

export const presentProblem = (p: ImportProblem, locale: Locale): ImportProblemView => ({
  row: p.row,
  column: p.column,
  header: p.header,
  field: p.field,
  code: p.code,
  value: p.value,
  message: problemMessage(p, locale),
});

export function presentJob(job: ImportJob, locale: Locale): ImportResultLine {
  return {
    type: 'result',
    jobId: job.jobId,
    fileName: job.fileName,
    dryRun: job.dryRun,
    committed: job.committed,
    inserted: job.inserted,
    totalRows: job.totalRows,
    validRows: job.validRows,
    skippedRows: { ...job.skippedRows },
    columns: job.columns.map((c) => ({ letter: c.letter, header: c.header, field: c.field })),
    ignoredColumns: job.ignoredColumns.map((c) => ({ ...c })),
    problemCount: job.problemCount,
    problems: job.problems.slice(0, RESULT_PROBLEM_LIMIT).map((p) => presentProblem(p, locale)),
    noteCount: job.noteCount ?? 0,
    notes: (job.notes ?? []).slice(0, RESULT_PROBLEM_LIMIT).map((n) => presentNote(n, locale)),
  };
}

/** A failure after the NDJSON response began: the same `{ code, message, details }` as error responses. */
export function presentError(error: unknown, locale: Locale): ImportErrorLine {
  const code = error instanceof AppError ? error.code : 'INTERNAL';
  const details = error instanceof AppError ? error.details : undefined;
  return { type: 'error', error: { code, message: formatMessage(platformErrors[code][locale], details), ...(details ? { details } : {}) } };
}
