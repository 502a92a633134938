import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  GrantList,
  MyTasks,
  PlanTree,
  RoleGrantEntry,
  RoundBoard,
  RoundPart,
  Session,
} from '@kotei/contracts';
import type { Clock } from '@kotei/domain';
import { prepareFirstStart } from '../bootstrap.js';
import { openTestDatabase, TEST_DATABASES, type TestDatabase } from '../testing/test-databases.js';
import { signIn } from '../testing/sign-in.js';
import { openRound } from '../testing/rounds.js';
import { buildApp } from './app.js';

const SLUG = 'drug-discovery-2024';
const MEASURE = '臨床研究中核病院の承認要件の見直し';
const PASSWORD = 'rotation passphrase';

// The April rotation (人事異動) on an injected clock: 田中 reports for 厚 until 03-31; 鈴木 takes over, from 03-25
// (a week's overlap); a viewer reads. Sessions last a working day, so each day signs in afresh.
describe.each(TEST_DATABASES)('role grants by date on %s', (kind) => {
  let database: TestDatabase;
  let app: FastifyInstance;
  let now = new Date('2025-03-20T10:00:00+09:00');
  const clock: Clock = { now: () => new Date(now) };
  let adminPassword = '';
  let roundBase = '';
  let partId = '';

  const on = (day: string) => {
    now = new Date(`${day}T10:00:00+09:00`);
  };
  const as = (login: string) => signIn(app, login, login === 'admin' ? adminPassword : PASSWORD);
  const tasksOf = async (login: string) =>
    (await app.inject({ url: '/api/me/tasks', headers: await as(login) })).json<MyTasks>().tasks;
  const save = async (login: string, bullet: string) => {
    const headers = await as(login);
    const part = (
      await app.inject({ url: `${roundBase}/parts/${partId}`, headers: await as('admin') })
    ).json<RoundPart>();
    return app.inject({
      method: 'PUT',
      url: `${roundBase}/parts/${partId}`,
      headers,
      payload: { version: part.version, bullets: [bullet], actuals: [], phases: [] },
    });
  };

  beforeAll(async () => {
    database = await openTestDatabase(kind, clock);
    const first = await prepareFirstStart(database.ctx, { loadSample: true });
    adminPassword = first.admin?.password ?? '';
    const users = database.ctx.users;
    await users.add('system', {
      login: 'tanaka',
      displayName: '田中',
      password: PASSWORD,
      role: 'ministry',
      ministry: '厚',
      validFrom: '2024-04-01',
      validTo: '2025-03-31',
    });
    await users.add('system', {
      login: 'suzuki',
      displayName: '鈴木',
      password: PASSWORD,
      role: 'ministry',
      ministry: '厚',
      validFrom: '2025-03-25',
    });
    await users.add('system', { login: 'viewer', password: PASSWORD, role: 'viewer' });
    app = await buildApp(database.ctx, { logLevel: 'silent', webRoot: null, secureCookies: false });
    const tree = (await app.inject({ url: `/api/plans/${SLUG}` })).json<PlanTree>();
    const measure = tree.sheets.flatMap((s) => s.measures).find((m) => m.title === MEASURE);
    const round = await openRound(app, await as('admin'), SLUG, {
      asOfDate: '2025-03-15',
      measureIds: [measure?.id ?? ''],
    });
    roundBase = `/api/plans/${SLUG}/rounds/${round.id}`;
    const board = (await app.inject({ url: roundBase, headers: await as('admin') })).json<RoundBoard>();
    partId = board.parts.find((p) => p.ministry === '厚')?.id ?? '';
  }, 60_000);
  afterAll(async () => {
    await (app as FastifyInstance | undefined)?.close();
    await (database as TestDatabase | undefined)?.dispose();
  });

  it('before the overlap: the task is 田中’s alone, and 鈴木, not yet 厚’s reporter, may not write', async () => {
    on('2025-03-20');
    expect((await tasksOf('tanaka')).map((t) => [t.id, t.handedOverFrom])).toEqual([[partId, null]]);
    expect(await tasksOf('suzuki')).toEqual([]);
    const session = (
      await app.inject({ url: '/api/auth/session', headers: await as('suzuki') })
    ).json<Session>();
    expect(session.user).toMatchObject({ role: null, ministry: null });
    expect((await save('suzuki', '早すぎる')).statusCode).toBe(403);
    expect((await save('tanaka', '3月の報告')).statusCode).toBe(200);
  });

  it('during the overlap: both see the task, marked handed over (引き継ぎ) from 田中 for 鈴木', async () => {
    on('2025-03-28');
    expect((await tasksOf('tanaka')).map((t) => [t.id, t.handedOverFrom])).toEqual([[partId, null]]);
    expect((await tasksOf('suzuki')).map((t) => [t.id, t.handedOverFrom])).toEqual([[partId, '田中']]);
    expect((await save('suzuki', '引き継ぎ中')).statusCode).toBe(200);
  });

  it('on 03-31 田中 still writes; on 04-01 the ended grant writes nothing and 鈴木 alone holds the task', async () => {
    on('2025-03-31');
    expect((await save('tanaka', '最終日')).statusCode).toBe(200);
    on('2025-04-01');
    expect(await tasksOf('tanaka')).toEqual([]);
    const refused = await save('tanaka', '異動後');
    expect(refused.statusCode).toBe(403);
    // An ended grant reads what the public reads: an unpublished round is not shown.
    const board = await app.inject({ url: roundBase, headers: await as('tanaka') });
    expect(board.statusCode).toBe(403);
    expect((await tasksOf('suzuki')).map((t) => [t.id, t.handedOverFrom])).toEqual([[partId, '田中']]);
    expect((await save('suzuki', '4月の報告')).statusCode).toBe(200);
  });

  it('a viewer reads the board of an unpublished round, every part, but no draft, and writes nothing', async () => {
    on('2025-04-02');
    const headers = await as('viewer');
    const board = await app.inject({ url: roundBase, headers });
    expect(board.statusCode).toBe(200);
    expect(
      board
        .json<RoundBoard>()
        .parts.map((p) => p.ministry)
        .sort(),
    ).toEqual(['厚', '文']);
    expect(board.json<RoundBoard>().mayManage).toBe(false);
    expect((await app.inject({ url: `${roundBase}/parts/${partId}`, headers })).statusCode).toBe(403);
    expect((await save('viewer', '閲覧者')).statusCode).toBe(403);
    expect(await tasksOf('viewer')).toEqual([]);
  });

  it('the admin grants and ends roles through the API, each audited; the list says what is in force', async () => {
    on('2025-04-03');
    const admin = await as('admin');
    const created = await app.inject({
      method: 'POST',
      url: '/api/admin/grants',
      headers: admin,
      payload: { login: 'viewer', role: 'ministry', ministry: '文', validFrom: '2025-04-03' },
    });
    expect(created.statusCode).toBe(201);
    const grant = created.json<RoleGrantEntry>();
    expect(grant).toMatchObject({ login: 'viewer', role: 'ministry', ministry: '文', inForce: true });
    // The widest grant in force decides: the reporter's grant outranks the viewer's.
    const session = (
      await app.inject({ url: '/api/auth/session', headers: await as('viewer') })
    ).json<Session>();
    expect(session.user).toMatchObject({ role: 'ministry', ministry: '文' });
    const bad = await app.inject({
      method: 'POST',
      url: '/api/admin/grants',
      headers: admin,
      payload: { login: 'viewer', role: 'expert', ministry: '文', validFrom: '2025-04-03' },
    });
    expect(bad.json<{ error: { code: string } }>().error.code).toBe('invalid_grant');
    const ended = await app.inject({
      method: 'POST',
      url: `/api/admin/grants/${grant.id}/end`,
      headers: admin,
      payload: { lastDay: '2025-04-02' },
    });
    expect(ended.json<{ error: { code: string } }>().error.code).toBe('invalid_grant');
    const endToday = await app.inject({
      method: 'POST',
      url: `/api/admin/grants/${grant.id}/end`,
      headers: admin,
      payload: { lastDay: '2025-04-03' },
    });
    expect(endToday.json<RoleGrantEntry>()).toMatchObject({ validTo: '2025-04-03', inForce: true });
    on('2025-04-04');
    const list = (
      await app.inject({ url: '/api/admin/grants', headers: await as('admin') })
    ).json<GrantList>();
    expect(list.users.find((u) => u.login === 'viewer')).toMatchObject({ role: 'viewer', ministry: null });
    expect(list.users.find((u) => u.login === 'tanaka')).toMatchObject({ role: null });
    expect(list.grants.find((g) => g.id === grant.id)).toMatchObject({ inForce: false });
    const audit = database.ctx.audit;
    const creates = await audit.listByAction('grant.create');
    expect(creates.map((e) => e.entityId)).toContain(grant.id);
    const ends = await audit.listByAction('grant.end');
    expect(ends.find((e) => e.entityId === grant.id)?.detail).toMatchObject({
      before: { validTo: null },
      after: { validTo: '2025-04-03' },
    });
    expect((await audit.verify()).ok).toBe(true);
  });

  it('one session: a grant begun, ended, or past its last day counts from the next request', async () => {
    on('2025-04-05');
    const viewer = await as('viewer');
    const admin = await as('admin');
    const sessionUser = async () =>
      (await app.inject({ url: '/api/auth/session', headers: viewer })).json<Session>().user;
    const board = (await app.inject({ url: roundBase, headers: admin })).json<RoundBoard>();
    const bunPart = `${roundBase}/parts/${board.parts.find((p) => p.ministry === '文')?.id ?? ''}`;
    const readPart = async () => (await app.inject({ url: bunPart, headers: viewer })).statusCode;
    expect(await sessionUser()).toMatchObject({ role: 'viewer', ministry: null });
    expect(await readPart()).toBe(403);
    const created = await app.inject({
      method: 'POST',
      url: '/api/admin/grants',
      headers: admin,
      payload: { login: 'viewer', role: 'ministry', ministry: '文', validFrom: '2025-04-04' },
    });
    const grant = created.json<RoleGrantEntry>();
    expect(await sessionUser()).toMatchObject({ role: 'ministry', ministry: '文' });
    expect(await readPart()).toBe(200);
    // Ended on a day already past: the same session loses it at once.
    await app.inject({
      method: 'POST',
      url: `/api/admin/grants/${grant.id}/end`,
      headers: admin,
      payload: { lastDay: '2025-04-04' },
    });
    expect(await sessionUser()).toMatchObject({ role: 'viewer', ministry: null });
    expect(await readPart()).toBe(403);
    // A grant whose last day is today holds until midnight in Japan, then not, within one session.
    now = new Date('2025-04-05T18:00:00+09:00');
    const evening = await as('viewer');
    await app.inject({
      method: 'POST',
      url: '/api/admin/grants',
      headers: await as('admin'),
      payload: {
        login: 'viewer',
        role: 'ministry',
        ministry: '文',
        validFrom: '2025-04-05',
        validTo: '2025-04-05',
      },
    });
    const eveningUser = async () =>
      (await app.inject({ url: '/api/auth/session', headers: evening })).json<Session>().user;
    expect(await eveningUser()).toMatchObject({ role: 'ministry', ministry: '文' });
    now = new Date('2025-04-06T02:00:00+09:00');
    expect(await eveningUser()).toMatchObject({ role: 'viewer', ministry: null });
  });

  it('a request reads its session, user and grants in one statement, and a part without reading its plan twice', async () => {
    on('2025-04-07');
    const headers = await as('suzuki');
    const statements = async (url: string) => {
      const before = database.ctx.database.statements();
      const res = await app.inject({ url, headers });
      expect(res.statusCode).toBe(200);
      return database.ctx.database.statements() - before;
    };
    expect(await statements('/api/auth/session')).toBe(1);
    // The actor (1), the plan (1), the part with its round (1), what the part shows (8) and the plan's horizon (1).
    expect(await statements(`${roundBase}/parts/${partId}`)).toBe(12);
  });

  it('a save and a submit answer the part as a read of it then gives it, though it is not read again', async () => {
    on('2025-04-08');
    const headers = await as('suzuki');
    const url = `${roundBase}/parts/${partId}`;
    const read = async () => (await app.inject({ url, headers })).json<RoundPart>();
    const saved = await app.inject({
      method: 'PUT',
      url,
      headers,
      payload: { version: (await read()).version, bullets: ['4月の報告', '調整中'], actuals: [], phases: [] },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json<RoundPart>()).toEqual(await read());
    const submitted = await app.inject({
      method: 'POST',
      url: `${url}/submit`,
      headers,
      payload: { version: saved.json<RoundPart>().version },
    });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json<RoundPart>()).toMatchObject({ state: 'submitted' });
    expect(submitted.json<RoundPart>()).toEqual(await read());
  });
});
