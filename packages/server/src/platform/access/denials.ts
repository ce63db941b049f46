import { auditAlone, type AuditActor, type AuditEvent } from '../audit/audit-service.ts';
import type { AppContext } from '../context.ts';
import { AppError, OutOfScopeError } from '../http/app-error.ts';

/**
 * Refusals that are security events in their own right (an attempted breach of 三员分立, a
 * self-grant, tampering with an admin account, reaching outside one's data scope). The failed
 * transaction has rolled back, so the failure row is written on its own (GB/T 22239 L3-CES1-12,
 * ASVS 16.3.2). Ordinary validation errors are not audited.
 */
const auditedCodes = new Set(['SEPARATION_OF_DUTIES', 'SELF_GRANT_FORBIDDEN', 'ADMIN_ACCOUNT_PROTECTED', 'OUT_OF_SCOPE']);

export async function auditingDenials<T>(ctx: AppContext, actor: AuditActor, event: AuditEvent, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof AppError && (auditedCodes.has(error.code) || error instanceof OutOfScopeError)) {
      await auditAlone(ctx.db, ctx.clock, actor, {
        ...event,
        outcome: 'failure',
        detail: { ...event.detail, code: error instanceof OutOfScopeError ? 'OUT_OF_SCOPE' : error.code, ...error.details },
      });
    }
    throw error;
  }
}
