import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { connect } from './db/connect.ts';
import { migrateInstance } from './platform/replication/migration-order.ts';
import { clockFromEnv } from './platform/clock.ts';
import { selfTest } from './platform/crypto.ts';
import { createInitialAdmins } from './platform/accounts/first-run.ts';
import type { AppContext } from './platform/context.ts';
import { ensureDataDir } from './platform/data-dir.ts';
import { bufferedLogStream } from './platform/http/log-stream.ts';

/** Reads config, prepares the data directory, migrates, listens; stops cleanly on SIGINT/SIGTERM. */
async function main(): Promise<void> {
  const config = loadConfig();
  selfTest();
  ensureDataDir(config.dataDir);
  const connection = connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, cryptoProfile: config.cryptoProfile });
  await migrateInstance(connection.db, config, new Date());
  const app = await buildApp({
    config,
    connection,
    clock: clockFromEnv(process.env, config.production),
    logger: { level: config.logLevel, stream: bufferedLogStream() },
    checkResponses: process.env.CHECK_RESPONSES === '1',
  });
  const close = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    await app.close();
    await connection.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void close('SIGINT'));
  process.once('SIGTERM', () => void close('SIGTERM'));
  const first = await createInitialAdmins(app.ctx, config.dataDir);
  const demo = process.argv.includes('--demo') ? await loadDemo(app.ctx) : undefined;
  await app.listen({ port: config.port, host: config.host });
  const bound = app.server.address();
  const port = typeof bound === 'object' && bound ? bound.port : config.port;
  const address = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  console.log(`\nZhenggong 智慧政工 is listening on ${address} (database: ${connection.dialect})`);
  if (first) {
    console.log('\nFirst start: three administrator accounts (三员) were created with one-time passwords.');
    console.log('首次启动：已创建三员账户，首次登录须修改密码。');
    for (const a of first.admins) console.log(`  ${a.username.padEnd(11)} ${a.password}`);
    console.log(`(also saved in ${first.file}; delete it after the first logins)\n`);
  }
  if (demo) {
    console.log(`Demo bureau 示例市公安局: ${demo.orgs} organisations, ${demo.people} people.`);
    for (const line of demo.modules) console.log(`  ${line}`);
    for (const u of demo.users) console.log(`  ${u.username.padEnd(16)} ${u.password}   (one-time password)`);
  }
}

/** `--demo`: the demo tree, one political-staff account per branch and 2,000 synthetic people, once. */
async function loadDemo(ctx: AppContext) {
  const { seedDemoOfficerAccounts, seedDemoPeopleOnce, seedDemoTree, seedDemoUsers } = await import('./cli/demo-seed.ts');
  const tree = await seedDemoTree(ctx);
  const people = await seedDemoPeopleOnce(ctx, 2000);
  const users = [...(await seedDemoUsers(ctx, undefined)), ...(await seedDemoOfficerAccounts(ctx, undefined))];
  const { seedDemoModules } = await import('./cli/demo-modules.ts');
  const modules = await seedDemoModules(ctx);
  return {
    orgs: tree.created,
    people,
    modules,
    users: users.filter((u) => u.created && u.password).map((u) => ({ username: u.username, password: u.password ?? '' })),
  };
}

main().catch((error: unknown) => {
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Zhenggong failed to start: ${message}`);
  process.exitCode = 1;
});
