import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
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
}

/** Resolve the session cookie of every API request once. */
export function registerAuth(
  app: FastifyInstance,
  ctx: AppContext,
  _options: { secureCookies: boolean },
): void {
  app.decorateRequest('session', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/')) return;
    request.session = await ctx.auth.resolve(request.cookies[SESSION_COOKIE]);
  });
}

/**
 * Guard for every write: a signed-in user (401 otherwise) whose request carries the session's CSRF token
 * (403 otherwise). Runs before body validation, so an anonymous write is refused whatever it sends.
 */
export function sessionGuard(
  ctx: AppContext,
): (request: FastifyRequest, reply: FastifyReply) => Promise<void> {
  return async (request) => {
    await Promise.resolve();
    const session = request.session;
    if (session === null) throw new DomainError('unauthenticated', 'unauthenticated', 'Sign in first');
    const header = request.headers['x-csrf-token'];
    if (!ctx.auth.isCsrfTokenValid(session, Array.isArray(header) ? header[0] : header)) {
      throw new DomainError('forbidden', 'csrf_token_invalid', 'The x-csrf-token header is missing or wrong');
    }
  };
}

/** The actor of a request, as services take it. */
export function actorOf(request: FastifyRequest): Actor {
  return { user: request.session?.user ?? null, requestId: request.id };
}
