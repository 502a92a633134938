import { createHash, randomBytes } from 'node:crypto';
import { DomainError, todayInJapan, type Clock, type User } from '@kotei/domain';
import type {
  ApiTokenRepository,
  ApiTokenSummary,
  TokenScope,
} from '../repositories/api-token.repository.js';
import type { UserRepository } from '../repositories/user.repository.js';
import { newId } from '../ids.js';
import type { LiveSession } from './auth.service.js';

/** Who a request's API token stands for, and what it may do. */
export interface TokenPrincipal {
  user: User;
  tokenId: string;
  scope: TokenScope;
}

// Secrets start with a fixed prefix, so a leaked one is recognisable (and findable by secret scanners).
const PREFIX = 'kotei_';
const TOUCH_EVERY_MS = 60_000;

function hashSecret(secret: string): string {
  // The secret is 256 random bits: a fast hash is enough, unlike a password.
  return createHash('sha256').update(secret).digest('base64url');
}

function requireSession(session: LiveSession | null): LiveSession {
  if (session === null) {
    throw new DomainError('unauthenticated', 'unauthenticated', 'Sign in with a browser session first');
  }
  return session;
}

/**
 * API tokens for scripts: made, listed and revoked only from a browser session (a token cannot make
 * another), scoped to read or write, shown once and stored as a hash.
 */
export class ApiTokenService {
  constructor(
    private readonly tokens: ApiTokenRepository,
    private readonly users: UserRepository,
    private readonly clock: Clock,
  ) {}

  /** Make a token; the secret is in this answer only. */
  async create(
    session: LiveSession | null,
    input: { name: string; scope: TokenScope },
    requestId: string | null,
  ): Promise<{ token: ApiTokenSummary; secret: string }> {
    const { user } = requireSession(session);
    const secret = `${PREFIX}${randomBytes(32).toString('base64url')}`;
    const now = this.clock.now().toISOString();
    const token: ApiTokenSummary = {
      id: newId(),
      name: input.name,
      scope: input.scope,
      createdAt: now,
      lastUsedAt: null,
    };
    await this.tokens.insert(
      {
        id: token.id,
        user_id: user.id,
        name: token.name,
        scope: token.scope,
        secret_hash: hashSecret(secret),
        created_at: now,
        last_used_at: null,
      },
      {
        actorId: user.id,
        action: 'token.create',
        entityType: 'user',
        entityId: user.id,
        detail: { tokenId: token.id, name: token.name, scope: token.scope },
        requestId,
      },
    );
    return { token, secret };
  }

  /** The signed-in user's tokens, without their secrets. */
  async list(session: LiveSession | null): Promise<ApiTokenSummary[]> {
    return this.tokens.listForUser(requireSession(session).user.id);
  }

  /** Revoke one of the signed-in user's tokens; another user's reads as not found. */
  async revoke(session: LiveSession | null, id: string, requestId: string | null): Promise<void> {
    const { user } = requireSession(session);
    const revoked = await this.tokens.revoke(user.id, id, this.clock.now().toISOString(), {
      actorId: user.id,
      action: 'token.revoke',
      entityType: 'user',
      entityId: user.id,
      detail: { tokenId: id },
      requestId,
    });
    if (!revoked) throw new DomainError('not_found', 'token_not_found', 'You have no such token');
  }

  /**
   * The principal of an `Authorization: Bearer kotei_…` header; null without the header. A header that names
   * no live token of an active user is refused (401), never read as anonymous, so a script notices.
   */
  async resolve(authorization: string | undefined): Promise<TokenPrincipal | null> {
    if (authorization === undefined) return null;
    const match = /^Bearer (\S+)$/i.exec(authorization.trim());
    const secret = match?.[1];
    const row = secret?.startsWith(PREFIX)
      ? await this.tokens.findBySecretHash(hashSecret(secret))
      : undefined;
    const user = row ? await this.users.findById(row.user_id, todayInJapan(this.clock)) : undefined;
    if (!row || !user?.isActive) {
      throw new DomainError('unauthenticated', 'invalid_token', 'The API token is unknown or revoked');
    }
    const now = this.clock.now();
    if (row.last_used_at === null || now.getTime() - Date.parse(row.last_used_at) >= TOUCH_EVERY_MS) {
      await this.tokens.touch(row.id, now.toISOString());
    }
    return {
      user: {
        id: user.id,
        login: user.login,
        displayName: user.displayName,
        role: user.role,
        ministry: user.ministry,
        isActive: user.isActive,
      },
      tokenId: row.id,
      scope: row.scope,
    };
  }
}
