import type { Direction, KpiShape } from '@kotei/domain';
import { stripRepost } from './text.js';
import { NUMBER, UNITS, VALUE, datesOf, readNumber, readPeriodLabel, type PeriodDates } from './values.js';

/** A KPI value and the period it is for, as the cell writes it (R10, 2024-2028年度累積 …). */
export interface PointReading {
  readonly value: number | null;
  readonly label: string;
  readonly fiscalYear: number;
  /** The label's dates, read with it: nothing later parses the label again. */
  readonly dates: PeriodDates;
}

/** A KPI read from one cell, before it is placed in a measure. */
export interface KpiReading {
  name: string;
  unit: string;
  shape: KpiShape;
  direction: Direction;
  baseline: PointReading | null;
  target: PointReading | null;
  /** The floor each unit must meet, for a share-meeting-bar KPI (全都道府県で80%以上 → 80). */
  bar: number | null;
  note: string;
  isRepost: boolean;
}

/** Something in a KPI cell the reader could not place. */
export interface KpiProblem {
  readonly code: string;
  readonly found: string;
  readonly expected: string;
  readonly message: string;
  readonly severity: 'error' | 'warning' | 'info';
}

/** KPIs read from a cell and what could not be read. */
export interface KpiCellReading {
  readonly kpis: KpiReading[];
  readonly problems: KpiProblem[];
}

interface Point {
  readonly start: number;
  readonly end: number;
  readonly value: number | null;
  readonly unit: string;
  readonly prefix: string;
  readonly qualifier: string;
  readonly label: string;
  readonly fiscalYear: number;
  readonly dates: PeriodDates;
  readonly aggregate: 'average' | 'cumulative' | null;
  readonly isRange: boolean;
  readonly rest: string;
  /** For "11件 → 70件 (R5→R10)": the value and label of the start. */
  readonly from: {
    value: number | null;
    unit: string;
    label: string;
    fiscalYear: number;
    dates: PeriodDates;
  } | null;
  /** A bracket that names a period without a value before it: "(R8)", "現在 (R5)". */
  readonly isBare: boolean;
}

const POINT = new RegExp(String.raw`${VALUE}\s{0,2}\(([^()]{1,40})\)`, 'gu');
const ARROW = new RegExp(String.raw`${VALUE}\s{0,2}→\s{0,2}${VALUE}\s{0,2}\(([^()]{1,60})\)`, 'gu');
const BRACKET = /\(([^()]{1,40})\)/gu;
const BY_WHEN = /((?:令和|平成|R|H)(?:元|\d{1,2})年(?:度)?末?|\d{4}年(?:度)?末?)までに/u;
const NAME_VALUE = new RegExp(
  String.raw`(年間|年平均)?(${NUMBER})(万)?(${UNITS.join('|')})(以上|以下|以内)?`,
  'u',
);
const LEADING_CONNECTORS = /^(?:[\s/)）、,，・]|や|及び|並びに|又は)+/u;
const TRAILING_CONNECTORS = new Set([' ', '\t', '/', '(', '（', '、', ',', '，', '・']);
const FOOTNOTE_REF = /※\d{0,2}/gu;

/**
 * Reads a KPI cell (already normalised): one or more KPIs, each a name and values with periods, in the forms
 * the seed writes — "14 (R10) 7 (R5)", "11件 → 70件 (R5→R10)", "8 (R7~R10)", "年間15件 (R10)", "過去3年度平均
 * 以上の … 1365件 (R3～R5平均)", "開発着手 (R8)", "… (R7までに目標設定)", "… 令和8年末までにOTC化", two metrics in
 * one cell ("…割合(29.8%(H30))や、Top10%論文数(…)"), and the 再掲 mark. `planFiscalYear` tells a baseline from a
 * target when a cell gives one value: a value for a year before the plan is a baseline.
 */
