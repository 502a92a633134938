import type { Kysely } from 'kysely';
import { userOn, type Role, type RoleGrant, type User } from '@kotei/domain';
import type { DB, RoleGrantTable, UserTable } from '../db/schema.js';
import { insertAuditEvent, type AuditEntry } from './audit.repository.js';
import { toRoleGrant } from './grant.repository.js';

/** A user with the hash needed to check a password; never leaves the server. */
export interface UserWithHash extends User {
  passwordHash: string;
}

type DatedGrant = Pick<RoleGrant, 'role' | 'ministry' | 'validFrom' | 'validTo'>;

/** A row of a user left-joined to their grants, the grant's columns as `grant_*` (null where there is none). */
export interface JoinedGrantRow {
  grant_role: string | null;
  grant_ministry: string | null;
  grant_valid_from: string | null;
  grant_valid_to: string | null;
}

/** The grants of a user's left-joined rows: one a row, none from the row a user with no grant gives. */
export function grantsOfJoinedRows(rows: readonly JoinedGrantRow[]): DatedGrant[] {
  return rows.flatMap((g): DatedGrant[] =>
    g.grant_role === null || g.grant_valid_from === null
      ? []
      : [
          {
            role: g.grant_role as Role,
            ministry: g.grant_ministry,
            validFrom: g.grant_valid_from,
            validTo: g.grant_valid_to,
          },
        ],
  );
}

/** The user a row describes, with the role the grants give `on` (a Japan date). */
export function userOf(
  row: Pick<UserTable, 'id' | 'login' | 'display_name' | 'is_active'>,
  grants: readonly DatedGrant[],
  on: string,
): User {
  return userOn(
    { id: row.id, login: row.login, displayName: row.display_name, isActive: row.is_active === 1 },
    grants,
    on,
  );
}

function toPublic(row: UserTable, grants: readonly RoleGrantTable[], on: string): User {
  return userOf(row, grants.filter((g) => g.user_id === row.id).map(toRoleGrant), on);
}

/** Accounts. */
export class UserRepository {
  constructor(private readonly db: Kysely<DB>) {}

  // One user (by login or id) with every grant of theirs, in one statement: a row per grant, or one with no grant.
  private async findOne(
    column: 'login' | 'id',
    value: string,
    on: string,
  ): Promise<UserWithHash | undefined> {
    const rows = await this.db
      .selectFrom('app_user')
      .leftJoin('role_grant', 'role_grant.user_id', 'app_user.id')
      .selectAll('app_user')
      .select([
        'role_grant.role as grant_role',
        'role_grant.ministry as grant_ministry',
        'role_grant.valid_from as grant_valid_from',
        'role_grant.valid_to as grant_valid_to',
      ])
      .where(`app_user.${column}`, '=', value)
      .execute();
    const row = rows[0];
    if (row === undefined) return undefined;
    return { ...userOf(row, grantsOfJoinedRows(rows), on), passwordHash: row.password_hash };
  }

  /** The user with this login, if any, with the role of the grant in force `on` (a Japan date). */
  findByLogin(login: string, on: string): Promise<UserWithHash | undefined> {
    return this.findOne('login', login, on);
  }

  /** The user with this id, if any, with the role of the grant in force `on` (a Japan date). */
  findById(id: string, on: string): Promise<UserWithHash | undefined> {
    return this.findOne('id', id, on);
  }

  /** How many accounts exist (first start creates the admin when there are none). */
  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('app_user')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** All accounts, by login, each with the role of its grant in force `on`. */
  async listAll(on: string): Promise<User[]> {
    const rows = await this.db.selectFrom('app_user').selectAll().orderBy('login').execute();
    const grants = await this.db.selectFrom('role_grant').selectAll().execute();
    return rows.map((row) => toPublic(row, grants, on));
  }

  /** Create an account, its first role grant and its audit event together. */
  async insert(
    user: Omit<UserWithHash, 'role'>,
    grant: RoleGrantTable,
    now: string,
    audit: AuditEntry,
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('app_user')
        .values({
          id: user.id,
          login: user.login,
          display_name: user.displayName,
          password_hash: user.passwordHash,
          ministry: user.ministry,
          is_active: user.isActive ? 1 : 0,
          created_at: now,
          updated_at: now,
        })
        .execute();
      await trx.insertInto('role_grant').values(grant).execute();
      await insertAuditEvent(trx, now, audit);
    });
  }

  /** Replace a password and end every session of the account, with its audit event. */
  async setPassword(userId: string, passwordHash: string, now: string, audit: AuditEntry): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('app_user')
        .set({ password_hash: passwordHash, updated_at: now })
        .where('id', '=', userId)
        .execute();
      await trx.deleteFrom('app_session').where('user_id', '=', userId).execute();
      await insertAuditEvent(trx, now, audit);
    });
  }

  /** Replace a user's own password and end their other sessions (all but `keepSessionId`), with its audit event. */
  async changePassword(
    userId: string,
    passwordHash: string,
    keepSessionId: string,
    now: string,
    audit: AuditEntry,
  ): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('app_user')
        .set({ password_hash: passwordHash, updated_at: now })
        .where('id', '=', userId)
        .execute();
      await trx
        .deleteFrom('app_session')
        .where('user_id', '=', userId)
        .where('public_id', '!=', keepSessionId)
        .execute();
      await insertAuditEvent(trx, now, audit);
    });
  }
}
