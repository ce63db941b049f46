import { parseArgs } from 'node:util';
import { postgresUrl } from '../platform/backup/postgres-url.ts';
import type { AnyDb } from '../platform/replication/catalogue.ts';
import { publishCity, ReplicationSetupError } from '../platform/replication/city-publication.ts';
import { cityLink } from '../platform/replication/province-subscriptions.ts';
import { openCity, reconcileCity } from '../platform/replication/reconcile.ts';
import { replicationStatus } from '../platform/replication/status.ts';
import { cliConfig, openForWrite, type CliIo } from './cli-context.ts';
import { CliError, UsageError } from './cli-errors.ts';

const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;

/**
 * `replication publish` (at a city), `replication status` and `replication reconcile` (at the
 * province). Exit 1 from status when any city needs an operator, so a monitor can run it.
 */
export async function runReplication(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    strict: true,
    options: {
      city: { type: 'string' },
      repair: { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      'max-slot-wal-keep-size': { type: 'string' },
      role: { type: 'string' },
    },
  });
  if (sub !== 'publish' && sub !== 'status' && sub !== 'reconcile')
    throw new UsageError('replication needs one of: publish, status, reconcile');
  const config = cliConfig(io.env);
  if (!postgresUrl(config)) throw new CliError('POSTGRES_ONLY');
  if ((sub === 'publish') !== (config.instanceRole === 'city'))
    throw new UsageError(sub === 'publish' ? 'publish runs at a city' : `${sub} runs at the province (INSTANCE_ROLE=province)`);
  const { ctx, connection } = await openForWrite(config);
  const db = connection.db as unknown as AnyDb; // replication works on the schema untyped, like a migration
  try {
    if (sub === 'publish') {
      const r = await publishCity(db, { maxSlotWalKeepSize: values['max-slot-wal-keep-size'], replicationRole: values.role });
      io.out(`publication zhgz_up of city ${config.cityCode}: ${r.tables} tables (insert, update, delete; sensitive columns withheld)`);
      return 0;
    }
    if (sub === 'status') {
      const status = await replicationStatus(db, ctx.clock.now());
      if (values.json) io.out(JSON.stringify(status, null, 2));
      else {
        io.out('city    subscription  worker  copying  lag(s)  slot         WAL held  errors  problem');
        for (const s of status) {
          io.out(
            [
              s.cityCode,
              s.subscription.padEnd(12),
              (s.running ? 'running' : 'stopped').padEnd(6),
              String(s.tablesCopying).padStart(7),
              (s.lagSeconds === null ? '-' : s.lagSeconds.toFixed(1)).padStart(6),
              (s.slot?.walStatus ?? (s.slot ? 'none' : 'unreachable')).padEnd(11),
              (s.slot ? mb(s.slot.heldBytes) : '-').padStart(8),
              String(s.applyErrors + s.syncErrors).padStart(6),
              s.lastError ?? 'ok',
            ].join('  '),
          );
        }
      }
      return status.some((s) => s.lastError !== null) ? 1 : 0;
    }
    if (!values.city) throw new UsageError('--city <code> is required');
    const link = await cityLink(db, values.city);
    const city = openCity(link);
    try {
      const r = await reconcileCity({ db, clock: ctx.clock }, city.db, link.cityCode, { repair: values.repair });
      for (const t of r.tables.filter((x) => x.diverged.length > 0)) {
        io.out(
          `${t.table}: city ${t.cityRows} rows, province ${t.provinceRows}; ${t.diverged.length} ranges differ${t.repaired ? ' — repaired' : ''}`,
        );
        for (const d of t.diverged) io.out(`  ids ${d.first} … ${d.last} (city ${d.cityRows}, province ${d.provinceRows})`);
      }
      const bad = r.tables.filter((x) => x.diverged.length > 0 && !x.repaired).length;
      io.out(
        bad === 0
          ? `city ${link.cityCode}: ${r.tables.length} tables match${values.repair ? ' (after repair)' : ''}`
          : `city ${link.cityCode}: ${bad} tables differ`,
      );
      return bad === 0 ? 0 : 1;
    } finally {
      await city.close();
    }
  } catch (error) {
    if (error instanceof ReplicationSetupError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  } finally {
    await connection.close();
  }
}
