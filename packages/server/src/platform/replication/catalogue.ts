import { sql, type Kysely } from 'kysely';
import { encryptedTables } from '../key-rotation/encrypted-columns.ts';

// Kysely<any>: replication walks whatever tables the schema has, like a migration does.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDb = Kysely<any>;

/**
 * Tables that carry `id` and `city_code` but stay at the instance that wrote them: accounts and
 * their secrets, sessions and counters, the job runner's and the importer's bookkeeping, the
 * city's approval machinery, pending self-service corrections, portal applicants, and the
 * province's own reconciliation results. Everything else with `id` + `city_code` goes up.
 * A module whose whole table must never leave the city (psychological records …) is listed here.
 */
export const LOCAL_TABLES: readonly string[] = [
  'app_user',
  'role',
  'mfa_recovery_code',
  'import_report',
  'job_run',
  'notification',
  'security_alert',
  'correction_request',
  'recruit_applicant',
  'replication_check',
  'work_calendar',
  'wf_action',
  'wf_case',
  'wf_definition',
  'wf_delegation',
  'wf_objection',
  'wf_task',
  // Health and psychological data (PIPL sensitive personal information) stays with the city.
  'welfare_consent',
  'wearable_device',
  'wearable_reading',
  'wearable_alert',
  'psych_case',
  'psych_entry',
  'health_checkup',
  'care_record',
  // Early-warning facts, scores and alerts about individuals are seen only by those entitled at the city.
  'ew_fact',
  'ew_indicator_snapshot',
  'ew_model_score',
  'ew_alert',
  'ew_alert_event',
  'ew_appeal',
  'ew_cockpit_member',
  // Discipline facts and investigations are restricted to the city's entitled roles; public voters' codes are transient.
  'discipline_record',
  'discipline_investigation',
  'exemplar_voter_code',
  // Talks (谈心谈话) record what an officer agreed to note, for the unit only.
  'asm_talk',
];

/**
 * Columns withheld from the province by the publication's column list: every encrypted field and
 * blind index (each city has its own keys, so they would be noise there anyway), every keyed or
 * unkeyed hash, and the masked forms of ID numbers and phones.
 */
export function isWithheldColumn(table: string, column: string): boolean {
  if (/_(enc|bidx|hash|masked)$/.test(column)) return true;
  const listed = encryptedTables.find((t) => t.table === table);
  return listed !== undefined && (listed.enc.includes(column) || listed.bidx.some((b) => b.column === column));
}

export interface ReplicatedTable {
  readonly table: string;
  /** Published columns, in table order (the column list of the publication). */
  readonly columns: readonly string[];
  /** Columns withheld at the city. */
  readonly withheld: readonly string[];
  /** The column the reconciliation hashes beside `id`: updated_at, else created_at, else none. */
  readonly versionColumn: string | null;
}

/** The replicated tables of this schema, from the database's own catalogue (PostgreSQL). */
export async function replicatedTables(db: AnyDb): Promise<ReplicatedTable[]> {
  const rows = await sql<{ table_name: string; column_name: string }>`
    select c.table_name, c.column_name from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
    where c.table_schema = current_schema() order by c.table_name, c.ordinal_position`.execute(db);
  const byTable = new Map<string, string[]>();
  for (const r of rows.rows) byTable.set(r.table_name, [...(byTable.get(r.table_name) ?? []), r.column_name]);
  const out: ReplicatedTable[] = [];
  for (const [table, columns] of byTable) {
    if (!columns.includes('id') || !columns.includes('city_code') || LOCAL_TABLES.includes(table)) continue;
    const withheld = columns.filter((c) => isWithheldColumn(table, c));
    out.push({
      table,
      columns: columns.filter((c) => !withheld.includes(c)),
      withheld,
      versionColumn: columns.includes('updated_at') ? 'updated_at' : columns.includes('created_at') ? 'created_at' : null,
    });
  }
  return out;
}

/** Double-quoted SQL identifier. */
export const ident = (name: string): string => `"${name.replace(/"/g, '""')}"`;
/** Single-quoted SQL literal (standard_conforming_strings is on from PostgreSQL 9.1). */
export const literal = (value: string): string => `'${value.replace(/'/g, "''")}'`;

export const PUBLICATION = 'zhgz_up';
export const subscriptionName = (cityCode: string): string => `sub_${cityCode}`;
export const CITY_CODE = /^\d{6}$/;
