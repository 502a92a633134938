import { RetryLaterError, type Clock } from '@kotei/domain';
import type { SignInThrottleRepository, ThrottleRow } from '../repositories/sign-in-throttle.repository.js';

/** How many attempts a login name or an address gets, and what follows when it keeps failing. */
export interface SignInThrottlePolicy {
  /** Attempts per window; the next one is refused without checking the password. */
  attemptsPerWindow: number;
  windowSeconds: number;
  /** Overflowing windows before a lockout. */
  strikesBeforeLockout: number;
  lockoutSeconds: number;
}

/** Ten tries a minute; three overflowing minutes lock the name or the address for fifteen minutes. */
export const DEFAULT_SIGN_IN_THROTTLE: SignInThrottlePolicy = {
  attemptsPerWindow: 10,
  windowSeconds: 60,
  strikesBeforeLockout: 3,
  lockoutSeconds: 15 * 60,
};

/** An admitted attempt: the windows it was counted in, so a success can give it back. */
export interface SignInTicket {
  loginKey: string;
  loginWindowStart: string;
  ipKey: string | null;
  ipWindowStart: string | null;
}

function secondsUntil(instant: string, now: Date): number {
  return Math.max(1, Math.ceil((Date.parse(instant) - now.getTime()) / 1000));
}

/**
 * Sign-in throttling per login name and per client address. An attempt is counted BEFORE its password is
 * checked, so a burst of concurrent guesses cannot all slip in before the first one fails; a success gives
 * its count back (and clears the name's), so only failures add up. The 11th attempt in a window is refused
 * with 429 and Retry-After and the password is never hashed.
 */
export class SignInThrottle {
  constructor(
    private readonly rows: SignInThrottleRepository,
    private readonly clock: Clock,
    private readonly policy: SignInThrottlePolicy = DEFAULT_SIGN_IN_THROTTLE,
  ) {}

  /** Count an attempt by `login` from `ip`; throws RetryLaterError (429) when either is over its limit. */
  async admit(login: string, ip: string | null): Promise<SignInTicket> {
    const now = this.clock.now();
    const loginKey = `login:${login}`;
    const ipKey = ip === null ? null : `ip:${ip}`;
    const loginRow = await this.count(loginKey, now);
    const ipRow = ipKey === null ? null : await this.count(ipKey, now);
    const refusals = [loginRow, ipRow].flatMap((row) => (row === null ? [] : [this.refusalOf(row, now)]));
    const waits = await Promise.all(refusals);
    const locked = waits.filter((wait) => wait?.isLocked === true);
    const longest = Math.max(0, ...waits.map((wait) => wait?.seconds ?? 0));
    if (locked.length > 0) {
      throw new RetryLaterError(
        'too_many_requests',
        'sign_in_locked',
        `Too many failed sign-ins: signing in is locked; try again in ${Math.ceil(longest / 60)} minutes`,
        longest,
      );
    }
    if (longest > 0) {
      throw new RetryLaterError(
        'too_many_requests',
        'sign_in_throttled',
        `Too many sign-in attempts; try again in ${longest} seconds`,
        longest,
      );
    }
    return {
      loginKey,
      loginWindowStart: loginRow.window_start,
      ipKey,
      ipWindowStart: ipRow?.window_start ?? null,
    };
  }

  /** A right password: the name starts afresh, and the address gets its attempt back. */
  async succeeded(ticket: SignInTicket): Promise<void> {
    await this.rows.clear(ticket.loginKey);
    await this.giveBackAddress(ticket);
    const now = this.clock.now();
    await this.rows.deleteStale(this.before(now, this.policy.lockoutSeconds), now.toISOString());
  }

  /** An attempt whose password was never checked (the hashing queue was full): it does not count. */
  async notChecked(ticket: SignInTicket): Promise<void> {
    await this.rows.giveBack(ticket.loginKey, ticket.loginWindowStart);
    await this.giveBackAddress(ticket);
  }

  private async giveBackAddress(ticket: SignInTicket): Promise<void> {
    if (ticket.ipKey !== null && ticket.ipWindowStart !== null) {
      await this.rows.giveBack(ticket.ipKey, ticket.ipWindowStart);
    }
  }

  private count(key: string, now: Date): Promise<ThrottleRow> {
    return this.rows.countAttempt(
      key,
      now.toISOString(),
      this.before(now, this.policy.windowSeconds),
      this.before(now, this.policy.lockoutSeconds),
    );
  }

  private async refusalOf(
    row: ThrottleRow,
    now: Date,
  ): Promise<{ seconds: number; isLocked: boolean } | null> {
    if (row.locked_until !== null && row.locked_until > now.toISOString()) {
      return { seconds: secondsUntil(row.locked_until, now), isLocked: true };
    }
    if (row.attempts <= this.policy.attemptsPerWindow) return null;
    if (row.attempts === this.policy.attemptsPerWindow + 1) {
      // The first refusal of a window is a strike; enough of them lock the key.
      const lockUntil = new Date(now.getTime() + this.policy.lockoutSeconds * 1000).toISOString();
      const struck = await this.rows.addStrike(row.key, this.policy.strikesBeforeLockout, lockUntil);
      if (struck.locked_until !== null && struck.locked_until > now.toISOString()) {
        return { seconds: secondsUntil(struck.locked_until, now), isLocked: true };
      }
    }
    const windowEnd = new Date(Date.parse(row.window_start) + this.policy.windowSeconds * 1000);
    return { seconds: secondsUntil(windowEnd.toISOString(), now), isLocked: false };
  }

  private before(now: Date, seconds: number): string {
    return new Date(now.getTime() - seconds * 1000).toISOString();
  }
}
