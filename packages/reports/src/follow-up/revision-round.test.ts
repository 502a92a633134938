import { describe, expect, it } from 'vitest';
import type { PlanTree, Round } from '@kotei/contracts';
import { revisionRound, takenUnder } from './revision-round.js';

const round = (id: string, asOfDate: string, publishedAt: string | null = null): Round => ({
  id,
  title: id,
  asOfDate,
  deadline: null,
  publishAt: null,
  publishedAt,
  state: 'published',
});
// Revision 2 adopted on 2025-08-01 at 10:00 in Japan.
const r2 = { number: 2, latest: 3, reason: '見直し', adoptedAt: '2025-08-01T01:00:00.000Z' };

describe('takenUnder', () => {
  it('counts a round at the end of its as-of day in Japan, whenever it was published', () => {
    expect(takenUnder(r2, round('a', '2025-07-31', '2025-09-01T00:00:00.000Z'))).toBe(false);
    expect(takenUnder(r2, round('b', '2025-08-01'))).toBe(true);
    // Revision 1 takes the rounds dated before any revision was adopted.
    expect(takenUnder({ ...r2, number: 1 }, round('old', '2020-03-31'))).toBe(true);
  });
});

describe('revisionRound', () => {
  const rounds = [round('a', '2025-07-31', '2025-09-01T00:00:00.000Z'), round('b', '2025-08-31')];
  const tree = (revision: PlanTree['revision']): Pick<PlanTree, 'slug' | 'rounds' | 'revision'> => ({
    slug: 'p',
    rounds,
    revision,
  });

  it("takes the revision's own latest round, the plan's latest without a revision", () => {
    expect(revisionRound(tree(r2)).id).toBe('b');
    expect(revisionRound(tree({ ...r2, number: 1 })).id).toBe('b');
    expect(revisionRound(tree(undefined)).id).toBe('b');
  });

  it('refuses a round taken under another revision, and a revision under which none was taken', () => {
    expect(revisionRound(tree(r2), 'b').id).toBe('b');
    expect(() => revisionRound(tree(r2), 'a')).toThrow(/No round a taken while revision 2/);
    expect(() => revisionRound({ ...tree(r2), rounds: rounds.slice(0, 1) })).toThrow(
      /no published round taken while revision 2/,
    );
  });
});
