import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

// SQLite caps bound parameters per statement; batches keep big plans under it on both engines.
const BATCH_ROWS = 200;

/** Insert rows in batches small enough for every engine. */
export async function insertBatched<T>(
  rows: readonly T[],
  insert: (batch: T[]) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH_ROWS) await insert(rows.slice(i, i + BATCH_ROWS));
}

// Every write that can change a computed status raises the plan's data_version in its own transaction, so
// statuses kept by any app instance are recomputed exactly when they may have changed.
export async function raiseDataVersion(
  trx: Kysely<DB>,
  of: { planId: string } | { kpiId: string },
): Promise<void> {
  const update = trx.updateTable('plan').set((eb) => ({ data_version: eb('data_version', '+', 1) }));
  await (
    'planId' in of
      ? update.where('id', '=', of.planId)
      : update.where('id', 'in', (eb) => eb.selectFrom('kpi').select('plan_id').where('id', '=', of.kpiId))
  ).execute();
}
