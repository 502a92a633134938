import type { Era } from './eras.js';
import { ERAS, eraFirstYear, eraLastYear, eraOn, findEra } from './eras.js';
import { fiscalYearStart } from './fiscal-year.js';
import { YEAR_RANGE, isoDate, isSupportedYear } from './iso-date.js';
import { normalizeText } from './normalize-text.js';
import type { ParseResult } from './parse-result.js';

/** A year in an era: 令和10 is { era: 令和, eraYear: 10 }. */
export interface Wareki {
  readonly era: Era;
  readonly eraYear: number;
}

/** A 和暦 year as read from text, with its Gregorian year and whether it names a fiscal year (年度). */
export interface ParsedWareki extends Wareki {
  readonly year: number;
  readonly fiscal: boolean;
}

/** Whether a year is meant as a fiscal year (年度) or a calendar year (年). */
export interface WarekiOptions {
  readonly fiscal?: boolean;
}

/** How to write a 和暦 year: kanji (令和10年度) or the letter of KPI cells (R10). */
export interface WarekiFormatOptions extends WarekiOptions {
  readonly style?: 'kanji' | 'letter';
}

// How far past an era's end its years are still read (平成32年 = 2020, 平成52年 = 2040 in long-term plans).
const OVERRUN_YEARS = 50;
const ERA_TOKENS = ERAS.flatMap((era) => [era.name, era.letter]).join('|');
const WAREKI = new RegExp(`^(${ERA_TOKENS})(元|\\d+)(年度|年)?$`, 'u');

/** Reads a 和暦 year such as R5, 令和5年度, 令和元年, H30 or Ｒ５; without 年 it is a fiscal year, as in KPI cells. */
export function parseWareki(text: string): ParseResult<ParsedWareki> {
  const compact = normalizeText(text).replace(/\s+/gu, '');
  const [, eraText = '', yearText = '', unit] = WAREKI.exec(compact) ?? [];
  const era = findEra(eraText);
  if (era === undefined) {
    return failure(text, compact, 'a 和暦 year such as R5, 令和5年度 or 令和元年');
  }
  const eraYear = yearText === '元' ? 1 : Number(yearText);
  const year = eraFirstYear(era) + eraYear - 1;
  // An era's years go on past its end in documents written before it ended (平成32年 is 2020, as plans adopted
  // in 平成 name their targets), up to OVERRUN_YEARS past it, as far as long-term plans look ahead.
  const end = eraLastYear(era);
  const lastYear = Math.min(end === null ? YEAR_RANGE.max : end + OVERRUN_YEARS, YEAR_RANGE.max);
  if (eraYear < 1 || year > lastYear) {
    return failure(text, compact, `a ${era.name} year from 元 to ${lastYear - eraFirstYear(era) + 1}`);
  }
  return { ok: true, value: { era, eraYear, year, fiscal: unit !== '年' } };
}

function failure(text: string, found: string, expected: string): ParseResult<never> {
  return {
    ok: false,
    error: { found, expected, message: `Cannot read "${text}" as a 和暦 year: expected ${expected}.` },
  };
}

/**
 * The era and era year of a Gregorian year; throws RangeError before 明治. A year that changes era takes the
 * era in force at its end (2019 is 令和元年), a fiscal year the era in force on its first day (FY2019 is
 * 平成31年度), as that year's budget and statutes were named.
 */
export function toWareki(year: number, { fiscal = false }: WarekiOptions = {}): Wareki {
  const era = isSupportedYear(year)
    ? eraOn(fiscal ? fiscalYearStart(year) : isoDate(year, 12, 31))
    : undefined;
  if (era === undefined) throw new RangeError(`No era for ${fiscal ? 'fiscal ' : ''}year ${year}`);
  return { era, eraYear: year - eraFirstYear(era) + 1 };
}

/** Writes a year in 和暦: 令和10年度, 令和元年; in letter style R10 (a fiscal year) or R1年. */
export function formatWareki(
  year: number,
  { fiscal = false, style = 'kanji' }: WarekiFormatOptions = {},
): string {
  const { era, eraYear } = toWareki(year, { fiscal });
  if (style === 'letter') return `${era.letter}${eraYear}${fiscal ? '' : '年'}`;
  return `${era.name}${eraYear === 1 ? '元' : eraYear}年${fiscal ? '度' : ''}`;
}

/** Writes a year in 和暦 and 西暦 together, as the UI shows years: 令和10年度 (2028). */
export function formatYearBoth(year: number, options: WarekiOptions = {}): string {
  return `${formatWareki(year, options)} (${year})`;
}
