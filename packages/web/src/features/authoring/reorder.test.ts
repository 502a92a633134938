import { describe, expect, it } from 'vitest';
import { reorderStep } from './reorder';

describe('reorderStep', () => {
  const ids = ['a', 'b', 'c'];
  it('moves a node up or down one place among its siblings', () => {
    expect(reorderStep(ids, 'b', -1)).toBe(0);
    expect(reorderStep(ids, 'b', 1)).toBe(2);
    expect(reorderStep(ids, 'c', -1)).toBe(1);
  });
  it('offers no move past either end, nor for a node not among them', () => {
    expect(reorderStep(ids, 'a', -1)).toBeNull();
    expect(reorderStep(ids, 'c', 1)).toBeNull();
    expect(reorderStep(ids, 'z', 1)).toBeNull();
  });
});
