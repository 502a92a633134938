import type { KeyedKpi } from '../corpus.js';

/**
 * A layout of a KPI table as offices publish it, each dimension a small pure choice that combines with the others.
 * `renderLayout` writes KPIs of the answer keys into a logical table in that layout, and gives the key of the KPIs
 * it wrote (the same names, units, values and years: a layout changes only how they are written).
 */
export type ValueRole = 'baseline' | 'target' | 'latest';
export type ColumnKind = 'name' | 'unit' | ValueRole | 'dept' | 'status';
export type UnitPlace = 'column' | 'cell' | 'header' | 'name';
export type YearPlace = 'after' | 'before' | 'fullwidth' | 'columns' | 'two-row' | 'target-header';
export type EraStyle = 'western' | 'japanese' | 'short';

export interface Vocabulary {
  readonly name: string;
  readonly unit: string;
  readonly baseline: string;
  readonly target: string;
  readonly latest: string;
}

export interface Layout {
  /** The order of the columns; `unit` is dropped unless the unit has a column of its own. */
  readonly order: readonly ColumnKind[];
  readonly vocabulary: Vocabulary;
  readonly unit: UnitPlace;
  readonly years: YearPlace;
  readonly era: EraStyle;
  /** Actuals in year columns (実績値 over R2 | R3 | R4) instead of one latest column. */
  readonly actualYears: boolean;
  /** Section rows (基本目標1 …) between KPI rows. */
  readonly sections: boolean;
  /** A note row (※…) after the last KPI. */
  readonly note: boolean;
  /** A title line and a blank line before the header. */
  readonly title: boolean;
}

const PLAIN_VOCABULARY: Vocabulary = {
  name: '指標',
  unit: '単位',
  baseline: '基準値',
  target: '目標値',
  latest: '実績値',
};

export const VOCABULARIES: readonly Vocabulary[] = [
  PLAIN_VOCABULARY,
  { name: '項目', unit: '単位', baseline: '策定時', target: '目標(期限)', latest: '最新値' },
  { name: '成果指標', unit: '単位', baseline: '現状値', target: '目標値', latest: '実績' },
  { name: 'KPI', unit: '単位', baseline: '当初値', target: '目標', latest: '直近値' },
  { name: '指標名', unit: '単位', baseline: '計画策定時の数値', target: '目標値', latest: '実績値' },
  { name: 'Indicator', unit: 'Unit', baseline: 'Baseline', target: 'Target', latest: 'Actual' },
];

export const BASE_LAYOUT: Layout = {
  order: ['name', 'unit', 'baseline', 'target', 'latest'],
  vocabulary: PLAIN_VOCABULARY,
  unit: 'column',
  years: 'after',
  era: 'western',
  actualYears: false,
  sections: false,
  note: false,
  title: false,
};

/** A merged header cell, in the coordinates of the header rows. */
export interface Merge {
  readonly row: number;
  readonly column: number;
  readonly rows: number;
  readonly columns: number;
}

/** A table as laid out, before it is written in an input kind. */
export interface LogicalTable {
  readonly title: string | null;
  readonly header: readonly (readonly string[])[];
  readonly merges: readonly Merge[];
  /** Body rows; a section row has its text in the first cell and nothing else. */
  readonly body: readonly (readonly string[])[];
  readonly sectionRows: ReadonlySet<number>;
  readonly note: string | null;
  readonly width: number;
}

/** What a layout rendered: the table and the key of the KPIs in it. */
export interface Rendered {
  readonly table: LogicalTable;
  readonly key: readonly KeyedKpi[];
}

const DEPARTMENTS = ['企画課', '福祉課', '教育総務課', '子育て支援課', '都市計画課'];
const GRADES = ['◎', '○', '△'];

/** A year as a cell writes it, in the layout's era style. */
export function yearText(year: number, era: EraStyle, bare = false): string {
  const suffix = bare ? '' : '年度';
  if (era === 'western') return `${year}${suffix}`;
  if (era === 'short') return year >= 2019 ? `R${year - 2018}${suffix}` : `H${year - 1988}${suffix}`;
  if (year >= 2019) return year === 2019 ? '令和元年度' : `令和${year - 2018}年度`;
  return year === 1989 ? '平成元年度' : `平成${year - 1988}年度`;
}

