import { describe, expect, it } from 'vitest';
import { Kept } from './kept.js';

describe('Kept', () => {
  it('makes a value once per key, keeps the last few used, and does not keep a failure', async () => {
    const kept = new Kept<string>(2);
    let made = 0;
    const make = (value: string) => () => {
      made += 1;
      return Promise.resolve(value);
    };
    const [a, again] = await Promise.all([kept.get('a', make('A')), kept.get('a', make('other'))]);
    expect([a, again, made]).toEqual(['A', 'A', 1]);
    await kept.get('b', make('B'));
    await kept.get('a', make('A'));
    await kept.get('c', make('C'));
    expect(made).toBe(3);
    expect(await kept.get('a', make('A2'))).toBe('A');
    expect(await kept.get('b', make('B2'))).toBe('B2');
    await expect(kept.get('x', () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(await kept.get('x', make('X'))).toBe('X');
  });
});
