export * from './model/index.js';
export * from './calendar/index.js';
