import type { PlatformErrorCode } from '@zhenggong/core';

/** A failure with a catalogued code; the error handler localises it. Never a bare Error to the client. */
export class AppError extends Error {
  constructor(
    readonly code: PlatformErrorCode,
    readonly details?: Record<string, unknown>,
  ) {
    super(code);
    this.name = 'AppError';
  }
}

/**
 * An org or person named in a request that lies outside the caller's data scope. The client sees
 * the same 404 as for one that does not exist (ORG_NOT_FOUND / PERSON_NOT_FOUND), so a refusal
 * does not confirm it exists; the audit row still records it as a scope denial.
 */
export class OutOfScopeError extends AppError {
  constructor(
    details?: Record<string, unknown>,
    code: 'ORG_NOT_FOUND' | 'PERSON_NOT_FOUND' | 'AWARD_BATCH_OUT_OF_SCOPE' = 'ORG_NOT_FOUND',
  ) {
    super(code, details);
    this.name = 'OutOfScopeError';
  }
}
