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
  {
    table: 'person',
    enc: ['id_number_enc', 'phone_enc', 'id_number_original_enc'],
    bidx: [{ column: 'id_number_bidx', kind: 'id_number', from: 'id_number_enc' }],
  },
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
  // assessment: appeals and talks (谈心谈话)
  { table: 'asm_appeal', enc: ['reason_enc'], bidx: [] },
  { table: 'asm_talk', enc: ['topic_enc', 'follow_up_enc', 'agreed_note_enc'], bidx: [] },
  // cadres: restricted cadre records
  { table: 'cadre_record', enc: ['detail_enc'], bidx: [] },
  // awards: discipline facts, appeals and investigations
  { table: 'discipline_record', enc: ['facts_enc', 'appeal_enc', 'appeal_result_enc'], bidx: [] },
  { table: 'discipline_investigation', enc: ['note_enc'], bidx: [] },
  // welfare: care, health, psychological and wearable data
  { table: 'care_record', enc: ['detail_enc'], bidx: [] },
  { table: 'health_checkup', enc: ['items_enc'], bidx: [] },
  { table: 'psych_case', enc: ['summary_enc', 'outcome_enc'], bidx: [] },
  { table: 'psych_entry', enc: ['note_enc'], bidx: [] },
  { table: 'wearable_reading', enc: ['value_enc'], bidx: [] },
];

/**
 * Keyed hashes of values that are not stored anywhere, so they cannot be recomputed under a new
 * key: portal SMS verification codes, valid for minutes. The rotation deletes them; an applicant
 * who was mid-login asks for a new code.
 */
export const ephemeral = [
  { table: 'recruit_verification_code', columns: ['phone_bidx', 'code_hash'] },
  // Public exemplar voting's phone codes, valid for minutes like the portal's.
  { table: 'exemplar_voter_code', columns: ['phone_bidx', 'code_hash'] },
] as const;

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
  // Unkeyed SHA-256 of a random wristband device token (welfare/wearable-service.ts).
  wearable_device: ['token_hash'],
};
