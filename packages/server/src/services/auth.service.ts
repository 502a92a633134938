import { createHash, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { DomainError, RetryLaterError, todayInJapan, type Clock, type User } from '@kotei/domain';
import type { AuditRepository } from '../repositories/audit.repository.js';
import type { SessionRepository, SessionSummary } from '../repositories/session.repository.js';
import type { UserRepository } from '../repositories/user.repository.js';
import { HashQueueFullError } from '../auth/hash-queue.js';
import { hashPassword } from '../auth/password.js';
import { PasswordHasher } from '../auth/password-hasher.js';
import type { SignInThrottle, SignInTicket } from '../auth/sign-in-throttle.js';

/** How long a session lasts: one working day, so a forgotten browser does not stay signed in for long. */
export const SESSION_HOURS = 12;

/** A live session: who, which session (its public id), and the token every write must echo against CSRF. */
export interface LiveSession {
  user: User;
  sessionId: string;
  csrfToken: string;
}

/** Where a request comes from, as a session and the audit trail record it. */
export interface Client {
  ip: string | null;
  userAgent: string | null;
  /** The request's id, so an audited sign-in can be matched to the server's log. */
  requestId?: string | null;
}

const NO_CLIENT: Client = { ip: null, userAgent: null, requestId: null };

/** One of the signed-in user's sessions. */
export interface SessionInfo extends SessionSummary {
  isCurrent: boolean;
}

// A session's "last seen" is written at most this often, so reads do not each cost a write.
const TOUCH_EVERY_MS = 60_000;
const USER_AGENT_MAX = 300;

// One hasher for the process: its bound holds however many app instances a process builds (tests build several).
const DEFAULT_HASHER = PasswordHasher.beside();

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

function publicUser(user: User): User {
  return {
    id: user.id,
    login: user.login,
    displayName: user.displayName,
    role: user.role,
    ministry: user.ministry,
    isActive: user.isActive,
  };
}

function requireSession(session: LiveSession | null): LiveSession {
  if (session === null) throw new DomainError('unauthenticated', 'unauthenticated', 'Sign in first');
  return session;
}

/**
 * Sign-in, sessions and CSRF tokens. Only a hash of the session token is stored. Every password check and hash
 * runs through one bounded queue, and sign-in attempts are throttled per login name and address before it.
 */
export class AuthService {
  // Compared against when the login is unknown, so a wrong login costs as long as a wrong password.
  private readonly decoyHash: Promise<string>;

  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly throttle: SignInThrottle,
    private readonly clock: Clock,
    private readonly audit: AuditRepository,
    private readonly hasher: PasswordHasher = DEFAULT_HASHER,
  ) {
    this.decoyHash = hashPassword(randomBytes(16).toString('hex'));
  }

  /**
   * Check the password and open a session; the same error for an unknown login and a wrong password. Both
   * outcomes are audited (never the password); a refusal in a transaction of its own, so nothing undoes it.
   */
  async signIn(
    login: string,
    password: string,
    client: Client = NO_CLIENT,
  ): Promise<LiveSession & { token: string }> {
    // A full queue refuses before the throttle's writes: a flood of sign-ins then costs next to nothing each.
    if (this.hasher.isFull) throw this.busyOr(new HashQueueFullError());
    const ticket = await this.throttle.admit(login, client.ip);
    const user = await this.users.findByLogin(login, todayInJapan(this.clock));
    const stored = user?.passwordHash ?? (await this.decoyHash);
    const ok = await this.checkPassword(ticket, password, stored);
    if (!user || !ok || !user.isActive) {
      const reason = !user ? 'unknown_login' : !ok ? 'wrong_password' : 'inactive';
      await this.record('auth.sign_in_failed', null, user?.id ?? null, { login, reason }, client);
      throw new DomainError('unauthenticated', 'invalid_credentials', 'The login or the password is wrong');
    }
    await this.throttle.succeeded(ticket);
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const sessionId = randomUUID();
    const now = this.clock.now().toISOString();
    await this.sessions.deleteExpired(now);
    await this.sessions.insert({
      id_hash: hashToken(token),
      public_id: sessionId,
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: now,
      last_seen_at: now,
      expires_at: new Date(Date.parse(now) + SESSION_HOURS * 3_600_000).toISOString(),
      user_agent: client.userAgent?.slice(0, USER_AGENT_MAX) ?? null,
      ip: client.ip,
    });
    await this.record('auth.sign_in', user.id, user.id, { login }, client);
    return { token, csrfToken, sessionId, user: publicUser(user) };
  }

  /** The session a cookie token stands for, if it is live and its user active. */
  async resolve(token: string | undefined): Promise<LiveSession | null> {
    if (token === undefined || token === '') return null;
    const now = this.clock.now();
    const idHash = hashToken(token);
    // One statement: the session, its user and the user's grants in force today.
    const session = await this.sessions.findLiveWithUser(idHash, now.toISOString(), todayInJapan(this.clock));
    if (!session?.user.isActive) return null;
    if (now.getTime() - Date.parse(session.lastSeenAt) >= TOUCH_EVERY_MS) {
      await this.sessions.touch(idHash, now.toISOString());
    }
    return { user: publicUser(session.user), sessionId: session.publicId, csrfToken: session.csrfToken };
  }

  /** End the session of a token, audited with its user. */
  async signOut(token: string | undefined, client: Client = NO_CLIENT): Promise<void> {
    if (token === undefined || token === '') return;
    const session = await this.sessions.findLive(hashToken(token), this.clock.now().toISOString());
    await this.sessions.delete(hashToken(token));
    if (session) await this.record('auth.sign_out', session.user_id, session.user_id, {}, client);
  }

  private async record(
    action: string,
    actorId: string | null,
    userId: string | null,
    detail: Record<string, unknown>,
    client: Client,
  ): Promise<void> {
    await this.audit.record(this.clock.now().toISOString(), {
      actorId,
      action,
      entityType: 'user',
      entityId: userId,
      detail: { ...detail, ip: client.ip },
      requestId: client.requestId ?? null,
    });
  }

  /** The signed-in user's live sessions, this one marked. */
  async listSessions(session: LiveSession | null): Promise<SessionInfo[]> {
    const { user, sessionId } = requireSession(session);
    const rows = await this.sessions.listLive(user.id, this.clock.now().toISOString());
    return rows.map((row) => ({ ...row, isCurrent: row.id === sessionId }));
  }

  /**
   * End one of the signed-in user's sessions; it stops working at once, on every instance. Another user's
   * session reads as not found. Returns whether it was the caller's own current session.
   */
  async endSession(
    session: LiveSession | null,
    targetId: string,
    requestId: string | null,
  ): Promise<{ wasCurrent: boolean }> {
    const { user, sessionId } = requireSession(session);
    const ended = await this.sessions.revoke(user.id, targetId, this.clock.now().toISOString(), {
      actorId: user.id,
      action: 'session.end',
      entityType: 'user',
      entityId: user.id,
      detail: { sessionId: targetId, isCurrent: targetId === sessionId },
      requestId,
    });
    if (!ended) throw new DomainError('not_found', 'session_not_found', 'You have no such session');
    return { wasCurrent: targetId === sessionId };
  }

  /**
   * Change the signed-in user's password: the current one must be right (throttled like a sign-in, since it
   * is a guess too); the user's other sessions end, this one stays.
   */
  async changePassword(
    session: LiveSession | null,
    input: { currentPassword: string; newPassword: string },
    client: Client,
    requestId: string | null,
  ): Promise<void> {
    const { user, sessionId } = requireSession(session);
    const ticket = await this.throttle.admit(user.login, client.ip);
    const stored = await this.users.findById(user.id, todayInJapan(this.clock));
    if (!stored || !(await this.checkPassword(ticket, input.currentPassword, stored.passwordHash))) {
      throw new DomainError('invalid_input', 'wrong_password', 'The current password is wrong', [
        { path: 'currentPassword', message: 'is not your current password' },
      ]);
    }
    await this.throttle.succeeded(ticket);
    if (input.newPassword === input.currentPassword) {
      throw new DomainError('invalid_input', 'password_unchanged', 'The new password is the current one', [
        { path: 'newPassword', message: 'must differ from the current password' },
      ]);
    }
    const hash = await this.queued(() => this.hasher.hash(input.newPassword));
    await this.users.changePassword(user.id, hash, sessionId, this.clock.now().toISOString(), {
      actorId: user.id,
      action: 'user.change_password',
      entityType: 'user',
      entityId: user.id,
      detail: { login: user.login, endedOtherSessions: true },
      requestId,
    });
  }

  /** Whether a request's CSRF header matches its session's token, compared in constant time. */
  isCsrfTokenValid(session: LiveSession, header: string | undefined): boolean {
    if (header === undefined) return false;
    const expected = Buffer.from(session.csrfToken);
    const actual = Buffer.from(header);
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }

  private async checkPassword(ticket: SignInTicket, password: string, stored: string): Promise<boolean> {
    try {
      return await this.hasher.verify(password, stored);
    } catch (error) {
      // Never checked, so it is no guess: the attempt is given back before refusing.
      if (error instanceof HashQueueFullError) await this.throttle.notChecked(ticket);
      throw this.busyOr(error);
    }
  }

  private async queued<T>(task: () => Promise<T>): Promise<T> {
    try {
      return await task();
    } catch (error) {
      throw this.busyOr(error);
    }
  }

  private busyOr(error: unknown): unknown {
    if (!(error instanceof HashQueueFullError)) return error;
    return new RetryLaterError(
      'unavailable',
      'sign_in_busy',
      'Many sign-ins are being checked right now; try again in a few seconds',
      2,
    );
  }
}
