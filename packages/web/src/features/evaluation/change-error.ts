import { ApiError } from '../../api/client';
import type { MessageKey } from '../../i18n/ja';

/**
 * The sentence for a refused edit, withdrawal or overall text: a stale version (someone saved first: the list
 * is read again and shows theirs), a published round, a withdrawn evaluation, a declared conflict of interest.
 */
export function changeErrorKey(caught: unknown): MessageKey {
  const code = caught instanceof ApiError ? caught.code : 'unexpected';
  switch (code) {
    case 'stale_version':
      return 'evaluation.error.stale';
    case 'round_published':
      return 'evaluation.error.published';
    case 'evaluation_withdrawn':
      return 'evaluation.error.withdrawn';
    case 'conflict_of_interest':
      return 'evaluation.error.conflictOfInterest';
    case 'unauthenticated':
      return 'evaluation.error.signIn';
    case 'forbidden':
    case 'not_yours':
      return 'evaluation.error.forbidden';
    default:
      return 'evaluation.error.generic';
  }
}
