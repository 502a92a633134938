import { toSearchText } from '@kotei/domain';
import type { SearchEntryTable } from '../db/schema.js';
import type { PlanRows } from './plan.repository.js';
import { groupBy } from './group-by.js';
import { newId } from '../ids.js';

const ORDER = { measure: 0, kpi: 1, project: 2, progress: 3, evaluation: 4 } as const;

/** A kind of item search finds, as stored in search_entry.entity_type. */
export type SearchEntryType = keyof typeof ORDER;

// The order of an entry in results: by plan, then kind, then sheet, then title. The plan's slug (which never
// changes) leads the key, so one index serves the order of a whole search without reading plans.
function searchSortKey(planSlug: string, type: SearchEntryType, sheet: number | null, title: string): string {
  return `${planSlug} ${ORDER[type]}:${String(sheet ?? 0).padStart(3, '0')}:${title}`;
}

/** What one search entry is about; the rest of the row (matching text, order, ministry codes) follows from it. */
export interface SearchEntrySource {
  plan: { id: string; slug: string };
  type: SearchEntryType;
  entityId: string;
  measureId: string | null;
  sheet: number | null;
  ministries: readonly (string | null)[];
  roundId: string | null;
  title: string;
  body: string;
}

/** One search entry, with its text normalised for matching (toSearchText) and its sort key. */
export function searchEntry(source: SearchEntrySource): SearchEntryTable {
  const known = source.ministries.filter((c): c is string => c !== null);
  return {
    id: newId(),
    plan_id: source.plan.id,
    entity_type: source.type,
    entity_id: source.entityId,
    measure_id: source.measureId,
    sheet_number: source.sheet,
    ministries: known.length === 0 ? '' : `|${known.join('|')}|`,
    round_id: source.roundId,
    title: source.title,
    body: source.body,
    search_text: toSearchText(`${source.title} ${source.body}`),
    sort_key: searchSortKey(source.plan.slug, source.type, source.sheet, source.title),
  };
}

/**
 * The search entries of a plan, one per measure, KPI, progress bullet and budget project, each with the
 * sheet and ministries it is filtered by and its text normalised for matching (toSearchText).
 */
export function buildSearchEntries(rows: PlanRows): SearchEntryTable[] {
  const sheetNumber = new Map(rows.sheets.map((s) => [s.id, s.number]));
  const homeSheet = new Map(
    rows.placements
      .filter((p) => p.is_repost === 0)
      .map((p) => [p.measure_id, sheetNumber.get(p.sheet_id) ?? null]),
  );
  const measureTitle = new Map(rows.measures.map((m) => [m.id, m.title]));
  const reportById = new Map(rows.reports.map((r) => [r.id, r]));
  const phasesByMeasure = groupBy(rows.phases, (p) => p.measure_id);
  const linksByProject = groupBy(rows.links, (l) => l.project_id);
  const linesByProject = groupBy(rows.lines, (l) => l.project_id);
  const ministries = new Map(
    [...groupBy(rows.ministries, (m) => m.measure_id)].map(([id, list]) => [id, list.map((m) => m.ministry)]),
  );
  const entries: SearchEntryTable[] = [];
  const add = (
    type: SearchEntryType,
    entityId: string,
    measureId: string | null,
    sheet: number | null,
    codes: readonly (string | null)[],
    roundId: string | null,
    title: string,
    body: string,
  ): void => {
    entries.push(
      searchEntry({
        plan: rows.plan,
        type,
        entityId,
        measureId,
        sheet,
        ministries: codes,
        roundId,
        title,
        body,
      }),
    );
  };

  for (const measure of rows.measures) {
    const phases = (phasesByMeasure.get(measure.id) ?? []).map((p) => `${p.period_label} ${p.text}`);
    add(
      'measure',
      measure.id,
      measure.id,
      homeSheet.get(measure.id) ?? null,
      ministries.get(measure.id) ?? [],
      null,
      measure.title,
      phases.join(' / '),
    );
  }
  for (const kpi of rows.kpis) {
    const point = (value: number | null, label: string | null): string =>
      label === null ? '' : `${value ?? ''}${kpi.unit} (${label})`;
    const body = [
      point(kpi.baseline_value, kpi.baseline_label),
      point(kpi.target_value, kpi.target_label),
      kpi.note,
    ]
      .filter((part) => part !== '')
      .join(' → ');
    const sheet = kpi.measure_id === null ? null : (homeSheet.get(kpi.measure_id) ?? null);
    add(
      'kpi',
      kpi.id,
      kpi.measure_id,
      sheet,
      kpi.measure_id === null ? [] : (ministries.get(kpi.measure_id) ?? []),
      null,
      kpi.name,
      body,
    );
  }
  for (const bullet of rows.bullets) {
    const report = reportById.get(bullet.report_id);
    const measureId = report?.measure_id ?? null;
    const sheet =
      measureId !== null
        ? (homeSheet.get(measureId) ?? null)
        : (sheetNumber.get(report?.sheet_id ?? '') ?? null);
    const title =
      measureId !== null
        ? (measureTitle.get(measureId) ?? '')
        : (rows.sheets.find((s) => s.id === report?.sheet_id)?.title ?? '');
    add(
      'progress',
      bullet.id,
      measureId,
      sheet,
      [bullet.ministry],
      report?.round_id ?? null,
      title,
      bullet.text,
    );
  }
  for (const project of rows.projects) {
    const links = linksByProject.get(project.id) ?? [];
    const firstMeasure = links.find((l) => l.measure_id !== null)?.measure_id ?? null;
    const sheet =
      firstMeasure !== null
        ? (homeSheet.get(firstMeasure) ?? null)
        : (sheetNumber.get(links[0]?.sheet_id ?? '') ?? null);
    const lines = (linesByProject.get(project.id) ?? []).map((l) => l.label);
    add(
      'project',
      project.id,
      firstMeasure,
      sheet,
      [project.ministry],
      null,
      project.name,
      lines.join(' / '),
    );
  }
  return entries;
}
