export * from './role-grants.js';
export * from './round-part.js';
export * from './phase-state.js';
export * from './actual-checks.js';
export * from './round-diff.js';
export * from './evaluation-rules.js';
