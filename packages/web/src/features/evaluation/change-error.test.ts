import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { changeErrorKey } from './change-error';

describe('changeErrorKey', () => {
  it('names why a change was refused, by the answer’s code', () => {
    expect(changeErrorKey(new ApiError(409, 'stale_version', ''))).toBe('evaluation.error.stale');
    expect(changeErrorKey(new ApiError(409, 'round_published', ''))).toBe('evaluation.error.published');
    expect(changeErrorKey(new ApiError(409, 'conflict_of_interest', ''))).toBe(
      'evaluation.error.conflictOfInterest',
    );
    expect(changeErrorKey(new ApiError(403, 'not_yours', ''))).toBe('evaluation.error.forbidden');
  });

  it('falls back to “try again” for anything else', () => {
    expect(changeErrorKey(new ApiError(500, 'internal', ''))).toBe('evaluation.error.generic');
    expect(changeErrorKey(new Error('network'))).toBe('evaluation.error.generic');
  });
});
