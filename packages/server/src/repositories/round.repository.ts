import type { Kysely } from 'kysely';
import type { DB, FollowUpRoundTable } from '../db/schema.js';
import { insertAuditEvent, type AuditEntry } from './audit.repository.js';

/** Follow-up rounds. */
export class RoundRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The plan's round with this as-of date, if any. */
  async findByAsOfDate(planId: string, asOfDate: string): Promise<FollowUpRoundTable | undefined> {
    return this.db
      .selectFrom('follow_up_round')
      .selectAll()
      .where('plan_id', '=', planId)
      .where('as_of_date', '=', asOfDate)
      .executeTakeFirst();
  }

  /** Store a new round with its audit event. */
  async insert(round: FollowUpRoundTable, audit: AuditEntry): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('follow_up_round').values(round).execute();
      await insertAuditEvent(trx, round.created_at, audit);
    });
  }
}
