/**
 * Zhenggong command line: `node --import tsx packages/server/src/cli.ts <command>`, or
 * `npm run cli -- <command>`, or the `zhenggong` bin. The commands are in ./cli/.
 */
import { runCli } from './cli/run-cli.ts';

const code = await runCli(process.argv.slice(2), {
  env: process.env,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
process.exitCode = code;
