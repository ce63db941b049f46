export * from './errors.ts';
export * from './permissions.ts';
export * from './ranking.ts';
export * from './schemas.ts';
export * from './competition-schemas.ts';
