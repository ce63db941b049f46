import type { Config } from '../config.ts';
import type { Dialect } from '../db/connect.ts';
import type { Db } from '../db/database.ts';
import type { Clock } from './clock.ts';
import type { FieldCrypto } from './field-crypto.ts';

/** What every service needs; passed as an argument, never reached through globals. */
export interface AppContext {
  readonly db: Db;
  readonly dialect: Dialect;
  readonly config: Config;
  readonly clock: Clock;
  /** Encryption and blind indexes of sensitive fields, keyed by the instance secret. */
  readonly fieldCrypto: FieldCrypto;
}
