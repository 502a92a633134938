import { sql, type Migration } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { User } from '@kotei/domain';
import { PlanDocument } from '@kotei/contracts';
import { tmpdir } from 'node:os';
import { migrateToLatest, openDatabase, parseDatabaseUrl } from '../db/database.js';
import { MIGRATIONS } from '../db/migrations/index.js';
import {
  createEmptyDatabase,
  openTestDatabase,
  TEST_DATABASES,
  type EmptyDatabase,
  type TestDatabase,
} from '../testing/test-databases.js';
import type { Actor } from '../services/actor.js';
import { hashAuditEvent } from './audit-chain.js';
import { AuditRepository } from './audit.repository.js';

const SLUG = 'audit-check';
const WRITES = 200;

// A plan with one goal, so plan edits (which lock the plan row and write their audit event in the same
// transaction) can race with events recorded on their own.
const PLAN = {
  slug: SLUG,
  title: '監査確認用の計画',
  owner: '医政局',
  adoptedOn: '2024-07-01',
  round: { title: '2025年6月末時点', asOfDate: '2025-06-30' },
  strategicGoals: [{ number: 1, title: '目標', outcomes: [] }],
};

describe.each(TEST_DATABASES)('the audit trail on %s', (kind) => {
  let database: TestDatabase;
  let admin: Actor;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    await database.ctx.plans.create('system', PlanDocument.parse(PLAN));
    const { user } = await database.ctx.users.add('system', {
      login: 'auditor',
      role: 'admin',
      password: 'auditor-password-1',
    });
    admin = { user: user satisfies User, requestId: 'req-test' };
  });
  afterAll(async () => {
    await (database as TestDatabase | undefined)?.dispose();
  });

  const events = () =>
    database.ctx.database.db.selectFrom('audit_event').select(['id', 'seq']).orderBy('seq').execute();

  it(`keeps seq 1..N unique and gap-free, and the chain whole, after ${WRITES} concurrent audited writes`, async () => {
    const before = (await events()).length;
    const now = new Date('2025-07-15T01:00:00Z');
    const writes = Array.from({ length: WRITES }, (_, i) => {
      if (i % 10 === 0) return database.ctx.plans.update(admin, SLUG, { title: `監査確認用の計画 ${i}` });
      // A login taken twice: the loser's transaction rolls back with its audit event, and gives its seq back.
      if (i % 25 === 1) return database.ctx.users.add(admin, { login: `racer-${i % 2}`, role: 'expert' });
      return database.ctx.audit.record(new Date(now.getTime() + i).toISOString(), {
        actorId: admin.user?.id ?? null,
        action: 'test.write',
        entityType: 'test',
        entityId: String(i),
        detail: { i },
        requestId: `req-${i}`,
      });
    });
    const settled = await Promise.allSettled(writes);
    const written = settled.filter((s) => s.status === 'fulfilled').length;
    expect(written).toBeGreaterThan(WRITES - 8);
    const seqs = (await events()).map((e) => e.seq);
    expect(seqs).toHaveLength(before + written);
    expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
    await expect(database.ctx.audit.verify()).resolves.toEqual({ ok: true, count: seqs.length });
  });

  it('names a row whose actor was changed in SQL as altered', async () => {
    const { db } = database.ctx.database;
    const target = (await events())[49];
    if (target === undefined) throw new Error('fewer than 50 events');
    const row = await db
      .selectFrom('audit_event')
      .select('actor_id')
      .where('id', '=', target.id)
      .executeTakeFirstOrThrow();
    await sql`update audit_event set actor_id = ${'mallory'} where id = ${target.id}`.execute(db);
    await expect(database.ctx.audit.verify()).resolves.toMatchObject({
      ok: false,
      count: 49,
      problem: { fault: 'altered', seq: 50, id: target.id },
    });
    await sql`update audit_event set actor_id = ${row.actor_id} where id = ${target.id}`.execute(db);
    await expect(database.ctx.audit.verify()).resolves.toMatchObject({ ok: true });
  });

  it('names the row after one deleted in SQL, saying which seq is missing', async () => {
    const { db } = database.ctx.database;
    const all = await events();
    const gone = await db
      .selectFrom('audit_event')
      .selectAll()
      .where('seq', '=', 60)
      .executeTakeFirstOrThrow();
    await sql`delete from audit_event where seq = 60`.execute(db);
    const verdict = await database.ctx.audit.verify();
    expect(verdict).toMatchObject({
      ok: false,
      count: 59,
      problem: { fault: 'removed', seq: 61, id: all[60]?.id },
    });
    expect(!verdict.ok && verdict.problem.message).toContain('seq 60 is missing');
    await db.insertInto('audit_event').values(gone).execute();
    await expect(database.ctx.audit.verify()).resolves.toMatchObject({ ok: true });
  });

  it('names a forged row inserted in SQL as inserted, even one hashed onto the chain', async () => {
    const { db } = database.ctx.database;
    const last = await db
      .selectFrom('audit_event')
      .selectAll()
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    const fields = {
      seq: last.seq + 1,
      prev_hash: last.hash,
      at: '2025-07-15T02:00:00.000Z',
      actor_id: admin.user?.id ?? null,
      action: 'plan.update',
      entity_type: 'plan',
      entity_id: 'forged',
      detail_json: '{}',
      request_id: null,
    };
    await db
      .insertInto('audit_event')
      .values({ id: 'forged', ...fields, hash: hashAuditEvent(fields) })
      .execute();
    await expect(database.ctx.audit.verify()).resolves.toMatchObject({
      ok: false,
      count: fields.seq - 1,
      problem: { fault: 'inserted', seq: fields.seq, id: 'forged' },
    });
    await sql`delete from audit_event where id = 'forged'`.execute(db);
    await expect(database.ctx.audit.verify()).resolves.toMatchObject({ ok: true });
  });
});

