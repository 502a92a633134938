import { DomainError, hasPermission, type RoundState, type User } from '@kotei/domain';
import type { Actor } from './actor.js';

/** How a user stands to one ministry's part: its coordinator, its reporter, or neither. */
export type PartRole = 'coordinator' | 'reporter' | null;

/**
 * The coordinating office (progress:approve) acts on every part; a ministry's reporter only on its own
 * ministry's parts. The role is the one of the user's grant in force today (an ended grant gives none).
 */
export function partRoleOf(user: User | null, ministry: string | null): PartRole {
  if (user === null) return null;
  if (hasPermission(user, 'progress:approve')) return 'coordinator';
  if (hasPermission(user, 'progress:report') && user.ministry !== null && user.ministry === ministry)
    return 'reporter';
  return null;
}

/**
 * Whether the user's only part in a round is reporting for a ministry: such a user sees an unpublished round only
 * where it has a part of their ministry.
 */
export function reportsOnly(user: User | null): boolean {
  return (
    user !== null &&
    hasPermission(user, 'progress:report') &&
    !hasPermission(user, 'round:manage') &&
    !hasPermission(user, 'evaluation:write')
  );
}

/**
 * Whether the user works on unpublished rounds at all: the coordinating office, reporters and experts; and sees
 * them: a viewer reads their boards (each part's state), not a part's draft nor the experts' drafts.
 */
export function worksOnRounds(user: User | null): boolean {
  return (
    user !== null &&
    (hasPermission(user, 'round:manage') ||
      hasPermission(user, 'round:view') ||
      hasPermission(user, 'progress:report') ||
      hasPermission(user, 'evaluation:write'))
  );
}

/**
 * Refuse to show an unpublished round to someone who does not work on it: anonymous readers get 404, as if it
 * did not exist (its existence is not public either), the signed-in get 403.
 */
export function requireRoundVisible(actor: Actor, round: { id: string; state: string }): void {
  if ((round.state as RoundState) === 'published') return;
  if (actor.user === null)
    throw new DomainError('not_found', 'round_not_found', `No published round ${round.id}`);
  if (!worksOnRounds(actor.user))
    throw new DomainError(
      'forbidden',
      'forbidden',
      'Only those who work on a round see it before publication',
    );
}

/**
 * Refuse an unpublished round's evaluations to all but those who write or compile them (experts and the
 * coordinating office): a reporter works on the round but not on the experts' drafts.
 */
export function requireEvaluationsVisible(actor: Actor, round: { id: string; state: string }): void {
  requireRoundVisible(actor, round);
  if ((round.state as RoundState) === 'published') return;
  const user = actor.user;
  if (user === null || !(hasPermission(user, 'evaluation:write') || hasPermission(user, 'round:manage')))
    throw new DomainError(
      'forbidden',
      'forbidden',
      'Evaluations are seen by experts and the coordinating office until publication',
    );
}
