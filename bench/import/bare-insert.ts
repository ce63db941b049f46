/**
 * The baseline of the commit: the very rows the importer would insert (person and first history
 * rows, built by the platform's own code from the same generated roster, outside the timer),
 * written by a bare loop of prepared INSERT statements inside one transaction through the raw
 * driver — better-sqlite3 with the pragmas of db/connect.ts, or one `pg` client with named
 * (server-side prepared) statements. Only the statement executions and COMMIT are timed.
 */
import { performance } from 'node:perf_hooks';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { mapHeaderRow } from '@zhenggong/core/personnel/roster-columns';
import { readRosterRow } from '@zhenggong/core/personnel/roster-row';
import { sqliteFile } from '@zhenggong/server/db/connect';
import { loadOrgResolver } from '@zhenggong/server/modules/personnel/import/org-resolver';
import { initialHistory, today, toPersonRow } from '@zhenggong/server/modules/personnel/person-rows';
import { loadConfig } from '@zhenggong/server/config';
import { connect } from '@zhenggong/server/db/connect';
import { ensureDataDir } from '@zhenggong/server/platform/data-dir';
import { fieldCryptoFromFile } from '@zhenggong/server/platform/field-crypto';
import { systemClock } from '@zhenggong/server/platform/clock';
import { BENCH_HEADERS, benchRows } from './roster-gen.ts';

type Row = Record<string, string | number | null>;
interface Sink {
  insert(table: string, row: Row): Promise<void>;
  commit(): Promise<void>;
}

function sqliteSink(file: string): Sink {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('secure_delete = ON');
  const statements = new Map<string, SQLite.Statement>();
  db.exec('BEGIN');
  return {
    insert: async (table, row) => {
      let stmt = statements.get(table);
      if (!stmt) {
        const cols = Object.keys(row);
        statements.set(table, (stmt = db.prepare(`insert into ${table} (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')})`)));
      }
      stmt.run(...Object.values(row));
    },
    commit: async () => {
      db.exec('COMMIT');
      db.close();
    },
  };
}

async function pgSink(url: string): Promise<Sink> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query('BEGIN');
  const texts = new Map<string, string>();
  return {
    insert: async (table, row) => {
      let text = texts.get(table);
      if (!text) {
        const cols = Object.keys(row);
        texts.set(table, (text = `insert into ${table} (${cols.join(', ')}) values (${cols.map((_, i) => `$${i + 1}`).join(', ')})`));
      }
      await client.query({ name: `bare_${table}`, text, values: Object.values(row) });
    },
    commit: async () => {
      await client.query('COMMIT');
      await client.end();
    },
  };
}

export async function bareInsert(_file: string, count: number) {
  const config = loadConfig(process.env);
  const connection = connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const ctx = {
    db: connection.db,
    dialect: connection.dialect,
    config,
    clock: systemClock,
    fieldCrypto: fieldCryptoFromFile(ensureDataDir(config.dataDir).secretKeyFile),
  };
  const resolve = await loadOrgResolver(ctx.db, { all: true });
  const columns = mapHeaderRow([undefined, ...BENCH_HEADERS])?.columns ?? [];
  const options = { today: today(ctx), policeNumberPattern: config.policeNumberPattern };
  const sink = config.databaseUrl ? await pgSink(config.databaseUrl) : sqliteSink(sqliteFile(config.dataDir));
  let timed = 0;
  let inserted = 0;
  let batch: { person: Row; history: [string, Row][] }[] = [];
  const flush = async () => {
    const t0 = performance.now();
    for (const b of batch) {
      await sink.insert('person', b.person);
      for (const [table, row] of b.history) await sink.insert(table, row);
    }
    timed += performance.now() - t0;
    inserted += batch.length;
    batch = [];
  };
  for (const cells of benchRows(count)) {
    const draft = readRosterRow([null, ...cells], columns, options);
    const org = resolve(draft.unit);
    const { kind = 'officer', name = '-', idNumber = '', ...rest } = draft.person;
    const built = toPersonRow(ctx, { ...rest, kind, name, idNumber, orgId: org.ok ? org.orgId : '' });
    if (!built.ok || !org.ok) throw new Error(`bench row ${String(cells[0])} is invalid`);
    const row = built.row;
    const h = initialHistory(row, row.police_start_date ? row.police_start_date.padEnd(10, '-01').slice(0, 10) : today(ctx));
    const history: [string, Row][] = [
      ['person_org_history', h.org],
      ['person_status_history', h.status],
    ];
    if (h.rank) history.push(['person_rank_history', h.rank]);
    if (h.level) history.push(['person_level_history', h.level]);
    if (h.post) history.push(['person_post_history', h.post]);
    batch.push({ person: row as unknown as Row, history: history as [string, Row][] }); // plain column → value records
    if (batch.length === 1000) await flush();
  }
  await flush();
  const t0 = performance.now();
  await sink.commit();
  timed += performance.now() - t0;
  await connection.close();
  return { seconds: timed / 1000, rows: inserted };
}
