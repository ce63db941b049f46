import { Migrator, type Migration, type MigrationResultSet } from 'kysely';
import type { Db } from './database.ts';
import { migrations } from './migrations/index.ts';

/**
 * Runs every pending migration of `list` (the static index by default). `beforeApply` sees the
 * pending names first and may refuse by throwing: the province–city order of ADR 027.
 */
export async function migrateToLatest(
  db: Db,
  options: { list?: Record<string, Migration>; beforeApply?: (pending: string[]) => Promise<void> } = {},
): Promise<MigrationResultSet> {
  const list = options.list ?? migrations;
  const migrator = new Migrator({ db, provider: { getMigrations: async () => list } });
  if (options.beforeApply) {
    const pending = (await migrator.getMigrations()).filter((m) => m.executedAt === undefined).map((m) => m.name);
    if (pending.length > 0) await options.beforeApply(pending);
  }
  const result = await migrator.migrateToLatest();
  if (result.error) throw result.error instanceof Error ? result.error : new Error(String(result.error));
  return result;
}
