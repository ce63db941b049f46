export * from './errors.ts';
export * from './permissions.ts';
export * from './schemas.ts';
export * from './deadline.ts';
export * from './statistics.ts';
export * from './item-analysis.ts';
export * from './exam-responses.ts';
export * from './test-reliability.ts';
