export * from './model/index.js';
export * from './calendar/index.js';
export * from './search/index.js';
export * from './status/index.js';
