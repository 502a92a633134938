import { normalizeText } from '@kotei/domain';
import { readValueCell } from './cell-value.js';
import type { Grid, GridRow } from './grid.js';
import type { TableKpi } from './table-kpis.js';
import type { EraHint } from './years.js';
import { readYear } from './years.js';

// KPIs listed as their name and the target in a bracket, 「〇年間新規透析患者数【2028年度までに35,000人以下に減少】」:
// how 改革工程表 and 成長戦略 write their KPIs, with no table around them. Each item opens with a mark; its name and
// its bracket wrap over lines, and the bracket may hold its own bullets. Read only where two items or more are
// found, so a bracket in prose is no KPI.

const MARK = /^[〇○◯●◆◇■□]\s*/u;
const ITEM = /^(?<name>[^【】]+?)\s*【(?<content>[^【】]+)】/u;
// The deadline in the bracket: 「2028年度までに」, 「2022年度までに」, 「2025年まで」, 「2021年度中」.
const DEADLINE =
  /^(?<period>(?:令和|平成)?\s*(?:元|\d{1,4})\s*年度?(?:末)?)\s*(?:までに|まで|中|内)(?:に|には)?\s*(?<value>.*)$/u;
// What the target does, after its figure (「以下に減少」, 「以上に増加」): the direction, not the unit.
const CHANGE = /(?:に|へ)?(?<change>減少|増加|削減|向上|抑制|低減|拡大)(?:させる|する)?$/u;
const MIN_ITEMS = 2;

interface Item {
  readonly line: number;
  readonly lineTo: number;
  readonly text: string;
}

function lineText(row: GridRow): string {
  return row.cells
    .map((cell) => cell.text.trim())
    .filter((text) => text !== '')
    .join(' ');
}

function isOpen(text: string): boolean {
  return text.lastIndexOf('【') > text.lastIndexOf('】');
}

/** The marked items of the rows, each with the lines it wraps over joined. */
function itemsOf(rows: readonly GridRow[]): Item[] {
  const items: Item[] = [];
  let current: { line: number; lineTo: number; parts: string[] } | null = null;
  const close = (): void => {
    if (current !== null) items.push({ ...current, text: current.parts.join('') });
    current = null;
  };
  for (const row of rows) {
    const text = normalizeText(lineText(row));
    const open = current !== null && isOpen(current.parts.join(''));
    if (text === '') {
      if (!open) close();
    } else if (MARK.test(text) && !open) {
      close();
      current = { line: row.line, lineTo: row.line, parts: [text.replace(MARK, '')] };
    } else if (current !== null && (open || !current.parts.join('').includes('【'))) {
      current.parts.push(text);
      current.lineTo = row.line;
    } else close();
  }
  close();
  return items;
}

function kpiOf(item: Item, grid: Grid, hint: EraHint): TableKpi | null {
  const found = ITEM.exec(item.text)?.groups;
  const deadline = found === undefined ? null : DEADLINE.exec(found.content ?? '')?.groups;
  if (found === undefined || deadline === undefined || deadline === null) return null;
  const period = readYear(deadline.period ?? '', hint);
  const words = (deadline.value ?? '').trim();
  const change = CHANGE.exec(words)?.groups?.change;
  // A target set against a base (「2008年度と比べて25%減少」) is a direction with no figure of its own.
  const whole = readValueCell(words, hint);
  const reading = whole.value === null ? whole : readValueCell(words.replace(CHANGE, ''), hint);
  // Several targets in one bracket (「・20~64歳:男性9,000歩、女性8,500歩・65歳以上:…」): kept as words, never one
  // of their figures taken for the target.
  const several = (words.match(/[、・]/gu) ?? []).length > 0 && (words.match(/\d[\d,.]*/gu) ?? []).length > 2;
  if (period === null) return null;
  if (!several && reading.value === null && reading.breakdown.length === 0 && change === undefined)
    return null;
  const direction =
    change === undefined
      ? (reading.direction ?? (reading.bound === 'max' ? 'decrease' : null))
      : /減少|削減|抑制|低減/u.test(change)
        ? 'decrease'
        : 'increase';
  const ref = `line ${item.line}`;
  return {
    name: (found.name ?? '').trim(),
    unit: several ? '' : reading.unit,
    section: grid.sheet,
    group: null,
    baseline: null,
    target: {
      value: several ? null : reading.value,
      year: period.year,
      fiscal: period.fiscal,
      label: period.label,
      unit: several ? '' : reading.unit,
      breakdown: several ? [] : reading.breakdown,
      bound: reading.bound,
      ref,
      raw: found.content ?? '',
    },
    actuals: [],
    latest: null,
    direction,
    notes: reading.words === null && !several ? [] : [`目標: ${found.content ?? ''}`],
    status: '',
    owner: '',
    sheet: grid.sheet,
    line: item.line,
    lineTo: item.lineTo,
    rawText: item.text,
  };
}

/** The KPIs a text lists as 「〇名称【…年度までに目標】」, or none where fewer than two items read so. */
export function readDeadlineKpis(grid: Grid, rows: readonly GridRow[], hint: EraHint): TableKpi[] {
  const kpis = itemsOf(rows)
    .map((item) => kpiOf(item, grid, hint))
    .filter((kpi): kpi is TableKpi => kpi !== null);
  return kpis.length >= MIN_ITEMS ? kpis : [];
}
