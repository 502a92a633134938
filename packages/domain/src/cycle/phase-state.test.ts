import { describe, expect, it } from 'vitest';
import { phaseStateAt } from './phase-state.js';

// 2024年度末: March 2025.
const endOfFy2024 = { start: '2025-03-01', end: '2025-03-31' };

describe('phaseStateAt', () => {
  it('reads an unreported phase from the calendar, and calls a past one 未報告, never overdue', () => {
    expect(phaseStateAt(endOfFy2024, [], '2025-02-28')).toBe('not_started');
    expect(phaseStateAt(endOfFy2024, [], '2025-03-15')).toBe('in_progress');
    expect(phaseStateAt(endOfFy2024, [], '2025-06-30')).toBe('unreported');
  });

  it('shows what the latest approved report says', () => {
    const reports = [
      { state: 'in_progress' as const, asOfDate: '2024-12-31' },
      { state: 'done' as const, asOfDate: '2025-06-30' },
    ];
    expect(phaseStateAt(endOfFy2024, reports, '2025-01-15')).toBe('in_progress');
    expect(phaseStateAt(endOfFy2024, reports, '2025-07-01')).toBe('done');
  });

  it('is overdue only when the report says not done after the end', () => {
    const delayed = [{ state: 'delayed' as const, asOfDate: '2025-03-15' }];
    expect(phaseStateAt(endOfFy2024, delayed, '2025-03-20')).toBe('delayed');
    expect(phaseStateAt(endOfFy2024, delayed, '2025-04-01')).toBe('overdue');
  });

  it('does not read a report from after the date', () => {
    expect(phaseStateAt(endOfFy2024, [{ state: 'done', asOfDate: '2025-06-30' }], '2025-05-01')).toBe(
      'unreported',
    );
  });

  it('never ends an open-ended phase', () => {
    expect(phaseStateAt({ start: '2024-04-01', end: null }, [], '2030-01-01')).toBe('in_progress');
  });
});
