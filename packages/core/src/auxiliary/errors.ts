import type { ErrorMessage } from '../platform/error-codes.ts';

/** Error codes of this module with zh-CN and en-US messages; merged into the platform catalogue. */
export const auxiliaryErrors = {} as const satisfies Record<string, ErrorMessage>;
