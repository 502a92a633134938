import { fiscalYearOfDate } from './fiscal-year.js';
import { daysInMonth, parseIsoDate } from './iso-date.js';

/** The shapes of period the documents write, from 2024年夏 to (R5→R10). */
export type PeriodKind =
  | 'season'
  | 'year-end'
  | 'fiscal-year-end'
  | 'fiscal-year'
  | 'fiscal-year-range'
  | 'calendar-year'
  | 'calendar-year-range'
  | 'point'
  | 'half'
  | 'quarter'
  | 'months'
  | 'open-from'
  | 'transition'
  | 'span';

/** The kinds that head a roadmap's period columns, and so the kinds a span runs between. */
export const COLUMN_PERIOD_KINDS = [
  'season',
  'year-end',
  'fiscal-year-end',
  'fiscal-year',
  'fiscal-year-range',
] as const satisfies readonly PeriodKind[];

/** The kind of a roadmap period column: 2024年夏, 2024年末, 2024年度末, 2025年度, 2026～2028年度. */
export type ColumnPeriodKind = (typeof COLUMN_PERIOD_KINDS)[number];

/** How a range's yearly values combine: 平均 (mean) or 累積 (sum). */
export type PeriodAggregate = 'average' | 'cumulative';

/** The budget a fiscal year names: 当初 (initial) or 補正 (supplementary). */
export type PeriodBudget = 'initial' | 'supplementary';

interface PeriodFields {
  /** First day, ISO date. */
  readonly start: string;
  /** Last day, ISO date, inclusive; null when open ended (R10～). */
  readonly end: string | null;
  /** The fiscal year that stands for the period: the one holding its end; when open ended, its first year. */
  readonly fiscalYear: number;
  readonly aggregate: PeriodAggregate | null;
  readonly budget: PeriodBudget | null;
  /**
   * The text it was read from, untouched (for the parts of a transition or a span, that part of the normalised
   * text).
   */
  readonly label: string;
}

/** A period that is not made of two others (a transition or a span). */
export interface SinglePeriod extends PeriodFields {
  readonly kind: Exclude<PeriodKind, 'transition' | 'span'>;
}

/** A period that can head a roadmap column: closed, and neither averaged nor a budget. */
export interface ColumnPeriod extends SinglePeriod {
  readonly kind: ColumnPeriodKind;
  readonly end: string;
  readonly aggregate: null;
  readonly budget: null;
}

/** A move from one period to another, as baseline → target: (R5→R10), 2021年→2028年. */
export interface TransitionPeriod extends PeriodFields {
  readonly kind: 'transition';
  readonly from: SinglePeriod;
  readonly to: SinglePeriod;
}

/**
 * A roadmap phase whose cell spans several period columns, from the start of the first to the end of the last:
 * 2024年末～2024年度末, 2025年度～2026-2028年度.
 */
export interface SpanPeriod extends PeriodFields {
  readonly kind: 'span';
  readonly end: string;
  readonly from: ColumnPeriod;
  readonly to: ColumnPeriod;
}

/** A stretch of time as the documents name it, with its original label. */
export type Period = SinglePeriod | TransitionPeriod | SpanPeriod;

/** The seasons a period can name, by first month; 冬 is left out because it straddles two years. */
export const SEASONS = [
  { name: '春', firstMonth: 3 },
  { name: '夏', firstMonth: 6 },
  { name: '秋', firstMonth: 9 },
] as const;

const AGGREGATE_SUFFIX = { average: '平均', cumulative: '累積' } as const satisfies Record<
  PeriodAggregate,
  string
>;
const BUDGET_SUFFIX = { initial: '当初', supplementary: '補正' } as const satisfies Record<
  PeriodBudget,
  string
>;

/**
 * The canonical label of a period, in 西暦 as the roadmap columns write it: 2024年夏, 2024年末, 2024年度末,
 * 2025年度, 2024年度補正, 2026～2028年度, 2021～2023年度平均, 2028年, 2021～2023年, 2023年12月末時点,
 * 2025年6月15日時点, 2028年度～, 2028年～, 2023年度→2028年度, 2024年末～2024年度末.
 */
export function formatPeriod(period: Period): string {
  const start = parseIsoDate(period.start);
  const end = period.end === null ? start : parseIsoDate(period.end);
  const aggregate = period.aggregate === null ? '' : AGGREGATE_SUFFIX[period.aggregate];
  switch (period.kind) {
    case 'season': {
      const season = SEASONS.find((candidate) => candidate.firstMonth === start.month);
      if (season === undefined) throw new RangeError(`No season starts on ${period.start}`);
      return `${start.year}年${season.name}`;
    }
    case 'year-end':
      return `${start.year}年末`;
    case 'fiscal-year-end':
      return `${fiscalYearOfDate(period.start)}年度末`;
    case 'fiscal-year':
      return `${fiscalYearOfDate(period.start)}年度${period.budget === null ? '' : BUDGET_SUFFIX[period.budget]}`;
    case 'fiscal-year-range':
      return `${fiscalYearOfDate(period.start)}～${fiscalYearOfDate(period.end ?? period.start)}年度${aggregate}`;
    case 'calendar-year':
      return `${start.year}年`;
    case 'calendar-year-range':
      return `${start.year}～${end.year}年${aggregate}`;
    case 'point': {
      const day = start.day === daysInMonth(start.year, start.month) ? '末' : `${start.day}日`;
      return `${start.year}年${start.month}月${day}時点`;
    }
    case 'half': {
      // A half starts in April or October (年度) or in January or July (年).
      const fiscal = start.month === 4 || start.month === 10;
      const first = start.month === 4 || start.month === 1;
      return `${fiscal ? `${fiscalYearOfDate(period.start)}年度` : `${start.year}年`}${first ? '上半期' : '下半期'}`;
    }
    case 'quarter':
      return `${fiscalYearOfDate(period.start)}年度第${fiscalQuarter(start.month)}四半期`;
    case 'months':
      return start.month === end.month
        ? `${start.year}年${start.month}月`
        : `${start.year}年${start.month}～${end.year === start.year ? '' : `${end.year}年`}${end.month}月`;
    case 'open-from':
      // An open period keeps its basis in its first day: 04-01 for 年度, 01-01 for 年.
      return start.month === 4 ? `${fiscalYearOfDate(period.start)}年度～` : `${start.year}年～`;
    case 'transition':
      return `${formatPeriod(period.from)}→${formatPeriod(period.to)}`;
    case 'span':
      return `${formatPeriod(period.from)}～${formatPeriod(period.to)}`;
  }
}

// April–June is the first quarter of a fiscal year, January–March the fourth.
function fiscalQuarter(startMonth: number): number {
  return Math.floor(((startMonth + 8) % 12) / 3) + 1;
}

/** The period as an ISO 8601 interval of dates: 2025-03-01/2025-03-31, or 2028-04-01/.. when open ended. */
export function periodToIsoInterval(period: Period): string {
  return `${period.start}/${period.end ?? '..'}`;
}
