import { parsePeriod } from '@kotei/domain';
import type { BudgetType } from '@kotei/domain';
import type { KpiProblem } from './kpi-text.js';
import { findTags, splitTrailingTags, stripBullet } from './text.js';
import { NUMBER } from './values.js';

/** One budget line of a project: 令和6年度補正予算30億円 → 3,000,000,000 yen, FY2024, supplementary. */
export interface BudgetLineDraft {
  amountYen: number | null;
  fiscalYear: number | null;
  type: BudgetType;
  isPartOf: boolean;
  label: string;
}

/** A budget project as a cell or list names it: 創薬エコシステム発展支援事業【厚】(令和6年度補正予算30億円). */
export interface ProjectReading {
  name: string;
  ministry: string | null;
  /** Further ministry tags on the same project (【健】【文】), kept for the measure's ministries. */
  otherMinistries: string[];
  lines: BudgetLineDraft[];
}

/** Projects read from one item, and text that was not a project. */
export interface ProjectItemReading {
  readonly projects: ProjectReading[];
  readonly leftover: string;
  readonly problems: KpiProblem[];
}

const BUDGET_WORDS = /予算|基金|億円|百万円|万円|千円/u;
const LINE = new RegExp(
  String.raw`^((?:令和|平成|R|H)?\s?(?:元|\d{1,4})\s?年度)\s?(当初|補正)\s?予算\s?(${NUMBER})\s?(億|千万|百万|万|千)?円(の内数)?`,
  'u',
);
const EXPONENT: Readonly<Record<string, number>> = { 億: 8, 千万: 7, 百万: 6, 万: 4, 千: 3 };
const MAX_BRACKET = 400;

/** Whether text states a budget: 予算, 基金 or an amount in 円. */
export function mentionsBudget(text: string): boolean {
  return BUDGET_WORDS.test(text);
}

/**
 * Reads one project item (normalised): one or more "name【省】(budget…)" joined by 、, a name without budget
 * ("大学病院改革ガイドライン【文】"), two years' budgets in one bracket, 内数, 基金事業, and a subtitle bracket after
 * the tag ("(後発医薬品産業構造改革支援事業)"), which stays with the name.
 */
export function readProjectItem(raw: string): ProjectItemReading {
  const problems: KpiProblem[] = [];
  const text = stripBullet(raw.trim());
  const tags = findTags(text);
  if (tags.length === 0) {
    const split = splitNameAndBrackets(text);
    if (split.budgets.length === 0) return { projects: [], leftover: text, problems };
    const project: ProjectReading = { name: split.name, ministry: null, otherMinistries: [], lines: [] };
    for (const budget of split.budgets) project.lines.push(...readBudget(budget, problems));
    return {
      projects: project.name === '' ? [] : [project],
      leftover: project.name === '' ? text : '',
      problems,
    };
  }

  const projects: ProjectReading[] = [];
  let boundary = 0;
  for (const tag of tags) {
    if (tag.start < boundary) continue;
    const before = text.slice(boundary, tag.start).replace(/^[\s、,，・]+/u, '');
    const previous = projects[projects.length - 1];
    if (before.trim() === '' && previous !== undefined) {
      // "…措置した【健】【文】": a second tag on the same project.
      previous.otherMinistries.push(tag.code);
      boundary = readBrackets(text, tag.end, previous, problems);
      continue;
    }
    const split = splitNameAndBrackets(before.trim());
    const project: ProjectReading = { name: split.name, ministry: tag.code, otherMinistries: [], lines: [] };
    for (const budget of split.budgets) project.lines.push(...readBudget(budget, problems));
    boundary = readBrackets(text, tag.end, project, problems);
    if (project.name === '') {
      problems.push({
        code: 'project-without-name',
        found: text,
        expected: 'a project name before 【省】',
        message: 'A ministry tag without a project name before it was skipped.',
        severity: 'warning',
      });
    } else {
      projects.push(project);
    }
    while (boundary < text.length && /[\s、,，]/u.test(text.charAt(boundary))) boundary += 1;
  }
  return { projects, leftover: text.slice(boundary).trim(), problems };
}

/**
 * Whether an item in the 該当事業 column reads as a progress report instead: a sentence ending in a tag ("…を
 * 行っている【厚】", "…を記載【厚】") with no budget bracket after the tag.
 */
export function readsAsProgress(text: string): boolean {
  const { text: body, codes } = splitTrailingTags(text);
  if (codes.length === 0) return false;
  if (body.includes('。')) return true;
  if (body.length > 80) return true;
  return /(?:いる|いた|した|する|予定|中|ところ|図る|行う|進める|とした)$/u.test(body.slice(-6));
}

