import {
  buildQuestionContent,
  fieldOfHeader,
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  importColumns,
  importProblemMessage,
  optionKeys,
  parseAnswer,
  parseDifficulty,
  parseQuestionType,
  questionTypes,
  type ImportField,
  type ImportProblemCode,
  type ImportProblemView,
  type Locale,
  type QuestionContent,
  type QuestionType,
  type UpdateQuestionBody,
} from '@zhenggong/core';
import type { Executor } from '../../db/database.ts';
import type { ResolvedScope } from '../../platform/access/data-scope.ts';
import { appendAudit, auditAlone, type AuditActor } from '../../platform/audit/audit-service.ts';
import type { AppContext } from '../../platform/context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { openSheet, type SheetLimits } from '../../platform/files/xlsx-reader.ts';
import { writableBank } from './bank-scope.ts';
import { insertQuestion } from './question-service.ts';

/** Bounds of a question import: small files, at most IMPORT_MAX_ROWS questions. */
export const questionImportLimits: SheetLimits & { readonly maxUploadBytes: number } = {
  maxUploadBytes: IMPORT_MAX_BYTES,
  maxEntries: 200,
  maxInflatedBytes: 64 * 1_048_576,
  maxSharedStringsBytes: 32 * 1_048_576,
  // Header, a note row or two above it, and blank rows.
  maxRows: IMPORT_MAX_ROWS + 100,
  maxColumns: 60,
};

export interface ImportProgress {
  readonly phase: 'validating' | 'inserting' | 'committing';
  readonly processedRows: number;
  readonly totalRows: number | null;
  readonly percent: number;
}

export interface QuestionImportResult {
  readonly fileName: string;
  readonly dryRun: boolean;
  readonly committed: boolean;
  readonly inserted: number;
  readonly totalRows: number;
  readonly validRows: number;
  /** Rows without problems, by type. */
  readonly byType: Record<QuestionType, number>;
  readonly columns: readonly { letter: string; header: string; field: ImportField }[];
  readonly problemCount: number;
  /** Sorted by row and column; every problem (the file is capped at IMPORT_MAX_ROWS rows). */
  readonly problems: readonly ImportProblemView[];
}

interface Problem {
  readonly row: number;
  readonly field: ImportField | string;
  readonly code: ImportProblemCode;
  readonly value: string;
  readonly params?: Record<string, string | number>;
}

interface ParsedRow {
  readonly row: number;
  readonly body: UpdateQuestionBody;
  readonly content: QuestionContent;
}

const letter = (col: number): string => {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
};

const cellText = (v: unknown): string => {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'boolean') return v ? '正确' : '错误';
  return String(v).trim();
};

const stemKey = (type: string, stem: string) => `${type}\u0000${stem.normalize('NFKC').replace(/\s+/g, '')}`;

const tagLimits = { policeCategory: 50, subject: 50, sourceLaw: 200, analysis: 5000 } as const;

/** Checks one data row; returns the question or its problems. */
function checkRow(row: number, get: (f: ImportField) => string): { parsed?: ParsedRow; problems: Problem[] } {
  const problems: Problem[] = [];
  const typeText = get('type');
  const type = parseQuestionType(typeText);
  const difficulty = parseDifficulty(get('difficulty'));
  if (difficulty === undefined) problems.push({ row, field: 'difficulty', code: 'DIFFICULTY_INVALID', value: get('difficulty') });
  for (const [field, max] of Object.entries(tagLimits) as [keyof typeof tagLimits, number][]) {
    if (get(field).length > max)
      problems.push({
        row,
        field,
        code: field === 'analysis' ? 'TEXT_TOO_LONG' : 'TAG_TOO_LONG',
        value: get(field).slice(0, 50),
        params: { max },
      });
  }
  if (!type) {
    problems.push({ row, field: 'type', code: 'TYPE_UNKNOWN', value: typeText });
    if (get('stem') === '') problems.push({ row, field: 'stem', code: 'STEM_REQUIRED', value: '' });
    return { problems };
  }
  const options = optionKeys.map((k) => get(`option${k}`));
  const body: UpdateQuestionBody = {
    type,
    stem: get('stem'),
    options: type === 'single' || type === 'multiple' ? options : options.filter((o) => o !== ''),
    ...parseAnswer(type, get('answer')),
    analysis: get('analysis') || null,
    policeCategory: get('policeCategory') || null,
    subject: get('subject') || null,
    sourceLaw: get('sourceLaw') || null,
    difficulty: difficulty ?? 3,
  };
  const built = buildQuestionContent(body);
  if (!built.ok) {
    for (const p of built.problems) {
      const field: ImportField | string =
        p.field === 'options'
          ? (`option${optionKeys[Math.min(p.index ?? 0, optionKeys.length - 1)]}` as ImportField)
          : p.field === 'answer'
            ? 'answer'
            : p.field;
      problems.push({ row, field, code: p.code, value: field in tagLimits || field === 'type' ? '' : get(field as ImportField) });
    }
  }
  if (problems.length > 0 || !built.ok) return { problems };
  return { parsed: { row, body, content: built.content }, problems };
}

