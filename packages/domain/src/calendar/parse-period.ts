import type { Era } from './eras.js';
import { ERAS } from './eras.js';
import { fiscalYearEnd, fiscalYearOfDate, fiscalYearStart } from './fiscal-year.js';
import { YEAR_RANGE, daysInMonth, isSupportedYear, isoDate } from './iso-date.js';
import { normalizeText } from './normalize-text.js';
import type { ParseError, ParseResult } from './parse-result.js';
import type {
  ColumnPeriod,
  Period,
  PeriodAggregate,
  PeriodBudget,
  SinglePeriod,
  SpanPeriod,
} from './period.js';
import { COLUMN_PERIOD_KINDS, SEASONS } from './period.js';
import { parseWareki } from './wareki.js';

/** The answer of {@link parsePeriod}: a period, or what was expected where. */
export type PeriodParseResult = ParseResult<Period>;

// The documents dash ranges with either wave dash, ー, −, ‐ or - (DOMAIN.md), and sometimes ~ or –.
const RANGE_DASHES = ['～', '~', '-', '‐', '‑', '‒', '–', '—', '―', '−', 'ー'];
const POINT_WORDS = ['時点', '現在'];
const UNDATED = /^(?:できるだけ|できる限り|可能な限り)?(?:早期|早急|速やか)(?:に)?$|^年度内$/u;
const UNDATED_EXPECTED = 'a year with it: 早期 and 年度内 alone name no date (e.g. 2025年度内)';
const ERA_TOKENS = ERAS.flatMap((era) => [era.name, era.letter]).join('|');
const YEAR_TOKEN = new RegExp(`(?:${ERA_TOKENS})(?:元|\\d+)|\\d+`, 'uy');
const NUMBER = /\d+/uy;
const COLUMN_KINDS: ReadonlySet<string> = new Set(COLUMN_PERIOD_KINDS);
const COLUMN_EXPECTED =
  'a roadmap column after the dash (2024年夏, 2024年末, 2024年度末, 2025年度 or 2026～2028年度, ' +
  'without 平均, 累積, 当初 or 補正)';

interface Year {
  readonly year: number;
  readonly era: Era | null;
}

type Fields = Omit<SinglePeriod, 'label'>;

class PeriodSyntaxError extends Error {
  constructor(
    readonly found: string,
    readonly expected: string,
  ) {
    super(`expected ${expected}`);
  }
}

class Scanner {
  position = 0;

  constructor(readonly text: string) {}

  get done(): boolean {
    return this.position >= this.text.length;
  }

  eat(...words: readonly string[]): string | null {
    const word = words.find((candidate) => this.text.startsWith(candidate, this.position));
    if (word !== undefined) this.position += word.length;
    return word ?? null;
  }

  match(pattern: RegExp): string | null {
    pattern.lastIndex = this.position;
    const match = pattern.exec(this.text);
    if (match !== null) this.position = pattern.lastIndex;
    return match?.[0] ?? null;
  }

  expect(word: string): void {
    if (this.eat(word) === null) this.fail(word);
  }

  fail(expected: string, at = this.position): never {
    throw new PeriodSyntaxError(this.text.slice(at), expected);
  }
}

/** How far a failed reading got into the text, to tell which of two readings explains the failure. */
interface Failure {
  readonly error: PeriodSyntaxError;
  readonly reach: number;
}

/**
 * Reads a period label as the documents write it (2024年度末, 2026- 2028年度, R3～R5平均, (R5→R10), (R10～),
 * ※2025年6月末時点, 2024年末～2024年度末 …); never throws. KPI years are fiscal unless the text says 年, so R10
 * alone is FY2028.
 */
export function parsePeriod(label: string): PeriodParseResult {
  // Inside a label every space is a wrap artefact ("2026- 2028年度", "2024 年夏"), so all of them go.
  const text = unwrap(normalizeText(label).replace(/\s+/gu, ''));
  // 早期 (as early as possible) and 年度内 without a year are times the tables write, but name no date.
  if (UNDATED.test(text)) {
    return { ok: false, error: describe(label, new PeriodSyntaxError(text, UNDATED_EXPECTED)) };
  }
  try {
    const arrow = text.indexOf('→');
    if (arrow < 0) return { ok: true, value: { ...readSingleOrSpan(text), label } };
    const from = readSingle(text.slice(0, arrow));
    const to = readSingle(text.slice(arrow + 1));
    if (to.start < from.start) {
      throw new PeriodSyntaxError(text.slice(arrow + 1), `a period after → no earlier than ${from.label}`);
    }
    const { start } = from;
    const { end, fiscalYear } = to;
    return {
      ok: true,
      value: { kind: 'transition', start, end, fiscalYear, aggregate: null, budget: null, from, to, label },
    };
  } catch (error) {
    if (!(error instanceof PeriodSyntaxError)) throw error;
    return { ok: false, error: describe(label, error) };
  }
}