/** A figure as written: thousands grouped. */
export function figureText(value: number): string {
  return value.toLocaleString('en-US', { maximumFractionDigits: 4 });
}

/** The text of one value cell: its figure, unit where the layout puts it in the cell, and year. */
function valueCell(point: KeyedKpi['baseline'], unit: string, layout: Layout, withYear: boolean): string {
  if (point === null || point[0] === null) return '―';
  const figure = figureText(point[0]) + (layout.unit === 'cell' ? unit : '');
  const year = point[1];
  if (!withYear || year === null) return figure;
  if (layout.years === 'before') return `(${yearText(year, layout.era, layout.era === 'western')}) ${figure}`;
  if (layout.years === 'fullwidth') return `${figure}（${yearText(year, layout.era)}）`;
  return `${figure} (${yearText(year, layout.era)})`;
}

function yearCell(point: KeyedKpi['baseline'], era: EraStyle): string {
  return point === null || point[1] === null ? '' : yearText(point[1], era);
}

/** The years of the actual columns: the three years up to the latest year most KPIs share. */
export function actualYearsOf(kpis: readonly KeyedKpi[]): number[] {
  const counts = new Map<number, number>();
  for (const kpi of kpis)
    if (kpi.latest?.[1] != null) counts.set(kpi.latest[1], (counts.get(kpi.latest[1]) ?? 0) + 1);
  const last = [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? 2020;
  return [last - 2, last - 1, last];
}

/**
 * The KPIs a layout can write truthfully, from a pool: one unit for a unit in the header, one target year in the
 * header, latest years in the year columns; then at most `TABLE_SIZE`, spread over the pool.
 */
export function kpisFor(layout: Layout, kpis: readonly KeyedKpi[]): KeyedKpi[] {
  let chosen = [...kpis];
  if (layout.unit === 'header') chosen = chosen.filter((kpi) => kpi.unit === '%');
  if (layout.years === 'target-header') {
    const years = chosen.map((kpi) => kpi.target?.[1]).filter((year): year is number => year != null);
    const common = mostCommon(years);
    chosen = chosen.filter((kpi) => kpi.target?.[1] === common);
  }
  if (layout.actualYears) {
    const years = actualYearsOf(chosen);
    chosen = chosen.filter((kpi) => kpi.latest?.[1] != null && years.includes(kpi.latest[1]));
  }
  return spread(chosen, TABLE_SIZE);
}

/** KPIs a table holds at most. */
export const TABLE_SIZE = 12;

/** Every n-th item, so that a sample of a list keeps its variety (units, sizes of figures, years). */
export function spread<T>(items: readonly T[], size: number): T[] {
  const step = Math.max(1, Math.floor(items.length / size));
  return items.filter((_, i) => i % step === 0).slice(0, size);
}

function mostCommon(values: readonly number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0];
}

/** One column of the table: its header (one or two rows) and its cell for a KPI. */
interface Column {
  readonly top: string;
  /** The second header row's text, or null when the top spans both rows. */
  readonly sub: string | null;
  readonly cell: (kpi: KeyedKpi, index: number) => string;
}

function columnsOf(kind: ColumnKind, layout: Layout, years: readonly number[], targetYear: number): Column[] {
  const v = layout.vocabulary;
  const unitSuffix = layout.unit === 'header' ? '（％）' : '';
  switch (kind) {
    case 'name':
      return [
        {
          top: v.name,
          sub: null,
          cell: (kpi) => kpi.name + (layout.unit === 'name' ? unitInName(kpi.unit) : ''),
        },
      ];
    case 'unit':
      return layout.unit === 'column' ? [{ top: v.unit, sub: null, cell: (kpi) => kpi.unit }] : [];
    case 'dept':
      return [{ top: '担当課', sub: null, cell: (_kpi, i) => DEPARTMENTS[i % DEPARTMENTS.length] ?? '' }];
    case 'status':
      return [{ top: '達成状況', sub: null, cell: (_kpi, i) => GRADES[i % GRADES.length] ?? '' }];
    case 'baseline':
    case 'target':
    case 'latest':
      return valueColumns(kind, layout, years, targetYear, unitSuffix);
  }
}

function unitInName(unit: string): string {
  return unit === '%' ? '（％）' : `（${unit}）`;
}

