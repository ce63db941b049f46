export * from './errors.ts';
export * from './permissions.ts';
export * from './rules.ts';
export * from './assessment.ts';
export * from './pay.ts';
export * from './schemas.ts';
export * from './responses.ts';
export * from './labour-law.ts';
