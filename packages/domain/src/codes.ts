// `@kotei/domain/codes`: the model's codes and reference lists, without the calendar or the status engine.
export * from './model/codes.js';
export * from './model/organisations.js';
export * from './model/policy-fields.js';
export * from './model/sheet-number.js';
export * from './model/breakdown.js';
