export * from './common.js';
export * from './plan.js';
export * from './reference.js';
export * from './auth.js';
export * from './plan-document.js';
export * from './search.js';
export * from './import.js';
export * from './evaluation.js';