// A label may carry the note mark ※ and one pair of brackets, in either order: ※(R10), (※R10).
function unwrap(text: string): string {
  const bare = text.replace(/^※/u, '');
  const inner = /^\((.*)\)$/u.exec(bare)?.[1];
  return inner === undefined ? bare : inner.replace(/^※/u, '');
}

function describe(label: string, error: PeriodSyntaxError): ParseError {
  const found = error.found === '' ? 'the end of the text' : `"${error.found}"`;
  return {
    found: error.found,
    expected: error.expected,
    message: `Cannot read "${label}" as a period: expected ${error.expected}, found ${found}.`,
  };
}

function readSingle(text: string): SinglePeriod {
  const scanner = new Scanner(text);
  const fields = readFields(scanner);
  if (!scanner.done) scanner.fail('the end of the period');
  return { ...fields, label: text };
}

/**
 * Reads a period without an arrow. What the grammar of single periods reads keeps that reading (2026～2028年度,
 * R3～R5平均, 2021～2023年); only text it refuses is tried as a span across roadmap columns.
 */
function readSingleOrSpan(text: string): SinglePeriod | SpanPeriod {
  try {
    return readSingle(text);
  } catch (error) {
    if (!(error instanceof PeriodSyntaxError)) throw error;
    const span = readSpan(text);
    if (span === null) throw error;
    if ('kind' in span) return span;
    // The reading that got further explains the failure: 2024年末～R5平均 fails as a span, R5～R10平均x as a range.
    throw span.reach > text.length - error.found.length ? span.error : error;
  }
}

/**
 * Reads two roadmap columns joined by a dash (2024年夏～2024年度末, 2025年度～2026-2028年度), splitting at the
 * first dash that leaves a column on each side; null when no dash has a column before it. Two plain 年度 around
 * a dash are a fiscal-year range, never a span, so they are left to the range grammar and its errors (R10～R5).
 */
function readSpan(text: string): SpanPeriod | Failure | null {
  let failure: Failure | null = null;
  for (let dash = 0; dash < text.length; dash += 1) {
    if (!RANGE_DASHES.includes(text.charAt(dash))) continue;
    const from = tryReadSingle(text.slice(0, dash));
    if (!(from instanceof PeriodSyntaxError) && isColumn(from)) {
      const attempt = readSpanEnd(text, dash, from);
      if (attempt !== null && !('error' in attempt)) return attempt;
      if (attempt !== null && (failure === null || attempt.reach > failure.reach)) failure = attempt;
    }
  }
  return failure;
}

function readSpanEnd(text: string, dash: number, from: ColumnPeriod): SpanPeriod | Failure | null {
  const rest = text.slice(dash + 1);
  const to = tryReadSingle(rest);
  if (to instanceof PeriodSyntaxError) {
    return { error: new PeriodSyntaxError(rest, COLUMN_EXPECTED), reach: text.length - to.found.length };
  }
  if (!isColumn(to)) return { error: new PeriodSyntaxError(rest, COLUMN_EXPECTED), reach: text.length };
  if (from.kind === 'fiscal-year' && to.kind === 'fiscal-year') return null;
  if (to.end < from.start) {
    const expected = `a column after the dash that ends no earlier than the start of ${from.label}`;
    return { error: new PeriodSyntaxError(rest, expected), reach: text.length };
  }
  const { start } = from;
  const { end } = to;
  const fiscalYear = fiscalYearOfDate(end);
  return { kind: 'span', start, end, fiscalYear, aggregate: null, budget: null, from, to, label: text };
}

function tryReadSingle(text: string): SinglePeriod | PeriodSyntaxError {
  try {
    return readSingle(text);
  } catch (error) {
    if (error instanceof PeriodSyntaxError) return error;
    throw error;
  }
}

