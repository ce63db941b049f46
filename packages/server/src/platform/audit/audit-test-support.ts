import { sql } from 'kysely';
import type { Connection } from '../../db/connect.ts';

/**
 * Makes every audit insert fail, as a full disk or a broken audit store would, and returns a
 * function that repairs it. On SQLite a TEMP trigger touches only this process's connection.
 */
export async function breakAuditInserts(connection: Connection): Promise<() => Promise<void>> {
  if (connection.sqlite) {
    const db = connection.sqlite;
    db.exec(
      `CREATE TEMP TRIGGER zg_test_audit_fail BEFORE INSERT ON main.audit_log BEGIN SELECT RAISE(ABORT, 'audit store unavailable'); END`,
    );
    return async () => {
      db.exec('DROP TRIGGER temp.zg_test_audit_fail');
    };
  }
  await sql`CREATE FUNCTION zg_test_audit_fail() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'audit store unavailable'; END $$ LANGUAGE plpgsql`.execute(
    connection.db,
  );
  await sql`CREATE TRIGGER zg_test_audit_fail BEFORE INSERT ON audit_log FOR EACH ROW EXECUTE FUNCTION zg_test_audit_fail()`.execute(
    connection.db,
  );
  return async () => {
    await sql`DROP TRIGGER zg_test_audit_fail ON audit_log`.execute(connection.db);
    await sql`DROP FUNCTION zg_test_audit_fail()`.execute(connection.db);
  };
}