/** Active stems of the bank, for duplicate checks. */
async function bankStems(db: Executor, bankId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('qb_question')
    .select(['type', 'stem'])
    .where('bank_id', '=', bankId)
    .where('status', '=', 'active')
    .execute();
  return new Set(rows.map((r) => stemKey(r.type, r.stem)));
}

/**
 * Checks a question sheet and, unless it is a dry run, imports it into the bank all or nothing.
 * Every problem names its sheet row and column. The file is small (capped), so rows are held in
 * memory and written in one transaction that re-checks the bank for duplicates.
 */
export async function importQuestions(
  ctx: AppContext,
  scope: ResolvedScope,
  actor: AuditActor,
  req: { file: string; fileName: string; bankId: string; dryRun: boolean; locale: Locale },
  onProgress: (p: ImportProgress) => void = () => {},
): Promise<QuestionImportResult> {
  const bank = await writableBank(ctx.db, scope, req.bankId);
  const share = req.dryRun ? 100 : 50;
  const sheet = await openSheet(req.file, questionImportLimits);
  let columns: Map<ImportField, number> | undefined;
  const problems: Problem[] = [];
  const parsed: ParsedRow[] = [];
  const seen = new Map<string, number>();
  const existing = await bankStems(ctx.db, bank.id);
  let totalRows = 0;
  let headerRow = 0;
  const headers = new Map<number, string>();
  try {
    onProgress({ phase: 'validating', processedRows: 0, totalRows: null, percent: 0 });
    for await (const { number, cells } of sheet.rows) {
      const texts = cells.map(cellText);
      if (!columns) {
        const found = new Map<ImportField, number>();
        texts.forEach((t, col) => {
          const f = col > 0 ? fieldOfHeader(t) : undefined;
          if (f && !found.has(f)) found.set(f, col);
        });
        if (found.has('stem') && found.size >= 2) {
          columns = found;
          headerRow = number;
          texts.forEach((t, col) => headers.set(col, t));
          const missing = importColumns.filter((c) => c.required && !found.has(c.field)).map((c) => c.headers[0]);
          if (missing.length > 0) throw new AppError('QB_IMPORT_MISSING_COLUMNS', { columns: missing.join('、') });
        } else if (number >= 5) {
          throw new AppError('QB_IMPORT_NO_HEADER');
        }
        continue;
      }
      const cols = columns;
      const get = (f: ImportField): string => {
        const c = cols.get(f);
        return c === undefined ? '' : (texts[c] ?? '');
      };
      if (texts.every((t) => t === '')) continue;
      if (++totalRows > IMPORT_MAX_ROWS) throw new AppError('IMPORT_TOO_MANY_ROWS', { max: IMPORT_MAX_ROWS });
      const checked = checkRow(number, get);
      problems.push(...checked.problems);
      if (checked.parsed) {
        const key = stemKey(checked.parsed.body.type, checked.parsed.body.stem.trim());
        const other = seen.get(key);
        if (other !== undefined)
          problems.push({ row: number, field: 'stem', code: 'DUPLICATE_IN_FILE', value: get('stem'), params: { other } });
        else if (existing.has(key)) problems.push({ row: number, field: 'stem', code: 'DUPLICATE_IN_BANK', value: get('stem') });
        else parsed.push(checked.parsed);
        seen.set(key, other ?? number);
      }
      if (totalRows % 100 === 0)
        onProgress({ phase: 'validating', processedRows: totalRows, totalRows: null, percent: Math.floor(sheet.fraction() * share) });
    }
  } finally {
    await sheet.close();
  }
  if (!columns) throw new AppError('QB_IMPORT_NO_HEADER');
  if (totalRows === 0) throw new AppError('IMPORT_NO_ROWS');
  const cols = columns;
  const problemRows = new Set(problems.map((p) => p.row));
  const valid = parsed.filter((p) => !problemRows.has(p.row));
  const byType = Object.fromEntries(questionTypes.map((t) => [t, valid.filter((p) => p.body.type === t).length])) as Record<
    QuestionType,
    number
  >;
  const view = (p: Problem): ImportProblemView => {
    const col = cols.get(p.field as ImportField);
    const header = col !== undefined ? (headers.get(col) ?? '') : (importColumns.find((c) => c.field === p.field)?.headers[0] ?? p.field);
    return {
      row: p.row,
      column: col !== undefined ? letter(col) : '',
      header,
      field: p.field,
      code: p.code,
      value: p.value.slice(0, 100),
      message: importProblemMessage(p.code, req.locale, { header, ...p.params }),
    };
  };
  const result = (committed: boolean, inserted: number): QuestionImportResult => ({
    fileName: req.fileName,
    dryRun: req.dryRun,
    committed,
    inserted,
    totalRows,
    validRows: totalRows - problemRows.size,
    byType,
    columns: [...cols]
      .map(([field, col]) => ({ letter: letter(col), header: headers.get(col) ?? '', field }))
      .sort((a, b) => a.letter.length - b.letter.length || a.letter.localeCompare(b.letter)),
    problemCount: problems.length,
    problems: problems.map(view).sort((a, b) => a.row - b.row || a.column.length - b.column.length || a.column.localeCompare(b.column)),
  });
  const audited = (outcome: 'success' | 'failure', extra: Record<string, unknown>) =>
    ({
      eventType: req.dryRun ? 'question.import.check' : 'question.import',
      objectType: 'question_bank',
      objectId: bank.id,
      outcome,
      detail: { fileName: req.fileName, headerRow, totalRows, problemCount: problems.length, ...extra },
    }) as const;
  if (req.dryRun || problems.length > 0) {
    await auditAlone(ctx.db, ctx.clock, actor, audited(problems.length > 0 && !req.dryRun ? 'failure' : 'success', {}));
    onProgress({ phase: 'validating', processedRows: totalRows, totalRows, percent: share });
    return result(false, 0);
  }
  let inserted = 0;
  const again = await ctx.db.transaction().execute(async (trx) => {
    const current = await writableBank(trx, scope, bank.id);
    // Questions added to the bank since the check: refuse the whole file, as a check would.
    const stems = await bankStems(trx, bank.id);
    const clashes = valid.filter((p) => stems.has(stemKey(p.body.type, p.body.stem.trim())));
    if (clashes.length > 0) return clashes;
    const now = ctx.clock.now().toISOString();
    for (const p of valid) {
      await insertQuestion(trx, current, p.body, p.content, actor, now);
      inserted++;
      if (inserted % 50 === 0)
        onProgress({
          phase: 'inserting',
          processedRows: inserted,
          totalRows: valid.length,
          percent: share + Math.floor((inserted / valid.length) * (95 - share)),
        });
    }
    onProgress({ phase: 'committing', processedRows: inserted, totalRows: valid.length, percent: 95 });
    await appendAudit(trx, ctx.clock, actor, audited('success', { inserted }));
    return [];
  });
  if (again.length > 0) {
    for (const p of again) problems.push({ row: p.row, field: 'stem', code: 'DUPLICATE_IN_BANK', value: p.body.stem });
    return result(false, 0);
  }
  onProgress({ phase: 'committing', processedRows: inserted, totalRows: valid.length, percent: 100 });
  return result(true, inserted);
}