function valueColumns(
  role: ValueRole,
  layout: Layout,
  years: readonly number[],
  targetYear: number,
  unitSuffix: string,
): Column[] {
  const word = layout.vocabulary[role];
  if (role === 'latest' && layout.actualYears)
    return years.map((year) => ({
      top: word + unitSuffix,
      sub: yearText(year, layout.era),
      cell: (kpi: KeyedKpi) =>
        kpi.latest?.[1] === year ? valueCell(kpi.latest, kpi.unit, layout, false) : '',
    }));
  if (role === 'target' && layout.years === 'target-header') {
    const header =
      layout.era === 'western' ? `${targetYear}目標` : `${word}（${yearText(targetYear, 'short', true)}）`;
    return [
      { top: header + unitSuffix, sub: null, cell: (kpi) => valueCell(kpi.target, kpi.unit, layout, false) },
    ];
  }
  if (layout.years === 'columns') {
    const yearWord = { baseline: '基準年度', target: '目標年度', latest: '実績年度' }[role];
    return [
      { top: word + unitSuffix, sub: null, cell: (kpi) => valueCell(kpi[role], kpi.unit, layout, false) },
      { top: yearWord, sub: null, cell: (kpi) => yearCell(kpi[role], layout.era) },
    ];
  }
  if (layout.years === 'two-row')
    return [
      { top: word + unitSuffix, sub: '数値', cell: (kpi) => valueCell(kpi[role], kpi.unit, layout, false) },
      { top: word + unitSuffix, sub: '年度', cell: (kpi) => yearCell(kpi[role], layout.era) },
    ];
  return [{ top: word + unitSuffix, sub: null, cell: (kpi) => valueCell(kpi[role], kpi.unit, layout, true) }];
}

/** Writes KPIs in a layout: the logical table and the key of the KPIs it holds. */
export function renderLayout(layout: Layout, kpis: readonly KeyedKpi[]): Rendered {
  const chosen = kpisFor(layout, kpis);
  const years = actualYearsOf(chosen);
  const targetYear = chosen[0]?.target?.[1] ?? 2020;
  const columns = layout.order.flatMap((kind) => columnsOf(kind, layout, years, targetYear));
  const twoRows = columns.some((column) => column.sub !== null);
  const header = twoRows
    ? [columns.map((c) => c.top), columns.map((c) => c.sub ?? '')]
    : [columns.map((c) => c.top)];
  const merges = twoRows ? headerMerges(columns) : [];
  const body: string[][] = [];
  const sectionRows = new Set<number>();
  chosen.forEach((kpi, index) => {
    if (layout.sections && index % 4 === 0) {
      sectionRows.add(body.length);
      body.push([
        `基本目標${index / 4 + 1} 誰もが安心して暮らせるまちづくり`,
        ...columns.slice(1).map(() => ''),
      ]);
    }
    body.push(columns.map((column) => column.cell(kpi, index)));
  });
  const blankCovered = header.map((row, r) =>
    row.map((text, c) =>
      merges.some((m) => covers(m, r, c) && !(m.row === r && m.column === c)) ? '' : text,
    ),
  );
  return {
    table: {
      title: layout.title ? '第2次総合計画 成果指標の進捗状況（令和5年度評価）' : null,
      header: blankCovered,
      merges,
      body,
      sectionRows,
      note: layout.note ? '※ 実績値は各年度末時点の数値。「―」は調査を行っていないもの。' : null,
      width: columns.length,
    },
    key: chosen,
  };
}

function covers(merge: Merge, row: number, column: number): boolean {
  return (
    row >= merge.row &&
    row < merge.row + merge.rows &&
    column >= merge.column &&
    column < merge.column + merge.columns
  );
}

/** The merges of a two-row header: a column without a sub header spans both rows; equal tops side by side span. */
function headerMerges(columns: readonly Column[]): Merge[] {
  const merges: Merge[] = [];
  let c = 0;
  while (c < columns.length) {
    const column = columns[c];
    if (column === undefined) break;
    if (column.sub === null) {
      merges.push({ row: 0, column: c, rows: 2, columns: 1 });
      c += 1;
      continue;
    }
    let end = c + 1;
    while (end < columns.length && columns[end]?.sub != null && columns[end]?.top === column.top) end += 1;
    if (end - c > 1) merges.push({ row: 0, column: c, rows: 1, columns: end - c });
    c = end;
  }
  return merges;
}
