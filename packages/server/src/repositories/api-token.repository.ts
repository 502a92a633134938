import type { Kysely } from 'kysely';
import type { ApiTokenTable, DB } from '../db/schema.js';
import { insertAuditEvent, type AuditEntry } from './audit.repository.js';

/** What a token may do: read only, or read and write. */
export type TokenScope = 'read' | 'write';

/** A token as its owner sees it: never its secret or the secret's hash. */
export interface ApiTokenSummary {
  id: string;
  name: string;
  scope: TokenScope;
  createdAt: string;
  lastUsedAt: string | null;
}

/** A stored token, as the service reads it. */
export type ApiTokenRow = ApiTokenTable;

function toSummary(row: ApiTokenTable): ApiTokenSummary {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
  };
}

/** API tokens for scripts, stored by the hash of their secret. */
export class ApiTokenRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** Store a new token with its audit event. */
  async insert(token: ApiTokenTable, audit: AuditEntry): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('api_token').values(token).execute();
      await insertAuditEvent(trx, token.created_at, audit);
    });
  }

  /** The token whose secret has this hash, if any. */
  async findBySecretHash(secretHash: string): Promise<ApiTokenRow | undefined> {
    return this.db
      .selectFrom('api_token')
      .selectAll()
      .where('secret_hash', '=', secretHash)
      .executeTakeFirst();
  }

  /** Note that a token was used at `now`. */
  async touch(id: string, now: string): Promise<void> {
    await this.db.updateTable('api_token').set({ last_used_at: now }).where('id', '=', id).execute();
  }

  /** A user's tokens, newest first. */
  async listForUser(userId: string): Promise<ApiTokenSummary[]> {
    const rows = await this.db
      .selectFrom('api_token')
      .selectAll()
      .where('user_id', '=', userId)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute();
    return rows.map(toSummary);
  }

  /** Delete one of a user's tokens with its audit event; false (nothing written) when the user has no such token. */
  async revoke(userId: string, id: string, now: string, audit: AuditEntry): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      const result = await trx
        .deleteFrom('api_token')
        .where('user_id', '=', userId)
        .where('id', '=', id)
        .executeTakeFirst();
      if (result.numDeletedRows === 0n) return false;
      await insertAuditEvent(trx, now, audit);
      return true;
    });
  }
}
