export * from './structure.js';
export * from './edits.js';
export * from './apply-edit.js';
export * from './kpi-rules.js';
export * from './diff.js';
export * from './measure-match.js';
export * from './proposal.js';
export * from './budget.js';
