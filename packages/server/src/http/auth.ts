import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '@kotei/domain';
import type { AppContext } from '../context.js';
import type { LiveSession } from '../services/auth.service.js';
import type { Actor } from '../services/actor.js';

/** Name of the session cookie. */
export const SESSION_COOKIE = 'kotei_session';

declare module 'fastify' {
  interface FastifyRequest {
    session: LiveSession | null;
  }
  interface FastifyContextConfig {
    /** A write anyone may send, without a session or CSRF token (signing in). */
    isOpenWrite?: boolean;
  }
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Resolve the session cookie of every API request once, and guard every write: a signed-in user (401
 * otherwise) whose request carries the session's CSRF token (403 otherwise). The guard runs in `onRequest`,
 * before the body is parsed, so an anonymous write is refused whatever it sends; a route opts out only by
 * saying `config: { isOpenWrite: true }`.
 */
export function registerAuth(
  app: FastifyInstance,
  ctx: AppContext,
  _options: { secureCookies: boolean },
): void {
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    request.session = await ctx.auth.resolve(request.cookies[SESSION_COOKIE]);
    // No route matched: the not-found handler answers, as it does for reads.
    if (request.routeOptions.url === undefined) return;
    if (WRITE_METHODS.has(request.method) && request.routeOptions.config.isOpenWrite !== true) {
      checkWriter(ctx, request);
    }
  });
}

function checkWriter(ctx: AppContext, request: FastifyRequest): void {
  const session = request.session;
  if (session === null) throw new DomainError('unauthenticated', 'unauthenticated', 'Sign in first');
  const header = request.headers['x-csrf-token'];
  if (!ctx.auth.isCsrfTokenValid(session, Array.isArray(header) ? header[0] : header)) {
    throw new DomainError('forbidden', 'csrf_token_invalid', 'The x-csrf-token header is missing or wrong');
  }
}

/** The actor of a request, as services take it. */
export function actorOf(request: FastifyRequest): Actor {
  return { user: request.session?.user ?? null, requestId: request.id };
}
