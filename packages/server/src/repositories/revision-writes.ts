import type { Kysely } from 'kysely';
import type { PlanStructure } from '@kotei/domain';
import type { DB, KpiTable, RetiredEntityTable } from '../db/schema.js';
import type { PlanRows } from './plan-rows.js';
import { insertBatched } from './batched-writes.js';
import { kpiColumns, phaseColumns } from './mappers/plan-structure.mapper.js';
import { writeBudgets } from './budget-writes.js';

const NO_SOURCE = { source_line_from: null, source_line_to: null, source_text: null } as const;

function changed<T extends object>(row: T, columns: Partial<T>): Partial<T> | null {
  const diff = Object.entries(columns).filter(([key, value]) => row[key as keyof T] !== value);
  return diff.length === 0 ? null : (Object.fromEntries(diff) as Partial<T>);
}

/**
 * Make the plan's rows what a structure fixes, inside the adopting transaction: each entity updated by its id
 * where a field changed, inserted where new, and recorded as retired where the structure retired it (its row and
 * history kept). `rows` are every row of the plan, retired ones included.
 */
export async function writeStructure(
  trx: Kysely<DB>,
  rows: PlanRows,
  s: PlanStructure,
  retired: readonly RetiredEntityTable[],
  revisionNumber: number,
): Promise<void> {
  const planId = rows.plan.id;
  if (rows.plan.title !== s.plan.title || rows.plan.owner !== s.plan.owner)
    await trx
      .updateTable('plan')
      .set({ title: s.plan.title, owner: s.plan.owner })
      .where('id', '=', planId)
      .execute();
  await writeNumbered(trx, 'strategic_goal', rows.goals, s.goals, (n) => ({
    id: n.id,
    plan_id: planId,
    number: n.number,
    title: n.title,
    note: '',
    ...NO_SOURCE,
  }));
  await writeNumbered(trx, 'sheet', rows.sheets, s.sheets, (n) => ({
    id: n.id,
    plan_id: planId,
    number: n.number,
    title: n.title,
    ...NO_SOURCE,
  }));
  await writeMeasures(trx, rows, s);
  const phases = new Map(rows.phases.map((p) => [p.id, p]));
  const newPhases = [];
  for (const n of s.phases) {
    const row = phases.get(n.id);
    if (row === undefined) {
      newPhases.push({ id: n.id, is_done: 0, ...phaseColumns(n), ...NO_SOURCE });
      continue;
    }
    const set = changed(row, phaseColumns(n));
    if (set) await trx.updateTable('phase').set(set).where('id', '=', n.id).execute();
  }
  await insertBatched(newPhases, (batch) => trx.insertInto('phase').values(batch).execute());
  const kpis = new Map(rows.kpis.map((k) => [k.id, k]));
  const newKpis: KpiTable[] = [];
  for (const n of s.kpis) {
    const row = kpis.get(n.id);
    if (row === undefined) {
      newKpis.push({
        id: n.id,
        plan_id: planId,
        match_key: null,
        note: '',
        bar: null,
        ...kpiColumns(n),
        ...NO_SOURCE,
      });
      continue;
    }
    const set = changed(row, kpiColumns(n));
    if (set) await trx.updateTable('kpi').set(set).where('id', '=', n.id).execute();
  }
  await insertBatched(newKpis, (batch) => trx.insertInto('kpi').values(batch).execute());
  if (s.budgets !== undefined) await writeBudgets(trx, rows, s.budgets);
  await writeRetired(trx, planId, s, retired, revisionNumber);
}

// Goals and sheets share their columns (number, title): one table name or the other, the same statements.
async function writeNumbered(
  trx: Kysely<DB>,
  table: 'strategic_goal' | 'sheet',
  rows: readonly { id: string; number: number; title: string }[],
  nodes: readonly { id: string; number: number; title: string }[],
  insert: (n: { id: string; number: number; title: string }) => DB['sheet'],
): Promise<void> {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const t = table as 'sheet';
  for (const n of nodes) {
    const row = byId.get(n.id);
    if (row === undefined) await trx.insertInto(t).values(insert(n)).execute();
    else if (row.number !== n.number || row.title !== n.title)
      await trx.updateTable(t).set({ number: n.number, title: n.title }).where('id', '=', n.id).execute();
  }
}

