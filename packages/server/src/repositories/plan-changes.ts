import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { PlanTable } from '../db/schema.js';

// What the audit of a plan's edits records as "before": read inside the edit's transaction.

/** Changes to a plan's own fields. */
export interface PlanChanges {
  title?: string;
  owner?: string;
  description?: string;
  policyFields?: string[];
  statusMethod?: PlanTable['status_method'];
}

/** A KPI's status override as it stood, for the audit of its replacement or removal. */
export interface OverrideSet {
  status: string;
  reason: string;
  setBy: string;
  setAt: string;
}

/** A KPI's status override as it stands, if it has one. */
export async function readOverride(trx: Kysely<DB>, kpiId: string): Promise<OverrideSet | null> {
  const row = await trx
    .selectFrom('status_override')
    .select(['status', 'reason', 'set_by as setBy', 'set_at as setAt'])
    .where('kpi_id', '=', kpiId)
    .executeTakeFirst();
  return row ?? null;
}

/** A change as the plan row's columns (the method as status_method) and the policy fields, which have a table. */
export function planColumns(changes: PlanChanges): {
  fields: Omit<PlanChanges, 'policyFields' | 'statusMethod'> & {
    status_method?: PlanChanges['statusMethod'];
  };
  policyFields: string[] | undefined;
} {
  const { policyFields, statusMethod, ...own } = changes;
  return { fields: statusMethod === undefined ? own : { ...own, status_method: statusMethod }, policyFields };
}

/** The current values of the fields a change names. */
export async function readPlanChanges(
  trx: Kysely<DB>,
  planId: string,
  changes: PlanChanges,
): Promise<PlanChanges> {
  const row = await trx
    .selectFrom('plan')
    .select(['title', 'owner', 'description', 'status_method'])
    .where('id', '=', planId)
    .executeTakeFirstOrThrow();
  const before: PlanChanges = {};
  if (changes.title !== undefined) before.title = row.title;
  if (changes.owner !== undefined) before.owner = row.owner;
  if (changes.description !== undefined) before.description = row.description;
  if (changes.statusMethod !== undefined) before.statusMethod = row.status_method;
  if (changes.policyFields !== undefined) {
    const fields = await trx
      .selectFrom('plan_policy_field')
      .select('field_code')
      .where('plan_id', '=', planId)
      .orderBy('sort_order')
      .execute();
    before.policyFields = fields.map((f) => f.field_code);
  }
  return before;
}
