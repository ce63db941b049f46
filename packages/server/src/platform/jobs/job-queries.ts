import type { Executor } from '../../db/database.ts';
import type { JobRunTable } from './tables.ts';

/** Every query on job_run; the runner decides what they mean. */
export async function claimSlot(db: Executor, row: JobRunTable): Promise<boolean> {
  // ON CONFLICT DO NOTHING: on PostgreSQL a concurrent claimer waits for the winner's commit and then inserts nothing.
  const res = await db
    .insertInto('job_run')
    .values(row)
    .onConflict((oc) => oc.columns(['job', 'slot', 'city_code']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) === 1;
}

/** Runs to take up again: failed ones whose back-off has passed, and running ones whose holder's lease ran out. */
export function retryable(db: Executor, job: string, cityCode: string, now: string) {
  return db
    .selectFrom('job_run')
    .selectAll()
    .where('job', '=', job)
    .where('city_code', '=', cityCode)
    .where((eb) =>
      eb.or([
        eb.and([eb('state', '=', 'failed'), eb('next_attempt_at', '<=', now)]),
        eb.and([eb('state', '=', 'running'), eb('lease_until', '<', now)]),
      ]),
    )
    .orderBy('created_at')
    .limit(5)
    .execute();
}

/** Takes a run over only if nobody changed it since it was read (compare-and-set on state, attempt and lease). */
export async function takeOver(db: Executor, seen: JobRunTable, owner: string, now: string, leaseUntil: string): Promise<boolean> {
  const res = await db
    .updateTable('job_run')
    .set({ state: 'running', attempt: seen.attempt + 1, owner, lease_until: leaseUntil, started_at: now, next_attempt_at: null })
    .where('id', '=', seen.id)
    .where('state', '=', seen.state)
    .where('attempt', '=', seen.attempt)
    .where('lease_until', '=', seen.lease_until)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function finishRun(
  db: Executor,
  id: string,
  set: Partial<Pick<JobRunTable, 'state' | 'finished_at' | 'error' | 'result' | 'next_attempt_at'>>,
): Promise<void> {
  await db.updateTable('job_run').set(set).where('id', '=', id).execute();
}

export function lastRuns(db: Executor, cityCode: string, jobs: readonly string[]) {
  if (jobs.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('job_run as r')
    .selectAll()
    .where('r.city_code', '=', cityCode)
    .where('r.job', 'in', jobs)
    .where('r.created_at', '=', (eb) =>
      eb
        .selectFrom('job_run as l')
        .select((e) => e.fn.max('l.created_at').as('m'))
        .whereRef('l.job', '=', 'r.job')
        .whereRef('l.city_code', '=', 'r.city_code'),
    )
    .execute();
}

/** Finished runs older than the retention go: an interval job leaves one row per slot. */
export async function pruneRuns(db: Executor, cityCode: string, before: string): Promise<number> {
  const res = await db
    .deleteFrom('job_run')
    .where('city_code', '=', cityCode)
    .where('state', 'in', ['succeeded', 'dead'])
    .where('created_at', '<', before)
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}
