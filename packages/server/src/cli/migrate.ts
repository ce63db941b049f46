import { parseArgs } from 'node:util';
import { cliConfig, describeTarget, openForWrite, type CliIo } from './cli-context.ts';

export async function runMigrate(args: string[], io: CliIo): Promise<number> {
  parseArgs({ args, options: {}, strict: true });
  const config = cliConfig(io.env);
  // openForWrite migrates and audits what it applied; here that is the whole job.
  const { connection } = await openForWrite(config);
  await connection.close();
  io.out(`database ${describeTarget(config)} is up to date`);
  return 0;
}
