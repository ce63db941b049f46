import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { BareOptions } from '../bare.ts';

/**
 * The baseline of the wristband ingestion: one bare Fastify route that inserts the batch's rows
 * with `on conflict (device, measured_at, kind) do nothing` through the raw driver, one statement
 * a batch. The device is named in a header (no token hash lookup), no consent check, no schema
 * validation, no field encryption, no alert rules, no helmet, no request log. It writes to its
 * own table so both sides can be checked afterwards.
 */
export const bareReadingTableSql = [
  `create table bench_bare_reading (id varchar(36) primary key, device_id varchar(36) not null, kind varchar(16) not null,
     measured_at varchar(32) not null, value real not null, created_at varchar(32) not null, unique (device_id, measured_at, kind))`,
];

interface Reading {
  kind: string;
  at: string;
  value: number;
}

export function registerBareIngest(app: FastifyInstance, { db }: BareOptions): void {
  // No database at all: how fast the load generator can drive this request shape. Far above the
  // bare route's rate, it shows the baseline measures the server, not the generator.
  app.post('/bare/noop/wearables/ingest', async (request) => ({
    accepted: (request.body as { readings: Reading[] }).readings.length,
    duplicates: 0,
    alerts: 0,
  }));
  app.post('/bare/wearables/ingest', async (request) => {
    const device = String(request.headers['x-device-token']);
    const readings = (request.body as { readings: Reading[] }).readings;
    const now = new Date().toISOString();
    const params: unknown[] = [];
    for (const r of readings) params.push(randomUUID(), device, r.kind, r.at, r.value, now);
    const text = `insert into bench_bare_reading (id, device_id, kind, measured_at, value, created_at) values ${readings
      .map(() => '(?, ?, ?, ?, ?, ?)')
      .join(', ')} on conflict (device_id, measured_at, kind) do nothing returning id`;
    const inserted = await db.all<{ id: string }>(text, params);
    return { accepted: inserted.length, duplicates: readings.length - inserted.length, alerts: 0 };
  });
}
