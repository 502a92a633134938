import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '@kotei/domain';
import type { AppContext } from '../context.js';
import type { TokenPrincipal } from '../services/api-token.service.js';
import type { LiveSession } from '../services/auth.service.js';
import type { Actor } from '../services/actor.js';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'kotei_session';

declare module 'fastify' {
  interface FastifyRequest {
    session: LiveSession | null;
    /** The API token of a request without a session cookie (`Authorization: Bearer kotei_…`). */
    token: TokenPrincipal | null;
  }
  interface FastifyContextConfig {
    /** A write anyone may send, without a session or CSRF token (signing in). */
    isOpenWrite?: boolean;
  }
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolve the session cookie (or, without one, the API token) of every API request once, and guard every
 * write: a signed-in user (401 otherwise) whose request carries the session's CSRF token (403 otherwise), or a
 * token whose scope is write (403 otherwise). The guard runs in `onRequest`,
 * before the body is parsed, so an anonymous write is refused whatever it sends; a route opts out only by
 * saying `config: { isOpenWrite: true }`.
 */
export function registerAuth(
  app: FastifyInstance,
  ctx: AppContext,
  _options: { secureCookies: boolean },
): void {
  app.decorateRequest('session', null);
  app.decorateRequest('token', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    request.session = await ctx.auth.resolve(request.cookies[SESSION_COOKIE]);
    // A browser session wins; without one, an API token may stand for the user (a script's request).
    if (request.session === null) request.token = await ctx.tokens.resolve(request.headers.authorization);
    // No route matched: the not-found handler answers, as it does for reads.
    if (request.routeOptions.url === undefined) return;
    if (WRITE_METHODS.has(request.method) && request.routeOptions.config.isOpenWrite !== true) {
      checkWriter(ctx, request);
    }
  });
}

function checkWriter(ctx: AppContext, request: FastifyRequest): void {
  const session = request.session;
  if (session === null && request.token !== null) {
    // A token is sent by a script, never by a browser on its own, so it needs no CSRF token: only its scope.
    if (request.token.scope !== 'write') {
      throw new DomainError('forbidden', 'token_read_only', 'This API token may only read');
    }
    return;
  }
  if (session === null) throw new DomainError('unauthenticated', 'unauthenticated', 'Sign in first');
  const header = request.headers['x-csrf-token'];
  if (!ctx.auth.isCsrfTokenValid(session, Array.isArray(header) ? header[0] : header)) {
    throw new DomainError('forbidden', 'csrf_token_invalid', 'The x-csrf-token header is missing or wrong');
  }
}

/** The actor of a request, as services take it. */
export function actorOf(request: FastifyRequest): Actor {
  return { user: request.session?.user ?? request.token?.user ?? null, requestId: request.id };
}