function isColumn(period: SinglePeriod): period is ColumnPeriod {
  return (
    COLUMN_KINDS.has(period.kind) &&
    period.end !== null &&
    period.aggregate === null &&
    period.budget === null
  );
}

function readFields(scanner: Scanner): Fields {
  const first = readYear(scanner, null);
  const { year } = first;
  const unit = scanner.eat('年度', '年');
  const part = unit === null ? null : readPartOfYear(scanner, year, unit === '年度');
  if (part !== null) return part;
  if (unit === '年') {
    const seasonName = scanner.eat(...SEASONS.map((candidate) => candidate.name));
    const season = SEASONS.find((candidate) => candidate.name === seasonName);
    if (season !== undefined) {
      const lastMonth = season.firstMonth + 2;
      const end = isoDate(year, lastMonth, daysInMonth(year, lastMonth));
      return span('season', isoDate(year, season.firstMonth, 1), end);
    }
    if (scanner.eat('末') !== null) {
      return readPointWord(scanner)
        ? point(year, 12, 31)
        : span('year-end', isoDate(year, 12, 1), isoDate(year, 12, 31));
    }
    const monthAt = scanner.position;
    const month = scanner.match(NUMBER);
    if (month !== null) return readDate(scanner, year, Number(month), monthAt);
  }
  if (unit === '年度' && scanner.eat('内') !== null) {
    return span('fiscal-year', fiscalYearStart(year), fiscalYearEnd(year));
  }
  if (unit === '年度' && scanner.eat('末') !== null) {
    return readPointWord(scanner)
      ? point(year + 1, 3, 31)
      : span('fiscal-year-end', isoDate(year + 1, 3, 1), isoDate(year + 1, 3, 31));
  }
  const isFiscal = unit === '年度' || (unit === null && first.era !== null);
  const budget = isFiscal ? readBudget(scanner) : null;
  if (budget !== null) return { ...span('fiscal-year', fiscalYearStart(year), fiscalYearEnd(year)), budget };
  if (scanner.eat(...RANGE_DASHES) !== null) return readRangeEnd(scanner, first, unit);
  if (unit === '年') return span('calendar-year', isoDate(year, 1, 1), isoDate(year, 12, 31));
  if (!isFiscal) scanner.fail('年度 or 年 after a 西暦 year');
  return span('fiscal-year', fiscalYearStart(year), fiscalYearEnd(year));
}

/**
 * A part of a year after 年 or 年度: 上半期/下半期 (上期/下期), 第1～第4四半期 (a 年度's quarters start in April), or a
 * run of months (4～6月, 10月; in a 年度, January to March belong to the next calendar year). Null when none follows.
 */
function readPartOfYear(scanner: Scanner, year: number, fiscal: boolean): Fields | null {
  const firstMonth = fiscal ? 4 : 1;
  const half = scanner.eat('上半期', '上期', '下半期', '下期');
  if (half !== null) {
    const start = half.startsWith('上') ? firstMonth : firstMonth + 6;
    return months('half', year, start, start + 5);
  }
  const at = scanner.position;
  if (scanner.eat('第') !== null) {
    const quarter = Number(
      scanner.match(/[1-4]/uy) ?? scanner.fail('a quarter from 1 to 4 after 第', at + 1),
    );
    scanner.expect('四半期');
    const start = firstMonth + 3 * (quarter - 1);
    return months(fiscal ? 'quarter' : 'months', year, start, start + 2);
  }
  const month = scanner.match(/\d{1,2}(?=(?:[～~\-‐‑‒–—―−ー]\d{1,2})?月(?!末|\d))/uy);
  if (month === null) return null;
  let last = Number(month);
  if (scanner.eat(...RANGE_DASHES) !== null) last = Number(scanner.match(NUMBER));
  scanner.expect('月');
  const shift = (m: number): number => (fiscal && m < 4 ? m + 12 : m);
  const first = shift(Number(month));
  const end = shift(last);
  if (first < 1 || end > (fiscal ? 15 : 12) || end < first || Number(month) > 12 || last > 12) {
    scanner.fail('months from 1 to 12, the first no later than the last', at);
  }
  return months('months', year, first, end);
}

