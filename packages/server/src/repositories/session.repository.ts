import type { Kysely } from 'kysely';
import type { DB, SessionTable } from '../db/schema.js';

/** Server-side sessions, kept in the database so any app instance recognises them. */
export class SessionRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Store a new session. */
  async insert(session: SessionTable): Promise<void> {
    await this.db.insertInto('app_session').values(session).execute();
  }

  /** The live session with this token hash at `now`, if any. */
  async findLive(idHash: string, now: string): Promise<SessionTable | undefined> {
    return this.db
      .selectFrom('app_session')
      .selectAll()
      .where('id_hash', '=', idHash)
      .where('expires_at', '>', now)
      .executeTakeFirst();
  }

  /** End one session. */
  async delete(idHash: string): Promise<void> {
    await this.db.deleteFrom('app_session').where('id_hash', '=', idHash).execute();
  }

  /** Remove sessions that have expired. */
  async deleteExpired(now: string): Promise<void> {
    await this.db.deleteFrom('app_session').where('expires_at', '<=', now).execute();
  }
}
