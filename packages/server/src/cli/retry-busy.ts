import { setTimeout as sleep } from 'node:timers/promises';

const isBusy = (error: unknown): boolean =>
  error !== null && typeof error === 'object' && 'code' in error && typeof error.code === 'string' && error.code.startsWith('SQLITE_BUSY');

/**
 * The CLI may run beside the server on the same SQLite file. A transaction that reads before it
 * writes fails at once with SQLITE_BUSY if the server committed in between (busy_timeout does
 * not apply to that case); it has rolled back entirely, so running it again is safe.
 */
export async function retryBusy<T>(run: () => Promise<T>, attempts = 8): Promise<T> {
  for (let i = 1; ; i++) {
    try {
      return await run();
    } catch (error) {
      if (!isBusy(error) || i >= attempts) throw error;
      await sleep(25 * 2 ** i * (0.5 + Math.random() / 2));
    }
  }
}
