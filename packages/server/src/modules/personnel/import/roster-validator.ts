import { normalize, parseIdNumber } from '@zhenggong/core';
import { cellText, skippableRow } from '@zhenggong/core/personnel/roster-cells';
import {
  HEADER_SEARCH_ROWS,
  mapHeaderRow,
  rosterColumnOf,
  type HeaderMapping,
  type MappedColumn,
  type RosterField,
} from '@zhenggong/core/personnel/roster-columns';
import type { RosterNoteCode, RosterProblemCode } from '@zhenggong/core/personnel/roster-problems';
import { rankBandsOn } from '@zhenggong/core/personnel/rank-bands';
import { readRosterRow } from '@zhenggong/core/personnel/roster-row';
import type { Executor } from '../../../db/database.ts';
import type { ResolvedScope } from '../../../platform/access/data-scope.ts';
import type { AppContext } from '../../../platform/context.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import { today, toPersonRow } from '../person-rows.ts';
import type { PersonTable } from '../tables.ts';
import { takenIdIndexes, takenPoliceNumbers } from './import-queries.ts';
import { loadOrgResolver } from './org-resolver.ts';
import type { SpooledRow } from './row-spool.ts';
import type { SheetReader, SheetRow } from '../../../platform/files/xlsx-reader.ts';

