import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBody, LoginBody, Session } from '@kotei/contracts';
import type { AppContext } from '../../context.js';
import { SESSION_HOURS } from '../../services/auth.service.js';
import { SESSION_COOKIE } from '../auth.js';

/** Sign-in and sign-out. */
export function authRoutes(ctx: AppContext, options: { secureCookies: boolean }): FastifyPluginAsyncZod {
  return async (app) => {
    await Promise.resolve();
    app.get(
      '/auth/session',
      {
        schema: {
          tags: ['auth'],
          summary: 'Who is signed in, and the CSRF token for writes',
          response: { 200: Session },
        },
      },
      (request, reply) => {
        // The answer holds the CSRF token: no cache may keep it.
        void reply.header('cache-control', 'no-store');
        return { user: request.session?.user ?? null, csrfToken: request.session?.csrfToken ?? null };
      },
    );

    app.post(
      '/auth/login',
      {
        // Signing in is how a visitor gets a session: the one write open to everyone.
        config: { isOpenWrite: true },
        schema: {
          tags: ['auth'],
          summary: 'Sign in; sets the httpOnly session cookie',
          body: LoginBody,
          response: { 200: Session, 400: ErrorBody, 401: ErrorBody },
        },
      },
      async (request, reply) => {
        const { token, csrfToken, user } = await ctx.auth.signIn(request.body.login, request.body.password, {
          ip: request.ip,
          requestId: request.id,
        });
        void reply.setCookie(SESSION_COOKIE, token, {
          httpOnly: true,
          sameSite: 'lax',
          secure: options.secureCookies,
          path: '/',
          maxAge: SESSION_HOURS * 3600,
        });
        void reply.header('cache-control', 'no-store');
        return { user, csrfToken };
      },
    );

    app.post(
      '/auth/logout',
      {
        schema: {
          tags: ['auth'],
          summary: 'Sign out',
          security: [{ session: [], csrf: [] }],
          response: { 204: z.null(), 401: ErrorBody, 403: ErrorBody },
        },
      },
      async (request, reply) => {
        await ctx.auth.signOut(request.cookies[SESSION_COOKIE], { ip: request.ip, requestId: request.id });
        void reply.clearCookie(SESSION_COOKIE, { path: '/' });
        return reply.status(204).send(null);
      },
    );
  };
}
