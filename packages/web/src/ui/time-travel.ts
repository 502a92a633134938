// Time travel (見直し) in the address: ?revision=N (a revision) or ?revisionOn=YYYY-MM-DD (the one in force that
// day), kept beside ?at= (the status reference date), which keeps its own meaning.
import { isIsoDate } from './reference-date-param';

/** Which revision a page asks for; both absent is the plan as it stands. */
export interface TimeTravel {
  revision?: number;
  revisionOn?: string;
}

/** The revision asked for by the address: a whole number ≥ 1, or a real date; anything else is ignored. */
export function readTimeTravel(search: URLSearchParams): TimeTravel {
  const wanted = Number(search.get('revision'));
  if (search.get('revision') !== null && Number.isInteger(wanted) && wanted > 0) return { revision: wanted };
  const on = search.get('revisionOn');
  return on !== null && isIsoDate(on) ? { revisionOn: on } : {};
}

/** The address's parameters with the revision chosen (or none: the current plan), the others kept. */
export function withTimeTravel(search: URLSearchParams, choice: TimeTravel): URLSearchParams {
  const next = new URLSearchParams(search);
  next.delete('revision');
  next.delete('revisionOn');
  if (choice.revision !== undefined) next.set('revision', String(choice.revision));
  else if (choice.revisionOn !== undefined) next.set('revisionOn', choice.revisionOn);
  return next;
}

/** A key part for loaders, so that choosing another revision loads again. */
export function timeTravelKey(choice: TimeTravel): string {
  return `revision=${String(choice.revision ?? '')}&revisionOn=${choice.revisionOn ?? ''}`;
}

/** The Japan date (YYYY-MM-DD) of an ISO instant. */
export function japanDateOf(instant: string): string {
  return new Date(new Date(instant).getTime() + 9 * 3_600_000).toISOString().slice(0, 10);
}

/** 2025年8月1日 from 2025-08-01 (the banner's plain 西暦 date). */
export function japaneseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-').map(Number);
  return `${String(y)}年${String(m)}月${String(d)}日`;
}

/**
 * The published round a plan shown at a revision is reported on: the latest taken while that revision was in
 * force (its as-of date on or after the adoption's date in Japan; revision 1 takes the earlier ones too), as the
 * server's report chooses it. Without a revision, the latest published round.
 */
export function roundOfRevision<R extends { state: string; asOfDate: string }>(
  rounds: readonly R[],
  revision: { number: number; adoptedAt: string } | null | undefined,
): R | undefined {
  const from = revision && revision.number > 1 ? japanDateOf(revision.adoptedAt) : '';
  return rounds
    .filter((r) => r.state === 'published' && r.asOfDate >= from)
    .sort((a, b) => b.asOfDate.localeCompare(a.asOfDate))[0];
}
