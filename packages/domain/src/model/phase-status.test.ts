import { describe, expect, it } from 'vitest';
import { phaseStatusAt } from './entities.js';

const FY2024 = { start: '2024-04-01', end: '2025-03-31', fiscalYear: 2024, label: '2024年度' };

describe('phaseStatusAt', () => {
  it('calls a past phase nobody reported on 未報告, never 期限超過', () => {
    expect(phaseStatusAt({ period: FY2024, isDone: false, reports: [] }, '2025-06-30')).toBe('unreported');
  });

  it('calls it 期限超過 only when a published round reported it not done after its end', () => {
    const reports = [{ state: 'in_progress' as const, asOfDate: '2025-06-30' }];
    expect(phaseStatusAt({ period: FY2024, isDone: false, reports }, '2025-07-15')).toBe('overdue');
    // Before that round's as-of date, its report is not yet known.
    expect(phaseStatusAt({ period: FY2024, isDone: false, reports }, '2025-06-29')).toBe('unreported');
  });

  it('takes a document that marks the phase done as a report, which a later round supersedes', () => {
    expect(phaseStatusAt({ period: FY2024, isDone: true, reports: [] }, '2025-07-15')).toBe('done');
    const later = [{ state: 'under_revision' as const, asOfDate: '2025-12-31' }];
    expect(phaseStatusAt({ period: FY2024, isDone: true, reports: later }, '2026-01-15')).toBe('overdue');
    expect(phaseStatusAt({ period: FY2024, isDone: true, reports: later }, '2025-07-15')).toBe('done');
  });

  it('shows what was reported of a phase still under way', () => {
    const reports = [{ state: 'delayed' as const, asOfDate: '2024-12-31' }];
    expect(phaseStatusAt({ period: FY2024, isDone: false, reports }, '2025-01-15')).toBe('delayed');
    expect(phaseStatusAt({ period: FY2024, isDone: false, reports: [] }, '2025-01-15')).toBe('in_progress');
    expect(phaseStatusAt({ period: FY2024, isDone: false, reports: [] }, '2024-01-15')).toBe('not_started');
  });
});
