import type { Measure, PlanTree, Round } from '@kotei/contracts';

/** A Frictionless Table Schema field type, as the open data uses them. */
export type DataFieldType = 'string' | 'integer' | 'number' | 'date' | 'boolean';

/** One column of an open-data table, described so that standard tools load it with its type. */
export interface DataField {
  name: string;
  type: DataFieldType;
  title: string;
}

/** A cell of an open-data table. */
export type DataValue = string | number | boolean | null;

/** The tables of the open data, one per entity type. */
export const OPEN_DATA_TABLES = [
  'measures',
  'phases',
  'kpis',
  'actuals',
  'progress',
  'budget_lines',
] as const;
/** The name of an open-data table. */
export type OpenDataTableName = (typeof OPEN_DATA_TABLES)[number];

/** One open-data table: its fields and its rows, in field order. */
export interface DataTable {
  name: OpenDataTableName;
  title: string;
  fields: DataField[];
  rows: DataValue[][];
}

const f = (name: string, type: DataFieldType, title: string): DataField => ({ name, type, title });

const FIELDS: Record<OpenDataTableName, { title: string; fields: DataField[] }> = {
  measures: {
    title: '施策',
    fields: [
      f('measure_id', 'string', '施策ID'),
      f('sheet_number', 'integer', '工程表番号'),
      f('sheet_title', 'string', '工程表'),
      f('title', 'string', '施策'),
      f('ministries', 'string', '所管府省（;区切り）'),
      f('is_repost', 'boolean', '再掲'),
      f('status', 'string', '進捗状況（KPIの集約）'),
    ],
  },
  phases: {
    title: '工程',
    fields: [
      f('phase_id', 'string', '工程ID'),
      f('measure_id', 'string', '施策ID'),
      f('text', 'string', '工程'),
      f('period_label', 'string', '期間（記載どおり）'),
      f('period_start', 'date', '期間の初日'),
      f('period_end', 'date', '期間の末日'),
      f('status', 'string', '基準日の状態'),
    ],
  },
  kpis: {
    title: 'KPI・成果目標',
    fields: [
      f('kpi_id', 'string', 'KPI ID'),
      f('kind', 'string', '種別（output: KPI, outcome: 成果目標）'),
      f('measure_id', 'string', '施策ID'),
      f('goal_number', 'integer', '戦略目標番号'),
      f('name', 'string', '指標'),
      f('unit', 'string', '単位'),
      f('shape', 'string', '型'),
      f('direction', 'string', '方向'),
      f('baseline_value', 'number', '基準値'),
      f('baseline_period', 'string', '基準値の期間'),
      f('target_value', 'number', '目標値'),
      f('target_period', 'string', '目標値の期間'),
      f('note', 'string', '注記'),
      f('status', 'string', '進捗状況'),
      f('abnf_grade', 'string', 'A/B/N/F区分'),
    ],
  },
  actuals: {
    title: '実績',
    fields: [
      f('kpi_id', 'string', 'KPI ID'),
      f('kpi_name', 'string', '指標'),
      f('value', 'number', '実績値'),
      f('unit', 'string', '単位'),
      f('period_label', 'string', '期間（記載どおり）'),
      f('period_start', 'date', '期間の初日'),
      f('period_end', 'date', '期間の末日'),
      f('origin', 'string', '出典の種別'),
    ],
  },
  progress: {
    title: '進捗状況',
    fields: [
      f('bullet_id', 'string', '項目ID'),
      f('round_id', 'string', 'フォローアップID'),
      f('sheet_number', 'integer', '工程表番号'),
      f('measure_id', 'string', '施策ID（工程表全体のものは空）'),
      f('ministry', 'string', '府省'),
      f('text', 'string', '進捗状況'),
    ],
  },
  budget_lines: {
    title: '該当事業の予算',
    fields: [
      f('project_id', 'string', '事業ID'),
      f('project_name', 'string', '該当事業'),
      f('ministry', 'string', '府省'),
      f('sheet_number', 'integer', '工程表番号'),
      f('measure_id', 'string', '施策ID（工程表全体のものは空）'),
      f('label', 'string', '予算（記載どおり）'),
      f('amount_yen', 'integer', '金額（円）'),
      f('fiscal_year', 'integer', '年度'),
      f('type', 'string', '予算の種別'),
      f('is_part_of', 'boolean', '内数'),
    ],
  },
};

/** Each measure once, where it is first shown (a repost is the same measure). */
function firstPlacements(tree: PlanTree): { sheetNumber: number; measure: Measure }[] {
  const seen = new Set<string>();
  return tree.sheets.flatMap((sheet) =>
    sheet.measures.flatMap((measure) => {
      if (seen.has(measure.id)) return [];
      seen.add(measure.id);
      return [{ sheetNumber: sheet.number, measure }];
    }),
  );
}

