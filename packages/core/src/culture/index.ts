export * from './errors.ts';
export * from './permissions.ts';
export * from './scoring.ts';
export * from './schemas.ts';
export * from './responses.ts';
