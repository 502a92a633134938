import type { Kysely } from 'kysely';
import type { ConflictOfInterestTable, DB } from '../db/schema.js';
import { insertAuditEvent, type AuditEntry } from './audit.repository.js';
import { isUniqueViolation } from '../db/database.js';

/** A declaration with the expert's name and the sheet's number. */
export interface ConflictOfInterestRow extends ConflictOfInterestTable {
  expert_name: string;
  sheet_number: number;
}

/** Experts' declared conflicts of interest (利益相反). The only code that reads or writes their table. */
export class ConflictOfInterestRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The plan's declarations (one expert's, when given), by sheet number and then by when declared. */
  async list(planId: string, expertId: string | null): Promise<ConflictOfInterestRow[]> {
    let query = this.db
      .selectFrom('conflict_of_interest as c')
      .innerJoin('app_user', 'app_user.id', 'c.expert_id')
      .innerJoin('sheet', 'sheet.id', 'c.sheet_id')
      .selectAll('c')
      .select(['app_user.display_name as expert_name', 'sheet.number as sheet_number'])
      .where('c.plan_id', '=', planId);
    if (expertId !== null) query = query.where('c.expert_id', '=', expertId);
    return query.orderBy('sheet.number').orderBy('c.declared_at').orderBy('c.id').execute();
  }

  /** The sheets of the plan the expert declared a conflict of interest on. */
  async sheetIdsOf(planId: string, expertId: string): Promise<Set<string>> {
    const rows = await this.db
      .selectFrom('conflict_of_interest')
      .select('sheet_id')
      .where('plan_id', '=', planId)
      .where('expert_id', '=', expertId)
      .execute();
    return new Set(rows.map((r) => r.sheet_id));
  }

  /** Store a declaration with its audit event; 'duplicate' when the expert declared this sheet already. */
  async insert(row: ConflictOfInterestTable, audit: AuditEntry): Promise<'inserted' | 'duplicate'> {
    try {
      await this.db.transaction().execute(async (trx) => {
        await trx.insertInto('conflict_of_interest').values(row).execute();
        await insertAuditEvent(trx, row.declared_at, audit);
      });
      return 'inserted';
    } catch (error) {
      if (isUniqueViolation(error)) return 'duplicate';
      throw error;
    }
  }
}
