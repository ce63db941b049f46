export * from './errors.ts';
export * from './permissions.ts';
export * from './schemas.ts';
export * from './requirements.ts';
export * from './ranking.ts';
export * from './mask.ts';
