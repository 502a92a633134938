import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePeriod } from './parse-period.js';
import type { ColumnPeriodKind, Period, PeriodKind, SinglePeriod } from './period.js';
import { COLUMN_PERIOD_KINDS, formatPeriod, periodToIsoInterval } from './period.js';
import { formatWareki } from './wareki.js';

function parsed(label: string): Period {
  const result = parsePeriod(label);
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('formatPeriod', () => {
  it.each([
    ['2024 年夏', '2024年夏'],
    ['2024年末', '2024年末'],
    ['２０２４年度末', '2024年度末'],
    ['令和7年度', '2025年度'],
    ['R10', '2028年度'],
    ['2026- 2028年度', '2026～2028年度'],
    ['H30-R5', '2018～2023年度'],
    ['2024-2028年度累積', '2024～2028年度累積'],
    ['R3～R5平均', '2021～2023年度平均'],
    ['(R5→R10)', '2023年度→2028年度'],
    ['(R10～)', '2028年度～'],
    ['2028年～', '2028年～'],
    ['令和5年末時点', '2023年12月末時点'],
    ['※2025年6月末時点', '2025年6月末時点'],
    ['令和7年6月26日時点', '2025年6月26日時点'],
    ['令和6年度補正予算', '2024年度補正'],
    ['令和7年度当初', '2025年度当初'],
    ['2021年→2028年', '2021年→2028年'],
    ['令和3年～令和5年', '2021～2023年'],
    ['2028年', '2028年'],
    ['令和6年末～令和6年度末', '2024年末～2024年度末'],
    ['2024年夏 ー 2024年末', '2024年夏～2024年末'],
    ['2025年度～2026-2028年度', '2025年度～2026～2028年度'],
    ['R6～R7年度～令和10年度末', '2024～2025年度～2028年度末'],
  ])('writes %s as %s', (label, canonical) => {
    expect(formatPeriod(parsed(label))).toBe(canonical);
  });
});

describe('periodToIsoInterval', () => {
  it('writes start/end, and .. for an open end', () => {
    expect(periodToIsoInterval(parsed('2024年度末'))).toBe('2025-03-01/2025-03-31');
    expect(periodToIsoInterval(parsed('(R10～)'))).toBe('2028-04-01/..');
  });
});

const DIGITS = '０１２３４５６７８９';
const toFullWidth = (text: string): string =>
  text.replace(/[0-9()R]/gu, (char) => {
    if (char === '(') return '（';
    if (char === ')') return '）';
    if (char === 'R') return 'Ｒ';
    return DIGITS[Number(char)] ?? char;
  });

const years = fc.integer({ min: 1990, max: 2100 });
const dash = fc.constantFrom('～', '〜', '~', '-', 'ー', '−', '‐', '- ', ' ～ ');
const writing = fc.constantFrom('西暦', 'kanji', 'letter');

/** A year written with its unit in one of the ways the documents use: 2025年度, 令和7年度, R7年度. */
const yearText = (fiscal: boolean) =>
  fc.tuple(years, writing).map(([year, how]) => {
    const text =
      how === '西暦'
        ? `${year}年${fiscal ? '度' : ''}`
        : `${formatWareki(year, { fiscal, style: how })}${how === 'letter' && fiscal ? '年度' : ''}`;
    return { year, text };
  });

/** A range of years, with the unit on the end only (2026-2028年度) or on both ends. */
const rangeText = (fiscal: boolean) =>
  fc.tuple(yearText(fiscal), yearText(fiscal), dash, fc.boolean()).map(([a, b, between, unitOnBoth]) => {
    const [first, last] = a.year <= b.year ? [a, b] : [b, a];
    const start = unitOnBoth || !/^\d/u.test(first.text) ? first.text : String(first.year);
    return `${start}${between}${last.text}`;
  });

const aggregate = fc.constantFrom('', '平均', '累積');

/** A label that can head a roadmap column, as the parts of a span: no 平均, 累積, 当初 or 補正. */
const columnLabels: Record<ColumnPeriodKind, fc.Arbitrary<string>> = {
  season: fc.tuple(yearText(false), fc.constantFrom('春', '夏', '秋')).map(([y, season]) => y.text + season),
  'year-end': yearText(false).map((y) => `${y.text}末`),
  'fiscal-year-end': yearText(true).map((y) => `${y.text}末`),
  'fiscal-year': fc.oneof(
    yearText(true).map((y) => y.text),
    years.map((year) => formatWareki(year, { fiscal: true, style: 'letter' })),
  ),
  'fiscal-year-range': rangeText(true),
};

const labelsByKind: Record<SinglePeriod['kind'], fc.Arbitrary<string>> = {
  season: columnLabels.season,
  'year-end': columnLabels['year-end'],
  'fiscal-year-end': columnLabels['fiscal-year-end'],
  'fiscal-year': fc
    .tuple(years, fc.constantFrom('', '当初', '補正'), fc.boolean())
    .map(([year, budget, letter]) =>
      letter && budget === ''
        ? formatWareki(year, { fiscal: true, style: 'letter' })
        : `${year}年度${budget}`,
    ),
  'fiscal-year-range': fc.tuple(rangeText(true), aggregate).map(([range, sum]) => range + sum),
  'calendar-year': yearText(false).map((y) => y.text),
  'calendar-year-range': fc.tuple(rangeText(false), aggregate).map(([range, sum]) => range + sum),
  point: fc.oneof(
    fc
      .tuple(yearText(false), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.boolean())
      .map(([y, month, day, monthEnd]) => `${y.text}${month}月${monthEnd ? '末' : `${day}日`}時点`),
    yearText(false).map((y) => `※${y.text}末時点`),
    yearText(true).map((y) => `${y.text}末時点`),
  ),
  half: fc
    .tuple(fc.oneof(yearText(true), yearText(false)), fc.constantFrom('上半期', '下半期', '上期', '下期'))
    .map(([y, half]) => y.text + half),
  quarter: fc.tuple(yearText(true), fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y.text}第${q}四半期`),
  months: fc
    .tuple(
      fc.oneof(yearText(true), yearText(false)),
      fc.integer({ min: 1, max: 12 }),
      fc.integer({ min: 0, max: 11 }),
    )
    .map(([y, first, more]) => {
      const last = Math.min(12, first + more);
      return first === last ? `${y.text}${first}月` : `${y.text}${first}～${last}月`;
    })
    // In a 年度, January to March come after December: 「2024年度2～5月」 runs backwards, so it is left out.
    .filter((label) => !/年度[1-3]～(?:[4-9]|1[0-2])月/u.test(label)),
  'open-from': fc.oneof(yearText(true), yearText(false)).map((y) => `${y.text}～`),
};

const kinds = Object.keys(labelsByKind) as (keyof typeof labelsByKind)[];

/** Two columns in order across a dash; two plain 年度 are left out, as they read as a fiscal-year range. */
const spanLabels = fc
  .tuple(fc.constantFrom(...COLUMN_PERIOD_KINDS), fc.constantFrom(...COLUMN_PERIOD_KINDS))
  .filter(([from, to]) => from !== 'fiscal-year' || to !== 'fiscal-year')
  .chain(([from, to]) => fc.tuple(columnLabels[from], dash, columnLabels[to]))
  .filter(([from, , to]) => (parsed(to).end ?? '') >= parsed(from).start)
  .map(([from, between, to]) => from + between + to);

/** A label of a given kind, sometimes in brackets, sometimes in full-width characters. */
const labels = (kind: PeriodKind): fc.Arbitrary<string> => {
  const text =
    kind === 'transition'
      ? fc
          .constantFrom(...kinds)
          .chain((inner) => fc.tuple(labelsByKind[inner], labelsByKind[inner]))
          .map(([from, to]) => `${from}→${to}`)
      : kind === 'span'
        ? spanLabels
        : labelsByKind[kind];
  return fc.tuple(text, fc.boolean(), fc.boolean()).map(([label, bracketed, wide]) => {
    const framed = bracketed ? `(${label})` : label;
    return wide ? toFullWidth(framed) : framed;
  });
};

describe('formatPeriod and parsePeriod', () => {
  it.each([...kinds, 'transition' as const, 'span' as const])(
    'round-trip every %s through the canonical label',
    (kind) => {
      fc.assert(
        fc.property(labels(kind), (label) => {
          const result = parsePeriod(label);
          // Two random periods may come in the wrong order for a transition; that is the parser's right answer.
          fc.pre(result.ok || kind !== 'transition');
          if (!result.ok) throw new Error(result.error.message);
          const period = result.value;
          expect(period.kind).toBe(kind);
          const canonical = formatPeriod(period);
          const again = parsed(canonical);
          expect(formatPeriod(again)).toBe(canonical);
          expect(again).toMatchObject({
            kind: period.kind,
            start: period.start,
            end: period.end,
            fiscalYear: period.fiscalYear,
            aggregate: period.aggregate,
            budget: period.budget,
          });
        }),
        { numRuns: 300 },
      );
    },
  );
});

describe('formatPeriod of the parts of a year', () => {
  it.each([
    ['令和6年度上半期', '2024年度上半期'],
    ['2024年度下期', '2024年度下半期'],
    ['2024年上半期', '2024年上半期'],
    ['R6年度第4四半期', '2024年度第4四半期'],
    ['2024年度第2四半期', '2024年度第2四半期'],
    ['2024年4～6月', '2024年4～6月'],
    ['2024年度1～3月', '2025年1～3月'],
    ['2024年度10月', '2024年10月'],
  ])('writes %s as %s', (label, expected) => {
    const parsed = parsePeriod(label);
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(formatPeriod(parsed.value)).toBe(expected);
  });
});
