import type { Generated, Kysely, Transaction } from 'kysely';
import type { QuestionBankTables } from '../modules/question-bank/tables.ts';
import type { ExamTables } from '../modules/exams/tables.ts';
import type { TrainingTables } from '../modules/training/tables.ts';
import type { StudyTables } from '../modules/study/tables.ts';
import type { TalentTables } from '../modules/talent/tables.ts';
import type { CompetitionTables } from '../modules/competitions/tables.ts';
import type { RecruitmentTables } from '../modules/recruitment/tables.ts';
import type { AuxiliaryTables } from '../modules/auxiliary/tables.ts';
import type { PartyTables } from '../modules/party/tables.ts';
import type { PublicityTables } from '../modules/publicity/tables.ts';
import type { CultureTables } from '../modules/culture/tables.ts';
import type { CadresTables } from '../modules/cadres/tables.ts';
import type { WelfareTables } from '../modules/welfare/tables.ts';
import type { WarningTables } from '../modules/warning/tables.ts';
import type { AwardsTables } from '../modules/awards/tables.ts';
import type { PersonnelTables } from '../modules/personnel/tables.ts';
import type { JobTables } from '../platform/jobs/tables.ts';
import type { ReplicationTables } from '../platform/replication/tables.ts';
import type { WorkflowTables } from '../platform/workflow/tables.ts';
import type { AssessmentTables } from '../modules/assessment/tables.ts';

/**
 * Table types. Portable choices: ids are UUIDv7 text, times ISO-8601 UTC text, booleans 0/1
 * integers, lists JSON text — identical on SQLite and PostgreSQL.
 */
export interface OrgTable {
  id: string;
  code: string | null;
  name: string;
  short_name: string | null;
  type: string;
  is_unit: number;
  parent_id: string | null;
  sort_order: number;
  status: 'active' | 'closed';
  closed_at: string | null;
  city_code: string;
  created_at: string;
  updated_at: string;
}

/** Closure table: one row per (ancestor, descendant) pair including (x, x) at depth 0. */
export interface OrgClosureTable {
  ancestor_id: string;
  descendant_id: string;
  depth: number;
}

export interface UserTable {
  id: string;
  username: string;
  /** NFKC + lower-case form; unique, so look-alike usernames cannot coexist. */
  username_norm: string;
  display_name: string;
  org_id: string;
  person_id: string | null;
  password_hash: string;
  password_changed_at: string;
  must_change_password: number;
  failed_count: number;
  locked_until: string | null;
  status: 'active' | 'disabled';
  expires_at: string | null;
  last_login_at: string | null;
  admin_kind: 'sysadmin' | 'secadmin' | 'auditadmin' | null;
  city_code: string;
  created_at: string;
  updated_at: string;
  /** An org change waiting for the security administrator; roles are suspended meanwhile (ADR 004). */
  pending_org_id: string | null;
  /** Set when the system administrator reset the password: unusable until the security administrator releases it. */
  held_reason: 'password_reset' | null;
  /** TOTP secret, encrypted with the field crypto (ADR 018). */
  totp_secret: string | null;
  totp_enrolled_at: string | null;
  /** The last RFC 6238 time step accepted, so a code cannot be used twice. */
  totp_last_step: number | null;
}

export interface MfaRecoveryCodeTable {
  id: string;
  user_id: string;
  /** SHA-256 of the code: the codes are random 50-bit values, so a plain hash is enough. */
  code_hash: string;
  used_at: string | null;
  city_code: string;
  created_at: string;
}

export interface PasswordHistoryTable {
  id: string;
  user_id: string;
  password_hash: string;
  created_at: string;
}

export interface RoleTable {
  id: string;
  code: string;
  name: string;
  builtin: number;
  admin_kind: 'sysadmin' | 'secadmin' | 'auditadmin' | null;
  /** JSON array of permission codes. */
  permissions: string;
  data_scope: string;
  /** JSON array of org ids, for data_scope = custom. */
  scope_org_ids: string;
  city_code: string;
  created_at: string;
  updated_at: string;
}

export interface UserRoleTable {
  user_id: string;
  role_id: string;
}

export interface SessionTable {
  /** SHA-256 of the cookie token; the token itself is never stored. */
  id: string;
  user_id: string;
  csrf_token: string;
  ip: string;
  user_agent: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  /** When the second factor was checked in this session; null = password only (ADR 018). */
  mfa_verified_at: string | null;
}

export interface AuditLogTable {
  seq: number;
  id: string;
  ts: string;
  actor_id: string | null;
  actor_name: string | null;
  actor_role: string | null;
  src_ip: string | null;
  request_id: string | null;
  event_type: string;
  object_type: string | null;
  object_id: string | null;
  outcome: 'success' | 'failure';
  /** JSON: before/after or other context; secrets never appear here. */
  detail: string;
  /** null: unkeyed SM3 row from before the keyed chain; else the MAC that chains it (ADR 006). */
  mac_alg: 'hmac-sm3' | 'hmac-sha256' | null;
  prev_hash: string;
  hash: string;
}

/** One row, locked while appending, so the hash chain stays a chain under concurrency. */
export interface AuditHeadTable {
  id: number;
  last_seq: number;
  last_hash: string;
}

export interface Database
  extends
    PersonnelTables,
    QuestionBankTables,
    ExamTables,
    TrainingTables,
    StudyTables,
    TalentTables,
    CompetitionTables,
    RecruitmentTables,
    AuxiliaryTables,
    PartyTables,
    PublicityTables,
    CadresTables,
    WelfareTables,
    WarningTables,
    AwardsTables,
    JobTables,
    AssessmentTables,
    ReplicationTables,
    WorkflowTables,
    CultureTables {
  org: OrgTable;
  org_closure: OrgClosureTable;
  app_user: UserTable;
  password_history: PasswordHistoryTable;
  mfa_recovery_code: MfaRecoveryCodeTable;
  role: RoleTable;
  user_role: UserRoleTable;
  session: SessionTable;
  audit_log: AuditLogTable;
  audit_head: AuditHeadTable;
  security_alert: SecurityAlertTable;
  ip_block: IpBlockTable;
}

/** An intrusion threshold crossed (L3-CES1-22); `detail` is JSON. */
export interface SecurityAlertTable {
  id: string;
  kind: 'auth_failures';
  src_ip: string;
  detail: string;
  city_code: string;
  created_at: string;
}

/** A source address refused until `blocked_until`, because of the alert that imposed it. */
export interface IpBlockTable {
  ip: string;
  blocked_until: string;
  alert_id: string;
  city_code: string;
  created_at: string;
}

export type Db = Kysely<Database>;
export type Trx = Transaction<Database>;
/** Functions in queries.ts take either; services decide on transactions. */
export type Executor = Db | Trx;
export type { Generated };
