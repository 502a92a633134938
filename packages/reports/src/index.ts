export * from './budget-totals.js';
