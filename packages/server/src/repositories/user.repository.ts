import type { Kysely } from 'kysely';
import type { Role, User } from '@kotei/domain';
import type { DB, UserTable } from '../db/schema.js';
import { insertAuditEvent, type AuditEntry } from './audit.repository.js';

/** A user with the hash needed to check a password; never leaves the server. */
export interface UserWithHash extends User {
  passwordHash: string;
}

function toPublic(row: UserTable): User {
  return {
    id: row.id,
    login: row.login,
    displayName: row.display_name,
    role: row.role as Role,
    ministry: row.ministry,
    isActive: row.is_active === 1,
  };
}

function toUser(row: UserTable): UserWithHash {
  return { ...toPublic(row), passwordHash: row.password_hash };
}

/** Accounts. */
export class UserRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /** The user with this login, if any. */
  async findByLogin(login: string): Promise<UserWithHash | undefined> {
    const row = await this.db
      .selectFrom('app_user')
      .selectAll()
      .where('login', '=', login)
      .executeTakeFirst();
    return row && toUser(row);
  }

  /** The user with this id, if any. */
  async findById(id: string): Promise<UserWithHash | undefined> {
    const row = await this.db.selectFrom('app_user').selectAll().where('id', '=', id).executeTakeFirst();
    return row && toUser(row);
  }

  /** How many accounts exist (first start creates the admin when there are none). */
  async count(): Promise<number> {
    const row = await this.db
      .selectFrom('app_user')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  /** All accounts, by login. */
  async listAll(): Promise<User[]> {
    const rows = await this.db.selectFrom('app_user').selectAll().orderBy('login').execute();
    return rows.map(toPublic);
  }

  /** Create an account and its audit event together. */
  async insert(user: UserWithHash, now: string, audit: AuditEntry): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('app_user')
        .values({
          id: user.id,
          login: user.login,
          display_name: user.displayName,
          password_hash: user.passwordHash,
          role: user.role,
          ministry: user.ministry,
          is_active: user.isActive ? 1 : 0,
          created_at: now,
          updated_at: now,
        })
        .execute();
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