/** One problem, located as the user sees it: sheet row, column letter and the header written there. */
export interface ImportProblem {
  readonly row: number;
  /** Column letter; '' when the field has no column in the file (e.g. a required column is absent). */
  readonly column: string;
  readonly header: string;
  readonly field: RosterField;
  readonly code: RosterProblemCode;
  readonly value: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** A note on a row imported all the same (a 15-digit ID upgraded, a 警衔 outside its 职级's band), located like a problem. */
export interface ImportNote extends Omit<ImportProblem, 'code'> {
  readonly code: RosterNoteCode;
}

export interface ValidatedBatch {
  /** Rows without any problem so far, ready to insert, with their sheet rows. */
  readonly rows: SpooledRow[];
  /** Problems found in this batch (a repeated ID also flags its earlier row here). */
  readonly problems: ImportProblem[];
  /** Notes on rows of this batch, which do not stop their import. */
  readonly notes: ImportNote[];
  /** Data rows read so far. */
  readonly processedRows: number;
}

export interface ValidationTotals {
  mapping: HeaderMapping | undefined;
  totalRows: number;
  problemRows: Set<number>;
  skipped: { blank: number; totals: number; example: number };
}

export interface ValidateOptions {
  readonly defaultKind?: 'officer' | 'auxiliary' | undefined;
  readonly batchSize?: number;
}

/**
 * Reads the roster batch by batch: finds the header row, reads each data row exactly as the
 * person form would take it (toPersonRow), resolves its unit in scope, and finds repeated ID and
 * police numbers in the file and in the database. `db` is the pool for a dry run and the
 * transaction for a commit, so a commit re-checks the database inside its own transaction.
 */
export async function* validateRoster(
  ctx: AppContext,
  db: Executor,
  scope: ResolvedScope,
  sheet: SheetReader,
  totals: ValidationTotals,
  opts: ValidateOptions = {},
): AsyncGenerator<ValidatedBatch> {
  const resolveOrg = await loadOrgResolver(db, scope);
  const batchSize = opts.batchSize ?? 500;
  const rowOptions = { today: today(ctx), policeNumberPattern: ctx.config.policeNumberPattern, defaultKind: opts.defaultKind };
  const seenIds = new Map<string, { row: number; flagged: boolean }>();
  const seenPoliceNumbers = new Map<string, { row: number; flagged: boolean }>();
  let mapping: HeaderMapping | undefined;
  let columnOf = new Map<RosterField, MappedColumn>();
  let dataColumns: number[] = [];
  let pending: { row: number; person?: PersonTable; bidx?: string; policeNumber?: string; ok: boolean }[] = [];
  let problems: ImportProblem[] = [];
  let notes: ImportNote[] = [];

  const locate = (
    row: number,
    field: RosterField,
    code: RosterProblemCode,
    value: string,
    params?: Record<string, string | number>,
  ): ImportProblem => {
    totals.problemRows.add(row);
    return problemAt(columnOf, row, field, code, value, params);
  };

  /** Repeats within the file: both rows are reported, the earlier one once per key. */
  const repeat = (
    seen: Map<string, { row: number; flagged: boolean }>,
    key: string,
    row: number,
    field: RosterField,
    code: RosterProblemCode,
    value: string,
  ): boolean => {
    const first = seen.get(key);
    if (!first) {
      seen.set(key, { row, flagged: false });
      return false;
    }
    problems.push(locate(row, field, code, value, { otherRow: first.row }));
    if (!first.flagged) {
      first.flagged = true;
      problems.push(locate(first.row, field, code, value, { otherRow: row }));
    }
    return true;
  };

  async function flush(): Promise<ValidatedBatch> {
    const taken = await databaseDuplicates(db, columnOf, pending);
    for (const p of taken) totals.problemRows.add(p.row);
    problems.push(...taken);
    const rows: SpooledRow[] = [];
    for (const p of pending) if (p.ok && p.person && !totals.problemRows.has(p.row)) rows.push({ row: p.row, person: p.person });
    const batch = { rows, problems, notes, processedRows: totals.totalRows };
    pending = [];
    problems = [];
    notes = [];
    return batch;
  }

  function readRow(r: SheetRow): void {
    const skip = skippableRow(r.cells, dataColumns);
    if (skip) {
      totals.skipped[skip]++;
      return;
    }
    totals.totalRows++;
    const draft = readRosterRow(r.cells, mapping?.columns ?? [], rowOptions, r.formats);
    const found: ImportProblem[] = draft.problems.map((p) => locate(r.number, p.field, p.code, p.value, p.params));
    const has = (field: RosterField) => found.some((p) => p.field === field);
    const org = draft.unit === '' ? undefined : resolveOrg(draft.unit);
    if (org && !org.ok) found.push(locate(r.number, 'unit', org.code, draft.unit, org.count ? { count: org.count } : undefined));
    const id = draft.person.idNumber ? parseIdNumber(draft.person.idNumber, new Date(`${rowOptions.today}T23:59:59Z`)) : undefined;
    // Placeholders only stand in for values already reported missing, so checkPerson still sees the rest.
    const { kind = 'officer', name = '-', idNumber = '', ...rest } = draft.person;
    const result = toPersonRow(ctx, { ...rest, kind, name, idNumber, orgId: org?.ok ? org.orgId : '' });
    if (!result.ok) {
      for (const p of result.problems) {
        const field = p.field as RosterField; // checkPerson reports the form's field names, which the roster fields reuse
        if (has(field)) continue;
        const expected = !id?.ok
          ? undefined
          : p.code === 'sex_mismatch'
            ? id.info.sex === 'male'
              ? '1'
              : '2'
            : p.code === 'birth_date_mismatch'
              ? id.info.birthDate
              : undefined;
        found.push(locate(r.number, field, p.code, p.value ?? '', expected ? { expected } : undefined));
      }
    }
    problems.push(...found);
    if (result.ok) {
      const note = (field: RosterField, code: RosterNoteCode, value: string, params: Record<string, string | number>) =>
        notes.push(problemAt(columnOf, r.number, field, code, value, params));
      if (result.idNumberOriginal && id?.ok) note('idNumber', 'id_upgraded', result.idNumberOriginal, { upgraded: id.info.value });
      const level = result.row.officer_level;
      const band = level ? rankBandsOn(rowOptions.today)?.bands[level] : undefined;
      if (level && band && result.warnings.some((w) => w.code === 'rank_outside_band')) {
        const rankName = (code: string) => normalize('police_rank', code)?.name ?? code;
        note('rank', 'rank_outside_band', draft.person.rank ?? '', {
          level: normalize('police_officer_level', level)?.name ?? level,
          low: rankName(band[0]),
          high: rankName(band[1]),
        });
      }
    }
    const bidx = id?.ok ? ctx.fieldCrypto.blindIndex('id_number', id.info.value) : undefined;
    const pn = draft.person.policeNumber && !found.some((p) => p.field === 'policeNumber') ? draft.person.policeNumber : undefined;
    let ok = found.length === 0 && result.ok;
    if (bidx && repeat(seenIds, bidx, r.number, 'idNumber', 'duplicate_id_in_file', draft.person.idNumber ?? '')) ok = false;
    if (pn && repeat(seenPoliceNumbers, pn, r.number, 'policeNumber', 'duplicate_police_number_in_file', pn)) ok = false;
    pending.push({
      row: r.number,
      ok,
      ...(result.ok ? { person: result.row } : {}),
      ...(bidx ? { bidx } : {}),
      ...(pn ? { policeNumber: pn } : {}),
    });
  }

  for await (const r of sheet.rows) {
    if (!mapping) {
      if (r.number > HEADER_SEARCH_ROWS) throw new AppError('IMPORT_NO_HEADER', { rows: HEADER_SEARCH_ROWS });
      mapping = mapHeaderRow(r.cells.map((c) => (c === null ? undefined : cellText(c))));
      if (!mapping) continue;
      const missing = mapping.missingRequired;
      if (missing.length > 0)
        throw new AppError('IMPORT_MISSING_COLUMNS', {
          columns: missing.map((f) => rosterColumnOf.get(f)?.headers[0] ?? f).join('、'),
          fields: missing,
        });
      totals.mapping = mapping;
      columnOf = new Map(mapping.columns.map((c) => [c.field, c]));
      dataColumns = mapping.columns.filter((c) => c.field !== 'seq').map((c) => c.index);
      continue;
    }
    readRow(r);
    if (pending.length >= batchSize) yield await flush();
  }
  if (!mapping) throw new AppError('IMPORT_NO_HEADER', { rows: HEADER_SEARCH_ROWS });
  if (pending.length > 0 || problems.length > 0) yield await flush();
}

export function problemAt<C extends RosterProblemCode | RosterNoteCode = RosterProblemCode>(
  columnOf: ReadonlyMap<RosterField, MappedColumn>,
  row: number,
  field: RosterField,
  code: C,
  value: string,
  params?: Record<string, string | number>,
): Omit<ImportProblem, 'code'> & { readonly code: C } {
  const col = columnOf.get(field);
  const header = col?.header ?? rosterColumnOf.get(field)?.headers[0] ?? field;
  return { row, column: col?.letter ?? '', header, field, code, value, ...(params ? { params } : {}) };
}

/** ID and police numbers of these rows that the database already holds (checked in batches, through the blind index). */
export async function databaseDuplicates(
  db: Executor,
  columnOf: ReadonlyMap<RosterField, MappedColumn>,
  rows: readonly { row: number; bidx?: string | undefined; policeNumber?: string | undefined }[],
): Promise<ImportProblem[]> {
  const takenIds = await takenIdIndexes(
    db,
    rows.flatMap((p) => (p.bidx ? [p.bidx] : [])),
  );
  const takenNumbers = await takenPoliceNumbers(
    db,
    rows.flatMap((p) => (p.policeNumber ? [p.policeNumber] : [])),
  );
  const problems: ImportProblem[] = [];
  for (const p of rows) {
    if (p.bidx && takenIds.has(p.bidx)) problems.push(problemAt(columnOf, p.row, 'idNumber', 'duplicate_id_in_db', ''));
    if (p.policeNumber && takenNumbers.has(p.policeNumber))
      problems.push(problemAt(columnOf, p.row, 'policeNumber', 'duplicate_police_number_in_db', p.policeNumber));
  }
  return problems;
}
