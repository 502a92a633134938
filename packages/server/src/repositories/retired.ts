import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

/**
 * The ids of what revisions retired from these plans, as a subquery: reads of the plan as it stands put
 * `.where('id', 'not in', retiredIds(db, planIds))` beside their plan filter.
 */
export function retiredIds(db: Kysely<DB>, planIds: string | readonly string[]) {
  const query = db.selectFrom('retired_entity').select('entity_id');
  return typeof planIds === 'string'
    ? query.where('plan_id', '=', planIds)
    : query.where('plan_id', 'in', planIds);
}