// Reads the brackets right after a tag into the project: budget brackets become lines, others join the name.
function readBrackets(text: string, from: number, project: ProjectReading, problems: KpiProblem[]): number {
  let position = from;
  for (;;) {
    while (position < text.length && /\s/u.test(text.charAt(position))) position += 1;
    if (text.charAt(position) !== '(') return position;
    const close = matchingBracket(text, position);
    if (close < 0) return position;
    const content = text.slice(position + 1, close).trim();
    if (mentionsBudget(content)) project.lines.push(...readBudget(content, problems));
    else project.name = `${project.name}(${content})`;
    position = close + 1;
  }
}

function matchingBracket(text: string, open: number): number {
  let depth = 0;
  const end = Math.min(text.length, open + MAX_BRACKET);
  for (let i = open; i < end; i += 1) {
    const char = text.charAt(i);
    if (char === '(') depth += 1;
    else if (char === ')') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}

// "先導的大学改革推進委託事業(大学病院の…調査研究)" keeps its bracket; a budget bracket at the end of the name
// ("…事業(令和7年度当初予算1億円)【厚】") is a budget.
function splitNameAndBrackets(text: string): { name: string; budgets: string[] } {
  const budgets: string[] = [];
  let name = text.trim();
  for (let count = 0; count < 8 && name.endsWith(')'); count += 1) {
    const open = matchingOpen(name, name.length - 1);
    if (open < 0) break;
    const content = name.slice(open + 1, -1).trim();
    if (!mentionsBudget(content)) break;
    budgets.unshift(content);
    name = name.slice(0, open).trim();
  }
  return { name, budgets };
}

function matchingOpen(text: string, close: number): number {
  let depth = 0;
  const start = Math.max(0, close - MAX_BRACKET);
  for (let i = close; i >= start; i -= 1) {
    const char = text.charAt(i);
    if (char === ')') depth += 1;
    else if (char === '(') {
      depth -= 1;
      if (depth === 0) return i;
    }
  }
  return -1;
}

/** Reads a budget bracket: lines separated by 、 ("令和6年度当初予算1.17億円、令和7年度当初予算1.22億円"). */
export function readBudget(content: string, problems: KpiProblem[]): BudgetLineDraft[] {
  const lines: BudgetLineDraft[] = [];
  for (const segment of splitTopLevel(content)) {
    const label = segment.trim();
    if (label === '') continue;
    const match = LINE.exec(label);
    if (match !== null) {
      const period = parsePeriod(`${(match[1] ?? '').replace(/\s/gu, '')}${match[2] ?? ''}`);
      const amountYen = toYen(match[3] ?? '', match[4]);
      const fiscalYear = period.ok ? period.value.fiscalYear : null;
      const type: BudgetType = match[2] === '補正' ? 'supplementary' : 'initial';
      if (!period.ok || amountYen === null) {
        problems.push({
          code: 'budget-unreadable',
          found: label,
          expected: 'a budget such as 令和6年度補正予算30億円',
          message: `Could not read ${period.ok ? 'the amount' : 'the fiscal year'} of "${label}"; kept without it.`,
          severity: 'warning',
        });
      }
      lines.push({
        amountYen,
        fiscalYear: fiscalYear !== null && fiscalYear >= 1900 && fiscalYear <= 2200 ? fiscalYear : null,
        type,
        isPartOf: match[5] !== undefined || label.includes('内数'),
        label,
      });
    } else if (label.includes('基金')) {
      lines.push({
        amountYen: null,
        fiscalYear: null,
        type: 'fund',
        isPartOf: label.includes('内数'),
        label,
      });
    } else {
      problems.push({
        code: 'budget-unreadable',
        found: label,
        expected: 'a budget such as 令和7年度当初予算9.3億円, or 基金事業',
        message: `"${label}" was not read as a budget line.`,
        severity: 'warning',
      });
    }
  }
  return lines;
}

function splitTopLevel(content: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < content.length; i += 1) {
    const char = content.charAt(i);
    if (char === '(') depth += 1;
    else if (char === ')') depth = Math.max(0, depth - 1);
    else if ((char === '、' || char === ',') && depth === 0) {
      parts.push(content.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(content.slice(start));
  return parts;
}

/** 9.3 and 億 → 930,000,000: integer arithmetic on the digits, so no floating-point yen. */
export function toYen(number: string, unit: string | undefined): number | null {
  const [whole = '', fraction = ''] = number.replace(/,/gu, '').split('.');
  const exponent = unit === undefined ? 0 : (EXPONENT[unit] ?? 0);
  if (fraction.length > exponent) return null;
  const yen = Number(`${whole}${fraction}`) * 10 ** (exponent - fraction.length);
  return Number.isSafeInteger(yen) ? yen : null;
}
