import { textRow } from './grid.js';
import { detectHeader } from './header.js';
import type { KpiTableResult, TableKpi } from './index.js';

/** The KPI of a name in a reading (spaces ignored), or an error listing the names read: for the rule tests. */
export function kpiNamed(result: KpiTableResult, name: string): TableKpi {
  const key = (text: string): string => text.replace(/\s+/gu, '');
  const found = result.kpis.find((k) => key(k.name) === key(name));
  if (found === undefined) throw new Error(`no KPI ${name} in ${result.kpis.map((k) => k.name).join(', ')}`);
  return found;
}

/** Each cell's role and year (or null) as a header row of those cells is read, with no era hint: for the rule tests. */
export function headerRoles(cells: readonly string[]): [string, number | null][] | undefined {
  return detectHeader(textRow([...cells], 1), '')?.map((m) => [m.role, m.year?.year ?? null]);
}
