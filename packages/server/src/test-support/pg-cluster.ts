import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Debian's PostgreSQL 15 server binaries (not on PATH). */
export const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';

/** Whether throw-away clusters can be made here: initdb present, and a postgres OS user when running as root. */
export function canStartClusters(): boolean {
  if (!fs.existsSync(path.join(PG_BIN, 'initdb'))) return false;
  if (process.getuid?.() !== 0) return true;
  try {
    execFileSync('id', ['postgres'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A PostgreSQL cluster in a temporary directory on a free loopback port, with wal_level = logical
 * and trust for 127.0.0.1 — the design file's setup (shared/design/province-city.md B2). As root,
 * initdb and the server run as the `postgres` OS user (PostgreSQL refuses to run as root).
 */
export class PgCluster {
  private constructor(
    readonly name: string,
    readonly dir: string,
    readonly port: number,
  ) {}

  static async create(name: string, settings: Record<string, string> = {}): Promise<PgCluster> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `zg-pg-${name}-`));
    const port = await freePort();
    const cluster = new PgCluster(name, dir, port);
    if (process.getuid?.() === 0) execFileSync('chown', ['postgres:postgres', dir]);
    cluster.run('initdb', ['-D', cluster.dataDir, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C.UTF-8']);
    const conf = {
      listen_addresses: "'127.0.0.1'",
      port: String(port),
      unix_socket_directories: `'${dir}'`,
      wal_level: 'logical',
      max_replication_slots: '10',
      max_wal_senders: '10',
      max_logical_replication_workers: '8',
      max_worker_processes: '16',
      max_sync_workers_per_subscription: '2',
      shared_buffers: '64MB',
      fsync: 'off',
      wal_retrieve_retry_interval: '1s',
      ...settings,
    };
    fs.appendFileSync(
      path.join(cluster.dataDir, 'postgresql.conf'),
      Object.entries(conf)
        .map(([k, v]) => `${k} = ${v}\n`)
        .join(''),
    );
    fs.appendFileSync(
      path.join(cluster.dataDir, 'pg_hba.conf'),
      'host all all 127.0.0.1/32 trust\nhost replication all 127.0.0.1/32 trust\n',
    );
    cluster.start();
    return cluster;
  }

  get dataDir(): string {
    return path.join(this.dir, 'data');
  }

  url(database = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${database}`;
  }

  conninfo(database: string): string {
    return `host=127.0.0.1 port=${this.port} dbname=${database} user=postgres`;
  }

  private run(tool: string, args: string[]): void {
    const file = path.join(PG_BIN, tool);
    if (process.getuid?.() === 0) execFileSync('runuser', ['-u', 'postgres', '--', file, ...args], { stdio: 'pipe' });
    else execFileSync(file, args, { stdio: 'pipe' });
  }

  start(): void {
    this.run('pg_ctl', ['-D', this.dataDir, '-l', path.join(this.dir, 'server.log'), '-w', '-t', '60', 'start']);
  }

  /** Fast shutdown: clients are disconnected, nothing committed is lost. */
  stop(): void {
    this.run('pg_ctl', ['-D', this.dataDir, '-m', 'fast', '-w', '-t', '60', 'stop']);
  }

  log(): string {
    return fs.existsSync(path.join(this.dir, 'server.log')) ? fs.readFileSync(path.join(this.dir, 'server.log'), 'utf8') : '';
  }

  /** Stops the server if it runs and removes the directory. */
  destroy(): void {
    try {
      if (fs.existsSync(path.join(this.dataDir, 'postmaster.pid'))) this.stop();
    } finally {
      fs.rmSync(this.dir, { recursive: true, force: true });
    }
  }
}
