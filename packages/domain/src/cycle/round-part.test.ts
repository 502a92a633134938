import { describe, expect, it } from 'vitest';
import { movePart, partsBlockingPublication, roundStateAt, type PartContext } from './round-part.js';

const open = (over: Partial<PartContext> = {}): PartContext => ({
  roundState: 'open',
  actor: 'reporter',
  unnotedFlags: 0,
  ...over,
});

describe('movePart', () => {
  it('walks a part from first save to approval', () => {
    expect(movePart('not_started', 'save', open())).toEqual({ ok: true, state: 'draft' });
    expect(movePart('draft', 'submit', open())).toEqual({ ok: true, state: 'submitted' });
    expect(movePart('submitted', 'approve', open({ actor: 'coordinator' }))).toEqual({
      ok: true,
      state: 'approved',
    });
  });

  it('returns a submitted part only with a reason, and lets the reporter resubmit it', () => {
    const noReason = movePart('submitted', 'return', open({ actor: 'coordinator', reason: '  ' }));
    expect(noReason).toMatchObject({ ok: false, refusal: { code: 'reason_required' } });
    expect(
      movePart('submitted', 'return', open({ actor: 'coordinator', reason: 'KPIの出典を追記' })),
    ).toEqual({
      ok: true,
      state: 'returned',
    });
    expect(movePart('returned', 'save', open())).toEqual({ ok: true, state: 'returned' });
    expect(movePart('returned', 'submit', open())).toEqual({ ok: true, state: 'submitted' });
  });

  it('refuses to submit while a flagged value has no note', () => {
    expect(movePart('draft', 'submit', open({ unnotedFlags: 1 }))).toMatchObject({
      ok: false,
      refusal: { code: 'flags_without_note' },
    });
  });

  it('leaves returning and approving to the coordinator', () => {
    expect(movePart('submitted', 'approve', open())).toMatchObject({ refusal: { code: 'not_yours' } });
    expect(movePart('submitted', 'return', open({ reason: 'x' }))).toMatchObject({
      refusal: { code: 'not_yours' },
    });
  });

  it('locks an approved part and a submitted one against its reporter', () => {
    for (const action of ['save', 'submit', 'return', 'approve'] as const)
      expect(movePart('approved', action, open({ actor: 'coordinator', reason: 'x' }))).toMatchObject({
        refusal: { code: 'part_locked' },
      });
    expect(movePart('submitted', 'save', open())).toMatchObject({ refusal: { code: 'part_locked' } });
  });

  it('moves nothing in a round that is not open, and nothing at all once published', () => {
    expect(movePart('draft', 'save', open({ roundState: 'draft' }))).toMatchObject({
      refusal: { code: 'round_not_open' },
    });
    expect(movePart('draft', 'save', open({ roundState: 'closed' }))).toMatchObject({
      refusal: { code: 'round_not_open' },
    });
    expect(movePart('approved', 'save', open({ roundState: 'published' }))).toMatchObject({
      refusal: { code: 'round_published' },
    });
  });
});

describe('publication', () => {
  it('names the parts not yet approved', () => {
    const parts = [
      { id: 'a', state: 'approved' as const },
      { id: 'b', state: 'returned' as const },
    ];
    expect(partsBlockingPublication(parts).map((p) => p.id)).toEqual(['b']);
  });

  it('publishes an embargoed round at its instant and not a moment before', () => {
    const round = { state: 'closed' as const, publishAt: '2025-07-31T01:00:00.000Z' };
    expect(roundStateAt(round, '2025-07-31T00:59:59.999Z')).toBe('closed');
    expect(roundStateAt(round, '2025-07-31T01:00:00.000Z')).toBe('published');
    expect(
      roundStateAt({ state: 'open', publishAt: '2025-07-31T01:00:00.000Z' }, '2026-01-01T00:00:00Z'),
    ).toBe('open');
  });
});
