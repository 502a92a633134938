export * from './budget-totals.js';
export * from './follow-up/period-columns.js';
export * from './follow-up/words.js';
export * from './follow-up/report-model.js';
export * from './follow-up/report-html.js';
export * from './follow-up/open-data.js';
export * from './follow-up/report-xlsx.js';
export * from './follow-up/report-pdf.js';
