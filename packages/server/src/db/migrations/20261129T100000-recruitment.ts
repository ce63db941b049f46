import type { Kysely } from 'kysely';

/**
 * Auxiliary-police recruitment (辅警招录): announcements and posts (staff), applicant accounts and
 * their portal sessions, one-use captchas and verification codes, applications with their files
 * and events. Unique constraints make duplicate accounts and applications impossible even when
 * requests race: (applicant, announcement), (applicant, idempotency key), (announcement, ID number).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('recruit_announcement')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('org.id'))
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('summary', 'varchar(500)', (c) => c.notNull())
    .addColumn('apply_from', 'varchar(10)', (c) => c.notNull())
    .addColumn('apply_until', 'varchar(10)', (c) => c.notNull())
    .addColumn('exam_at', 'varchar(32)')
    .addColumn('exam_place', 'varchar(200)')
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('published_at', 'varchar(32)')
    .addColumn('weights', 'text', (c) => c.notNull())
    .addColumn('scores_published_at', 'varchar(32)')
    .addColumn('publicity_from', 'varchar(10)')
    .addColumn('publicity_until', 'varchar(10)')
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recruit_announcement_org_idx').on('recruit_announcement').columns(['org_id', 'status']).execute();
  await db.schema.createIndex('recruit_announcement_status_idx').on('recruit_announcement').columns(['status', 'published_at']).execute();

  await db.schema
    .createTable('recruit_post')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('announcement_id', 'varchar(36)', (c) => c.notNull().references('recruit_announcement.id'))
    .addColumn('code', 'varchar(12)', (c) => c.notNull())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('org.id'))
    .addColumn('headcount', 'integer', (c) => c.notNull())
    .addColumn('requirements', 'text', (c) => c.notNull())
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recruit_post_code_uq').on('recruit_post').columns(['announcement_id', 'code']).unique().execute();

  await db.schema
    .createTable('recruit_applicant')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('phone_bidx', 'varchar(64)', (c) => c.notNull())
    .addColumn('phone_enc', 'text', (c) => c.notNull())
    .addColumn('phone_masked', 'varchar(20)', (c) => c.notNull())
    .addColumn('password_hash', 'varchar(200)', (c) => c.notNull())
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('last_login_at', 'varchar(32)')
    .execute();
  await db.schema.createIndex('recruit_applicant_phone_uq').on('recruit_applicant').column('phone_bidx').unique().execute();

  await db.schema
    .createTable('recruit_portal_session')
    .addColumn('id', 'varchar(64)', (c) => c.primaryKey()) // SHA-256 of the cookie token
    .addColumn('applicant_id', 'varchar(36)', (c) => c.notNull().references('recruit_applicant.id'))
    .addColumn('csrf', 'varchar(64)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('absolute_expires_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recruit_portal_session_applicant_idx').on('recruit_portal_session').column('applicant_id').execute();

  await db.schema
    .createTable('recruit_captcha')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('answer_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recruit_captcha_expires_idx').on('recruit_captcha').column('expires_at').execute();

  await db.schema
    .createTable('recruit_verification_code')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('phone_bidx', 'varchar(64)', (c) => c.notNull())
    .addColumn('code_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('used_at', 'varchar(32)')
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('recruit_verification_code_phone_idx')
    .on('recruit_verification_code')
    .columns(['phone_bidx', 'created_at'])
    .execute();

  await db.schema
    .createTable('recruit_application')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('announcement_id', 'varchar(36)', (c) => c.notNull().references('recruit_announcement.id'))
    .addColumn('post_id', 'varchar(36)', (c) => c.notNull().references('recruit_post.id'))
    .addColumn('applicant_id', 'varchar(36)', (c) => c.notNull().references('recruit_applicant.id'))
    // The announcement's owner org, copied so staff scope filters without a join.
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('org.id'))
    .addColumn('idempotency_key', 'varchar(64)', (c) => c.notNull())
    .addColumn('status', 'varchar(16)', (c) => c.notNull())
    .addColumn('name', 'varchar(50)', (c) => c.notNull())
    .addColumn('id_number_enc', 'text', (c) => c.notNull())
    .addColumn('id_number_bidx', 'varchar(64)', (c) => c.notNull())
    .addColumn('id_number_masked', 'varchar(18)', (c) => c.notNull())
    .addColumn('sex', 'varchar(1)', (c) => c.notNull())
    .addColumn('birth_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('phone_enc', 'text', (c) => c.notNull())
    .addColumn('phone_masked', 'varchar(20)', (c) => c.notNull())
    .addColumn('education', 'varchar(4)', (c) => c.notNull())
    .addColumn('political_status', 'varchar(4)', (c) => c.notNull())
    .addColumn('household_region', 'varchar(6)', (c) => c.notNull())
    .addColumn('address', 'varchar(200)', (c) => c.notNull())
    .addColumn('school', 'varchar(100)')
    .addColumn('major', 'varchar(100)')
    .addColumn('resume', 'text')
    .addColumn('photo', 'varchar(100)')
    .addColumn('reject_reason', 'varchar(500)')
    .addColumn('submitted_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('reviewed_at', 'varchar(32)')
    .addColumn('reviewed_by', 'varchar(36)')
    .addColumn('ticket_number', 'varchar(32)')
    .addColumn('written', 'real')
    .addColumn('interview', 'real')
    .addColumn('physical', 'real')
    .addColumn('background', 'real')
    .addColumn('person_id', 'varchar(36)')
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('recruit_application_one_uq')
    .on('recruit_application')
    .columns(['applicant_id', 'announcement_id'])
    .unique()
    .execute();
  await db.schema
    .createIndex('recruit_application_key_uq')
    .on('recruit_application')
    .columns(['applicant_id', 'idempotency_key'])
    .unique()
    .execute();
  await db.schema
    .createIndex('recruit_application_idnum_uq')
    .on('recruit_application')
    .columns(['announcement_id', 'id_number_bidx'])
    .unique()
    .execute();
  await db.schema
    .createIndex('recruit_application_ticket_uq')
    .on('recruit_application')
    .columns(['announcement_id', 'ticket_number'])
    .unique()
    .execute();
  await db.schema
    .createIndex('recruit_application_queue_idx')
    .on('recruit_application')
    .columns(['announcement_id', 'post_id', 'status'])
    .execute();
  await db.schema.createIndex('recruit_application_org_idx').on('recruit_application').columns(['org_id', 'status']).execute();

  await db.schema
    .createTable('recruit_file')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('application_id', 'varchar(36)', (c) => c.notNull().references('recruit_application.id'))
    .addColumn('category', 'varchar(16)', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('type', 'varchar(40)', (c) => c.notNull())
    .addColumn('stored', 'varchar(100)', (c) => c.notNull())
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recruit_file_application_idx').on('recruit_file').column('application_id').execute();

  await db.schema
    .createTable('recruit_application_event')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('application_id', 'varchar(36)', (c) => c.notNull().references('recruit_application.id'))
    .addColumn('kind', 'varchar(32)', (c) => c.notNull())
    .addColumn('actor', 'varchar(100)', (c) => c.notNull())
    .addColumn('detail', 'text', (c) => c.notNull())
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('recruit_application_event_app_idx')
    .on('recruit_application_event')
    .columns(['application_id', 'created_at'])
    .execute();
}
