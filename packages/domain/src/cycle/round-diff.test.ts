import { describe, expect, it } from 'vitest';
import { changedPhases, diffBullets, diffProgress } from './round-diff.js';

describe('diffBullets', () => {
  it('keeps, adds and removes whole bullets', () => {
    expect(diffBullets(['検討会を開催', '要件を整理'], ['検討会を開催', '通知を発出'])).toEqual([
      { kind: 'same', text: '検討会を開催' },
      { kind: 'removed', text: '要件を整理' },
      { kind: 'added', text: '通知を発出' },
    ]);
  });

  it('shows a bullet rewritten in place as one change, character by character', () => {
    const [change] = diffBullets(['令和7年6月に第1回を開催した'], ['令和7年12月に第2回を開催した']);
    expect(change).toMatchObject({ kind: 'changed', before: '令和7年6月に第1回を開催した' });
    const removed = change?.pieces
      ?.filter((p) => p.kind === 'removed')
      .map((p) => p.text)
      .join('');
    const added = change?.pieces
      ?.filter((p) => p.kind === 'added')
      .map((p) => p.text)
      .join('');
    expect(removed).toBe('61');
    expect(added).toBe('122');
    // The pieces rebuild both texts.
    const rebuilt = (kinds: string[]) =>
      change?.pieces
        ?.filter((p) => kinds.includes(p.kind))
        .map((p) => p.text)
        .join('');
    expect(rebuilt(['same', 'added'])).toBe('令和7年12月に第2回を開催した');
    expect(rebuilt(['same', 'removed'])).toBe('令和7年6月に第1回を開催した');
  });

  it('does not call an unrelated sentence a change of the one it replaced', () => {
    expect(diffBullets(['検討会を開催した'], ['予算を要求する']).map((c) => c.kind)).toEqual([
      'removed',
      'added',
    ]);
  });

  it('reads nothing where both rounds say nothing', () => {
    expect(diffBullets([], [])).toEqual([]);
  });
});

describe('diffProgress', () => {
  it('compares each ministry with itself, including one new in the later round', () => {
    const changes = diffProgress(
      new Map([['厚', ['検討会を開催']]]),
      new Map([
        ['厚', ['検討会を開催']],
        ['文', ['拠点を整備']],
      ]),
    );
    expect(changes).toEqual([
      { ministry: '厚', bullets: [{ kind: 'same', text: '検討会を開催' }] },
      { ministry: '文', bullets: [{ kind: 'added', text: '拠点を整備' }] },
    ]);
  });
});

describe('changedPhases', () => {
  it('lists only the phases whose state moved', () => {
    expect(
      changedPhases([
        { phaseId: 'a', before: 'unreported', after: 'done' },
        { phaseId: 'b', before: 'in_progress', after: 'in_progress' },
      ]),
    ).toEqual([{ phaseId: 'a', before: 'unreported', after: 'done' }]);
  });
});
