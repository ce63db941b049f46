export * from './errors.ts';
export * from './permissions.ts';
export * from './drawn-paper.ts';
export * from './question.ts';
export * from './paper.ts';
export * from './seeded-random.ts';
export * from './import-columns.ts';
export * from './responses.ts';