describe.each(TEST_DATABASES)('upgrading an audit trail written before the chain on %s', (kind) => {
  let empty: EmptyDatabase;
  afterAll(async () => {
    await (empty as EmptyDatabase | undefined)?.drop();
  });

  it('renumbers duplicate seqs in the order written and chains every event, so the trail verifies', async () => {
    empty = await createEmptyDatabase(kind);
    const database = openDatabase(parseDatabaseUrl(empty.url, tmpdir()));
    const names = Object.keys(MIGRATIONS);
    const chained = names.indexOf('2026-12-07T0100_chain_audit_events');
    try {
      await migrateToLatest(
        database,
        Object.fromEntries(names.slice(0, chained).map((n) => [n, MIGRATIONS[n] as Migration])),
      );
      // What max(seq)+1 left behind under concurrent writers: seq 2 three times, then 3.
      const old = [
        { id: 'e1', seq: 1, at: '2025-07-01T00:00:00.000Z' },
        { id: 'e2', seq: 2, at: '2025-07-02T00:00:00.000Z' },
        { id: 'e3', seq: 2, at: '2025-07-02T00:00:01.000Z' },
        { id: 'e4', seq: 2, at: '2025-07-02T00:00:02.000Z' },
        { id: 'e5', seq: 3, at: '2025-07-03T00:00:00.000Z' },
      ];
      await sql`insert into audit_event (id, seq, at, actor_id, action, entity_type, entity_id, detail_json, request_id) values ${sql.join(
        old.map((e) => sql`(${e.id}, ${e.seq}, ${e.at}, null, 'plan.update', 'plan', 'p1', '{"n":1}', null)`),
      )}`.execute(database.db);
      await migrateToLatest(database);
      const rows = await database.db.selectFrom('audit_event').select(['id', 'seq']).orderBy('seq').execute();
      expect(rows).toEqual(old.map((e, i) => ({ id: e.id, seq: i + 1 })));
      await expect(new AuditRepository(database.db).verify()).resolves.toEqual({ ok: true, count: 5 });
      // And the next event carries on from the chain.
      await new AuditRepository(database.db).record('2025-07-04T00:00:00.000Z', {
        actorId: null,
        action: 'test.write',
        entityType: 'test',
        entityId: null,
        detail: {},
        requestId: null,
      });
      await expect(new AuditRepository(database.db).verify()).resolves.toEqual({ ok: true, count: 6 });
    } finally {
      await database.close();
    }
  });
});
