import { describe, expect, it } from 'vitest';
import { circledNumber, formatNumber } from './format';

describe('formatNumber', () => {
  it('groups thousands like 1,365', () => {
    expect(formatNumber(1365)).toBe('1,365');
    expect(formatNumber(1.17)).toBe('1.17');
  });
});

describe('circledNumber', () => {
  it('gives ① for sheet 1 and ⑫ for sheet 12', () => {
    expect(circledNumber(1)).toBe('①');
    expect(circledNumber(12)).toBe('⑫');
  });

  it('falls back to parentheses past ⑳', () => {
    expect(circledNumber(21)).toBe('(21)');
  });
});
