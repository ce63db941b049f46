import type { Migration } from 'kysely';
import * as foundation from './20261129T000000-foundation.ts';
import * as personnel from './20261129T010000-personnel.ts';
import * as accountPersonLink from './20261129T020000-account-person-link.ts';
import * as personTraining from './20261129T030000-person-training.ts';

/** Static list of migrations, in order. Never edit a migration after it has landed. */
export const migrations: Record<string, Migration> = {
  '20261129T000000-foundation': foundation,
  '20261129T010000-personnel': personnel,
  '20261129T020000-account-person-link': accountPersonLink,
  '20261129T030000-person-training': personTraining,
};
