import type { Config } from '../../config.ts';

/** The PostgreSQL URL when the configuration selects PostgreSQL (as db/connect.ts decides), else undefined. */
export const postgresUrl = (config: Config): string | undefined =>
  config.databaseUrl !== undefined && /^postgres(ql)?:\/\//.test(config.databaseUrl) ? config.databaseUrl : undefined;