export function readKpiCell(text: string, planFiscalYear: number | null): KpiCellReading {
  const problems: KpiProblem[] = [];
  const { text: body, isRepost } = stripRepostAnywhere(text);
  const points = findPoints(body);
  if (points.length === 0) {
    const by = BY_WHEN.exec(body);
    const parsed = by === null ? null : readPeriodLabel(by[1] ?? '');
    if (by === null || parsed === null) {
      problems.push({
        code: 'kpi-unreadable',
        found: body,
        expected: 'a KPI name with a value and period, e.g. "… 14 (R10) 7 (R5)" or "… (R8)"',
        message:
          'No value or period could be read in this KPI cell; it is kept as a qualitative KPI without target.',
        severity: 'warning',
      });
      return { kpis: [newKpiReading(cleanName(body) || 'KPI', isRepost)], problems };
    }
    const kpi = newKpiReading(cleanName(body) || 'KPI', isRepost);
    kpi.shape = 'qualitative';
    kpi.target = {
      value: null,
      label: parsed.label,
      fiscalYear: parsed.period.fiscalYear,
      dates: datesOf(parsed.period),
    };
    return { kpis: [kpi], problems };
  }

  // Points whose gap before them holds a name start a new KPI; others add to the current one.
  const groups: { name: string; points: Point[]; lead: string }[] = [];
  let cursor = 0;
  for (const point of points) {
    const gap = body.slice(cursor, point.start);
    const current = groups[groups.length - 1];
    const name = cleanName(gap);
    if (current === undefined) {
      groups.push({ name, points: [point], lead: gap });
    } else if (hasNameContent(name) && current.name === '') {
      current.name = name;
      current.points.push(point);
    } else if (hasNameContent(name)) {
      groups.push({ name, points: [point], lead: gap });
    } else {
      current.points.push(point);
    }
    cursor = point.end;
  }
  const tail = body.slice(cursor).replace(/^[\s)]+/u, '');
  const kpis = groups.map((group) => assemble(group, planFiscalYear, isRepost, problems));
  applyTail(kpis, tail);
  return { kpis, problems };
}

/** Whether text holds a KPI value with a period ("15件 (R10)", "0拠点→16拠点(R5→R10)"): a KPI in the wrong column. */
export function hasKpiValue(text: string): boolean {
  return findPoints(text).some((point) => !point.isBare);
}

function stripRepostAnywhere(text: string): { text: string; isRepost: boolean } {
  const inner = /\s*\(\s*再掲\s*\)\s*/u;
  if (inner.test(text)) return { text: text.replace(inner, ' ').trim(), isRepost: true };
  return stripRepost(text);
}

function findPoints(text: string): Point[] {
  const points: Point[] = [];
  // Which characters a point already covers; a match is at most ~120 characters, so checks stay O(1).
  const covered = new Uint8Array(text.length);
  const isFree = (start: number, end: number): boolean => {
    for (let i = start; i < end; i += 1) if (covered[i] === 1) return false;
    return true;
  };
  const take = (start: number, end: number): void => {
    covered.fill(1, start, end);
  };

  ARROW.lastIndex = 0;
  for (let m = ARROW.exec(text); m !== null; m = ARROW.exec(text)) {
    const content = m[11] ?? '';
    const arrow = content.indexOf('→');
    const fromLabel = arrow < 0 ? null : readPeriodLabel(content.slice(0, arrow));
    const toLabel = arrow < 0 ? null : readPeriodLabel(content.slice(arrow + 1));
    if (fromLabel === null || toLabel === null) continue;
    const start = m.index;
    const end = start + m[0].length;
    take(start, end);
    points.push({
      start,
      end,
      value: readNumber(m[7] ?? '', m[8]),
      unit: m[9] ?? m[4] ?? '',
      prefix: m[6] ?? m[1] ?? '',
      qualifier: m[10] ?? '',
      label: toLabel.label,
      fiscalYear: toLabel.period.fiscalYear,
      dates: datesOf(toLabel.period),
      aggregate: toLabel.period.aggregate,
      isRange: toLabel.period.kind === 'fiscal-year-range',
      rest: '',
      from: {
        value: readNumber(m[2] ?? '', m[3]),
        unit: m[4] ?? '',
        label: fromLabel.label,
        fiscalYear: fromLabel.period.fiscalYear,
        dates: datesOf(fromLabel.period),
      },
      isBare: false,
    });
  }

  POINT.lastIndex = 0;
  for (let m = POINT.exec(text); m !== null; m = POINT.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const label = readPeriodLabel(m[6] ?? '');
    if (label === null || !isFree(start, end)) {
      // Try again from the next character: "10%論文数(1,139編(…))" must still find "1,139編(…)".
      POINT.lastIndex = start + 1;
      continue;
    }
    take(start, end);
    points.push(pointOf(start, end, m, label));
  }

  BRACKET.lastIndex = 0;
  for (let m = BRACKET.exec(text); m !== null; m = BRACKET.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    if (!isFree(start, end)) continue;
    const label = readPeriodLabel(m[1] ?? '');
    if (label === null) continue;
    take(start, end);
    points.push({
      start,
      end,
      value: null,
      unit: '',
      prefix: '',
      qualifier: '',
      label: label.label,
      fiscalYear: label.period.fiscalYear,
      dates: datesOf(label.period),
      aggregate: label.period.aggregate,
      isRange: label.period.kind === 'fiscal-year-range',
      rest: label.rest,
      from: null,
      isBare: true,
    });
  }
  return points.sort((a, b) => a.start - b.start);
}

