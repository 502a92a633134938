import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { DomainError, type Clock, type User } from '@kotei/domain';
import type { AuditRepository } from '../repositories/audit.repository.js';
import type { SessionRepository } from '../repositories/session.repository.js';
import type { UserRepository } from '../repositories/user.repository.js';
import { hashPassword, verifyPassword } from '../auth/password.js';

/** How long a session lasts: one working day, so a forgotten browser does not stay signed in for long. */
export const SESSION_HOURS = 12;

/** A live session: who, and the token every write must echo against cross-site requests. */
export interface LiveSession {
  user: User;
  csrfToken: string;
}

/** Where a sign-in or sign-out came from, for the audit trail. */
export interface RequestOrigin {
  ip: string | null;
  requestId: string | null;
}

const NO_ORIGIN: RequestOrigin = { ip: null, requestId: null };

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

/** Sign-in, sessions and CSRF tokens. Only a hash of the session token is stored. */
export class AuthService {
  // Compared against when the login is unknown, so a wrong login costs as long as a wrong password.
  private readonly decoyHash: Promise<string>;

  constructor(
    private readonly users: UserRepository,
    private readonly sessions: SessionRepository,
    private readonly clock: Clock,
    private readonly audit: AuditRepository,
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
    origin: RequestOrigin = NO_ORIGIN,
  ): Promise<LiveSession & { token: string }> {
    const user = await this.users.findByLogin(login);
    const ok = await verifyPassword(password, user?.passwordHash ?? (await this.decoyHash));
    if (!user || !ok || !user.isActive) {
      const reason = !user ? 'unknown_login' : !ok ? 'wrong_password' : 'inactive';
      await this.record('auth.sign_in_failed', null, user?.id ?? null, { login, reason }, origin);
      throw new DomainError('unauthenticated', 'invalid_credentials', 'The login or the password is wrong');
    }
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(32).toString('base64url');
    const now = this.clock.now();
    await this.sessions.deleteExpired(now.toISOString());
    await this.sessions.insert({
      id_hash: hashToken(token),
      user_id: user.id,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SESSION_HOURS * 3_600_000).toISOString(),
    });
    await this.record('auth.sign_in', user.id, user.id, { login }, origin);
    return { token, csrfToken, user: publicUser(user) };
  }

  /** The session a cookie token stands for, if it is live and its user active. */
  async resolve(token: string | undefined): Promise<LiveSession | null> {
    if (token === undefined || token === '') return null;
    const session = await this.sessions.findLive(hashToken(token), this.clock.now().toISOString());
    if (!session) return null;
    const user = await this.users.findById(session.user_id);
    if (!user?.isActive) return null;
    return { user: publicUser(user), csrfToken: session.csrf_token };
  }

  /** End the session of a token, audited with its user. */
  async signOut(token: string | undefined, origin: RequestOrigin = NO_ORIGIN): Promise<void> {
    if (token === undefined || token === '') return;
    const session = await this.sessions.findLive(hashToken(token), this.clock.now().toISOString());
    await this.sessions.delete(hashToken(token));
    if (session) await this.record('auth.sign_out', session.user_id, session.user_id, {}, origin);
  }

  private async record(
    action: string,
    actorId: string | null,
    userId: string | null,
    detail: Record<string, unknown>,
    origin: RequestOrigin,
  ): Promise<void> {
    await this.audit.record(this.clock.now().toISOString(), {
      actorId,
      action,
      entityType: 'user',
      entityId: userId,
      detail: { ...detail, ip: origin.ip },
      requestId: origin.requestId,
    });
  }

  /** Whether a request's CSRF header matches its session's token, compared in constant time. */
  isCsrfTokenValid(session: LiveSession, header: string | undefined): boolean {
    if (header === undefined) return false;
    const expected = Buffer.from(session.csrfToken);
    const actual = Buffer.from(header);
    return expected.length === actual.length && timingSafeEqual(expected, actual);
  }
}
