import type { Kysely } from 'kysely';
import type { DB, SessionTable } from '../db/schema.js';
import { insertAuditEvent, type AuditEntry } from './audit.repository.js';

/** A session as its owner sees it: never the token or its hash. */
export interface SessionSummary {
  id: string;
  createdAt: string;
  lastSeenAt: string;
  expiresAt: string;
  userAgent: string | null;
  ip: string | null;
}

/** A stored session, as the service reads it. */
export type SessionRow = SessionTable;

/** Server-side sessions, kept in the database so any app instance recognises them. */
export class SessionRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Store a new session. */
  async insert(session: SessionTable): Promise<void> {
    await this.db.insertInto('app_session').values(session).execute();
  }

  /** The live session with this token hash at `now`, if any. */
  async findLive(idHash: string, now: string): Promise<SessionRow | undefined> {
    return this.db
      .selectFrom('app_session')
      .selectAll()
      .where('id_hash', '=', idHash)
      .where('expires_at', '>', now)
      .executeTakeFirst();
  }

  /** Note that a session was used at `now`. */
  async touch(idHash: string, now: string): Promise<void> {
    await this.db
      .updateTable('app_session')
      .set({ last_seen_at: now })
      .where('id_hash', '=', idHash)
      .execute();
  }

  /** A user's live sessions, the most recently used first. */
  async listLive(userId: string, now: string): Promise<SessionSummary[]> {
    const rows = await this.db
      .selectFrom('app_session')
      .select(['public_id', 'created_at', 'last_seen_at', 'expires_at', 'user_agent', 'ip'])
      .where('user_id', '=', userId)
      .where('expires_at', '>', now)
      .orderBy('last_seen_at', 'desc')
      .orderBy('created_at', 'desc')
      .execute();
    return rows.map((row) => ({
      id: row.public_id,
      createdAt: row.created_at,
      lastSeenAt: row.last_seen_at,
      expiresAt: row.expires_at,
      userAgent: row.user_agent,
      ip: row.ip,
    }));
  }

  /**
   * End one of a user's sessions by its public id, with its audit event; false (and nothing written) when the
   * user has no such session, so another user's session cannot be ended.
   */
  async revoke(userId: string, publicId: string, now: string, audit: AuditEntry): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const result = await trx
        .deleteFrom('app_session')
        .where('user_id', '=', userId)
        .where('public_id', '=', publicId)
        .executeTakeFirst();
      if (result.numDeletedRows === 0n) return false;
      await insertAuditEvent(trx, now, audit);
      return true;
    });
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
