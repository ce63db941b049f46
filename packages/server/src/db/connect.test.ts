import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { connect, type Connection } from './connect.ts';

describe('SQLite connections of one process on one file', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zg-connect-'));
  const opened: Connection[] = [];
  const open = () => {
    const c = connect({ dataDir });
    opened.push(c);
    return c;
  };
  afterAll(async () => {
    for (const c of opened) await c.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('a write waits for the other connection to commit a transaction that spans awaits, instead of failing as locked', async () => {
    const a = open();
    const b = open();
    await sql`create table t (id integer primary key, who text not null)`.execute(a.db);
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered: () => void = () => {};
    const holding = new Promise<void>((resolve) => (entered = resolve));
    const first = a.db.transaction().execute(async (trx) => {
      await sql`insert into t (who) values ('a')`.execute(trx);
      entered();
      await gate; // the write lock is held across this await
      await sql`insert into t (who) values ('a')`.execute(trx);
    });
    await holding;
    // b's autocommit write and b's own transaction both meet a's lock; they wait on the event loop.
    const second = sql`insert into t (who) values ('b')`.execute(b.db);
    const third = b.db.transaction().execute((trx) => sql`insert into t (who) values ('b')`.execute(trx));
    setImmediate(release);
    await Promise.all([first, second, third]);
    const rows = await sql<{ who: string }>`select who from t order by id`.execute(b.db);
    expect(rows.rows.map((r) => r.who)).toEqual(['a', 'a', 'b', 'b']);
  });

  it('a statement inside a transaction is not run again on a busy database: the error reaches the caller', async () => {
    const a = open();
    const b = open();
    await sql`create table u (id integer primary key)`.execute(a.db);
    // b reads inside a transaction of its own making (BEGIN DEFERRED via raw SQL), then a commits a write:
    // b's snapshot is stale, so its write cannot be upgraded and must fail rather than be retried.
    await sql`begin`.execute(b.db);
    await sql`select count(*) from u`.execute(b.db);
    await sql`insert into u default values`.execute(a.db);
    await expect(sql`insert into u default values`.execute(b.db)).rejects.toMatchObject({ code: expect.stringMatching(/^SQLITE_BUSY/) });
    await sql`rollback`.execute(b.db);
  });
});
