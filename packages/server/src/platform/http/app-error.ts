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
