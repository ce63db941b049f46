export * from './platform/error-codes.ts';
export * from './platform/permissions.ts';
export * from './platform/data-scope.ts';
export * from './platform/password-policy.ts';
export * from './schemas/common.ts';
export * from './schemas/auth.ts';
export * from './schemas/org.ts';
