import { parseArgs } from 'node:util';
import { cliConfig, openForWrite, type CliIo } from './cli-context.ts';
import { UsageError } from './cli-errors.ts';
import { seedDemoModules } from './demo-modules.ts';
import { seedDemoOfficerAccounts, seedDemoPeopleOnce, seedDemoTree, seedDemoUsers } from './demo-seed.ts';

/** Demo data for trials and training, from the command line only (never reachable over HTTP, L3-CES1-17). */
export async function runSeedDemo(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    strict: true,
    options: { 'with-users': { type: 'boolean', default: false }, password: { type: 'string' }, people: { type: 'string' } },
  });
  if (values.password !== undefined && !values['with-users']) throw new UsageError('--password only applies with --with-users');
  const people = values.people === undefined ? 0 : Number(values.people);
  if (!Number.isInteger(people) || people < 0 || people > 1_000_000)
    throw new UsageError('--people takes a whole number from 0 to 1000000');
  const { ctx, connection } = await openForWrite(cliConfig(io.env));
  try {
    const { created } = await seedDemoTree(ctx);
    io.out(created > 0 ? `demo org tree created: ${created} organisations` : 'demo org tree already present; nothing to do');
    if (people > 0) {
      const started = Date.now();
      const result = await seedDemoPeopleOnce(ctx, people);
      io.out(
        result === 0
          ? 'demo people already present; nothing to do'
          : `demo people created: ${result} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
    }
    if (!values['with-users']) {
      // Modules' demo parts that need only people (those that need demo accounts wait for --with-users).
      if (people > 0) for (const line of await seedDemoModules(ctx)) io.out(line);
      return 0;
    }
    const users = [...(await seedDemoUsers(ctx, values.password)), ...(await seedDemoOfficerAccounts(ctx, values.password))];
    for (const line of await seedDemoModules(ctx)) io.out(line);
    const fresh = users.filter((u) => u.created);
    io.out(`demo users: ${fresh.length} created, ${users.length - fresh.length} already present`);
    const shown = fresh.filter((u) => u.password !== null);
    if (shown.length > 0) {
      io.out('one-time passwords (shown once; each must be changed at first login):');
      for (const u of shown) io.out(`  ${u.username}\t${u.password ?? ''}`);
    } else if (fresh.length > 0) {
      io.out('首次登录必须修改密码 / Each password must be changed at first login.');
    }
    return 0;
  } finally {
    await connection.close();
  }
}
