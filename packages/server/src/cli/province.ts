import { parseArgs } from 'node:util';
import { appendAudit, systemActor } from '../platform/audit/audit-service.ts';
import { osUser } from '../platform/backup/os-user.ts';
import { postgresUrl } from '../platform/backup/postgres-url.ts';
import type { AnyDb } from '../platform/replication/catalogue.ts';
import { ReplicationSetupError } from '../platform/replication/city-publication.ts';
import { MigrationOrderError } from '../platform/replication/migration-order.ts';
import { addCity, refreshCity, removeCity, resyncCity, waitForInitialCopy } from '../platform/replication/province-subscriptions.ts';
import { ensureProvinceRoot, prepareProvince, rebuildProvinceClosure } from '../platform/replication/province-setup.ts';
import { cliConfig, openForWrite, type CliIo } from './cli-context.ts';
import { CliError, UsageError } from './cli-errors.ts';

const SUBCOMMANDS = ['prepare', 'add-city', 'remove-city', 'resync-city', 'refresh-city'] as const;

/**
 * `province <sub>` at the province database (INSTANCE_ROLE=province, DATABASE_URL a superuser
 * connection: CREATE SUBSCRIPTION needs one in PostgreSQL 15). Each step is audited at the province.
 */
export async function runProvince(args: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = args;
  if (!SUBCOMMANDS.includes(sub as (typeof SUBCOMMANDS)[number])) throw new UsageError(`province needs one of: ${SUBCOMMANDS.join(', ')}`);
  const { values } = parseArgs({
    args: rest,
    strict: true,
    options: {
      code: { type: 'string' },
      name: { type: 'string' },
      conninfo: { type: 'string' },
      'app-role': { type: 'string' },
      'wait-seconds': { type: 'string', default: '600' },
    },
  });
  const config = cliConfig(io.env);
  if (!postgresUrl(config)) throw new CliError('POSTGRES_ONLY');
  if (config.instanceRole !== 'province')
    throw new UsageError('set INSTANCE_ROLE=province (and CITY_CODE to the province code, e.g. 320000)');
  const needCode = () => {
    if (!values.code) throw new UsageError('--code <6-digit city code> is required');
    return values.code;
  };
  const { ctx, connection } = await openForWrite(config);
  const db = connection.db as unknown as AnyDb; // replication works on the schema untyped, like a migration
  const audit = (eventType: string, objectId: string, detail: Record<string, unknown>) =>
    ctx.db.transaction().execute((trx) =>
      appendAudit(trx, ctx.clock, systemActor, {
        eventType,
        objectType: 'city',
        objectId,
        detail: { ...detail, via: 'cli', osUser: osUser() },
      }),
    );
  const wait = Number(values['wait-seconds']) * 1000;
  try {
    switch (sub) {
      case 'prepare': {
        const root = await ensureProvinceRoot(db, config.cityCode, values.name ?? '省公安厅', ctx.clock.now());
        const { tables } = await prepareProvince(db, { provinceCode: config.cityCode, appRole: values['app-role'] });
        await rebuildProvinceClosure(db, config.cityCode);
        io.out(`province ${config.cityCode} ready: ${tables} replicated tables read-only here, org root ${root}`);
        return 0;
      }
      case 'add-city': {
        const code = needCode();
        if (!values.conninfo || !values.name)
          throw new UsageError('--name and --conninfo "host=… port=5432 dbname=… user=rep_province" are required');
        await addCity(db, { cityCode: code, name: values.name, conninfo: values.conninfo }, ctx.clock.now());
        io.out(`subscribed to city ${code}; initial copy running…`);
        await waitForInitialCopy(db, code, wait);
        await rebuildProvinceClosure(db, config.cityCode);
        await audit('replication.city.add', code, { name: values.name });
        io.out(`city ${code} copied; changes now stream to the province`);
        return 0;
      }
      case 'remove-city': {
        const code = needCode();
        const r = await removeCity(db, code);
        await rebuildProvinceClosure(db, config.cityCode);
        await audit('replication.city.remove', code, r);
        io.out(
          `city ${code} removed: ${r.deletedRows} rows deleted here; slot on the city ${r.slotDropped ? 'dropped' : 'NOT reached: drop it there (pg_drop_replication_slot)'}`,
        );
        return 0;
      }
      case 'resync-city': {
        const code = needCode();
        const r = await resyncCity(db, code);
        io.out(`city ${code}: ${r.deletedRows} rows cleared, copying again…`);
        await waitForInitialCopy(db, code, wait);
        await rebuildProvinceClosure(db, config.cityCode);
        await audit('replication.city.resync', code, r);
        io.out(`city ${code} re-synced`);
        return 0;
      }
      default: {
        const code = needCode();
        await refreshCity(db, code);
        io.out(`city ${code}: publication list refreshed (new tables are being copied)`);
        return 0;
      }
    }
  } catch (error) {
    if (error instanceof ReplicationSetupError || error instanceof MigrationOrderError) {
      io.err(error.message);
      return 1;
    }
    throw error;
  } finally {
    await connection.close();
  }
}
