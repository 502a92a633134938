import type { KpiTableResult, TableKpi } from './index.js';

/** The KPI of a name in a reading (spaces ignored), or an error listing the names read: for the rule tests. */
export function kpiNamed(result: KpiTableResult, name: string): TableKpi {
  const key = (text: string): string => text.replace(/\s+/gu, '');
  const found = result.kpis.find((k) => key(k.name) === key(name));
  if (found === undefined) throw new Error(`no KPI ${name} in ${result.kpis.map((k) => k.name).join(', ')}`);
  return found;
}
