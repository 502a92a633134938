import { describe, expect, it } from 'vitest';
import type { Evaluation } from '../../api/types';
import { groupByTarget, japanDateOf, parseTargetKey, targetKey } from './evaluation-model';

const evaluation = (id: string, target: Evaluation['target']): Evaluation => ({
  id,
  roundId: 'r',
  target,
  rating: 'fair',
  comment: id,
  evaluator: { displayName: 'x' },
  createdAt: '2025-07-15T01:00:00.000Z',
  version: 1,
  updatedAt: null,
  isOwn: false,
});

describe('targetKey', () => {
  it('reads back what it writes, and refuses anything else', () => {
    for (const target of [
      { kind: 'plan' },
      { kind: 'goal', number: 1 },
      { kind: 'sheet', number: 12 },
    ] as const) {
      expect(parseTargetKey(targetKey(target))).toEqual(target);
    }
    expect(parseTargetKey('sheet-')).toBeNull();
    expect(parseTargetKey('measure-1')).toBeNull();
  });
});

describe('groupByTarget', () => {
  it('keeps the order of the API, one group per target', () => {
    const groups = groupByTarget([
      evaluation('a', { kind: 'plan' }),
      evaluation('b', { kind: 'sheet', number: 2 }),
      evaluation('c', { kind: 'sheet', number: 2 }),
    ]);
    expect(groups.map((g) => [g.key, g.evaluations.map((e) => e.id)])).toEqual([
      ['plan', ['a']],
      ['sheet-2', ['b', 'c']],
    ]);
  });
});

describe('japanDateOf', () => {
  it('reads an instant as the date in Japan', () => {
    expect(japanDateOf('2025-07-14T15:00:00.000Z')).toBe('2025-07-15');
    expect(japanDateOf('2025-07-14T14:59:59.000Z')).toBe('2025-07-14');
  });
});
