import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ApiTokenList,
  CreateApiTokenBody,
  CreatedApiToken,
  ErrorBody,
  LoginBody,
  PasswordChangeBody,
  Session,
  SessionList,
  SessionParams,
} from '@kotei/contracts';
import type { AppContext } from '../../context.js';
import { SESSION_HOURS, type Client } from '../../services/auth.service.js';
import { SESSION_COOKIE } from '../auth.js';

function clientOf(request: FastifyRequest): Client {
  const agent = request.headers['user-agent'];
  return { ip: request.ip === '' ? null : request.ip, userAgent: agent ?? null, requestId: request.id };
}

const signedIn = [{ session: [] }];
const signedInWrite = [{ session: [], csrf: [] }];

type Api = Parameters<FastifyPluginAsyncZod>[0];

/** Sign-in and sign-out, the user's sessions and password. Nothing here may be cached. */
export function authRoutes(ctx: AppContext, options: { secureCookies: boolean }): FastifyPluginAsyncZod {
  const clearSessionCookie = (reply: FastifyReply): void => {
    void reply.clearCookie(SESSION_COOKIE, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: options.secureCookies,
    });
  };
  return async (app) => {
    await Promise.resolve();
    // Answers here hold CSRF tokens, sessions and errors about sign-in: no cache, shared or private, keeps them.
    app.addHook('onSend', async (_request, reply) => {
      reply.header('cache-control', 'no-store');
    });
    signInRoutes(app, ctx, options, clearSessionCookie);
    accountRoutes(app, ctx, clearSessionCookie);
    tokenRoutes(app, ctx);
  };
}

function signInRoutes(
  app: Api,
  ctx: AppContext,
  options: { secureCookies: boolean },
  clearSessionCookie: (reply: FastifyReply) => void,
): void {
  app.get(
    '/auth/session',
    {
      schema: {
        tags: ['auth'],
        summary: 'Who is signed in, and the CSRF token for writes',
        response: { 200: Session },
      },
    },
    (request) => ({ user: request.session?.user ?? null, csrfToken: request.session?.csrfToken ?? null }),
  );

  app.post(
    '/auth/login',
    {
      // Signing in is how a visitor gets a session: the one write open to everyone.
      config: { isOpenWrite: true },
      schema: {
        tags: ['auth'],
        summary:
          'Sign in; sets the httpOnly session cookie. Throttled per login and address: 429 with Retry-After',
        body: LoginBody,
        response: { 200: Session, 400: ErrorBody, 401: ErrorBody, 429: ErrorBody, 503: ErrorBody },
      },
    },
    async (request, reply) => {
      const { token, csrfToken, user } = await ctx.auth.signIn(
        request.body.login,
        request.body.password,
        clientOf(request),
      );
      void reply.setCookie(SESSION_COOKIE, token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: options.secureCookies,
        path: '/',
        maxAge: SESSION_HOURS * 3600,
      });
      return { user, csrfToken };
    },
  );

  app.post(
    '/auth/logout',
    {
      schema: {
        tags: ['auth'],
        summary: 'Sign out',
        security: signedInWrite,
        response: { 204: z.null(), 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (request, reply) => {
      await ctx.auth.signOut(request.cookies[SESSION_COOKIE], clientOf(request));
      clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );
}

function accountRoutes(app: Api, ctx: AppContext, clearSessionCookie: (reply: FastifyReply) => void): void {
  app.get(
    '/auth/sessions',
    {
      schema: {
        tags: ['auth'],
        summary: "The signed-in user's live sessions, this one marked",
        security: signedIn,
        response: { 200: SessionList, 401: ErrorBody },
      },
    },
    async (request) => ({ sessions: await ctx.auth.listSessions(request.session) }),
  );

  app.delete(
    '/auth/sessions/:id',
    {
      schema: {
        tags: ['auth'],
        summary: 'End one of your sessions; it stops working at once',
        security: signedInWrite,
        params: SessionParams,
        response: { 204: z.null(), 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const { wasCurrent } = await ctx.auth.endSession(request.session, request.params.id, request.id);
      if (wasCurrent) clearSessionCookie(reply);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/auth/password',
    {
      schema: {
        tags: ['auth'],
        summary: 'Change your password; your other sessions end',
        security: signedInWrite,
        body: PasswordChangeBody,
        response: {
          204: z.null(),
          400: ErrorBody,
          401: ErrorBody,
          403: ErrorBody,
          429: ErrorBody,
          503: ErrorBody,
        },
      },
    },
    async (request, reply) => {
      await ctx.auth.changePassword(request.session, request.body, clientOf(request), request.id);
      return reply.status(204).send(null);
    },
  );
}

// Tokens are managed from a browser session only: a token cannot list, make or revoke tokens.
function tokenRoutes(app: Api, ctx: AppContext): void {
  app.get(
    '/auth/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: 'Your API tokens, without their secrets',
        security: signedIn,
        response: { 200: ApiTokenList, 401: ErrorBody },
      },
    },
    async (request) => ({ tokens: await ctx.tokens.list(request.session) }),
  );

  app.post(
    '/auth/tokens',
    {
      schema: {
        tags: ['auth'],
        summary: 'Make an API token for scripts; its secret is shown in this answer only',
        security: signedInWrite,
        body: CreateApiTokenBody,
        response: { 201: CreatedApiToken, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (request, reply) => {
      const created = await ctx.tokens.create(request.session, request.body, request.id);
      return reply.status(201).send(created);
    },
  );

  app.delete(
    '/auth/tokens/:id',
    {
      schema: {
        tags: ['auth'],
        summary: 'Revoke one of your API tokens; it stops working at once',
        security: signedInWrite,
        params: SessionParams,
        response: { 204: z.null(), 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      await ctx.tokens.revoke(request.session, request.params.id, request.id);
      return reply.status(204).send(null);
    },
  );
}