// Months counted from January of `year` (13 is January of the next year), first day to last day.
function months(kind: 'half' | 'quarter' | 'months', year: number, first: number, last: number): Fields {
  const startYear = year + Math.floor((first - 1) / 12);
  const startMonth = ((first - 1) % 12) + 1;
  const endYear = year + Math.floor((last - 1) / 12);
  const endMonth = ((last - 1) % 12) + 1;
  return span(
    kind,
    isoDate(startYear, startMonth, 1),
    isoDate(endYear, endMonth, daysInMonth(endYear, endMonth)),
  );
}

function readYear(scanner: Scanner, inherited: Era | null): Year {
  const at = scanner.position;
  const token = scanner.match(YEAR_TOKEN);
  if (token === null) return scanner.fail('a year such as 2025, R7 or 令和7');
  if (/^\d+$/u.test(token)) {
    if (token.length === 4) {
      const year = Number(token);
      if (!isSupportedYear(year)) scanner.fail(`a year from ${YEAR_RANGE.min} to ${YEAR_RANGE.max}`, at);
      return { year, era: null };
    }
    // 令和6～10年度: the end of a range keeps the era of its start.
    if (inherited === null || token.length > 2) {
      scanner.fail('a four-digit year or a 和暦 year such as R7', at);
    }
    return readWareki(scanner, inherited.name + token, at);
  }
  return readWareki(scanner, token, at);
}

function readWareki(scanner: Scanner, token: string, at: number): Year {
  const wareki = parseWareki(token);
  if (!wareki.ok) return scanner.fail(wareki.error.expected, at);
  return { year: wareki.value.year, era: wareki.value.era };
}

function readDate(scanner: Scanner, year: number, month: number, monthAt: number): Fields {
  if (month < 1 || month > 12) scanner.fail('a month from 1 to 12', monthAt);
  scanner.expect('月');
  const lastDay = daysInMonth(year, month);
  let day = lastDay;
  if (scanner.eat('末') === null) {
    const at = scanner.position;
    day = Number(scanner.match(NUMBER) ?? scanner.fail('末 or a day after 月'));
    if (day < 1 || day > lastDay) scanner.fail(`a day from 1 to ${lastDay}`, at);
    scanner.expect('日');
  }
  if (!readPointWord(scanner)) scanner.fail('時点 after a date');
  return point(year, month, day);
}

function readRangeEnd(scanner: Scanner, first: Year, firstUnit: string | null): Fields {
  if (scanner.done) {
    if (firstUnit === null && first.era === null) scanner.fail('年度 or 年 before the dash', 0);
    const start = firstUnit === '年' ? isoDate(first.year, 1, 1) : fiscalYearStart(first.year);
    return span('open-from', start, null, first.year);
  }
  const at = scanner.position;
  const last = readYear(scanner, first.era);
  if (last.year < first.year) scanner.fail(`a year not before ${first.year}`, at);
  const unitAt = scanner.position;
  const lastUnit = scanner.eat('年度', '年');
  if (firstUnit !== null && lastUnit !== null && lastUnit !== firstUnit) {
    scanner.fail(`${firstUnit}, as at the start of the range`, unitAt);
  }
  const unit = lastUnit ?? firstUnit;
  if (unit === null && first.era === null && last.era === null) scanner.fail('年度 or 年 after a 西暦 year');
  const aggregate = readAggregate(scanner);
  return unit === '年'
    ? { ...span('calendar-year-range', isoDate(first.year, 1, 1), isoDate(last.year, 12, 31)), aggregate }
    : { ...span('fiscal-year-range', fiscalYearStart(first.year), fiscalYearEnd(last.year)), aggregate };
}

function readAggregate(scanner: Scanner): PeriodAggregate | null {
  if (scanner.eat('平均') !== null) return 'average';
  return scanner.eat('累積', '累計') === null ? null : 'cumulative';
}

function readBudget(scanner: Scanner): PeriodBudget | null {
  const word = scanner.eat('当初', '補正');
  if (word === null) return null;
  scanner.eat('予算');
  return word === '当初' ? 'initial' : 'supplementary';
}

function readPointWord(scanner: Scanner): boolean {
  return scanner.eat(...POINT_WORDS) !== null;
}

function point(year: number, month: number, day: number): Fields {
  const date = isoDate(year, month, day);
  return span('point', date, date);
}

function span(
  kind: Fields['kind'],
  start: string,
  end: string | null,
  fiscalYear = fiscalYearOfDate(end ?? start),
): Fields {
  return { kind, start, end, fiscalYear, aggregate: null, budget: null };
}
