import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { connect } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { selfTest } from './platform/crypto.ts';
import { ensureDataDir } from './platform/data-dir.ts';

/** Reads config, prepares the data directory, migrates, listens; stops cleanly on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const config = loadConfig();
  selfTest();
  ensureDataDir(config.dataDir);
  const connection = connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await migrateToLatest(connection.db);
  const app = await buildApp({ config, connection, logger: { level: config.logLevel } });
  const close = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await connection.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close('SIGINT'));
  process.once('SIGTERM', () => void close('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  const users = await connection.db.selectFrom('app_user').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  if (Number(users.n) === 0) {
    app.log.warn('No accounts yet. Create the system administrator: npm run cli -- create-admin --username admin --password <initial password>');
  }
  console.log(`Zhenggong 智慧政工 is listening on http://${config.host}:${config.port} (database: ${connection.dialect})`);
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Zhenggong failed to start: ${message}`);
  process.exitCode = 1;
});