function pointOf(
  start: number,
  end: number,
  m: RegExpExecArray,
  label: NonNullable<ReturnType<typeof readPeriodLabel>>,
): Point {
  const { period } = label;
  const isTransition = period.kind === 'transition';
  return {
    start,
    end,
    value: readNumber(m[2] ?? '', m[3]),
    unit: m[4] ?? '',
    prefix: m[1] ?? '',
    qualifier: m[5] ?? '',
    label: isTransition ? period.to.label : label.label,
    fiscalYear: period.fiscalYear,
    dates: datesOf(isTransition ? period.to : period),
    aggregate: isTransition ? period.to.aggregate : period.aggregate,
    isRange: (isTransition ? period.to.kind : period.kind) === 'fiscal-year-range',
    rest: label.rest,
    from: isTransition
      ? {
          value: null,
          unit: '',
          label: period.from.label,
          fiscalYear: period.from.fiscalYear,
          dates: datesOf(period.from),
        }
      : null,
    isBare: false,
  };
}

/** A KPI reading with only its name: a level KPI with no values yet, which the readers fill in. */
export function newKpiReading(name: string, isRepost: boolean, note = ''): KpiReading {
  const empty = { unit: '', baseline: null, target: null, bar: null } as const;
  return { name, shape: 'level', direction: 'increase', ...empty, note, isRepost };
}

