import type { Kysely } from 'kysely';

/** Study materials (学习资料), study-hour records (学习记录) and campaigns (主题教育活动). */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('study_campaign')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('org.id'))
    .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('end_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('required_hours', 'real', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('created_by', 'varchar(36)')
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('study_campaign_org_idx').on('study_campaign').column('org_id').execute();

  await db.schema
    .createTable('study_material')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('org.id'))
    .addColumn('url', 'varchar(1000)')
    .addColumn('file_name', 'varchar(200)')
    .addColumn('file_type', 'varchar(100)')
    .addColumn('file_size', 'integer')
    .addColumn('stored_name', 'varchar(100)')
    .addColumn('hours', 'real', (c) => c.notNull())
    .addColumn('min_read_minutes', 'integer', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('campaign_id', 'varchar(36)', (c) => c.references('study_campaign.id'))
    .addColumn('created_by', 'varchar(36)')
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('study_material_org_idx').on('study_material').column('org_id').execute();

  await db.schema
    .createTable('study_material_read')
    .addColumn('material_id', 'varchar(36)', (c) => c.notNull().references('study_material.id'))
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
    .addColumn('opened_at', 'varchar(32)', (c) => c.notNull())
    .addColumn('acknowledged_at', 'varchar(32)')
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addPrimaryKeyConstraint('study_material_read_pk', ['material_id', 'person_id'])
    .execute();

  await db.schema
    .createTable('study_record')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
    .addColumn('date', 'varchar(10)', (c) => c.notNull())
    .addColumn('hours', 'real', (c) => c.notNull())
    .addColumn('title', 'varchar(200)', (c) => c.notNull())
    .addColumn('note', 'varchar(1000)')
    .addColumn('source', 'varchar(10)', (c) => c.notNull())
    .addColumn('material_id', 'varchar(36)', (c) => c.references('study_material.id'))
    .addColumn('campaign_id', 'varchar(36)', (c) => c.references('study_campaign.id'))
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('decided_by', 'varchar(36)')
    .addColumn('decided_at', 'varchar(32)')
    .addColumn('decision_note', 'varchar(500)')
    .addColumn('created_by', 'varchar(36)')
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('study_record_person_idx').on('study_record').columns(['person_id', 'date']).execute();
  await db.schema.createIndex('study_record_status_idx').on('study_record').columns(['status', 'created_at']).execute();
  await db.schema.createIndex('study_record_campaign_idx').on('study_record').columns(['campaign_id', 'person_id']).execute();
}
