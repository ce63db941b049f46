export * from './errors.ts';
export * from './permissions.ts';
export * from './ranking.ts';
export * from './schemas.ts';
export * from './competition-schemas.ts';
export * from './talent-responses.ts';
export * from './competition-responses.ts';
