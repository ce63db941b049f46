import type { Kysely } from 'kysely';

/**
 * Recruitment stages after the ranking (ADR 028, amendment): the medical check (体检) per applicant, the
 * drop-out with its kind and reason, the replacement (递补) from the ranking with whom it
 * replaces and why, and the announcement's optional last day for replacements.
 */
export async function up(db: Kysely<any>): Promise<void> {
  const columns: [string, 'text'][] = [
    ['medical_result', 'text'],
    ['medical_date', 'text'],
    ['medical_institution', 'text'],
    ['medical_note', 'text'],
    ['drop_kind', 'text'],
    ['drop_reason', 'text'],
    ['dropped_at', 'text'],
    ['replaces_id', 'text'],
    ['replacement_reason', 'text'],
  ];
  for (const [name, type] of columns) await db.schema.alterTable('recruit_application').addColumn(name, type).execute();
  await db.schema.alterTable('recruit_announcement').addColumn('replacement_until', 'text').execute();
  await db.schema.createIndex('recruit_application_replaces_idx').on('recruit_application').column('replaces_id').execute();
}