function rowsOf(tree: PlanTree, round: Round): Record<OpenDataTableName, DataValue[][]> {
  const placed = firstPlacements(tree);
  const outcomes = tree.strategicGoals.flatMap((g) =>
    g.outcomes.map((kpi) => ({ kpi, goal: g.number, measure: null })),
  );
  const outputs = placed.flatMap(({ measure }) =>
    measure.kpis.map((kpi) => ({ kpi, goal: null, measure: measure.id })),
  );
  const kpis = [...outcomes, ...outputs];
  const projectsOf = (sheetNumber: number, measureId: string | null, projects: Measure['projects']) =>
    projects.flatMap((p) =>
      p.lines.map((l) => [
        p.id,
        p.name,
        p.ministry,
        sheetNumber,
        measureId,
        l.label,
        l.amountYen,
        l.fiscalYear,
        l.type,
        l.isPartOf,
      ]),
    );
  const bulletsOf = (sheetNumber: number, measureId: string | null, bullets: Measure['progress']) =>
    bullets
      .filter((b) => b.roundId === round.id)
      .map((b) => [b.id, b.roundId, sheetNumber, measureId, b.ministry, b.text]);
  return {
    measures: tree.sheets.flatMap((sheet) =>
      sheet.measures.map((m) => [
        m.id,
        sheet.number,
        sheet.title,
        m.title,
        m.ministries.join(';'),
        m.isRepost,
        m.statusSummary.status,
      ]),
    ),
    phases: placed.flatMap(({ measure }) =>
      measure.phases.map((p) => [
        p.id,
        measure.id,
        p.text,
        p.period.label,
        p.period.start,
        p.period.end,
        p.status,
      ]),
    ),
    kpis: kpis.map(({ kpi, goal, measure }) => [
      kpi.id,
      measure ? 'output' : 'outcome',
      measure,
      goal,
      kpi.name,
      kpi.unit,
      kpi.shape,
      kpi.direction,
      kpi.baseline?.value ?? null,
      kpi.baseline?.period.label ?? null,
      kpi.target?.value ?? null,
      kpi.target?.period.label ?? null,
      kpi.note,
      kpi.status.status,
      kpi.status.abnf.grade,
    ]),
    // Only a KPI's own actuals: one borrowed from another KPI is listed under that KPI.
    actuals: kpis.flatMap(({ kpi }) =>
      kpi.actuals
        .filter((a) => a.borrowedFrom === null && a.period.start <= round.asOfDate)
        .map((a) => [
          kpi.id,
          kpi.name,
          a.value,
          kpi.unit,
          a.period.label,
          a.period.start,
          a.period.end,
          a.origin,
        ]),
    ),
    progress: [
      ...tree.sheets.flatMap((s) => bulletsOf(s.number, null, s.progress)),
      ...placed.flatMap(({ sheetNumber, measure }) => bulletsOf(sheetNumber, measure.id, measure.progress)),
    ],
    budget_lines: [
      ...tree.sheets.flatMap((s) => projectsOf(s.number, null, s.projects)),
      ...placed.flatMap(({ sheetNumber, measure }) => projectsOf(sheetNumber, measure.id, measure.projects)),
    ],
  };
}

/** The open-data tables of a plan at a round: the round's progress, the actuals known at its as-of date. */
export function openDataTables(tree: PlanTree, round: Round): DataTable[] {
  const rows = rowsOf(tree, round);
  return OPEN_DATA_TABLES.map((name) => ({ name, ...FIELDS[name], rows: rows[name] }));
}

const csvCell = (value: DataValue): string => {
  if (value === null) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** A table as RFC 4180 CSV (CRLF, a header of field names); with `bom`, led by U+FEFF for Excel. */
export function toCsv(table: DataTable, options: { bom?: boolean } = {}): string {
  const lines = [table.fields.map((field) => field.name), ...table.rows].map((row) =>
    row.map(csvCell).join(','),
  );
  return `${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}

/** The license open data carries unless the plan says otherwise: 公共データ利用規約（第1.0版）, CC BY 4.0 compatible. */
export const DEFAULT_DATA_LICENSE = {
  name: 'PDL-1.0',
  title: '公共データ利用規約（第1.0版）(PDL1.0)',
  path: 'https://www.digital.go.jp/resources/open_data/public_data_license_v1.0',
} as const;

/** A table as JSON records keyed by field name. */
export function toRecords(table: DataTable): Record<string, DataValue>[] {
  return table.rows.map((row) =>
    Object.fromEntries(table.fields.map((field, i) => [field.name, row[i] ?? null])),
  );
}

/**
 * The Frictionless Tabular Data Package describing a round's CSV files (each path relative to the package), with
 * the license on the package and on every resource.
 */
export function dataPackage(
  tree: PlanTree,
  round: Round,
  tables: readonly DataTable[],
): Record<string, unknown> {
  const license = { ...DEFAULT_DATA_LICENSE };
  return {
    profile: 'tabular-data-package',
    name: `${tree.slug}-${round.asOfDate}`.toLowerCase().replace(/[^a-z0-9._-]/g, '-'),
    title: `${tree.title} ${round.title}`,
    description: `${tree.owner}「${tree.title}」のフォローアップ（${round.asOfDate}時点）のデータ`,
    version: round.asOfDate,
    licenses: [license],
    resources: tables.map((table) => ({
      name: table.name,
      title: table.title,
      path: `${table.name}.csv`,
      profile: 'tabular-data-resource',
      format: 'csv',
      mediatype: 'text/csv',
      encoding: 'utf-8',
      licenses: [license],
      dialect: { delimiter: ',', lineTerminator: '\r\n', header: true },
      schema: { fields: table.fields.map((field) => ({ ...field })) },
    })),
  };
}
