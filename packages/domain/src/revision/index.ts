export * from './structure.js';
export * from './edits.js';
export * from './apply-edit.js';
export * from './kpi-rules.js';
export * from './diff.js';
export * from './originals.js';
