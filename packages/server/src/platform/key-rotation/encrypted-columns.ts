/**
 * Every encrypted column and blind index in the schema, found from the field-crypto call sites
 * (ADR 019). `rotate-keys` re-encrypts exactly these; encrypted-columns.test.ts fails when a
 * table gains an `*_enc`/`*_bidx`/`*_hash` column that is not listed here or in `ephemeral`.
 */
export interface BlindIndexColumn {
  readonly column: string;
  /** The `kind` the module passes to fieldCrypto.blindIndex(). */
  readonly kind: string;
  /** The encrypted column holding the same normalised value. */
  readonly from: string;
}

export interface EncryptedTable {
  readonly table: string;
  readonly enc: readonly string[];
  readonly bidx: readonly BlindIndexColumn[];
}

export const encryptedTables: readonly EncryptedTable[] = [
  // personnel: person-rows.ts (ID number, phone), person-self-service.ts (pending corrections)
  { table: 'person', enc: ['id_number_enc', 'phone_enc'], bidx: [{ column: 'id_number_bidx', kind: 'id_number', from: 'id_number_enc' }] },
  { table: 'correction_request', enc: ['changes'], bidx: [] },
  // recruitment: portal/applicant-auth.ts, application-rows.ts
  { table: 'recruit_applicant', enc: ['phone_enc'], bidx: [{ column: 'phone_bidx', kind: 'recruit_phone', from: 'phone_enc' }] },
  {
    table: 'recruit_application',
    enc: ['id_number_enc', 'phone_enc'],
    bidx: [{ column: 'id_number_bidx', kind: 'id_number', from: 'id_number_enc' }],
  },
  // auth: mfa-service.ts (TOTP shared secret)
  { table: 'app_user', enc: ['totp_secret'], bidx: [] },
  // jobs: import-reports.ts (error reports quote uploaded cells)
  { table: 'import_report', enc: ['payload'], bidx: [] },
];

/**
 * Keyed hashes of values that are not stored anywhere, so they cannot be recomputed under a new
 * key: portal SMS verification codes, valid for minutes. The rotation deletes them; an applicant
 * who was mid-login asks for a new code.
 */
export const ephemeral = [{ table: 'recruit_verification_code', columns: ['phone_bidx', 'code_hash'] }] as const;

/** Columns that look like secrets by name but are not field-crypto output. */
export const notFieldCrypto: Readonly<Record<string, readonly string[]>> = {
  app_user: ['password_hash'],
  recruit_applicant: ['password_hash'],
  audit_log: ['prev_hash', 'hash'],
  audit_head: ['last_hash'],
  session: ['token_hash'],
  exam_session: ['token_hash'],
  password_history: ['password_hash'],
  // Unkeyed hash of a short-lived CAPTCHA answer.
  recruit_captcha: ['answer_hash'],
  // Unkeyed SHA-256 of a random 40-bit recovery code (ADR 018).
  mfa_recovery_code: ['code_hash'],
};
