import { tmpdir } from 'node:os';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Clock } from '@kotei/domain';
import type {
  NotificationList,
  PlanTree,
  ReminderResult,
  Round,
  RoundBoard,
  RoundPart,
  WebhookConfigAnswer,
  WebhookDeliveryList,
} from '@kotei/contracts';
import { prepareFirstStart } from '../bootstrap.js';
import { openContext, type AppContext } from '../context.js';
import { WebhookRepository } from '../repositories/webhook.repository.js';
import { WebhookDispatcher } from '../services/webhook-dispatcher.js';
import { verifyDelivery } from '../services/webhook-signature.js';
import { openTestDatabase, TEST_DATABASES, TEST_NOW, type TestDatabase } from '../testing/test-databases.js';
import { signIn } from '../testing/sign-in.js';
import { startReceiver } from '../testing/webhook-receiver.js';
import { buildApp } from './app.js';

const SLUG = 'drug-discovery-2024';
const MEASURE = '臨床研究中核病院の承認要件の見直し';
const SECRET = 'a webhook secret of some length';
const PEOPLE = {
  coordinator: { login: 'n-coord', password: 'coordinator passphrase 1', role: 'coordinator' as const },
  mhlw: { login: 'n-mhlw', password: 'ministry passphrase one', role: 'ministry' as const, ministry: '厚' },
  mext: { login: 'n-mext', password: 'ministry passphrase two', role: 'ministry' as const, ministry: '文' },
  meti: { login: 'n-meti', password: 'ministry passphrase three', role: 'ministry' as const, ministry: '経' },
};
type Person = keyof typeof PEOPLE | 'admin';

function movableClock(start: string): Clock & { advance(ms: number): void } {
  let now = new Date(start).getTime();
  return { now: () => new Date(now), advance: (ms) => (now += ms) };
}

