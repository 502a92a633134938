import { describe, expect, it } from 'vitest';
import {
  mayChangeEvaluation,
  mayCompileOverallEvaluation,
  mayRate,
  type ChangeContext,
  type RatingContext,
} from './evaluation-rules.js';

const SHEET = 'sheet-2';
const rating = (over: Partial<RatingContext> = {}): RatingContext => ({
  roundState: 'open',
  sheetId: SHEET,
  conflictSheetIds: new Set(),
  ...over,
});
const change = (over: Partial<ChangeContext> = {}): ChangeContext => ({
  ...rating(),
  isOwn: true,
  isWithdrawn: false,
  ...over,
});
const codeOf = (verdict: ReturnType<typeof mayRate>) => (verdict.ok ? 'ok' : verdict.refusal.code);

describe('mayRate', () => {
  it('lets an expert rate while the round is open or closed', () => {
    expect(mayRate(rating())).toEqual({ ok: true });
    expect(mayRate(rating({ roundState: 'closed' }))).toEqual({ ok: true });
  });

  it('refuses a published round as immutable and a draft round as not open', () => {
    expect(codeOf(mayRate(rating({ roundState: 'published' })))).toBe('round_published');
    expect(codeOf(mayRate(rating({ roundState: 'draft' })))).toBe('round_not_open_for_evaluation');
  });

  it('refuses a sheet the expert declared a conflict of interest on, and only that sheet', () => {
    const declared = new Set([SHEET]);
    expect(codeOf(mayRate(rating({ conflictSheetIds: declared })))).toBe('conflict_of_interest');
    expect(mayRate(rating({ conflictSheetIds: declared, sheetId: 'sheet-3' }))).toEqual({ ok: true });
    // The plan as a whole and a goal are no sheet: a sheet's declaration does not reach them.
    expect(mayRate(rating({ conflictSheetIds: declared, sheetId: null }))).toEqual({ ok: true });
  });
});

describe('mayChangeEvaluation', () => {
  it('lets the writer edit and withdraw a standing evaluation before publication', () => {
    expect(mayChangeEvaluation('edit', change())).toEqual({ ok: true });
    expect(mayChangeEvaluation('withdraw', change({ roundState: 'closed' }))).toEqual({ ok: true });
  });

  it('refuses anyone but the writer, whatever the round', () => {
    expect(codeOf(mayChangeEvaluation('edit', change({ isOwn: false })))).toBe('not_yours');
    expect(codeOf(mayChangeEvaluation('withdraw', change({ isOwn: false, roundState: 'published' })))).toBe(
      'not_yours',
    );
  });

  it('locks every evaluation of a published round, withdrawn or not', () => {
    expect(codeOf(mayChangeEvaluation('edit', change({ roundState: 'published' })))).toBe('round_published');
    expect(codeOf(mayChangeEvaluation('withdraw', change({ roundState: 'published' })))).toBe(
      'round_published',
    );
  });

  it('refuses to edit or withdraw again what was withdrawn', () => {
    expect(codeOf(mayChangeEvaluation('edit', change({ isWithdrawn: true })))).toBe('evaluation_withdrawn');
    expect(codeOf(mayChangeEvaluation('withdraw', change({ isWithdrawn: true })))).toBe(
      'evaluation_withdrawn',
    );
  });

  it('refuses to edit a rating of a sheet declared since, but lets the expert withdraw it', () => {
    const declared = change({ conflictSheetIds: new Set([SHEET]) });
    expect(codeOf(mayChangeEvaluation('edit', declared))).toBe('conflict_of_interest');
    expect(mayChangeEvaluation('withdraw', declared)).toEqual({ ok: true });
  });
});

describe('mayCompileOverallEvaluation', () => {
  it('lets the coordinating office write until publication, and never after', () => {
    for (const state of ['draft', 'open', 'closed'] as const)
      expect(mayCompileOverallEvaluation(state)).toEqual({ ok: true });
    expect(codeOf(mayCompileOverallEvaluation('published'))).toBe('round_published');
  });
});
