import { parseArgs } from 'node:util';
import { verifyAuditChain } from '../platform/audit/audit-service.ts';
import { cliConfig, openExisting, type CliIo } from './cli-context.ts';

/**
 * Read-only: walks the SM3 hash chain (L3-CES1-14 c). It writes nothing, so it can run against
 * a copy, a replica or a database under investigation without changing it.
 */
export async function runVerifyAudit(args: string[], io: CliIo): Promise<number> {
  parseArgs({ args, options: {}, strict: true });
  const { connection } = await openExisting(cliConfig(io.env));
  try {
    const result = await verifyAuditChain(connection.db);
    if (result.ok) {
      io.out(`ok, ${result.checked} rows`);
      return 0;
    }
    io.err(
      `audit chain BROKEN at row seq ${result.brokenAt ?? '?'}: ${result.reason ?? 'unknown'} (${result.checked} rows before it verified)`,
    );
    io.err(`审计日志哈希链在第 ${result.brokenAt ?? '?'} 条处断裂`);
    return 1;
  } finally {
    await connection.close();
  }
}
