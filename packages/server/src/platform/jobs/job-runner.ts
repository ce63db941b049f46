import type { AppContext } from '../context.ts';
import { AppError } from '../http/app-error.ts';
import { newId } from '../ids.ts';
import { claimSlot, finishRun, lastRuns, pruneRuns, retryable, takeOver } from './job-queries.ts';
import { currentSlot, describeSchedule, nextSlotAt, type JobSchedule } from './job-schedule.ts';
import type { JobRunTable } from './tables.ts';

/**
 * Scheduled and background jobs kept in the database. Modules define their jobs while the app is
 * built; one runner per instance ticks on a timer (never in tests: they call tick() with the
 * injectable clock). A job runs at most once per slot across every instance on one database —
 * the slot is claimed by inserting its unique job_run row — and a failed run is retried with
 * exponential back-off until its attempts are used up, each failure recorded on the row.
 */
export interface JobDefinition {
  /** `module.job`, e.g. `exams.deadline-sweep`. */
  readonly name: string;
  readonly schedule: JobSchedule;
  /** Returns a small summary kept on the run row (counts, ids). */
  readonly handler: (ctx: AppContext, run: { readonly slot: string; readonly attempt: number }) => Promise<unknown>;
  /** Attempts per slot, first run included; default 3. */
  readonly maxAttempts?: number;
  /** Back-off before the second attempt; doubled each time. Default one minute. */
  readonly backoffMs?: number;
  /** How long a run may hold its slot before another instance may take it over; default ten minutes. */
  readonly leaseMs?: number;
}

export interface JobView {
  readonly name: string;
  readonly schedule: string;
  readonly lastRun: {
    readonly slot: string;
    readonly state: JobRunTable['state'];
    readonly attempt: number;
    readonly startedAt: string;
    readonly finishedAt: string | null;
    readonly error: string | null;
    readonly nextAttemptAt: string | null;
  } | null;
  readonly nextRunAt: string;
}

const RETENTION_MS = 7 * 86_400_000;
const PRUNE_EVERY_MS = 3_600_000;
const MAX_ERROR = 1900;
const MAX_RESULT = 4000;

export class JobRunner {
  private readonly jobs = new Map<string, JobDefinition>();
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> | undefined;
  private stopped = false;
  private lastPrune = 0;
  /** Runs started by runNow(), awaited on stop so nothing touches the database after close. */
  private readonly manual = new Set<Promise<unknown>>();
  /** This instance, as recorded on the rows it claims. */
  readonly owner = `${process.pid}-${newId().slice(-12)}`;

  constructor(
    private readonly ctx: AppContext,
    private readonly onError: (error: unknown, job: string) => void = () => {},
  ) {}

  define(job: JobDefinition): void {
    if (this.jobs.has(job.name)) throw new Error(`job ${job.name} defined twice`);
    this.jobs.set(job.name, job);
  }

  names(): string[] {
    return [...this.jobs.keys()];
  }

  /** Starts ticking every `tickMs`; ticks never overlap. */
  start(tickMs: number): void {
    if (this.timer || this.stopped) return;
    const loop = () => {
      this.ticking = this.tick()
        .catch((error: unknown) => this.onError(error, '(runner)'))
        .finally(() => {
          this.ticking = undefined;
          if (!this.stopped) this.timer = setTimeout(loop, tickMs).unref();
        });
    };
    this.timer = setTimeout(loop, tickMs).unref();
  }

  /** Stops the timer and waits for the tick and manual runs in progress. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.ticking;
    await Promise.allSettled([...this.manual]);
  }

  /** One pass over every job: its current slot if unclaimed, then its retries. */
  async tick(): Promise<void> {
    const now = this.ctx.clock.now();
    for (const job of this.jobs.values()) {
      if (this.stopped) return;
      await this.runSlot(job, currentSlot(job.schedule, now).key);
      for (const seen of await retryable(this.ctx.db, job.name, this.ctx.config.cityCode, now.toISOString())) {
        if (await takeOver(this.ctx.db, seen, this.owner, now.toISOString(), this.leaseUntil(job)))
          await this.execute(job, seen.id, seen.slot, seen.attempt + 1);
      }
    }
    if (now.getTime() - this.lastPrune >= PRUNE_EVERY_MS) {
      this.lastPrune = now.getTime();
      await pruneRuns(this.ctx.db, this.ctx.config.cityCode, new Date(now.getTime() - RETENTION_MS).toISOString());
    }
  }

  /** Runs a job now, in a slot of its own (`manual:<id>`), and waits for it. */
  async runNow(name: string): Promise<JobView> {
    const job = this.jobs.get(name);
    if (!job) throw new AppError('JOB_NOT_FOUND', { name });
    const run = this.runSlot(job, `manual:${newId()}`);
    this.manual.add(run);
    try {
      await run;
    } finally {
      this.manual.delete(run);
    }
    return (await this.list()).find((j) => j.name === name) as JobView; // defined above, so listed
  }

  async list(): Promise<JobView[]> {
    const now = this.ctx.clock.now();
    const runs = new Map((await lastRuns(this.ctx.db, this.ctx.config.cityCode, this.names())).map((r) => [r.job, r]));
    return [...this.jobs.values()].map((job) => {
      const r = runs.get(job.name);
      return {
        name: job.name,
        schedule: describeSchedule(job.schedule),
        lastRun: r
          ? {
              slot: r.slot,
              state: r.state,
              attempt: r.attempt,
              startedAt: r.started_at,
              finishedAt: r.finished_at,
              error: r.error,
              nextAttemptAt: r.next_attempt_at,
            }
          : null,
        nextRunAt: nextSlotAt(job.schedule, now).toISOString(),
      };
    });
  }

  private leaseUntil(job: JobDefinition): string {
    return new Date(this.ctx.clock.now().getTime() + (job.leaseMs ?? 600_000)).toISOString();
  }

  private async runSlot(job: JobDefinition, slot: string): Promise<void> {
    const now = this.ctx.clock.now().toISOString();
    const id = newId();
    const claimed = await claimSlot(this.ctx.db, {
      id,
      city_code: this.ctx.config.cityCode,
      job: job.name,
      slot,
      state: 'running',
      attempt: 1,
      owner: this.owner,
      lease_until: this.leaseUntil(job),
      next_attempt_at: null,
      started_at: now,
      finished_at: null,
      error: null,
      result: null,
      created_at: now,
    });
    if (claimed) await this.execute(job, id, slot, 1);
  }

  private async execute(job: JobDefinition, id: string, slot: string, attempt: number): Promise<void> {
    try {
      const result = await job.handler(this.ctx, { slot, attempt });
      const text = result === undefined ? null : JSON.stringify(result).slice(0, MAX_RESULT);
      await finishRun(this.ctx.db, id, { state: 'succeeded', finished_at: this.ctx.clock.now().toISOString(), result: text, error: null });
    } catch (error) {
      this.onError(error, job.name);
      const now = this.ctx.clock.now();
      const dead = attempt >= (job.maxAttempts ?? 3);
      const backoff = (job.backoffMs ?? 60_000) * 2 ** (attempt - 1);
      await finishRun(this.ctx.db, id, {
        state: dead ? 'dead' : 'failed',
        finished_at: now.toISOString(),
        error: (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, MAX_ERROR),
        next_attempt_at: dead ? null : new Date(now.getTime() + backoff).toISOString(),
      });
    }
  }
}
