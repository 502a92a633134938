import { isoDate } from './iso-date.js';

// Japan has kept UTC+9 with no daylight saving since 1952, so adding nine hours and reading the UTC fields is
// exact, needs no time-zone database, and never looks at the zone of the process or the browser.
const JAPAN_OFFSET_MS = 9 * 60 * 60 * 1000;

/** Where "now" comes from; services take one so that tests can fix the date. */
export interface Clock {
  now(): Date;
}

/** The clock of the machine. */
export const systemClock: Clock = { now: () => new Date() };

/** A clock stopped at an instant written with Z or an offset, e.g. "2025-06-30T09:00:00+09:00". */
export function fixedClock(isoInstant: string): Clock {
  // Without a zone, Date.parse reads local time, which would make a test depend on the machine it runs on.
  const hasZone = /^\d{4}-\d{2}-\d{2}$|(?:Z|[+-]\d{2}:\d{2})$/.test(isoInstant);
  const ms = Date.parse(isoInstant);
  if (!hasZone || Number.isNaN(ms)) throw new RangeError(`Not an ISO instant with a zone: "${isoInstant}"`);
  return { now: () => new Date(ms) };
}

/** The calendar date (YYYY-MM-DD) in Japan at an instant, whatever the zone of the process. */
export function toJapanDate(instant: Date): string {
  const time = instant.getTime();
  if (Number.isNaN(time)) throw new RangeError('Invalid Date');
  const shifted = new Date(time + JAPAN_OFFSET_MS);
  return isoDate(shifted.getUTCFullYear(), shifted.getUTCMonth() + 1, shifted.getUTCDate());
}

/** Today's date in Japan by the given clock. */
export function todayInJapan(clock: Clock): string {
  return toJapanDate(clock.now());
}

/** The last instant (ISO, UTC) of a calendar date's day in Japan: when something dated that day is counted. */
export function endOfJapanDay(date: string): string {
  return new Date(`${date}T23:59:59.999+09:00`).toISOString();
}
