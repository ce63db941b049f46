import type { Config } from '../config.ts';
import type { Dialect } from '../db/connect.ts';
import type { Db } from '../db/database.ts';
import type { Clock } from './clock.ts';

/** What every service needs; passed as an argument, never reached through globals. */
export interface AppContext {
  readonly db: Db;
  readonly dialect: Dialect;
  readonly config: Config;
  readonly clock: Clock;
}