function assemble(
  group: { name: string; points: Point[]; lead: string },
  planFiscalYear: number | null,
  isRepost: boolean,
  problems: KpiProblem[],
): KpiReading {
  const notes: string[] = [];
  let name = group.name;
  let shape: KpiShape | null = null;
  const average = /^過去\d{1,2}年度?平均以上の/u.exec(name);
  if (average !== null) {
    notes.push(average[0].replace(/の$/u, ''));
    name = name.slice(average[0].length);
    shape = 'at-least-average';
  }
  const everyUnit = /(全(?:都道府県|市町村|医療機関))で$/u.exec(name);
  if (everyUnit !== null) {
    notes.push(everyUnit[0]);
    name = name.slice(0, everyUnit.index);
    shape = 'share-meeting-bar';
  }

  const kpi = newKpiReading(name, isRepost);
  const valued = group.points.filter((p) => !p.isBare);
  const bare = group.points.filter((p) => p.isBare);
  const arrow = valued.find((p) => p.from !== null && p.from.value !== null);
  for (const point of group.points) if (point.rest !== '') notes.push(point.rest);

  if (arrow?.from) {
    kpi.baseline = {
      value: arrow.from.value,
      label: arrow.from.label,
      fiscalYear: arrow.from.fiscalYear,
      dates: arrow.from.dates,
    };
    kpi.target = toDraft(arrow);
  } else if (valued.length >= 2) {
    const byYear = [...valued].sort((a, b) => b.fiscalYear - a.fiscalYear);
    const [later, earlier] = [byYear[0], byYear[byYear.length - 1]];
    if (later !== undefined) kpi.target = toDraft(later);
    if (earlier !== undefined && earlier !== later) kpi.baseline = toDraft(earlier);
    if (valued.length > 2) {
      problems.push({
        code: 'kpi-extra-values',
        found: valued.map((p) => `${p.value ?? ''}${p.unit} (${p.label})`).join(' '),
        expected: 'one target and at most one baseline per KPI',
        message: `"${name}" has ${valued.length} values; the latest is read as target, the earliest as baseline.`,
        severity: 'warning',
      });
    }
  } else if (valued.length === 1 && valued[0] !== undefined) {
    const only = valued[0];
    if (only.from !== null) {
      // "70件 (R5→R10)": the value is the target; the start of the transition names the baseline year.
      kpi.target = toDraft(only);
      kpi.baseline = {
        value: null,
        label: only.from.label,
        fiscalYear: only.from.fiscalYear,
        dates: only.from.dates,
      };
    } else if (planFiscalYear !== null && only.fiscalYear < planFiscalYear) {
      kpi.baseline = toDraft(only);
    } else {
      kpi.target = toDraft(only);
    }
  }

  if (readBarePoints(kpi, name, group, bare, notes) && shape === null) shape = 'annual';

  const first = valued[0];
  if (first !== undefined && kpi.unit === '') kpi.unit = first.unit || (first.from?.unit ?? '');
  const prefixes = valued.map((p) => p.prefix).join('');
  const qualifiers = valued.map((p) => p.qualifier);
  if (shape === null) {
    shape = chooseShape(kpi, name, prefixes, qualifiers, valued, bare);
  }
  if (shape === 'at-least-average' && kpi.baseline !== null && kpi.target === null) kpi.target = kpi.baseline;
  if (shape === 'at-least-average' && kpi.target !== null && kpi.baseline === null) kpi.baseline = kpi.target;
  kpi.shape = shape;
  kpi.direction =
    shape === 'rank' || qualifiers.some((q) => q === '以下' || q === '未満') ? 'decrease' : 'increase';
  const target = kpi.target;
  const bar = valued.find((p) => p.label === target?.label);
  if (shape === 'share-meeting-bar' && target !== null && bar !== undefined) {
    const every = notes.find((n) => n.startsWith('全')) ?? '';
    notes.splice(notes.indexOf(every), every === '' ? 0 : 1);
    notes.unshift(
      `${every}${target.value ?? ''}${kpi.unit}${bar.qualifier}(基準値・実績・目標は基準に達しない単位の数)`,
    );
    // Values count the units below the bar, so the target is none of them; the bar is kept to count breakdowns.
    kpi.bar = target.value;
    kpi.target = { ...target, value: 0 };
  } else if (bar !== undefined && bar.qualifier !== '') {
    notes.push(`${target?.value ?? ''}${kpi.unit}${bar.qualifier}`);
  }
  kpi.note = [...new Set(notes)].join(' ');
  if (kpi.name === '') kpi.name = 'KPI';
  return kpi;
}

// Brackets naming a period without a value before them: "現在 (R5)" dates the count the name gives, a first
// one is the target's period (with the rate of "年平均3件" as its value), any further one is a note. True when a
// rate in the name makes the KPI an annual one.
function readBarePoints(
  kpi: KpiReading,
  name: string,
  group: { points: Point[]; lead: string },
  bare: readonly Point[],
  notes: string[],
): boolean {
  let isAnnual = false;
  for (const point of bare) {
    const isReference = /(?:現在|時点)\s*$/u.test(group.lead) && point === group.points[0];
    if (isReference && kpi.baseline === null) {
      // "現在 (R5) … 医薬品86品目のうち …": the bracket dates the count the name gives.
      const count = NAME_VALUE.exec(name);
      kpi.baseline = {
        value: count === null ? null : readNumber(count[2] ?? '', count[3]),
        label: point.label,
        fiscalYear: point.fiscalYear,
        dates: point.dates,
      };
      if (count !== null) kpi.unit = count[4] ?? '';
      notes.push(`現在(${point.label})`);
    } else if (kpi.target === null) {
      const rate = /^(年間|年平均)/u.test(name) ? NAME_VALUE.exec(name) : null;
      kpi.target = {
        value: rate === null ? null : readNumber(rate[2] ?? '', rate[3]),
        label: point.label,
        fiscalYear: point.fiscalYear,
        dates: point.dates,
      };
      if (rate !== null) {
        kpi.unit = rate[4] ?? '';
        isAnnual = true;
      }
    } else {
      notes.push(`(${point.label})`);
    }
  }
  return isAnnual;
}

