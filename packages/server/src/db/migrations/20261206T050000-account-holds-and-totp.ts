import type { Kysely } from 'kysely';

/**
 * 三员分立 holes and the second factor (ADR 004, ADR 018):
 * - `pending_org_id`: an org change of an account that holds roles waits for the security
 *   administrator; until then its roles are suspended.
 * - `held_reason`: an account whose password the system administrator reset stays unusable
 *   until the security administrator releases it.
 * - TOTP (RFC 6238): the secret is stored encrypted with the field crypto; `totp_last_step`
 *   refuses a code used once already; recovery codes are stored as hashes, single use.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('app_user').addColumn('pending_org_id', 'varchar(36)').execute();
  await db.schema.alterTable('app_user').addColumn('held_reason', 'varchar(32)').execute();
  await db.schema.alterTable('app_user').addColumn('totp_secret', 'text').execute();
  await db.schema.alterTable('app_user').addColumn('totp_enrolled_at', 'varchar(32)').execute();
  await db.schema.alterTable('app_user').addColumn('totp_last_step', 'integer').execute();
  // A session made with the password alone is limited to the second step until this is set.
  await db.schema.alterTable('session').addColumn('mfa_verified_at', 'varchar(32)').execute();

  await db.schema
    .createTable('mfa_recovery_code')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('user_id', 'varchar(36)', (c) => c.notNull().references('app_user.id'))
    .addColumn('code_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('used_at', 'varchar(32)')
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mfa_recovery_code_user_idx').on('mfa_recovery_code').column('user_id').execute();
  await db.schema.createIndex('mfa_recovery_code_id_city_uq').on('mfa_recovery_code').columns(['id', 'city_code']).unique().execute();
}
