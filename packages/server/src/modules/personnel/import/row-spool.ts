import fs from 'node:fs';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import readline from 'node:readline';
import type { PersonTable } from '../tables.ts';

/**
 * Checked, ready-to-insert rows (sensitive fields already encrypted) written to a file between
 * the checking pass and the transaction, so the transaction only re-checks the database and
 * inserts: on SQLite the whole application waits for that one connection while it is open, and
 * re-reading and re-validating 100,000 rows inside it tripled the wait. The file sits next to
 * the upload (DATA_DIR/tmp, mode 0600, same `import-` prefix, so a start after kill -9 removes
 * it) and is deleted with it.
 */
export interface SpooledRow {
  /** Sheet row, for problems found inside the transaction. */
  readonly row: number;
  readonly person: PersonTable;
}

export interface SpoolWriter {
  readonly path: string;
  add(rows: readonly SpooledRow[]): Promise<void>;
  finish(): Promise<void>;
}

export function createSpool(path: string): SpoolWriter {
  const out = fs.createWriteStream(path, { mode: 0o600, flags: 'wx' });
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => {}); // observed by add/finish; never left unhandled
  return {
    path,
    async add(rows) {
      if (rows.length === 0) return;
      // Backpressure: wait for the disk rather than buffering the whole file in memory.
      if (!out.write(rows.map((r) => JSON.stringify(r)).join('\n') + '\n')) await Promise.race([once(out, 'drain'), failed]);
    },
    /** Idempotent: also called on the way out of a failed import, to release the file handle. */
    async finish() {
      if (!out.writableEnded) out.end();
      await finished(out);
    },
  };
}

export async function* readSpool(path: string, batchSize: number): AsyncGenerator<SpooledRow[]> {
  const input = fs.createReadStream(path);
  try {
    let batch: SpooledRow[] = [];
    for await (const line of readline.createInterface({ input, crlfDelay: Infinity })) {
      if (line === '') continue;
      batch.push(JSON.parse(line) as SpooledRow); // written by createSpool in this same import
      if (batch.length >= batchSize) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0) yield batch;
  } finally {
    input.destroy();
  }
}
