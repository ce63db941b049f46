import type { Kysely } from 'kysely';

/**
 * 劳动合同法 on the auxiliary officers' contracts: the probation end (第十九条), the open-ended
 * right found at signing (第十四条) and whether the officer chose a fixed term anyway, and the
 * economic compensation (经济补偿, 第四十七条) recorded at exit.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('aux_contract').addColumn('probation_end', 'varchar(10)').execute();
  await db.schema.alterTable('aux_contract').addColumn('open_ended_reasons', 'varchar(64)').execute();
  await db.schema
    .alterTable('aux_contract')
    .addColumn('worker_chose_fixed', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('aux_exit').addColumn('compensation_months', 'real').execute();
  await db.schema.alterTable('aux_exit').addColumn('compensation_fen', 'integer').execute();
}
