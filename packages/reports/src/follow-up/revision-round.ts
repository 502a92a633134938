import { DomainError, endOfJapanDay } from '@kotei/domain';
import type { PlanTree, Round } from '@kotei/contracts';
import { reportRound } from './report-model.js';

/**
 * Whether a round was taken while the revision shown was in force: the revision in force at the end of its
 * as-of day in Japan (revision 1 for a round dated before any revision). The tree, read at that revision, holds
 * only rounds taken by the end of its time in force, so a round taken since its adoption is the revision's own.
 */
export function takenUnder(
  revision: NonNullable<PlanTree['revision']>,
  round: Pick<Round, 'asOfDate'>,
): boolean {
  return revision.number === 1 || Date.parse(endOfJapanDay(round.asOfDate)) >= Date.parse(revision.adoptedAt);
}

/**
 * The round a report of a revision is made for (time travel): the one named, or the latest published round
 * taken while that revision was in force, whenever it was published. A round taken under another revision
 * reports against that one, so it is not this revision's report: 404 `round_not_found`, as is a revision
 * under which no round was published. Without a revision shown, the plan's own round (`reportRound`).
 */
export function revisionRound(tree: Pick<PlanTree, 'slug' | 'rounds' | 'revision'>, roundId?: string): Round {
  const revision = tree.revision;
  if (!revision) return reportRound(tree, roundId);
  const own = tree.rounds.filter((r) => takenUnder(revision, r));
  if (roundId !== undefined && !own.some((r) => r.id === roundId))
    throw new DomainError(
      'not_found',
      'round_not_found',
      `No round ${roundId} taken while revision ${String(revision.number)} of plan "${tree.slug}" was in force: ` +
        'a round is reported against the revision in force on its as-of date',
    );
  if (roundId === undefined && !own.some((r) => r.state === 'published'))
    throw new DomainError(
      'not_found',
      'round_not_found',
      `Plan "${tree.slug}" has no published round taken while revision ${String(revision.number)} was in force`,
    );
  return reportRound({ slug: tree.slug, rounds: own }, roundId);
}
