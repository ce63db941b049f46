import type { Kysely } from 'kysely';

/**
 * Keyed audit chain (ADR 006): each row says which MAC chains it. Existing rows stay NULL —
 * unkeyed SM3 as they were written — and the first row appended after this migration is the
 * re-anchor point: its MAC covers the hash of the last unkeyed row, so the old chain cannot be
 * recomputed after it without the key either. Adding a column is not an UPDATE, so the
 * append-only triggers are untouched.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('mac_alg', 'text').execute();
}
