import { newKpiReading, type KpiReading, type KpiProblem } from './kpi-text.js';
import { NUMBER, UNITS, datesOf, readNumber, readPeriodLabel } from './values.js';
import type { PeriodLabel } from './values.js';

/** Outcome targets read from one bullet of a strategic goal, and what could not be read. */
export interface OutcomeReading {
  readonly outcomes: KpiReading[];
  readonly problems: KpiProblem[];
}

const BRACKET = /\(([^()]{1,60})\)/gu;
const VALUE_IN_BRACKET = new RegExp(
  String.raw`^(世界)?(${NUMBER})(万|億)?(${UNITS.join('|')})?(以上|以下|以内|未満)?(?:→(${NUMBER})(万|億)?(${UNITS.join('|')})?)?(以上|以下|以内|未満)?$`,
  'u',
);
const INLINE_VALUE = new RegExp(
  String.raw`(${NUMBER})(万|億)?(${UNITS.join('|')})(以上|以下|以内|未満)`,
  'gu',
);
const BY_WHEN = /((?:令和|平成|R|H)(?:元|\d{1,2})年度?|\d{4}年度?)までに/u;

interface Bracket {
  readonly start: number;
  readonly end: number;
  readonly content: string;
}

/**
 * Reads an outcome bullet (normalised) in the forms of the plan's first page: "…件数(100件→150件)(2021年→
 * 2028年)", "…民間投資額(2倍)(2023年→2028年)", "…を新たに10社以上輩出(2028年)※…", "…世界有数(世界10位以内)の…
 * (2028年)", two targets sharing a period ("…件数(50件)、…件数(150件)(2024～2028年度累積)"), and a target without a
 * number ("…の解消(…2026年度までに開発に着手)").
 */
export function readOutcomeItem(text: string): OutcomeReading {
  const problems: KpiProblem[] = [];
  const mark = text.indexOf('※');
  const note = mark < 0 ? '' : text.slice(mark).trim();
  const body = (mark < 0 ? text : text.slice(0, mark)).trim();
  const brackets = findBrackets(body);

  let period: { bracket: Bracket; label: PeriodLabel } | null = null;
  for (const bracket of brackets) {
    const label = readPeriodLabel(bracket.content);
    if (label !== null && label.rest === '' && !VALUE_IN_BRACKET.test(bracket.content))
      period = { bracket, label };
  }

  if (period === null) {
    const by = BY_WHEN.exec(body);
    const label = by === null ? null : readPeriodLabel(by[1] ?? '');
    const open = body.indexOf('(');
    const name = (open > 0 ? body.slice(0, open) : body).trim() || body;
    const outcome = blank(name, note);
    if (label === null) {
      problems.push({
        code: 'outcome-unreadable',
        found: body,
        expected: 'a target and its period, e.g. "(100件→150件)(2021年→2028年)" or "(2028年)"',
        message:
          'No period could be read in this outcome target; it is kept as a qualitative target without period.',
        severity: 'warning',
      });
    } else {
      outcome.target = {
        value: null,
        label: label.label,
        fiscalYear: label.period.fiscalYear,
        dates: datesOf(label.period),
      };
    }
    outcome.shape = 'qualitative';
    if (open > 0) outcome.note = [body.slice(open), note].filter((s) => s !== '').join(' ');
    return { outcomes: [outcome], problems };
  }

  const head = body.slice(0, period.bracket.start);
  const after = body.slice(period.bracket.end).trim();
  const values = brackets.filter((b) => b.end <= period.bracket.start && VALUE_IN_BRACKET.test(b.content));
  const outcomes: KpiReading[] = [];
  if (values.length === 0) {
    // The target is the last count in the sentence: "企業価値100億円以上の…を新たに10社以上輩出" targets 10社.
    let inline: RegExpExecArray | null = null;
    INLINE_VALUE.lastIndex = 0;
    for (let m = INLINE_VALUE.exec(head); m !== null; m = INLINE_VALUE.exec(head)) inline = m;
    const outcome = blank(head.trim(), note);
    if (inline !== null) {
      outcome.unit = inline[3] ?? '';
      setPoints(outcome, null, readNumber(inline[1] ?? '', inline[2]), period.label);
    } else {
      setPoints(outcome, null, null, period.label);
      outcome.shape = 'qualitative';
    }
    outcomes.push(finish(outcome, inline?.[4] ?? ''));
  } else {
    let cursor = 0;
    for (const bracket of values) {
      const match = VALUE_IN_BRACKET.exec(bracket.content);
      if (match === null) continue;
      const segment = head.slice(cursor, bracket.start).replace(/^[、,\s]+/u, '');
      const trailing = nextSegmentText(head, bracket.end, values, period.bracket.start);
      // A bracket inside the sentence ("世界有数(世界10位以内)の…") keeps the sentence as the name.
      const name =
        trailing === '' ? segment.trim() : `${segment}${head.slice(bracket.start, bracket.end)}${trailing}`;
      const outcome = blank(name.trim(), note);
      const hasArrow = match[6] !== undefined;
      const first = readNumber(match[2] ?? '', match[3]);
      const second = hasArrow ? readNumber(match[6] ?? '', match[7]) : null;
      outcome.unit = match[4] ?? match[8] ?? '';
      setPoints(outcome, hasArrow ? first : null, hasArrow ? second : first, period.label);
      outcomes.push(finish(outcome, match[5] ?? match[9] ?? ''));
      cursor = bracket.end + trailing.length;
    }
  }
  if (after !== '')
    for (const outcome of outcomes) outcome.note = [outcome.note, after].filter((s) => s !== '').join(' ');
  return { outcomes, problems };
}

