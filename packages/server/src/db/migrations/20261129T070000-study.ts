import type { Kysely } from 'kysely';

/** Tables of the study module. */
// eslint-disable-next-line @typescript-eslint/no-unused-vars
export async function up(db: Kysely<any>): Promise<void> {}
