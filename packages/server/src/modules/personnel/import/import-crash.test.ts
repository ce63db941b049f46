import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { makeIdNumber } from '@zhenggong/core';
import type { RosterCell } from '@zhenggong/core/personnel/roster-cells';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../../app.ts';
import { loadConfig } from '../../../config.ts';
import { connect } from '../../../db/connect.ts';
import { manualClock } from '../../../platform/clock.ts';
import { makeOrg } from '../../../test-support/factories.ts';
import { createTestApp, dialects, type TestApp } from '../../../test-support/test-app.ts';
import { writeRosterXlsx } from './roster-fixture.ts';

const ROWS = 20_000;
const child = path.join(path.dirname(fileURLToPath(import.meta.url)), 'crash-child.ts');

function* roster(units: readonly string[]): Generator<RosterCell[]> {
  for (let i = 0; i < ROWS; i++) {
    const birth = new Date(Date.UTC(1970, 0, 1 + Math.floor(i / 500))).toISOString().slice(0, 10);
    yield [i + 1, `民警${i}`, makeIdNumber('330102', birth, (i % 500) + 1), units[i % units.length] ?? null, '民警', '2010.07'];
  }
}

/**
 * kill -9 in the middle of a commit: the child is killed once it reports rows inserted (the
 * transaction open, the file not finished), then the app is started again on the same data.
 * Not one row of the file may be there, the database must be intact, and the upload the dead
 * process left in DATA_DIR/tmp must be gone after the restart.
 */
describe.each(dialects)('kill -9 during an import on %s', (dialect) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(dialect);
  });
  afterAll(() => t.close());

  it('leaves zero rows from the file, an intact database and no upload behind', async () => {
    const root = await makeOrg(t.ctx, null, '示例市公安局', { type: 'city_bureau' });
    const units = ['甲分局', '乙分局', '丙分局'];
    for (const u of units) await makeOrg(t.ctx, root, u);
    const file = path.join(t.dataDir, 'tmp', 'import-crash-test.xlsx'); // where an upload would sit
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await writeRosterXlsx(file, { headers: ['序号', '姓名', '身份证号', '单位', '人员类别', '入警时间'], rows: roster(units) });

    const proc = spawn(process.execPath, ['--import', 'tsx', child, file], {
      env: { ...process.env, DATA_DIR: t.dataDir, ...(t.databaseUrl ? { DATABASE_URL: t.databaseUrl } : {}) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    proc.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => proc.once('exit', (_code, signal) => resolve(signal)));
    const seen: { phase?: string; processedRows?: number; done?: boolean }[] = [];
    for await (const line of readline.createInterface({ input: proc.stdout })) {
      const msg = JSON.parse(line) as { phase?: string; processedRows?: number; totalRows?: number; done?: boolean };
      seen.push(msg);
      // The observable moment: rows are in the open transaction and more are still to come.
      if (msg.phase === 'inserting' && (msg.processedRows ?? 0) > 0 && (msg.processedRows ?? 0) < ROWS) {
        proc.kill('SIGKILL');
        break;
      }
    }
    const signal = await exited;
    expect(signal, `child ended without being killed: ${stderr}\n${JSON.stringify(seen.slice(-3))}`).toBe('SIGKILL');
    expect(seen.some((m) => m.done)).toBe(false);

    // Restart: a fresh connection and app on the same data directory / database.
    const config = loadConfig({ DATA_DIR: t.dataDir, ...(t.databaseUrl ? { DATABASE_URL: t.databaseUrl } : {}) });
    const connection = connect({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, cryptoProfile: config.cryptoProfile });
    const app = await buildApp({ config, connection, clock: manualClock(new Date('2026-06-01T08:00:00Z')) });
    try {
      await app.ready();
      const count = async (table: 'person' | 'person_org_history' | 'person_status_history') =>
        Number(
          (
            await connection.db
              .selectFrom(table)
              .select((eb) => eb.fn.countAll().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
      expect([await count('person'), await count('person_org_history'), await count('person_status_history')]).toEqual([0, 0, 0]);
      const imports = await connection.db.selectFrom('audit_log').select('id').where('event_type', '=', 'person.import').execute();
      expect(imports).toEqual([]);
      if (dialect === 'sqlite') {
        const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(connection.db);
        expect(check.rows).toEqual([{ integrity_check: 'ok' }]);
      }
      expect(fs.readdirSync(path.join(t.dataDir, 'tmp'))).toEqual([]);
    } finally {
      await app.close();
      await connection.close();
    }
  });
});