async function writeMeasures(trx: Kysely<DB>, rows: PlanRows, s: PlanStructure): Promise<void> {
  const measures = new Map(rows.measures.map((m) => [m.id, m]));
  const homes = new Map(rows.placements.filter((p) => p.is_repost === 0).map((p) => [p.measure_id, p]));
  const ministries = new Map<string, string[]>();
  for (const m of rows.ministries)
    ministries.set(m.measure_id, [...(ministries.get(m.measure_id) ?? []), m.ministry]);
  for (const n of s.measures) {
    const row = measures.get(n.id);
    if (row === undefined)
      await trx
        .insertInto('measure')
        .values({ id: n.id, plan_id: rows.plan.id, title: n.title, ...NO_SOURCE })
        .execute();
    else if (row.title !== n.title)
      await trx.updateTable('measure').set({ title: n.title }).where('id', '=', n.id).execute();
    const home = homes.get(n.id);
    if (home?.sheet_id !== n.sheetId) {
      if (home)
        await trx
          .deleteFrom('measure_placement')
          .where('measure_id', '=', n.id)
          .where('sheet_id', '=', home.sheet_id)
          .execute();
      // A measure moved to a sheet that reposted it becomes that sheet's own.
      await trx
        .deleteFrom('measure_placement')
        .where('measure_id', '=', n.id)
        .where('sheet_id', '=', n.sheetId)
        .execute();
      await trx
        .insertInto('measure_placement')
        .values({ measure_id: n.id, sheet_id: n.sheetId, is_repost: 0, sort_order: n.order })
        .execute();
    } else if (home.sort_order !== n.order) {
      await trx
        .updateTable('measure_placement')
        .set({ sort_order: n.order })
        .where('measure_id', '=', n.id)
        .where('sheet_id', '=', n.sheetId)
        .execute();
    }
    if ((ministries.get(n.id) ?? []).join('\u0000') !== n.ministries.join('\u0000')) {
      await trx.deleteFrom('measure_ministry').where('measure_id', '=', n.id).execute();
      if (n.ministries.length > 0)
        await trx
          .insertInto('measure_ministry')
          .values(n.ministries.map((ministry, sort_order) => ({ measure_id: n.id, ministry, sort_order })))
          .execute();
    }
  }
}

async function writeRetired(
  trx: Kysely<DB>,
  planId: string,
  s: PlanStructure,
  retired: readonly RetiredEntityTable[],
  revisionNumber: number,
): Promise<void> {
  const before = new Set(retired.map((r) => r.entity_id));
  const now: RetiredEntityTable[] = [];
  const add = (
    kind: RetiredEntityTable['kind'],
    n: { id: string; retired: boolean; mergedInto?: string | null },
  ) => {
    if (n.retired)
      now.push({
        entity_id: n.id,
        plan_id: planId,
        kind,
        revision_number: revisionNumber,
        merged_into: n.mergedInto ?? null,
      });
  };
  s.goals.forEach((n) => {
    add('goal', n);
  });
  s.sheets.forEach((n) => {
    add('sheet', n);
  });
  s.measures.forEach((n) => {
    add('measure', n);
  });
  s.phases.forEach((n) => {
    add('phase', n);
  });
  s.kpis.forEach((n) => {
    add('kpi', n);
  });
  (s.budgets ?? []).forEach((n) => {
    add('budget', n);
  });
  const after = new Set(now.map((r) => r.entity_id));
  const back = [...before].filter((id) => !after.has(id));
  if (back.length > 0) await trx.deleteFrom('retired_entity').where('entity_id', 'in', back).execute();
  await insertBatched(
    now.filter((r) => !before.has(r.entity_id)),
    (batch) => trx.insertInto('retired_entity').values(batch).execute(),
  );
}
