import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { serverNodeFlags } from '@zhenggong/server/node-flags';

/**
 * Shared by the standalone benchmarks (bench/exams, bench/portal): a server in its own child
 * process (bench/server.ts), an autocannon slice that keeps every latency, and exact percentiles.
 */
const benchDir = path.dirname(fileURLToPath(import.meta.url));

export interface ChildServer {
  readonly port: number;
  cpuUs(): Promise<number>;
  /** CPU profile of a measured window only (bench/server.ts writes it to `file`). */
  profileStart(): Promise<void>;
  profileStop(file: string): Promise<void>;
  /** Stops the server; resolves to its peak RSS in MiB over its whole life (undefined when it had stopped already). */
  stop(): Promise<number | undefined>;
}

const children = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of children) c.kill('SIGKILL');
});

export async function startChild(target: 'platform' | 'bare', benchCase: string, env: Record<string, string>): Promise<ChildServer> {
  const child = fork(path.join(benchDir, 'server.ts'), [], {
    env: { PATH: process.env.PATH ?? '/usr/bin:/bin', BENCH_TARGET: target, BENCH_CASE: benchCase, BENCH_LOG: 'info', ...env },
    execArgv: [...serverNodeFlags, '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  const request = <T>(type: string, reply: string, payload: Record<string, unknown> = {}) =>
    new Promise<T>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`${target} server exited (${code}) before answering ${type || 'ready'}`));
      child.once('exit', onExit);
      const onMessage = (m: { type: string } & T) => {
        if (m.type !== reply) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(m);
      };
      child.on('message', onMessage);
      if (type) child.send({ type, ...payload });
    });
  const ready = await request<{ port: number }>('', 'ready');
  let stopped = false;
  return {
    port: ready.port,
    cpuUs: async () => (await request<{ cpuUs: number }>('usage', 'usage')).cpuUs,
    profileStart: async () => void (await request('profile-start', 'profiling')),
    profileStop: async (file) => void (await request('profile-stop', 'profiled', { file })),
    stop: async () => {
      if (stopped || child.exitCode !== null) return undefined;
      stopped = true;
      const { maxRssKb } = await request<{ maxRssKb: number }>('stop', 'stopped');
      await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)));
      return Math.round(maxRssKb / 1024);
    },
  };
}

export interface SliceResult {
  requests: number;
  ok: number;
  /** Socket errors and requests with no answer within the timeout (counted in errors too). */
  errors: number;
  timeouts: number;
  seconds: number;
  latencies: number[];
  cpuUs: number;
}

/** One autocannon run with per-request setup (each request can name another examinee, item …). */
export async function loadSlice(
  server: ChildServer,
  opts: {
    connections: number;
    seconds?: number;
    amount?: number;
    timeoutSec?: number;
    request: autocannon.Request;
    more?: autocannon.Request[];
  },
): Promise<SliceResult> {
  const before = await server.cpuUs();
  const latencies: number[] = [];
  // Timed here, from the start to the last answer: autocannon's own `duration` ends at its next
  // 1-second sampling tick after the last answer when a slice is counted in requests, so a slice
  // of 5.2 s or 5.9 s both came out as 6.01 s and the rates of two different servers matched to
  // the last digit.
  const startedAt = performance.now();
  let lastAnswerAt = startedAt;
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `http://127.0.0.1:${server.port}`,
        connections: opts.connections,
        ...(opts.amount ? { amount: opts.amount } : { duration: opts.seconds ?? 1 }),
        requests: [opts.request, ...(opts.more ?? [])],
        timeout: opts.timeoutSec ?? 30,
      },
      (error: unknown, r: autocannon.Result) => (error ? reject(error instanceof Error ? error : new Error(String(error))) : resolve(r)),
    );
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latencies.push(responseTime);
      lastAnswerAt = performance.now();
    });
  });
  const after = await server.cpuUs();
  const seconds = opts.amount ? (lastAnswerAt - startedAt) / 1000 : result.duration;
  return {
    requests: result.requests.total,
    ok: result['2xx'],
    errors: result.errors,
    timeouts: result.timeouts,
    seconds,
    latencies,
    cpuUs: after - before,
  };
}

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

export interface Summary {
  perSec: number;
  requests: number;
  p50: number;
  p99: number;
  cpuUsPerRequest: number;
}

export function summarise(slices: SliceResult[]): Summary {
  const requests = slices.reduce((n, s) => n + s.requests, 0);
  const seconds = slices.reduce((n, s) => n + s.seconds, 0);
  const sorted = Float64Array.from(slices.flatMap((s) => s.latencies)).sort();
  return {
    perSec: requests / seconds,
    requests,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    cpuUsPerRequest: slices.reduce((n, s) => n + s.cpuUs, 0) / Math.max(1, requests),
  };
}
