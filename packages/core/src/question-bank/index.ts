export * from './errors.ts';
export * from './permissions.ts';
export * from './drawn-paper.ts';
