import { connect } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBody } from '@kotei/contracts';
import { prepareFirstStart } from '../bootstrap.js';
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from '../testing/test-databases.js';
import { signIn } from '../testing/sign-in.js';
import { buildApp } from './app.js';

const SLUG = 'drug-discovery-2024';

// The documented shape, strictly: nothing of Fastify's own body (statusCode, error: "Bad Request") may leak.
const StrictErrorBody = ErrorBody.extend({
  error: ErrorBody.shape.error.extend({ requestId: ErrorBody.shape.error.shape.requestId.unwrap() }).strict(),
}).strict();

function expectShape(status: number, body: string, expected: { status: number; code: string }): void {
  expect(status, body).toBe(expected.status);
  const parsed = StrictErrorBody.safeParse(JSON.parse(body));
  expect(parsed.error, body).toBeUndefined();
  expect(parsed.data?.error.code).toBe(expected.code);
}

/** Send raw bytes to the listening server and read its whole answer: status line, headers and body. */
function rawRequest(
  port: number,
  request: string,
): Promise<{ status: number; headers: string; body: string }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', body = ''] = text.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), headers: head, body });
    });
    socket.write(request);
  });
}

describe.each(TEST_DATABASES)('error bodies on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let port: number;
  let headers: Record<string, string>;
  let adminPassword: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const first = await prepareFirstStart(database.ctx, { loadSample: true });
    app = await buildApp(database.ctx, { logLevel: 'silent', webRoot: null, secureCookies: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.server.address();
    port = typeof address === 'object' && address !== null ? address.port : 0;
    adminPassword = first.admin?.password ?? '';
    headers = await signIn(app, 'admin', adminPassword);
  });
  afterAll(async () => {
    await (app as FastifyInstance | undefined)?.close();
    await (database as TestDatabase | undefined)?.dispose();
  });

  it('answers a malformed URL with 400 in the error shape', async () => {
    const res = await app.inject({ url: '/api/plans/%E0%A4%A' });
    expectShape(res.statusCode, res.body, { status: 400, code: 'bad_url' });
    expect(res.json<ErrorBody>().error.requestId).toBe(res.headers['x-request-id']);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    const raw = await rawRequest(
      port,
      'GET /api/plans/%E0%A4%A HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
    );
    expectShape(raw.status, raw.body, { status: 400, code: 'bad_url' });
  });

  it('answers an oversized header with 431 in the error shape, from the HTTP parser itself', async () => {
    const huge = 'a'.repeat(20_000);
    const raw = await rawRequest(port, `GET /api/plans HTTP/1.1\r\nHost: x\r\nX-Huge: ${huge}\r\n\r\n`);
    expectShape(raw.status, raw.body, { status: 431, code: 'header_too_large' });
    expect(raw.headers.toLowerCase()).toContain(
      `x-request-id: ${ErrorBody.parse(JSON.parse(raw.body)).error.requestId ?? ''}`,
    );
    expect(raw.headers.toLowerCase()).toContain('content-type: application/json');
  });

  it('answers a request the HTTP parser cannot read with 400 in the error shape', async () => {
    const raw = await rawRequest(port, 'GET /api/plans HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n');
    expectShape(raw.status, raw.body, { status: 400, code: 'bad_request' });
  });

  it('answers an unknown route with 404 in the error shape, for reads and writes', async () => {
    const read = await app.inject({ url: '/api/nothing-here' });
    expectShape(read.statusCode, read.body, { status: 404, code: 'route_not_found' });
    const write = await app.inject({ method: 'POST', url: '/api/nothing-here', payload: '{' });
    expectShape(write.statusCode, write.body, { status: 404, code: 'route_not_found' });
  });

  it('answers an unsupported content type with 415 in the error shape', async () => {
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/plans/${SLUG}`,
      headers: { ...headers, 'content-type': 'application/xml' },
      payload: '<title>x</title>',
    });
    expectShape(res.statusCode, res.body, { status: 415, code: 'unsupported_media_type' });
  });

  it('answers a body over the limit with 413 in the error shape', async () => {
    const res = await app.inject({
      method: 'PATCH',
      url: `/api/plans/${SLUG}`,
      headers: { ...headers, 'content-type': 'application/json' },
      payload: JSON.stringify({ description: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expectShape(res.statusCode, res.body, { status: 413, code: 'payload_too_large' });
  });

  it('answers malformed and empty JSON with 400 in the error shape', async () => {
    for (const payload of ['{"title":', '']) {
      const res = await app.inject({
        method: 'PATCH',
        url: `/api/plans/${SLUG}`,
        headers: { ...headers, 'content-type': 'application/json' },
        payload,
      });
      expectShape(res.statusCode, res.body, { status: 400, code: 'bad_request' });
    }
  });

  it('answers a validation failure and a domain error in the strict shape', async () => {
    const invalid = await app.inject({ url: `/api/plans/${SLUG}?at=2025-13-01` });
    expect(StrictErrorBody.safeParse(invalid.json()).success).toBe(true);
    const missing = await app.inject({ url: '/api/plans/no-such-plan' });
    expectShape(missing.statusCode, missing.body, { status: 404, code: 'plan_not_found' });
  });

  it('never lets the session answer, which holds the CSRF token, be stored by a cache', async () => {
    const anonymous = await app.inject({ url: '/api/auth/session' });
    expect(anonymous.headers['cache-control']).toBe('no-store');
    const signedIn = await app.inject({
      url: '/api/auth/session',
      headers: { cookie: headers.cookie ?? '' },
    });
    expect(signedIn.json<{ csrfToken: string | null }>().csrfToken).not.toBeNull();
    expect(signedIn.headers['cache-control']).toBe('no-store');
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'admin', password: adminPassword },
    });
    expect(login.headers['cache-control']).toBe('no-store');
  });
});
