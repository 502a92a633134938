import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import type { AppContext } from '../context.js';
import { registerAuth } from './auth.js';
import { handleError, handleFrameworkError, makeClientErrorHandler } from './errors.js';
import { authRoutes } from './routes/auth.routes.js';
import { evaluationPanelRoutes, evaluationRoutes } from './routes/evaluation.routes.js';
import { grantRoutes } from './routes/grant.routes.js';
import { correctionRoutes } from './routes/correction.routes.js';
import { rsRoutes } from './routes/rs.routes.js';
import { importRoutes } from './routes/import.routes.js';
import { tableIntoPlanRoutes } from './routes/table-into-plan.routes.js';
import { planRoutes } from './routes/plan.routes.js';
import { revisionRoutes } from './routes/revision.routes.js';
import { proposalRoutes } from './routes/proposal.routes.js';
import { referenceRoutes } from './routes/reference.routes.js';
import { roundRoutes } from './routes/round.routes.js';
import { notificationRoutes } from './routes/notification.routes.js';
import { reportRoutes } from './routes/report.routes.js';
import { workbookRoutes } from './routes/workbook.routes.js';
import { reportJobRoutes } from './routes/report-job.routes.js';
import { searchRoutes } from './routes/search.routes.js';

/** How the HTTP app is built. */
export interface AppOptions {
  /** pino level; 'silent' in tests. */
  logLevel: string;
  /** Folder of the built web app (index.html and assets/), or null to serve the API only. */
  webRoot: string | null;
  /** Mark the session cookie Secure and send HSTS (behind HTTPS). */
  secureCookies: boolean;
  /** The reverse proxies whose X-Forwarded-For gives the client's address (KOTEI_TRUST_PROXY). */
  trustProxy?: string | null;
}

// Everything is served by kotei itself; nothing may load from elsewhere (closed office networks).
const SECURITY_HEADERS = {
  'content-security-policy':
    "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
  'x-frame-options': 'DENY',
};

// Sent only when kotei is reached over HTTPS (secure cookies say so): browsers then refuse plain HTTP for a
// year, so a session cookie is never offered to a downgraded connection. Over plain HTTP it would be ignored
// at best and lock out a test server at worst.
const HSTS = { 'strict-transport-security': 'max-age=31536000' };

/** The kotei HTTP app: JSON API under /api, the web app everywhere else. */
export async function buildApp(ctx: AppContext, options: AppOptions): Promise<FastifyInstance> {
  // The socket-level handler is made before the app it logs through exists.
  let log: FastifyBaseLogger | null = null;
  const headers = options.secureCookies ? { ...SECURITY_HEADERS, ...HSTS } : SECURITY_HEADERS;
  const app = Fastify({
    logger: {
      level: options.logLevel,
      redact: ['req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
    },
    genReqId: () => randomUUID(),
    requestIdHeader: false,
    ...(options.trustProxy ? { trustProxy: options.trustProxy } : {}),
    bodyLimit: 1024 * 1024,
    // Answered before routing, so the onSend hook below does not run: the headers are set here too.
    frameworkErrors: (error, request, reply) => {
      void reply.headers(headers).header('x-request-id', request.id);
      handleFrameworkError(error, request, reply);
    },
    clientErrorHandler: makeClientErrorHandler(() => log),
  }).withTypeProvider<ZodTypeProvider>();
  log = app.log;

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(handleError);
  app.addHook('onSend', async (request, reply) => {
    reply.headers(headers);
    reply.header('x-request-id', request.id);
  });

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'kotei API',
        version: '0.1.0',
        description:
          'Policy roadmaps (工程表), KPIs and follow-up rounds. Reads of plans are public; writes need a session cookie and the x-csrf-token header from GET /api/auth/session.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'kotei_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
          token: { type: 'http', scheme: 'bearer', description: 'An API token (POST /api/auth/tokens)' },
        },
      },
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });

  registerAuth(app, ctx, options);
  await app.register(
    async (api) => {
      await api.register(referenceRoutes(ctx));
      await api.register(authRoutes(ctx, options));
      await api.register(planRoutes(ctx));
      await api.register(revisionRoutes(ctx));
      await api.register(proposalRoutes(ctx));
      await api.register(roundRoutes(ctx));
      await api.register(notificationRoutes(ctx));
      await api.register(evaluationRoutes(ctx));
      await api.register(evaluationPanelRoutes(ctx));
      await api.register(rsRoutes(ctx));
      await api.register(searchRoutes(ctx));
      await api.register(importRoutes(ctx));
      await api.register(tableIntoPlanRoutes(ctx));
      await api.register(reportRoutes(ctx));
      await api.register(workbookRoutes(ctx));
      await api.register(reportJobRoutes(ctx));
      await api.register(grantRoutes(ctx));
      await api.register(correctionRoutes(ctx));
      api.get('/openapi.json', { schema: { hide: true } }, () => app.swagger());
    },
    { prefix: '/api' },
  );

  const webRoot =
    options.webRoot !== null && existsSync(join(options.webRoot, 'index.html')) ? options.webRoot : null;
  if (webRoot !== null) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false, index: false });
  }
  // The page every visit starts with is read once, at start: answering it from memory takes no trip through
  // libuv's thread pool, so nothing that keeps the pool busy can slow the first page. (A new build of the web
  // app is served after a restart, as deployments do.)
  const index = webRoot === null ? null : indexPage(webRoot);
  app.setNotFoundHandler((request, reply) => {
    if (
      request.url.startsWith('/api/') ||
      request.url === '/api' ||
      (request.method !== 'GET' && request.method !== 'HEAD')
    ) {
      return reply.status(404).send({
        error: {
          code: 'route_not_found',
          message: `No route ${request.method} ${request.url.split('?')[0] ?? ''}`,
          details: [],
          requestId: request.id,
        },
      });
    }
    // The web app routes in the browser: every other page is its index.html.
    if (index !== null) {
      void reply.header('cache-control', 'no-cache').header('etag', index.etag);
      if (request.headers['if-none-match'] === index.etag) return reply.status(304).send();
      return reply.type('text/html; charset=utf-8').send(index.html);
    }
    return reply
      .type('text/plain; charset=utf-8')
      .send(
        'kotei: the web app is not built. Run `npm run build` in the repository, then start kotei again.',
      );
  });
  return app;
}

function indexPage(webRoot: string): { html: Buffer; etag: string } {
  const html = readFileSync(join(webRoot, 'index.html'));
  return { html, etag: `"${createHash('sha256').update(html).digest('base64url').slice(0, 27)}"` };
}
