import { COLUMN_PERIOD_KINDS, parsePeriod } from '@kotei/domain';
import { cleanText } from './text.js';

/** What a roadmap column holds. */
export type ColumnRole = 'label' | 'period' | 'kpi' | 'progress' | 'projects' | 'unknown';

/** A header column: its role, and for a period column its label (2024年夏, 2026-2028年度). */
export interface HeaderColumn {
  readonly role: ColumnRole;
  readonly label: string;
  readonly periodIndex: number;
}

/** The columns of a roadmap table as its header row names them. */
export interface TableLayout {
  readonly columns: HeaderColumn[];
  /** Period labels in column order. */
  readonly periods: string[];
  readonly hasLabel: boolean;
  /** A measure title the header carries in its first cell (工程表④). */
  readonly headerTitle: string | null;
}

/** Where one cell of a row goes once the row is aligned with the header. */
export interface CellRole {
  readonly role: ColumnRole;
  readonly periodIndex: number;
  readonly header: string;
  /** A cell beyond the header's period columns, placed on the column before it. */
  readonly isSurplus: boolean;
}

const COLUMN_KINDS: ReadonlySet<string> = new Set(COLUMN_PERIOD_KINDS);

/** The label of a period column as stored: every space is a wrap artefact there ("2026- 2028年度" → "2026-2028年度"). */
export function periodColumnLabel(cell: string): string | null {
  const label = cleanText(cell).replace(/\s+/gu, '');
  if (label === '' || label.length > 30 || !/\d/u.test(label)) return null;
  const parsed = parsePeriod(label);
  if (!parsed.ok || !COLUMN_KINDS.has(parsed.value.kind)) return null;
  return parsed.value.aggregate === null && parsed.value.budget === null ? label : null;
}

/** Reads a header row; null when the row is not one (fewer than two period columns). */
export function readHeader(cells: readonly string[]): TableLayout | null {
  let width = cells.length;
  while (width > 0 && (cells[width - 1] ?? '').trim() === '') width -= 1;
  const columns: HeaderColumn[] = [];
  const periods: string[] = [];
  let headerTitle: string | null = null;
  for (let index = 0; index < width; index += 1) {
    const raw = cells[index] ?? '';
    const text = cleanText(raw);
    const period = periodColumnLabel(raw);
    if (period !== null) {
      columns.push({ role: 'period', label: period, periodIndex: periods.length });
      periods.push(period);
    } else if (/KPI|指標/u.test(text)) {
      columns.push({ role: 'kpi', label: text, periodIndex: -1 });
    } else if (text.includes('進捗')) {
      columns.push({ role: 'progress', label: text, periodIndex: -1 });
    } else if (text.includes('事業')) {
      columns.push({ role: 'projects', label: text, periodIndex: -1 });
    } else if (index === 0) {
      columns.push({ role: 'label', label: '', periodIndex: -1 });
      if (text !== '') headerTitle = text;
    } else {
      columns.push({ role: 'unknown', label: text, periodIndex: -1 });
    }
  }
  if (periods.length < 2) return null;
  return { columns, periods, hasLabel: columns[0]?.role === 'label', headerTitle };
}

/**
 * Aligns rows of `width` cells with the header. Rows as wide as the header map column by column. When rows are
 * wider (the header lost a column in conversion, 工程表⑦), the KPI, progress and project columns are counted from
 * the right, the label column stays first, the first half of the period columns map from the left and the rest
 * from the right; the cells left over in the middle are surplus and take the period column before them.
 */
export function alignRow(layout: TableLayout, width: number): CellRole[] {
  const { columns } = layout;
  const surplus = Math.max(0, width - columns.length);
  const firstPeriod = columns.findIndex((c) => c.role === 'period');
  const periodCount = layout.periods.length;
  const roles: CellRole[] = [];
  for (let index = 0; index < Math.max(width, columns.length); index += 1) {
    if (surplus === 0 || firstPeriod < 0) {
      roles.push(roleOf(columns[index]));
      continue;
    }
    const lastPeriodCell = firstPeriod + periodCount + surplus - 1;
    if (index < firstPeriod) {
      roles.push(roleOf(columns[index]));
    } else if (index <= lastPeriodCell) {
      const offset = index - firstPeriod;
      const left = Math.ceil(periodCount / 2);
      let periodIndex: number;
      let isSurplus = false;
      if (offset < left) periodIndex = offset;
      else if (offset >= left + surplus) periodIndex = offset - surplus;
      else {
        periodIndex = left - 1;
        isSurplus = true;
      }
      const column = columns[firstPeriod + periodIndex];
      roles.push({ role: 'period', periodIndex, header: column?.label ?? '', isSurplus });
    } else {
      roles.push(roleOf(columns[index - surplus]));
    }
  }
  return roles;
}

function roleOf(column: HeaderColumn | undefined): CellRole {
  if (column === undefined) return { role: 'unknown', periodIndex: -1, header: '', isSurplus: false };
  return { role: column.role, periodIndex: column.periodIndex, header: column.label, isSurplus: false };
}
