export * from './errors.ts';
export * from './permissions.ts';
export * from './leave-rules.ts';
export * from './alert-rules.ts';
export * from './rules.ts';
export * from './schemas.ts';
export * from './responses.ts';
