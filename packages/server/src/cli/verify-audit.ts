import fs from 'node:fs';
import { parseArgs } from 'node:util';
import { verifyAuditChain, type ChainAnchor } from '../platform/audit/audit-service.ts';
import { checkCheckpoint } from '../platform/audit/checkpoint.ts';
import { cliConfig, openExisting, type CliIo } from './cli-context.ts';

/**
 * Read-only: walks the keyed audit chain (L3-CES1-14 c, ADR 006). With `--checkpoint FILE` it
 * also checks the SM2 signature of a checkpoint the audit administrator kept and that the chain
 * still passes through the signed head. It writes nothing, so it can run against a copy, a
 * replica or a database under investigation without changing it.
 */
export async function runVerifyAudit(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { checkpoint: { type: 'string' } }, strict: true });
  let anchor: ChainAnchor | undefined;
  if (values.checkpoint !== undefined) {
    const checked = readCheckpoint(values.checkpoint);
    if (!checked.ok) {
      io.err(`checkpoint ${values.checkpoint} REJECTED: ${checked.reason}`);
      io.err(`检查点文件无效（${checked.reason === 'bad signature' ? 'SM2 签名验证失败' : '格式错误'}）`);
      return 1;
    }
    anchor = checked.anchor;
    io.out(
      `checkpoint: row ${anchor.seq} of ${checked.checkpoint.createdAt} by ${checked.checkpoint.createdBy}, SM2 signature valid, key ${checked.fingerprint}`,
    );
  }
  const { connection } = await openExisting(cliConfig(io.env));
  try {
    const result = await verifyAuditChain(connection.db, anchor ? { checkpoint: anchor } : {});
    if (result.ok) {
      io.out(`ok, ${result.checked} rows${anchor ? `, passing through the checkpoint at row ${anchor.seq}` : ''}`);
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

function readCheckpoint(file: string): ReturnType<typeof checkCheckpoint> {
  try {
    return checkCheckpoint(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    return { ok: false, reason: 'malformed' };
  }
}
