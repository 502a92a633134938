import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Clock } from '@kotei/domain';
import { PasswordHasher } from '../auth/password-hasher.js';
import { openContext, type AppContext } from '../context.js';
import { openTestDatabase, TEST_DATABASES, TEST_NOW, type TestDatabase } from '../testing/test-databases.js';
import { buildApp } from './app.js';

const ALICE = { login: 'alice', password: 'alice long passphrase' };
const BOB = { login: 'bob', password: 'bob long passphrase!' };
const WRONG = 'not the password at all';

type Headers = Record<string, string>;

function cookieOf(res: LightMyRequestResponse): Headers {
  const value = res.cookies.find((c) => c.name === 'kotei_session')?.value ?? '';
  return { cookie: `kotei_session=${value}`, 'x-csrf-token': res.json<{ csrfToken: string }>().csrfToken };
}

function codeOf(res: LightMyRequestResponse): string {
  return res.json<{ error: { code: string } }>().error.code;
}

function messageOf(res: LightMyRequestResponse): string {
  return res.json<{ error: { message: string } }>().error.message;
}

describe.each(TEST_DATABASES)('sign-in throttling, sessions and password on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let secureApp: FastifyInstance;
  let second: { ctx: AppContext; app: FastifyInstance };
  let now = Date.parse(TEST_NOW);
  const clock: Clock = { now: () => new Date(now) };
  const advance = (seconds: number): void => {
    now += seconds * 1000;
  };
  // Every test starts in a minute of its own.
  beforeEach(() => {
    advance(61);
  });
  let address = 0;
  // Each test signs in from addresses of its own, so one test's counts never throttle another's.
  const newAddress = (): string => `10.0.0.${++address}`;

  const login = (
    credentials: { login: string; password: string },
    remoteAddress: string,
    on: FastifyInstance = app,
    userAgent = 'test-agent',
  ) =>
    on.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: credentials,
      remoteAddress,
      headers: { 'user-agent': userAgent },
    });

  beforeAll(async () => {
    database = await openTestDatabase(kind, clock);
    await database.ctx.users.add('system', { ...ALICE, role: 'ministry', ministry: '厚' });
    await database.ctx.users.add('system', { ...BOB, role: 'expert' });
    app = await buildApp(database.ctx, { logLevel: 'silent', webRoot: null, secureCookies: false });
    secureApp = await buildApp(database.ctx, { logLevel: 'silent', webRoot: null, secureCookies: true });
    // A second app instance with its own connection pool over the same database, as behind a load balancer.
    const ctx = await openContext({ databaseUrl: database.url, cwd: tmpdir(), clock });
    second = {
      ctx,
      app: await buildApp(ctx, { logLevel: 'silent', webRoot: null, secureCookies: false }),
    };
  });
  afterAll(async () => {
    await second.app.close();
    await second.ctx.close();
    await secureApp.close();
    await app.close();
    await database.dispose();
  });

  it('refuses the 11th attempt in a minute with 429 and Retry-After, even with the right password', async () => {
    const from = newAddress();
    const checks = vi.spyOn(PasswordHasher.prototype, 'verify');
    for (let i = 0; i < 10; i++) {
      expect((await login({ login: ALICE.login, password: WRONG }, from)).statusCode).toBe(401);
    }
    expect(checks).toHaveBeenCalledTimes(10);
    // Another address: the login name's own count refuses it, and the right password is not even checked.
    const refused = await login(ALICE, newAddress());
    expect(checks).toHaveBeenCalledTimes(10);
    checks.mockRestore();
    expect(refused.statusCode).toBe(429);
    expect(codeOf(refused)).toBe('sign_in_throttled');
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(messageOf(refused)).toMatch(/try again in \d+ seconds/);
    expect(refused.json()).toMatchObject({
      error: { details: [], requestId: refused.headers['x-request-id'] },
    });
    expect(refused.headers['cache-control']).toBe('no-store');

    advance(61);
    expect((await login(ALICE, newAddress())).statusCode).toBe(200);
  });

  it('counts per address too: ten wrong guesses at any names throttle that address only', async () => {
    const from = newAddress();
    for (let i = 0; i < 10; i++) {
      expect((await login({ login: `nobody-${i}`, password: WRONG }, from)).statusCode).toBe(401);
    }
    const refused = await login(BOB, from);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    expect((await login(BOB, newAddress())).statusCode).toBe(200);
  });

  it('never checks more than ten in a minute, across two app instances and under concurrency', async () => {
    const from = newAddress();
    const wrong = { login: BOB.login, password: WRONG };
    for (let i = 0; i < 4; i++) expect((await login(wrong, from, second.app)).statusCode).toBe(401);
    // Eight at once, half on each instance: at most six fit in the minute's ten. (Fewer may: an attempt is
    // counted against the name and the address one after the other, and a refusal by either still counts.)
    const answers = await Promise.all(
      Array.from({ length: 8 }, (_, i) => login(wrong, from, i % 2 === 0 ? app : second.app)),
    );
    const statuses = answers.map((res) => res.statusCode);
    const bodies = answers.map((res) => res.body).join('\n');
    expect(statuses.filter((s) => s === 401).length, bodies).toBeLessThanOrEqual(6);
    expect(statuses.filter((s) => s === 401).length, bodies).toBeGreaterThanOrEqual(4);
    expect(
      statuses.every((s) => s === 401 || s === 429),
      bodies,
    ).toBe(true);
    expect((await login(BOB, from)).statusCode).toBe(429);
  });

  it('clears the count after a successful sign-in', async () => {
    const from = newAddress();
    for (let i = 0; i < 9; i++) await login({ login: BOB.login, password: WRONG }, from);
    expect((await login(BOB, from)).statusCode).toBe(200);
    for (let i = 0; i < 10; i++) {
      expect((await login({ login: BOB.login, password: WRONG }, newAddress())).statusCode).toBe(401);
    }
  });

  it('locks a login for 15 minutes after three overflowing minutes, saying so', async () => {
    const carol = { login: 'carol', password: 'carol long passphrase' };
    await database.ctx.users.add('system', { ...carol, role: 'expert' });
    let last: LightMyRequestResponse | undefined;
    for (let burst = 0; burst < 3; burst++) {
      const from = newAddress();
      for (let i = 0; i < 10; i++) await login({ login: carol.login, password: WRONG }, from);
      last = await login({ login: carol.login, password: WRONG }, from);
      expect(last.statusCode).toBe(429);
      if (burst < 2) advance(61);
    }
    expect(last && codeOf(last)).toBe('sign_in_locked');
    expect(Number(last?.headers['retry-after'])).toBe(15 * 60);
    expect(last && messageOf(last)).toMatch(/try again in 15 minutes/);

    advance(120);
    const stillLocked = await login(carol, newAddress());
    expect(stillLocked.statusCode).toBe(429);
    expect(codeOf(stillLocked)).toBe('sign_in_locked');
    expect(Number(stillLocked.headers['retry-after'])).toBe(13 * 60);

    advance(13 * 60);
    expect((await login(carol, newAddress())).statusCode).toBe(200);
  });

  it('never lets a cache keep the session (and its CSRF token)', async () => {
    const signedIn = cookieOf(await login(ALICE, newAddress()));
    for (const headers of [{}, signedIn]) {
      const res = await app.inject({ url: '/api/auth/session', headers });
      expect(res.headers['cache-control']).toBe('no-store');
    }
    const sessions = await app.inject({ url: '/api/auth/sessions', headers: signedIn });
    expect(sessions.headers['cache-control']).toBe('no-store');
  });

  it('sends HSTS and a Secure, httpOnly, SameSite cookie only behind TLS', async () => {
    const plain = await login(ALICE, newAddress());
    const plainCookie = plain.cookies.find((c) => c.name === 'kotei_session');
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    expect(plainCookie).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(plainCookie?.secure).toBeUndefined();
    expect((await app.inject({ url: '/api/plans' })).headers['strict-transport-security']).toBeUndefined();

    const secure = await login(ALICE, newAddress(), secureApp);
    expect(secure.cookies.find((c) => c.name === 'kotei_session')).toMatchObject({
      httpOnly: true,
      sameSite: 'Lax',
      secure: true,
    });
    for (const res of [
      secure,
      await secureApp.inject({ url: '/api/plans' }),
      await secureApp.inject({ url: '/' }),
    ]) {
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000');
    }
  });

  it('serves the web app page from memory, with an ETag, for every path the browser routes', async () => {
    const webRoot = mkdtempSync(join(tmpdir(), 'kotei-web-'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>工程</title>');
    const web = await buildApp(database.ctx, { logLevel: 'silent', webRoot, secureCookies: false });
    try {
      // Gone from disk after start: the page is answered from what was read then.
      rmSync(join(webRoot, 'index.html'));
      const page = await web.inject({ url: '/' });
      expect(page.statusCode).toBe(200);
      expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(page.body).toBe('<!doctype html><title>工程</title>');
      expect((await web.inject({ url: '/account' })).body).toBe(page.body);
      const etag = String(page.headers.etag);
      const again = await web.inject({ url: '/', headers: { 'if-none-match': etag } });
      expect(again.statusCode).toBe(304);
      expect(again.body).toBe('');
    } finally {
      await web.close();
      rmSync(webRoot, { recursive: true, force: true });
    }
  });

  it("lists a user's own sessions and ends one at once; another user's reads as not found", async () => {
    const laptop = cookieOf(await login(BOB, newAddress(), app, 'laptop'));
    const from = newAddress();
    const phone = cookieOf(await login(BOB, from, app, 'phone'));
    const res = await app.inject({ url: '/api/auth/sessions', headers: laptop });
    expect(res.statusCode).toBe(200);
    const sessions = res.json<{
      sessions: { id: string; userAgent: string; ip: string; isCurrent: boolean }[];
    }>().sessions;
    const mine = sessions.find((s) => s.isCurrent);
    const other = sessions.find((s) => s.userAgent === 'phone');
    expect(mine?.userAgent).toBe('laptop');
    expect(other).toMatchObject({ ip: from, isCurrent: false });
    expect(JSON.stringify(sessions)).not.toContain(laptop.cookie?.split('=')[1] ?? 'no cookie');

    const alice = cookieOf(await login(ALICE, newAddress()));
    const foreign = await app.inject({
      method: 'DELETE',
      url: `/api/auth/sessions/${other?.id ?? ''}`,
      headers: alice,
    });
    expect(foreign.statusCode).toBe(404);
    expect(codeOf(foreign)).toBe('session_not_found');
    expect((await app.inject({ url: '/api/auth/session', headers: phone })).json()).toMatchObject({
      user: { login: BOB.login },
    });

    const ended = await app.inject({
      method: 'DELETE',
      url: `/api/auth/sessions/${other?.id ?? ''}`,
      headers: laptop,
    });
    expect(ended.statusCode).toBe(204);
    // Ended on the other instance too: sessions live in the database.
    expect((await second.app.inject({ url: '/api/auth/session', headers: phone })).json()).toMatchObject({
      user: null,
    });
    expect((await app.inject({ url: '/api/auth/session', headers: laptop })).json()).toMatchObject({
      user: { login: BOB.login },
    });
    const me = await database.ctx.users.list();
    const bobId = me.find((u) => u.login === BOB.login)?.id ?? '';
    const events = await database.ctx.audit.listForEntity('user', bobId);
    expect(events.at(-1)).toMatchObject({
      action: 'session.end',
      actorId: bobId,
      detail: { sessionId: other?.id },
    });

    expect((await app.inject({ url: '/api/auth/sessions' })).statusCode).toBe(401);
  });

  it('changes a password: the current one is checked, other sessions end, the old password stops working', async () => {
    const dave = { login: 'dave', password: 'dave long passphrase' };
    await database.ctx.users.add('system', { ...dave, role: 'expert' });
    const here = cookieOf(await login(dave, newAddress()));
    const elsewhere = cookieOf(await login(dave, newAddress()));
    const change = (payload: Record<string, string>) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/password',
        headers: here,
        payload,
        remoteAddress: newAddress(),
      });

    const wrong = await change({ currentPassword: WRONG, newPassword: 'a brand new passphrase' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json()).toMatchObject({
      error: { code: 'wrong_password', details: [{ path: 'currentPassword' }] },
    });
    const short = await change({ currentPassword: dave.password, newPassword: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json()).toMatchObject({
      error: { code: 'invalid_input', details: [{ path: 'newPassword' }] },
    });
    expect(
      (
        await app.inject({
          method: 'POST',
          url: '/api/auth/password',
          headers: { cookie: here.cookie },
          payload: { currentPassword: dave.password, newPassword: 'a brand new passphrase' },
        })
      ).statusCode,
    ).toBe(403);

    expect(
      (await change({ currentPassword: dave.password, newPassword: 'a brand new passphrase' })).statusCode,
    ).toBe(204);
    expect((await app.inject({ url: '/api/auth/session', headers: elsewhere })).json()).toMatchObject({
      user: null,
    });
    expect((await app.inject({ url: '/api/auth/session', headers: here })).json()).toMatchObject({
      user: { login: dave.login },
    });
    expect((await login(dave, newAddress())).statusCode).toBe(401);
    expect((await login({ ...dave, password: 'a brand new passphrase' }, newAddress())).statusCode).toBe(200);
    const daveId = (await database.ctx.users.list()).find((u) => u.login === dave.login)?.id ?? '';
    const actions = (await database.ctx.audit.listForEntity('user', daveId)).map((e) => e.action);
    expect(actions).toContain('user.change_password');
  });
});
