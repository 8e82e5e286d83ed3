export * from './posting.ts';
export * from './raw.ts';
export * from './saved.ts';
export * from './pay.ts';
export * from './test-case.ts';
export * from './limits.ts';
export * from './import-outcome.ts';
