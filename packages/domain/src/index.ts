export * from './model/index.js';
export * from './calendar/index.js';
export * from './budget/index.js';
export * from './search/index.js';
export * from './status/index.js';
export { PHASE_STATUS_SYMBOL, PROGRESS_STATUS_SYMBOL } from './status-vocabulary.js';
export * from './cycle/index.js';
export * from './revision/index.js';
