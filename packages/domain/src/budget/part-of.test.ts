import { describe, expect, it } from 'vitest';
import { addedBudgetYen, classifyBudgetLine } from './part-of.js';

describe('classifyBudgetLine', () => {
  it('adds a line with an amount that is not 内数', () => {
    expect(classifyBudgetLine({ amountYen: 3_000_000_000, isPartOf: false })).toEqual({
      role: 'added',
      yen: 3_000_000_000,
    });
  });

  it('shows a 内数 line apart', () => {
    expect(classifyBudgetLine({ amountYen: 930_000_000, isPartOf: true })).toEqual({
      role: 'part-of',
      yen: 930_000_000,
    });
  });

  it('only counts a line without an amount, 内数 or not', () => {
    expect(classifyBudgetLine({ amountYen: null, isPartOf: false })).toEqual({ role: 'without-amount' });
    expect(classifyBudgetLine({ amountYen: null, isPartOf: true })).toEqual({ role: 'without-amount' });
  });
});

describe('addedBudgetYen', () => {
  it('never adds 内数 lines', () => {
    const lines = [
      { amountYen: 3_000_000_000, isPartOf: false },
      { amountYen: 930_000_000, isPartOf: true },
      { amountYen: 117_000_000, isPartOf: false },
    ];
    expect(addedBudgetYen(lines)).toBe(3_117_000_000);
  });

  it('is null when no line is added, so "no amount" is not shown as 0', () => {
    expect(addedBudgetYen([{ amountYen: 930_000_000, isPartOf: true }])).toBeNull();
    expect(addedBudgetYen([{ amountYen: null, isPartOf: false }])).toBeNull();
    expect(addedBudgetYen([])).toBeNull();
  });

  it('adds a zero-yen line as 0, not as nothing', () => {
    expect(addedBudgetYen([{ amountYen: 0, isPartOf: false }])).toBe(0);
  });
});
