import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareFirstStart } from '../bootstrap.js';
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from '../testing/test-databases.js';
import { signIn } from '../testing/sign-in.js';
import { buildApp } from './app.js';

type JsonSchema = {
  $ref?: string;
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
};
interface Operation {
  parameters?: { in: string; name: string; schema?: JsonSchema }[];
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, JsonSchema> };
}

const WRITE_METHODS = ['post', 'put', 'patch', 'delete'] as const;
// Signing in is the one write open to everyone: it is how a visitor gets the session the others need.
const OPEN_WRITES = new Set(['POST /api/auth/login']);
const DUMMY_UUID = '00000000-0000-4000-8000-000000000000';

// A body the route's schema would accept, so the guard is shown to come first even when parsing would pass.
function sampleOf(schema: JsonSchema | undefined, doc: OpenApi, depth = 0): unknown {
  if (schema === undefined || depth > 8) return 'x';
  if (schema.$ref !== undefined) {
    return sampleOf(doc.components.schemas[schema.$ref.split('/').at(-1) ?? ''], doc, depth + 1);
  }
  if (schema.const !== undefined) return schema.const;
  if (schema.enum !== undefined) return schema.enum[0];
  const choice = schema.oneOf?.[0] ?? schema.anyOf?.[0];
  if (choice !== undefined) return sampleOf(choice, doc, depth + 1);
  const type = (Array.isArray(schema.type) ? schema.type[0] : schema.type) ?? 'string';
  switch (type) {
    case 'object':
      return Object.fromEntries(
        (schema.required ?? []).map((key) => [key, sampleOf(schema.properties?.[key], doc, depth + 1)]),
      );
    case 'array':
      return [sampleOf(schema.items, doc, depth + 1)];
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return true;
    default:
      return schema.format === 'uuid' ? DUMMY_UUID : schema.format === 'date' ? '2025-06-30' : '調査';
  }
}

function urlOf(path: string, operation: Operation): string {
  return path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const parameter = operation.parameters?.find((p) => p.in === 'path' && p.name === name);
    return parameter?.schema?.format === 'uuid' ? DUMMY_UUID : 'x';
  });
}

function expectErrorShape(res: LightMyRequestResponse, status: number, code: string, what: string): void {
  expect(res.statusCode, what).toBe(status);
  const body = res.json<{
    error: { code: string; message: string; details: unknown[]; requestId: string };
  }>();
  expect(body.error.code, what).toBe(code);
  expect(typeof body.error.message, what).toBe('string');
  expect(body.error.details, what).toEqual([]);
  expect(body.error.requestId, what).toBe(res.headers['x-request-id']);
}

describe.each(TEST_DATABASES)('the write guard on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let doc: OpenApi;
  let writes: { method: string; url: string; label: string; body: unknown }[];
  let sessionCookie: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const first = await prepareFirstStart(database.ctx, { loadSample: false });
    app = await buildApp(database.ctx, { logLevel: 'silent', webRoot: null, secureCookies: false });
    sessionCookie = (await signIn(app, 'admin', first.admin?.password ?? '')).cookie;
    doc = (await app.inject({ url: '/api/openapi.json' })).json<OpenApi>();
    writes = Object.entries(doc.paths).flatMap(([path, operations]) =>
      WRITE_METHODS.filter((m) => operations[m] !== undefined)
        .map((method) => {
          const operation = operations[method] as Operation;
          const schema = operation.requestBody?.content?.['application/json']?.schema;
          return {
            method: method.toUpperCase(),
            url: urlOf(path, operation),
            label: `${method.toUpperCase()} ${path}`,
            body: schema === undefined ? {} : sampleOf(schema, doc),
          };
        })
        .filter((write) => !OPEN_WRITES.has(write.label)),
    );
  });
  afterAll(async () => {
    await (app as FastifyInstance | undefined)?.close();
    await (database as TestDatabase | undefined)?.dispose();
  });

  const variants = (body: unknown): { name: string; payload: string | undefined; json: boolean }[] =>
    [true, false].flatMap((json) => [
      { name: 'no body', payload: undefined, json },
      { name: 'malformed body', payload: '{', json },
      { name: 'valid-looking body', payload: JSON.stringify(body), json },
    ]);

  it('finds the write routes in the OpenAPI document, the ones every client sees', () => {
    const labels = writes.map((w) => w.label);
    expect(labels).toEqual(
      expect.arrayContaining([
        'DELETE /api/plans/{slug}/kpis/{kpiId}/status-override',
        'PATCH /api/plans/{slug}',
        'POST /api/imports',
        'POST /api/auth/logout',
      ]),
    );
  });

  it('refuses every anonymous write with 401 before reading its body, whatever the body or content type', async () => {
    for (const write of writes) {
      for (const variant of variants(write.body)) {
        const res = await app.inject({
          method: write.method as 'POST',
          url: write.url,
          headers: variant.json ? { 'content-type': 'application/json' } : {},
          ...(variant.payload === undefined ? {} : { payload: variant.payload }),
        });
        const what = `${write.label}, ${variant.name}, ${variant.json ? 'JSON' : 'no content type'}`;
        expectErrorShape(res, 401, 'unauthenticated', what);
      }
    }
  });

  it('refuses every signed-in write without the CSRF header with 403, before reading its body', async () => {
    for (const write of writes) {
      for (const variant of variants(write.body)) {
        const res = await app.inject({
          method: write.method as 'POST',
          url: write.url,
          headers: {
            cookie: sessionCookie,
            ...(variant.json ? { 'content-type': 'application/json' } : {}),
          },
          ...(variant.payload === undefined ? {} : { payload: variant.payload }),
        });
        const what = `${write.label}, ${variant.name}, ${variant.json ? 'JSON' : 'no content type'}`;
        expectErrorShape(res, 403, 'csrf_token_invalid', what);
      }
    }
  });

  it('keeps signing in open: a wrong password is a 401 from the check, a malformed body a 400', async () => {
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { login: 'admin', password: 'not the password' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toMatchObject({ error: { code: 'invalid_credentials' } });
    const malformed = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'content-type': 'application/json' },
      payload: '{',
    });
    expect(malformed.statusCode).toBe(400);
  });
});