function chooseShape(
  kpi: KpiReading,
  name: string,
  prefixes: string,
  qualifiers: string[],
  valued: Point[],
  bare: Point[],
): KpiShape {
  if (kpi.unit === '倍') return 'multiplier';
  if (kpi.unit === '位') return 'rank';
  if (qualifiers.includes('未達成') || qualifiers.includes('が未達成')) return 'share-meeting-bar';
  if (/^(年間|年平均)/u.test(name) || prefixes.includes('年間') || prefixes.includes('年平均'))
    return 'annual';
  const target = valued.find((p) => p.label === kpi.target?.label) ?? null;
  if (target?.aggregate === 'cumulative' || name.includes('累積')) return 'cumulative';
  if (target !== null && target.isRange && target.aggregate === null) return 'cumulative';
  if (kpi.target !== null && kpi.target.value === null && bare.length > 0) return 'qualitative';
  if (kpi.target === null && kpi.baseline === null) return 'qualitative';
  return 'level';
}

function toDraft(point: Point): PointReading {
  return { value: point.value, label: point.label, fiscalYear: point.fiscalYear, dates: point.dates };
}

function applyTail(kpis: KpiReading[], tail: string): void {
  if (tail === '') return;
  let rest = tail;
  const arrow = rest.indexOf('←');
  const last = kpis[kpis.length - 1];
  if (arrow >= 0 && last !== undefined) {
    // "(R10) ←H30からR5の6年間で12件": the baseline follows the arrow.
    const clause = rest.slice(arrow + 1);
    const range =
      /((?:令和|平成|R|H)?(?:元|\d{1,2})(?:年度?)?)から((?:令和|平成|R|H)?(?:元|\d{1,2})(?:年度?)?)/u.exec(
        clause,
      );
    const count = new RegExp(String.raw`(${NUMBER})(万)?(${UNITS.join('|')})`, 'gu');
    let value: RegExpExecArray | null = null;
    for (let m = count.exec(clause); m !== null; m = count.exec(clause)) value = m;
    const label = range === null ? null : readPeriodLabel(`${range[1] ?? ''}～${range[2] ?? ''}`);
    if (label !== null && value !== null && last.baseline === null) {
      last.baseline = {
        value: readNumber(value[1] ?? '', value[2]),
        label: label.label,
        fiscalYear: label.period.fiscalYear,
        dates: datesOf(label.period),
      };
      if (last.unit === '') last.unit = value[3] ?? '';
    }
    last.note = [last.note, `←${clause.trim()}`].filter((s) => s !== '').join(' ');
    rest = rest.slice(0, arrow);
  }
  const note = trimTrailing(rest.replace(LEADING_CONNECTORS, '')).trim();
  if (note === '') return;
  for (const kpi of kpis) kpi.note = [kpi.note, note].filter((s) => s !== '').join(' ');
}

/** A KPI name out of the text before its first value: brackets, connectors and footnote marks trimmed. */
function cleanName(text: string): string {
  const name = text.replace(FOOTNOTE_REF, '').replace(LEADING_CONNECTORS, '');
  return trimTrailing(name)
    .replace(/^現在$/u, '')
    .trim();
}

// A loop, not /[…]+$/: a regex anchored at the end retries every start and turns quadratic on long runs.
function trimTrailing(text: string): string {
  let end = text.length;
  while (end > 0 && TRAILING_CONNECTORS.has(text.charAt(end - 1))) end -= 1;
  return text.slice(0, end);
}

function hasNameContent(name: string): boolean {
  const letters = name.replace(/[\d\s%.,()（）/、・]|現在|等|や|及び/gu, '');
  return letters.length >= 2;
}
