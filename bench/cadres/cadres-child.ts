/**
 * One measured operation in its own process, so its peak RSS is its own: the due list, the 套改
 * what-if, or the bare SQL baseline (years in grade computed by one statement through the raw
 * driver). Prints one JSON line: { op, seconds, maxRssMiB, rows }.
 */
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { loadConfig } from '@zhenggong/server/config';
import { connect } from '@zhenggong/server/db/connect';
import { systemClock } from '@zhenggong/server/platform/clock';
import { fieldCryptoFromFile } from '@zhenggong/server/platform/field-crypto';
import { ensureDataDir } from '@zhenggong/server/platform/data-dir';
import { computeDue } from '@zhenggong/server/modules/cadres/due-list';
import { simulate } from '@zhenggong/server/modules/cadres/simulation';

const [op, dataDir, databaseUrl, month] = process.argv.slice(2) as [string, string, string, string];
const config = loadConfig({ DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) });
const connection = await connect(config);
const { secretKeyFile } = ensureDataDir(config.dataDir);
const ctx = {
  db: connection.db,
  dialect: connection.dialect,
  config,
  clock: systemClock,
  fieldCrypto: fieldCryptoFromFile(secretKeyFile, config.cryptoProfile),
};
const asOf = `${month}-01`;
const started = performance.now();
let rows = 0;
if (op === 'due') rows = (await computeDue(ctx, { all: true }, { month })).due.length;
else if (op === 'simulate') rows = (await simulate(ctx, { all: true }, { ruleSetId: 'rank.convert@2019' })).runA.results.length;
else {
  // Bare: months in the current grade for every officer on the force, and who has 24 or more, in one statement.
  const months = sql<number>`(${Number(asOf.slice(0, 4))} * 12 + ${Number(asOf.slice(5, 7))}) - (cast(substr(h.start_date, 1, 4) as integer) * 12 + cast(substr(h.start_date, 6, 2) as integer))`;
  const result = await sql<{
    id: string;
    months: number;
  }>`select p.id, ${months} as months from person p join person_level_history h on h.person_id = p.id and h.sequence = 'officer' and h.end_date is null where p.kind = 'officer' and p.status in ('serving', 'seconded')`.execute(
    ctx.db,
  );
  rows = result.rows.filter((r) => Number(r.months) >= 24).length;
}
const seconds = (performance.now() - started) / 1000;
console.log(JSON.stringify({ op, seconds, maxRssMiB: Math.round(process.resourceUsage().maxRSS / 1024), rows }));
await connection.close();
