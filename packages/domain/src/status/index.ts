export * from './open-sdg.js';
export * from './format.js';
export * from './shapes.js';
export * from './explain.js';
export * from './evaluate-kpi.js';
export * from './roll-up.js';
export * from './override.js';
export * from './required-path.js';
