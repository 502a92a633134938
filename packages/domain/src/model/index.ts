export * from './codes.js';
export * from './organisations.js';
export * from './policy-fields.js';
export * from './entities.js';
export * from './access.js';
export * from './errors.js';
export * from './sheet-number.js';
export * from './breakdown.js';
