import { sql, type Kysely } from 'kysely';
import type { DB, SignInThrottleTable } from '../db/schema.js';

/** One login name's or address's count, as stored. */
export type ThrottleRow = SignInThrottleTable;

/**
 * Sign-in attempt counts, one row per login name or client address, in the database so that every app
 * instance counts against the same rows. Each statement is a single atomic upsert or update: concurrent
 * attempts on two instances can never both read the same count.
 */
export class SignInThrottleRepository {
  constructor(private readonly db: Kysely<DB>) {}

  /**
   * Count one attempt against `key` and return the row after it. A window that began at or before
   * `windowCutoff` starts afresh at `now` with this attempt; strikes are forgotten when the window began at or
   * before `idleCutoff` (no burst for a long while).
   */
  async countAttempt(
    key: string,
    now: string,
    windowCutoff: string,
    idleCutoff: string,
  ): Promise<SignInThrottleTable> {
    return this.db
      .insertInto('sign_in_throttle')
      .values({ key, window_start: now, attempts: 1, strikes: 0, locked_until: null })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          attempts: sql<number>`case when sign_in_throttle.window_start <= ${windowCutoff} then 1 else sign_in_throttle.attempts + 1 end`,
          window_start: sql<string>`case when sign_in_throttle.window_start <= ${windowCutoff} then ${now} else sign_in_throttle.window_start end`,
          strikes: sql<number>`case when sign_in_throttle.window_start <= ${idleCutoff} then 0 else sign_in_throttle.strikes end`,
        }),
      )
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Add a strike (a window that overflowed), locking the key until `lockUntil` when it reaches `maxStrikes`. */
  async addStrike(key: string, maxStrikes: number, lockUntil: string): Promise<SignInThrottleTable> {
    return this.db
      .updateTable('sign_in_throttle')
      .set({
        strikes: sql<number>`strikes + 1`,
        locked_until: sql<
          string | null
        >`case when strikes + 1 >= ${maxStrikes} then ${lockUntil} else locked_until end`,
      })
      .where('key', '=', key)
      .returningAll()
      .executeTakeFirstOrThrow();
  }

  /** Take back one attempt of the window that began at `windowStart` (a sign-in that succeeded or never ran). */
  async giveBack(key: string, windowStart: string): Promise<void> {
    await this.db
      .updateTable('sign_in_throttle')
      .set({ attempts: sql<number>`attempts - 1` })
      .where('key', '=', key)
      .where('window_start', '=', windowStart)
      .where('attempts', '>', 0)
      .execute();
  }

  /** Forget a key's attempts, strikes and lockout. */
  async clear(key: string): Promise<void> {
    await this.db.deleteFrom('sign_in_throttle').where('key', '=', key).execute();
  }

  /** Drop rows idle since `idleCutoff` whose lockout, if any, is over: attempts at random names leave no trace. */
  async deleteStale(idleCutoff: string, now: string): Promise<void> {
    await this.db
      .deleteFrom('sign_in_throttle')
      .where('window_start', '<=', idleCutoff)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
      .execute();
  }
}
