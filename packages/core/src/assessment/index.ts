export * from './schemes.ts';
export * from './compute.ts';
export * from './consequences.ts';
export * from './default-schemes.ts';
export * from './errors.ts';
export * from './permissions.ts';
export * from './responses.ts';
