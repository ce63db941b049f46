export * from './errors.ts';
export * from './permissions.ts';
export * from './training-schemas.ts';
export * from './coverage.ts';
export * from './attendance.ts';
export * from './study-schemas.ts';
export * from './training-responses.ts';
export * from './study-responses.ts';
