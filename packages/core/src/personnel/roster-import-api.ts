import { Type, type Static } from '@sinclair/typebox';
import { Strict } from '../schemas/common.ts';

/**
 * Shapes of the roster import API (/api/v1/personnel/import). Dry run and commit answer with
 * NDJSON: `progress` lines while the file is read and inserted, then exactly one `result` or
 * `error` line. Failures found before the first line (not multipart, too large, not an xlsx,
 * busy) are ordinary JSON error responses with their HTTP status.
 */
export const ImportQuery = Strict({
  /** Category for rows without a 人员类别 cell (rosters of 民警 often have no such column). */
  defaultKind: Type.Optional(Type.Union([Type.Literal('officer'), Type.Literal('auxiliary')])),
});
export type ImportQuery = Static<typeof ImportQuery>;

export const ImportReportQuery = Strict({ jobId: Type.String({ format: 'uuid' }) });

export const ImportProblemView = Type.Object({
  /** Sheet row number as Excel shows it. */
  row: Type.Integer(),
  /** Column letter ('C'); '' when the file has no column for the field. */
  column: Type.String(),
  /** The header as written in the file (or the template's name for an absent column). */
  header: Type.String(),
  field: Type.String(),
  /** Stable code (id_check_digit, org_out_of_scope, duplicate_id_in_file …). */
  code: Type.String(),
  value: Type.String(),
  /** Localised by Accept-Language (zh-CN default, en-US). */
  message: Type.String(),
});
export type ImportProblemView = Static<typeof ImportProblemView>;

export const ImportProgressLine = Type.Object({
  type: Type.Literal('progress'),
  phase: Type.Union([Type.Literal('validating'), Type.Literal('inserting'), Type.Literal('committing')]),
  processedRows: Type.Integer(),
  totalRows: Type.Union([Type.Integer(), Type.Null()]),
  percent: Type.Integer({ minimum: 0, maximum: 100 }),
});
export type ImportProgressLine = Static<typeof ImportProgressLine>;

export const ImportResultLine = Type.Object({
  type: Type.Literal('result'),
  /** For GET /report?jobId=…; kept for an hour in the process that ran the import. */
  jobId: Type.String(),
  fileName: Type.String(),
  dryRun: Type.Boolean(),
  /** True only for a commit that inserted every data row. */
  committed: Type.Boolean(),
  inserted: Type.Integer(),
  /** Data rows (blank, totals and example rows excluded). */
  totalRows: Type.Integer(),
  validRows: Type.Integer(),
  skippedRows: Type.Object({ blank: Type.Integer(), totals: Type.Integer(), example: Type.Integer() }),
  columns: Type.Array(Type.Object({ letter: Type.String(), header: Type.String(), field: Type.String() })),
  ignoredColumns: Type.Array(Type.Object({ letter: Type.String(), header: Type.String() })),
  problemCount: Type.Integer(),
  /** The first 200, by row and column; the xlsx report has them all (up to 50,000). */
  problems: Type.Array(ImportProblemView),
  /** Notes on rows imported all the same (id_upgraded, rank_outside_band): how many, and the first 200. */
  noteCount: Type.Integer(),
  notes: Type.Array(ImportProblemView),
});
export type ImportResultLine = Static<typeof ImportResultLine>;

export const ImportErrorLine = Type.Object({
  type: Type.Literal('error'),
  error: Type.Object({ code: Type.String(), message: Type.String(), details: Type.Optional(Type.Unknown()) }),
});
export type ImportErrorLine = Static<typeof ImportErrorLine>;

export type ImportLine = ImportProgressLine | ImportResultLine | ImportErrorLine;
