import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { serverNodeFlags } from '@zhenggong/server/node-flags';

const root = path.resolve(import.meta.dirname, '../..');

export interface RunningServer {
  readonly url: string;
  readonly dataDir: string;
  /** Administrator one-time passwords written at first start. */
  readonly initialPasswords: Record<string, string>;
  /** Everything the server printed so far (stdout and stderr), e.g. console-driver messages. */
  output(): string;
  stop(): Promise<void>;
}

/** Servers started by this test file and not yet stopped, so a failed step can show what they printed. */
export const runningServers = new Set<RunningServer>();

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });

/**
 * Starts the platform as the README does (`npm start` runs this same entry point), on a fresh
 * data directory (with `args`, e.g. `--demo`), and waits for its "listening" line. The web app must be built (npm test builds it).
 */
export async function startServer(env: Record<string, string> = {}, args: readonly string[] = []): Promise<RunningServer> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'zg-e2e-'));
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [...serverNodeFlags, '--import', 'tsx', 'packages/server/src/main.ts', ...args], {
    cwd: root,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
      CHECK_RESPONSES: '1',
      // Journeys compute TOTP codes while a busy machine delays the requests: two windows either side
      // keep a code sent across a window boundary valid. One window is tested in mfa.test.ts.
      MFA_DRIFT_STEPS: '2',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    // A machine shared by parallel builds can take longer than a minute to load the app: E2E_SERVER_START_MS extends the wait.
    const timer = setTimeout(
      () => reject(new Error(`server did not start:\n${output}`)),
      Number(process.env.E2E_SERVER_START_MS ?? 180_000),
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('is listening on')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
  const initialPasswords: Record<string, string> = {};
  const file = path.join(dataDir, 'initial-admin-passwords.txt');
  if (fs.existsSync(file)) {
    for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
      const [user, password] = line.split('\t');
      if (user && password && !user.startsWith('#')) initialPasswords[user] = password;
    }
  }
  const server: RunningServer = {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    initialPasswords,
    output: () => output,
    stop: async () => {
      runningServers.delete(server);
      if (child.exitCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  runningServers.add(server);
  return server;
}
