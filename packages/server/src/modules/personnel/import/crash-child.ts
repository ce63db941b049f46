/**
 * Child process of the kill -9 test (import-crash.test.ts): commits one roster file into the
 * database that DATA_DIR / DATABASE_URL name, printing each progress report as a JSON line on
 * stdout so the parent can kill it at an observable point (rows inserted, transaction open).
 *
 *   DATA_DIR=… [DATABASE_URL=…] node --import tsx crash-child.ts <file.xlsx>
 */
import { loadConfig } from '../../../config.ts';
import { connect } from '../../../db/connect.ts';
import { systemActor } from '../../../platform/audit/audit-service.ts';
import { systemClock } from '../../../platform/clock.ts';
import { ensureDataDir } from '../../../platform/data-dir.ts';
import { fieldCryptoFromFile } from '../../../platform/field-crypto.ts';
import { runImport } from './import-service.ts';

const file = process.argv[2];
if (!file) throw new Error('usage: crash-child.ts <file.xlsx>');
const config = loadConfig(process.env);
const connection = connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, cryptoProfile: config.cryptoProfile });
const { secretKeyFile } = ensureDataDir(config.dataDir);
const ctx = {
  db: connection.db,
  dialect: connection.dialect,
  config,
  clock: systemClock,
  fieldCrypto: fieldCryptoFromFile(secretKeyFile, config.cryptoProfile),
};
const job = await runImport(ctx, { all: true }, systemActor, { file, fileName: 'crash.xlsx', dryRun: false, ownerId: 'crash-test' }, (p) =>
  process.stdout.write(`${JSON.stringify(p)}\n`),
);
process.stdout.write(`${JSON.stringify({ done: true, committed: job.committed, inserted: job.inserted, problems: job.problemCount })}\n`);
await connection.close();
