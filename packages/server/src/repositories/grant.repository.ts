import type { Kysely } from 'kysely';
import type { RoleGrant, Role } from '@kotei/domain';
import type { DB, RoleGrantTable } from '../db/schema.js';
import { insertAuditEvent, type AuditEntry } from './audit.repository.js';

/** A stored grant as the domain reads it. */
export function toRoleGrant(row: RoleGrantTable): RoleGrant {
  return {
    id: row.id,
    userId: row.user_id,
    role: row.role as Role,
    ministry: row.ministry,
    validFrom: row.valid_from,
    validTo: row.valid_to,
  };
}

/** A grant with who holds it and who gave it, as the admin's list shows it. */
export interface GrantRecord extends RoleGrant {
  login: string;
  displayName: string;
  grantedBy: string;
  createdAt: string;
}

/** Role grants (担当（任期）): added and ended, never edited otherwise, each with its audit event. */
export class GrantRepository {
  constructor(private readonly db: Kysely<DB>) {}

  private records() {
    return this.db
      .selectFrom('role_grant')
      .innerJoin('app_user', 'app_user.id', 'role_grant.user_id')
      .selectAll('role_grant')
      .select(['app_user.login', 'app_user.display_name']);
  }

  /** Every grant (of one user when named), the holder's login first, then the first day. */
  async list(userId?: string): Promise<GrantRecord[]> {
    let query = this.records();
    if (userId !== undefined) query = query.where('role_grant.user_id', '=', userId);
    const rows = await query
      .orderBy('app_user.login')
      .orderBy('role_grant.valid_from')
      .orderBy('role_grant.id')
      .execute();
    return rows.map((row) => ({
      ...toRoleGrant(row),
      login: row.login,
      displayName: row.display_name,
      grantedBy: row.granted_by,
      createdAt: row.created_at,
    }));
  }

  /** One grant, if any. */
  async find(id: string): Promise<GrantRecord | undefined> {
    return (await this.list()).find((g) => g.id === id);
  }

  /** The reporters' grants for the given ministries, with the holders' names (for handovers). */
  async reportersOf(
    ministries: readonly string[],
  ): Promise<(RoleGrant & { displayName: string; login: string })[]> {
    if (ministries.length === 0) return [];
    const rows = await this.records()
      .where('role_grant.role', '=', 'ministry')
      .where('role_grant.ministry', 'in', ministries)
      .execute();
    return rows.map((row) => ({ ...toRoleGrant(row), displayName: row.display_name, login: row.login }));
  }

  /** Store a new grant with its audit event. */
  async insert(row: RoleGrantTable, audit: AuditEntry): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx.insertInto('role_grant').values(row).execute();
      await insertAuditEvent(trx, row.created_at, audit);
    });
  }

  /**
   * Set a grant's last day with its audit event, only if it still holds what the caller read (`before`), so two
   * admins ending the same grant do not both succeed; false when it changed meanwhile.
   */
  async end(
    id: string,
    before: string | null,
    lastDay: string,
    now: string,
    audit: AuditEntry,
  ): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      let update = trx
        .updateTable('role_grant')
        .set({ valid_to: lastDay, updated_at: now })
        .where('id', '=', id);
      update = before === null ? update.where('valid_to', 'is', null) : update.where('valid_to', '=', before);
      const result = await update.executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) return false;
      await insertAuditEvent(trx, now, audit);
      return true;
    });
  }
}
