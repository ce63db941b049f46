import type { CreateTableBuilder, Kysely } from 'kysely';

/**
 * Awards, discipline and exemplars (立功受奖、违纪处分、典型选树). Approvals, notices and objections
 * live in the platform workflow; these tables hold the module's own facts. Discipline facts and
 * appeals are encrypted (field crypto); only kind and dates reach the person's record.
 */
type Builder = CreateTableBuilder<string, never>;

async function table(db: Kysely<any>, name: string, columns: (b: Builder) => Builder): Promise<void> {
  await columns(db.schema.createTable(name).addColumn('id', 'varchar(36)', (c) => c.primaryKey()))
    .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex(`${name}_id_city_uq`).on(name).columns(['id', 'city_code']).unique().execute();
}

export async function up(db: Kysely<any>): Promise<void> {
  await table(db, 'award_rule', (b) =>
    b
      .addColumn('rule_set', 'varchar(32)', (c) => c.notNull())
      .addColumn('jurisdiction', 'varchar(6)', (c) => c.notNull())
      .addColumn('effective_from', 'varchar(10)', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('evidence', 'varchar(1)', (c) => c.notNull())
      .addColumn('source', 'varchar(200)')
      .addColumn('note', 'varchar(500)')
      .addColumn('created_by', 'varchar(36)'),
  );
  await db.schema.createIndex('award_rule_pick_idx').on('award_rule').columns(['rule_set', 'jurisdiction', 'effective_from']).execute();

  await table(db, 'award_case', (b) =>
    b
      .addColumn('recipient', 'varchar(12)', (c) => c.notNull())
      .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('org.id'))
      .addColumn('level', 'varchar(8)', (c) => c.notNull())
      .addColumn('title', 'varchar(200)', (c) => c.notNull())
      .addColumn('deed_title', 'varchar(200)', (c) => c.notNull())
      .addColumn('deed_date', 'varchar(10)', (c) => c.notNull())
      .addColumn('deed_summary', 'text', (c) => c.notNull())
      .addColumn('leadership', 'integer', (c) => c.notNull())
      .addColumn('fast_track', 'integer', (c) => c.notNull())
      .addColumn('batch', 'integer', (c) => c.notNull())
      .addColumn('approver_level', 'varchar(12)', (c) => c.notNull())
      .addColumn('approver_basis', 'varchar(200)', (c) => c.notNull())
      .addColumn('review_democratic', 'text', (c) => c.notNull())
      .addColumn('review_collective', 'text', (c) => c.notNull())
      .addColumn('review_file_ids', 'text', (c) => c.notNull())
      .addColumn('exception_reason', 'varchar(500)')
      .addColumn('exception_by', 'varchar(36)')
      .addColumn('exception_by_name', 'varchar(100)')
      .addColumn('overridden', 'text', (c) => c.notNull())
      .addColumn('status', 'varchar(16)', (c) => c.notNull())
      .addColumn('case_id', 'varchar(36)')
      .addColumn('bonus_yuan', 'integer', (c) => c.notNull())
      .addColumn('decision_no', 'varchar(100)')
      .addColumn('decision_date', 'varchar(10)')
      .addColumn('issuer', 'varchar(100)')
      .addColumn('delivered_on', 'varchar(10)')
      .addColumn('delivered_by', 'varchar(200)')
      .addColumn('delivered_at_home', 'integer')
      .addColumn('delivery_note', 'varchar(500)')
      .addColumn('nominated_by', 'varchar(36)', (c) => c.notNull())
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull()),
  );
  await db.schema.createIndex('award_case_org_idx').on('award_case').columns(['org_id', 'status']).execute();
  await db.schema.createIndex('award_case_decision_idx').on('award_case').columns(['decision_date']).execute();

  await table(db, 'award_subject', (b) =>
    b
      .addColumn('award_id', 'varchar(36)', (c) => c.notNull().references('award_case.id'))
      .addColumn('person_id', 'varchar(36)', (c) => c.references('person.id'))
      .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('org.id'))
      .addColumn('name', 'varchar(100)', (c) => c.notNull())
      /** Same person + same deed (title and date, normalised): one deed, one award. */
      .addColumn('deed_key', 'varchar(300)', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull())
      .addColumn('person_line_id', 'varchar(36)'),
  );
  await db.schema.createIndex('award_subject_award_idx').on('award_subject').columns(['award_id']).execute();
  await db.schema.createIndex('award_subject_deed_idx').on('award_subject').columns(['deed_key', 'active']).execute();

  await table(db, 'discipline_record', (b) =>
    b
      .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
      .addColumn('system', 'varchar(8)', (c) => c.notNull())
      .addColumn('kind', 'varchar(16)', (c) => c.notNull())
      .addColumn('decision_date', 'varchar(10)', (c) => c.notNull())
      .addColumn('end_date', 'varchar(10)')
      .addColumn('organ', 'varchar(100)', (c) => c.notNull())
      .addColumn('doc_no', 'varchar(100)', (c) => c.notNull())
      .addColumn('facts_enc', 'text', (c) => c.notNull())
      .addColumn('appeal_enc', 'text')
      .addColumn('appeal_result_enc', 'text')
      .addColumn('appeal_status', 'varchar(12)', (c) => c.notNull())
      .addColumn('status', 'varchar(12)', (c) => c.notNull())
      .addColumn('lifted_on', 'varchar(10)')
      .addColumn('lift_doc_no', 'varchar(100)')
      .addColumn('person_line_id', 'varchar(36)', (c) => c.notNull())
      .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull()),
  );
  await db.schema.createIndex('discipline_record_person_idx').on('discipline_record').columns(['person_id']).execute();
  await db.schema.createIndex('discipline_record_due_idx').on('discipline_record').columns(['status', 'end_date']).execute();

  await table(db, 'discipline_investigation', (b) =>
    b
      .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
      .addColumn('since', 'varchar(10)', (c) => c.notNull())
      .addColumn('closed_on', 'varchar(10)')
      .addColumn('note_enc', 'text', (c) => c.notNull())
      .addColumn('created_by', 'varchar(36)', (c) => c.notNull()),
  );
  await db.schema.createIndex('discipline_investigation_person_idx').on('discipline_investigation').columns(['person_id']).execute();

  await table(db, 'exemplar_campaign', (b) =>
    b
      .addColumn('title', 'varchar(200)', (c) => c.notNull())
      .addColumn('kind', 'varchar(32)', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('criteria', 'text', (c) => c.notNull())
      .addColumn('quota_per_unit', 'integer', (c) => c.notNull())
      .addColumn('max_choices', 'integer', (c) => c.notNull())
      .addColumn('public_voting', 'integer', (c) => c.notNull())
      .addColumn('status', 'varchar(12)', (c) => c.notNull())
      .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('org.id'))
      .addColumn('created_by', 'varchar(36)', (c) => c.notNull())
      .addColumn('updated_at', 'varchar(32)', (c) => c.notNull()),
  );

  await table(db, 'exemplar_candidate', (b) =>
    b
      .addColumn('campaign_id', 'varchar(36)', (c) => c.notNull().references('exemplar_campaign.id'))
      .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
      .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('org.id'))
      /** The nominating branch (分局) the quota counts against. */
      .addColumn('quota_org_id', 'varchar(36)', (c) => c.notNull())
      .addColumn('deeds', 'text', (c) => c.notNull())
      .addColumn('status', 'varchar(12)', (c) => c.notNull())
      .addColumn('case_id', 'varchar(36)')
      .addColumn('winner', 'integer', (c) => c.notNull()),
  );
  await db.schema.createIndex('exemplar_candidate_uq').on('exemplar_candidate').columns(['campaign_id', 'person_id']).unique().execute();

  await table(db, 'exemplar_ballot', (b) =>
    b
      .addColumn('campaign_id', 'varchar(36)', (c) => c.notNull().references('exemplar_campaign.id'))
      /** The account id (staff) or the phone's blind index (public): one ballot each. */
      .addColumn('voter_key', 'varchar(100)', (c) => c.notNull())
      .addColumn('channel', 'varchar(8)', (c) => c.notNull())
      .addColumn('ip', 'varchar(64)')
      .addColumn('fingerprint', 'varchar(128)'),
  );
  await db.schema.createIndex('exemplar_ballot_voter_uq').on('exemplar_ballot').columns(['campaign_id', 'voter_key']).unique().execute();
  await db.schema.createIndex('exemplar_ballot_time_idx').on('exemplar_ballot').columns(['campaign_id', 'created_at']).execute();

  await table(db, 'exemplar_ballot_choice', (b) =>
    b
      .addColumn('ballot_id', 'varchar(36)', (c) => c.notNull().references('exemplar_ballot.id'))
      .addColumn('campaign_id', 'varchar(36)', (c) => c.notNull())
      .addColumn('candidate_id', 'varchar(36)', (c) => c.notNull().references('exemplar_candidate.id')),
  );
  await db.schema.createIndex('exemplar_choice_tally_idx').on('exemplar_ballot_choice').columns(['campaign_id', 'candidate_id']).execute();

  await table(db, 'exemplar_voter_code', (b) =>
    b
      .addColumn('phone_bidx', 'varchar(100)', (c) => c.notNull())
      .addColumn('code_hash', 'varchar(100)', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('expires_at', 'varchar(32)', (c) => c.notNull())
      .addColumn('used_at', 'varchar(32)'),
  );
  await db.schema.createIndex('exemplar_voter_code_phone_idx').on('exemplar_voter_code').columns(['phone_bidx', 'created_at']).execute();

  await table(db, 'exemplar', (b) =>
    b
      .addColumn('person_id', 'varchar(36)', (c) => c.notNull().references('person.id'))
      .addColumn('org_id', 'varchar(36)', (c) => c.notNull().references('org.id'))
      .addColumn('campaign_id', 'varchar(36)')
      .addColumn('title', 'varchar(200)', (c) => c.notNull())
      .addColumn('year', 'integer', (c) => c.notNull())
      .addColumn('deeds', 'text', (c) => c.notNull())
      .addColumn('award_ids', 'text', (c) => c.notNull())
      .addColumn('photo_file_ids', 'text', (c) => c.notNull()),
  );
}
