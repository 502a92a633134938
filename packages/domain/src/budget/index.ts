export * from './part-of.js';
