import type { Kysely } from 'kysely';
import type { User } from '@kotei/domain';
import type { DB, SessionTable } from '../db/schema.js';
import { insertAuditEvent, type AuditEntry } from './audit.repository.js';
import { grantsOfJoinedRows, userOf } from './user.repository.js';

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

/** A live session with its user as they stand on a date (the role of the grant in force then). */
export interface LiveSessionRow {
  publicId: string;
  csrfToken: string;
  lastSeenAt: string;
  user: User;
}

/** Server-side sessions, kept in the database so any app instance recognises them. */
export class SessionRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * The live session with this token hash at `now`, with its user and the user's grants holding `on` (a Japan
   * date), in one statement: a row per grant in force (one with no grant when none is), the user's role the
   * widest of them (`userOn`). Every request resolves its actor here, so a grant that ended or began counts
   * from the next request.
   */
  async findLiveWithUser(idHash: string, now: string, on: string): Promise<LiveSessionRow | undefined> {
    const rows = await this.db
      .selectFrom('app_session')
      .innerJoin('app_user', 'app_user.id', 'app_session.user_id')
      .leftJoin('role_grant', (join) =>
        join
          .onRef('role_grant.user_id', '=', 'app_user.id')
          .on('role_grant.valid_from', '<=', on)
          .on((eb) => eb.or([eb('role_grant.valid_to', 'is', null), eb('role_grant.valid_to', '>=', on)])),
      )
      .select([
        'app_session.public_id',
        'app_session.csrf_token',
        'app_session.last_seen_at',
        'app_user.id',
        'app_user.login',
        'app_user.display_name',
        'app_user.is_active',
        'role_grant.role as grant_role',
        'role_grant.ministry as grant_ministry',
        'role_grant.valid_from as grant_valid_from',
        'role_grant.valid_to as grant_valid_to',
      ])
      .where('app_session.id_hash', '=', idHash)
      .where('app_session.expires_at', '>', now)
      .execute();
    const first = rows[0];
    if (first === undefined) return undefined;
    return {
      publicId: first.public_id,
      csrfToken: first.csrf_token,
      lastSeenAt: first.last_seen_at,
      user: userOf(first, grantsOfJoinedRows(rows), on),
    };
  }

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
