import type { Kysely } from 'kysely';
import type { Organisation } from '@kotei/domain';
import type { DB } from '../db/schema.js';

/** Ministries and offices as rows, so a reorganisation is data rather than a release. */
export class OrganisationRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Add organisations that are missing and refresh the names of known ones; never deletes. */
  async upsertAll(organisations: readonly Organisation[]): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      for (const org of organisations) {
        await trx
          .insertInto('organisation')
          .values({
            code: org.code,
            name_ja: org.nameJa,
            name_en: org.nameEn,
            valid_from: org.validFrom,
            valid_to: org.validTo,
          })
          .onConflict((oc) =>
            oc.column('code').doUpdateSet({
              name_ja: org.nameJa,
              name_en: org.nameEn,
              valid_from: org.validFrom,
              valid_to: org.validTo,
            }),
          )
          .execute();
      }
    });
  }

  /** All organisations by code. */
  async listAll(): Promise<Organisation[]> {
    const rows = await this.db.selectFrom('organisation').selectAll().orderBy('code').execute();
    return rows.map((row) => ({
      code: row.code,
      nameJa: row.name_ja,
      nameEn: row.name_en,
      validFrom: row.valid_from,
      validTo: row.valid_to,
    }));
  }
}
