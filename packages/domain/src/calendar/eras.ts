/** A Japanese era (元号); the next era is one more row in {@link ERAS}. */
export interface Era {
  /** The name as documents write it, e.g. 令和. */
  readonly name: string;
  /** The initial used in KPI cells, e.g. R in "R10". */
  readonly letter: string;
  /** The name as English text writes it, e.g. Reiwa. */
  readonly romaji: string;
  /** The first day in force, as an ISO date of the Gregorian calendar. */
  readonly firstDay: string;
}

/** The eras kotei reads and writes, oldest first. */
export const ERAS: readonly Era[] = [
  // The day 明治 was proclaimed (慶応4年9月8日). The decree made it run from 慶応4年1月1日 (1868-01-25), the
  // date some software uses; as Japan kept the lunisolar calendar until 1873, early 明治 dates never map
  // exactly either way, and no kotei document is that old.
  { name: '明治', letter: 'M', romaji: 'Meiji', firstDay: '1868-10-23' },
  { name: '大正', letter: 'T', romaji: 'Taisho', firstDay: '1912-07-30' },
  { name: '昭和', letter: 'S', romaji: 'Showa', firstDay: '1926-12-25' },
  { name: '平成', letter: 'H', romaji: 'Heisei', firstDay: '1989-01-08' },
  { name: '令和', letter: 'R', romaji: 'Reiwa', firstDay: '2019-05-01' },
];

/** The era with this name or letter (令和 or R), if there is one. */
export function findEra(nameOrLetter: string): Era | undefined {
  return ERAS.find((era) => era.name === nameOrLetter || era.letter === nameOrLetter);
}

/** The era in force on an ISO date, or undefined before the first era. */
export function eraOn(isoDate: string): Era | undefined {
  // Four-digit ISO dates order as strings do.
  return ERAS.findLast((era) => era.firstDay <= isoDate);
}

/** The Gregorian year of an era's 元年. */
export function eraFirstYear(era: Era): number {
  return Number(era.firstDay.slice(0, 4));
}

/** The Gregorian year in which the next era began (the era's last year), or null for the era in force. */
export function eraLastYear(era: Era): number | null {
  const next = ERAS[ERAS.indexOf(era) + 1];
  return next === undefined ? null : eraFirstYear(next);
}