describe.each(TEST_DATABASES)('notifications and the webhook on %s', (kind) => {
  const clock = movableClock(TEST_NOW);
  let database: TestDatabase;
  let second: AppContext | undefined;
  let app: FastifyInstance;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  const as = {} as Record<Person, Record<string, string>>;
  let round: Round;
  const parts: Record<string, string> = {};
  const versions: Record<string, number> = {};
  const dispatcher = (ctx: AppContext, id: string) =>
    new WebhookDispatcher(new WebhookRepository(ctx.database.db), clock, {
      id,
      baseDelayMs: 60_000,
      maxAttempts: 4,
      batch: 3,
    });

  const call = (who: Person | null, method: 'GET' | 'PUT' | 'POST', url: string, payload?: object) =>
    app.inject({
      method,
      url,
      headers: who === null ? {} : as[who],
      ...(payload ? { payload: payload as Record<string, unknown> } : {}),
    });
  const partUrl = (ministry: string) => `/api/plans/${SLUG}/rounds/${round.id}/parts/${parts[ministry]}`;
  // Move a part (save, submit, return, approve) at its current version, as `who`.
  async function move(who: Person, ministry: string, action: string, extra: object = {}) {
    // Each event a second after the last, so "newest first" has one answer.
    clock.advance(1000);
    const version = versions[ministry] ?? 0;
    const res =
      action === 'save'
        ? await call(who, 'PUT', partUrl(ministry), {
            version,
            bullets: ['検討を進めた'],
            actuals: [],
            phases: [],
          })
        : await call(who, 'POST', `${partUrl(ministry)}/${action}`, { version, ...extra });
    expect(res.statusCode, res.body).toBe(200);
    versions[ministry] = res.json<RoundPart>().version;
  }
  const inbox = async (who: Person) =>
    (await call(who, 'GET', '/api/notifications')).json<NotificationList>();
  const deliveries = async () =>
    (await call('admin', 'GET', '/api/admin/webhook/deliveries')).json<WebhookDeliveryList>().deliveries;

  beforeAll(async () => {
    database = await openTestDatabase(kind, clock);
    const first = await prepareFirstStart(database.ctx, { loadSample: true });
    for (const [key, person] of Object.entries(PEOPLE))
      await database.ctx.users.add('system', { ...person, displayName: key });
    app = await buildApp(database.ctx, { logLevel: 'silent', webRoot: null, secureCookies: false });
    as.admin = await signIn(app, 'admin', first.admin?.password ?? '');
    for (const [key, person] of Object.entries(PEOPLE))
      as[key as Person] = await signIn(app, person.login, person.password);
    receiver = await startReceiver();
    const tree = (await app.inject({ url: `/api/plans/${SLUG}` })).json<PlanTree>();
    const measure = tree.sheets.flatMap((s) => s.measures).find((m) => m.title === MEASURE);
    const opened = await call('coordinator', 'POST', `/api/plans/${SLUG}/rounds`, {
      title: '2025年12月末フォローアップ',
      asOfDate: '2025-07-10',
      measureIds: [measure?.id],
    });
    round = opened.json<Round>();
    const board = (
      await call('coordinator', 'GET', `/api/plans/${SLUG}/rounds/${round.id}`)
    ).json<RoundBoard>();
    for (const part of board.parts) parts[part.ministry] = part.id;
    // Loading the sample plan takes a while on a busy machine.
  }, 120_000);
  afterAll(async () => {
    await second?.close();
    await (receiver as typeof receiver | undefined)?.close();
    await (app as FastifyInstance | undefined)?.close();
    await (database as TestDatabase | undefined)?.dispose();
  });

  it('tells the coordinating office of a submission, and only the part’s ministry of its return and reason', async () => {
    await move('mhlw', '厚', 'save');
    await move('mhlw', '厚', 'submit');
    const coordinator = await inbox('coordinator');
    expect(coordinator.unread).toBe(1);
    expect(coordinator.notifications[0]).toMatchObject({
      kind: 'part.submitted',
      plan: { slug: SLUG },
      round: { id: round.id, title: '2025年12月末フォローアップ' },
      part: { id: parts['厚'], measureTitle: MEASURE, ministry: '厚' },
      readAt: null,
    });
    expect((await inbox('admin')).unread).toBe(1);
    // The actor hears nothing of its own act, other ministries nothing of this part.
    expect((await inbox('mhlw')).unread).toBe(0);
    expect((await inbox('mext')).unread).toBe(0);

    await move('coordinator', '厚', 'return', { reason: 'KPIの出典を追記してください' });
    const mhlw = await inbox('mhlw');
    expect(mhlw.notifications.map((n) => [n.kind, n.reason])).toEqual([
      ['part.returned', 'KPIの出典を追記してください'],
    ]);
    expect((await inbox('mext')).unread).toBe(0);
    expect((await inbox('meti')).unread).toBe(0);
  });

  it('writes no notice when the move itself is refused (same transaction)', async () => {
    const stale = await call('mhlw', 'POST', `${partUrl('厚')}/submit`, { version: 0 });
    expect(stale.statusCode).toBe(409);
    expect((await inbox('coordinator')).unread).toBe(1);
  });

  it('marks my notices read, one or all, and never another user’s', async () => {
    const mine = await inbox('coordinator');
    const id = mine.notifications[0]?.id ?? '';
    // Another user marking my notice changes nothing of mine.
    await call('mhlw', 'POST', '/api/notifications/read', { ids: [id] });
    expect((await inbox('coordinator')).unread).toBe(1);
    const res = await call('coordinator', 'POST', '/api/notifications/read', { ids: [id] });
    expect(res.json()).toEqual({ unread: 0 });
    expect((await inbox('coordinator')).notifications[0]?.readAt).not.toBeNull();
    expect((await call('admin', 'POST', '/api/notifications/read', {})).json()).toEqual({ unread: 0 });
  });

  it('reminds the ministries of parts not submitted, at most once an hour per part, and shows when', async () => {
    const url = `/api/plans/${SLUG}/rounds/${round.id}/reminders`;
    expect((await call('mhlw', 'POST', url, {})).statusCode).toBe(403);
    const remindedAt = clock.now().toISOString();
    const first = (await call('coordinator', 'POST', url, {})).json<ReminderResult>();
    expect(first.reminded.sort()).toEqual([parts['厚'], parts['文']].sort());
    expect(first.notified).toBe(2);
    expect((await inbox('mext')).notifications.map((n) => n.kind)).toEqual(['part.reminder']);
    // Again within the hour: nobody is reminded twice.
    clock.advance(30 * 60 * 1000);
    const again = (await call('coordinator', 'POST', url, { partId: parts['文'] })).json<ReminderResult>();
    expect(again).toEqual({ reminded: [], tooSoon: [parts['文']], notified: 0 });
    expect((await inbox('mext')).unread).toBe(1);
    const board = (
      await call('coordinator', 'GET', `/api/plans/${SLUG}/rounds/${round.id}`)
    ).json<RoundBoard>();
    expect(board.parts.find((p) => p.ministry === '文')?.remindedAt).toBe(remindedAt);
    clock.advance(31 * 60 * 1000);
    const later = (await call('coordinator', 'POST', url, { partId: parts['文'] })).json<ReminderResult>();
    expect(later.reminded).toEqual([parts['文']]);
    const audit = await database.ctx.audit.listForEntity('follow_up_round', round.id);
    expect(audit.filter((e) => e.action === 'round.remind')).toHaveLength(2);
  });

  it('keeps the webhook secret to itself and audits its setting', async () => {
    const put = await call('admin', 'PUT', '/api/admin/webhook', {
      url: receiver.url,
      secret: SECRET,
      enabled: true,
    });
    expect(put.statusCode, put.body).toBe(200);
    const got = await call('admin', 'GET', '/api/admin/webhook');
    expect(got.json<WebhookConfigAnswer>().webhook).toMatchObject({
      url: receiver.url,
      secretHint: `••••${SECRET.slice(-4)}`,
      enabled: true,
    });
    expect(got.body).not.toContain(SECRET);
    // Left out, the secret stays as it was.
    await call('admin', 'PUT', '/api/admin/webhook', { url: receiver.url, enabled: true });
    const audit = await database.ctx.audit.listForEntity('webhook_config', 'default');
    expect(audit.map((e) => e.action)).toEqual(['webhook.update', 'webhook.update']);
    expect(JSON.stringify(audit)).not.toContain(SECRET);
    expect((await call('coordinator', 'GET', '/api/admin/webhook')).statusCode).toBe(403);
  });

  it('posts each event once, signed over timestamp and body, with its delivery id', async () => {
    await move('mhlw', '厚', 'save');
    await move('mhlw', '厚', 'submit');
    const [pending] = await deliveries();
    expect(pending).toMatchObject({ event: 'part.submitted', state: 'pending', attempts: [] });
    const run = await dispatcher(database.ctx, 'one').runOnce();
    expect(run).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    expect(receiver.received).toHaveLength(1);
    const sent = receiver.received[0];
    const header = (name: string) => String(sent?.headers[name] ?? '');
    expect(
      verifyDelivery(SECRET, header('x-kotei-timestamp'), sent?.body ?? '', header('x-kotei-signature')),
    ).toBe(true);
    expect(
      verifyDelivery(
        'not the secret at all',
        header('x-kotei-timestamp'),
        sent?.body ?? '',
        header('x-kotei-signature'),
      ),
    ).toBe(false);
    const body = JSON.parse(sent?.body ?? '{}') as Record<string, unknown>;
    expect(body).toMatchObject({
      id: pending?.id,
      event: 'part.submitted',
      plan: { slug: SLUG },
      round: { id: round.id },
      part: { id: parts['厚'], ministry: '厚' },
    });
    expect(header('x-kotei-delivery')).toBe(pending?.id);
    expect(header('x-kotei-timestamp')).toBe(String(Math.floor(clock.now().getTime() / 1000)));
    const [done] = await deliveries();
    expect(done).toMatchObject({
      state: 'delivered',
      attempts: [{ number: 1, statusCode: 200, error: null }],
    });
    // Nothing is due any more.
    expect(await dispatcher(database.ctx, 'one').runOnce()).toEqual({ delivered: 0, retrying: 0, failed: 0 });
  });

  it('retries a failing receiver with a doubling wait, and records each attempt', async () => {
    receiver.received.length = 0;
    receiver.answerWith([500, 503, 200]);
    await move('coordinator', '厚', 'approve');
    const one = dispatcher(database.ctx, 'one');
    expect(await one.runOnce()).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    const [after1] = await deliveries();
    expect(after1?.state).toBe('pending');
    expect(after1?.nextAttemptAt).toBe(new Date(clock.now().getTime() + 60_000).toISOString());
    // Not before its time.
    clock.advance(59_000);
    expect((await one.runOnce()).retrying).toBe(0);
    clock.advance(1_000);
    expect(await one.runOnce()).toEqual({ delivered: 0, retrying: 1, failed: 0 });
    const [after2] = await deliveries();
    expect(after2?.nextAttemptAt).toBe(new Date(clock.now().getTime() + 120_000).toISOString());
    clock.advance(120_000);
    expect(await one.runOnce()).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    const [done] = await deliveries();
    expect(done?.state).toBe('delivered');
    expect(done?.attempts.map((a) => [a.number, a.statusCode, a.error])).toEqual([
      [1, 500, 'HTTP 500'],
      [2, 503, 'HTTP 503'],
      [3, 200, null],
    ]);
    // The receiver saw the same delivery id each time: it can tell a retry from a new event.
    expect(new Set(receiver.received.map((r) => r.headers['x-kotei-delivery'])).size).toBe(1);
  });

  it('gives a delivery up after the last attempt, and an admin retries it now', async () => {
    receiver.answerWith([500]);
    await move('mext', '文', 'save');
    await move('mext', '文', 'submit');
    const one = dispatcher(database.ctx, 'one');
    for (let i = 0; i < 4; i += 1) {
      await one.runOnce();
      clock.advance(10 * 60_000);
    }
    const [given] = await deliveries();
    expect(given).toMatchObject({ state: 'failed', lastError: 'HTTP 500' });
    expect(given?.attempts).toHaveLength(4);
    receiver.answerWith([200]);
    const retry = await call('admin', 'POST', `/api/admin/webhook/deliveries/${given?.id}/retry`);
    expect(retry.statusCode).toBe(204);
    expect(await one.runOnce()).toEqual({ delivered: 1, retrying: 0, failed: 0 });
    expect((await call('admin', 'POST', `/api/admin/webhook/deliveries/${given?.id}/retry`)).statusCode).toBe(
      409,
    );
  });

  it('has two dispatchers (two app instances on one database) deliver each event exactly once', async () => {
    receiver.received.length = 0;
    receiver.answerWith([200]);
    // Twelve events: the 文 part returned and resubmitted six times.
    for (let i = 0; i < 6; i += 1) {
      await move('coordinator', '文', 'return', { reason: `第${i + 1}回の差戻し` });
      await move('mext', '文', 'submit');
    }
    const due = (await deliveries()).filter((d) => d.state === 'pending');
    expect(due).toHaveLength(12);
    second = await openContext({ databaseUrl: database.url, cwd: tmpdir(), clock });
    const a = dispatcher(database.ctx, 'instance-a');
    const b = dispatcher(second, 'instance-b');
    for (let round = 0; round < 6; round += 1) await Promise.all([a.runOnce(), b.runOnce()]);
    const ids = receiver.received.map((r) => String(r.headers['x-kotei-delivery']));
    expect(ids.sort()).toEqual(due.map((d) => d.id).sort());
    expect((await deliveries()).filter((d) => d.state !== 'delivered')).toEqual([]);
  });

  it('loses nothing across a restart: a claim of a stopped instance lapses and a new one sends it', async () => {
    receiver.received.length = 0;
    await move('coordinator', '文', 'approve');
    // An instance claims the delivery and stops before sending it.
    const now = clock.now().getTime();
    const claimed = await new WebhookRepository(database.ctx.database.db).claimDue(
      new Date(now).toISOString(),
      new Date(now + 120_000).toISOString(),
      'stopped-instance',
      10,
    );
    expect(claimed).toHaveLength(1);
    // A new process on the same database: nothing while the claim holds, the delivery once it lapses.
    const fresh = dispatcher(second ?? database.ctx, 'restarted');
    expect((await fresh.runOnce()).delivered).toBe(0);
    clock.advance(120_000);
    expect((await fresh.runOnce()).delivered).toBe(1);
    expect(receiver.received.map((r) => r.headers['x-kotei-delivery'])).toEqual([claimed[0]?.id]);
  });

  it('tells every ministry with a part of the publication, and no one else', async () => {
    const publish = await call('coordinator', 'POST', `/api/plans/${SLUG}/rounds/${round.id}/publish`, {});
    expect(publish.statusCode, publish.body).toBe(200);
    for (const who of ['mhlw', 'mext'] as const)
      expect((await inbox(who)).notifications[0]).toMatchObject({
        kind: 'round.published',
        round: { id: round.id },
        part: null,
      });
    expect((await inbox('meti')).notifications).toEqual([]);
    expect((await deliveries())[0]).toMatchObject({ event: 'round.published', state: 'pending' });
  });
});