function findBrackets(text: string): Bracket[] {
  const brackets: Bracket[] = [];
  BRACKET.lastIndex = 0;
  for (let m = BRACKET.exec(text); m !== null; m = BRACKET.exec(text)) {
    brackets.push({ start: m.index, end: m.index + m[0].length, content: (m[1] ?? '').trim() });
  }
  return brackets;
}

// Text after a value bracket up to the next 、 that starts another target (or the period bracket).
function nextSegmentText(head: string, from: number, values: readonly Bracket[], limit: number): string {
  const next = values.find((b) => b.start >= from);
  const stop = next === undefined ? limit : next.start;
  const slice = head.slice(from, stop);
  const comma = slice.lastIndexOf('、');
  const text = next === undefined ? slice : comma < 0 ? '' : slice.slice(0, comma);
  return text.trim() === '' ? '' : text;
}

function blank(name: string, note: string): KpiReading {
  return newKpiReading(name === '' ? '成果目標' : name, false, note);
}

function setPoints(outcome: KpiReading, from: number | null, to: number | null, label: PeriodLabel): void {
  const { period } = label;
  if (period.kind === 'transition') {
    outcome.baseline = {
      value: from,
      label: period.from.label,
      fiscalYear: period.from.fiscalYear,
      dates: datesOf(period.from),
    };
    outcome.target = {
      value: to,
      label: period.to.label,
      fiscalYear: period.to.fiscalYear,
      dates: datesOf(period.to),
    };
  } else {
    outcome.target = { value: to, label: label.label, fiscalYear: period.fiscalYear, dates: datesOf(period) };
    if (period.aggregate === 'cumulative') outcome.shape = 'cumulative';
  }
}

function finish(outcome: KpiReading, qualifier: string): KpiReading {
  if (outcome.unit === '倍') outcome.shape = 'multiplier';
  if (outcome.unit === '位') {
    outcome.shape = 'rank';
    outcome.direction = 'decrease';
  }
  if (qualifier !== '') outcome.note = [qualifier, outcome.note].filter((s) => s !== '').join(' ');
  return outcome;
}
