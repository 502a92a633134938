import { join } from 'node:path';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prepareFirstStart } from '../bootstrap.js';
import { runCli, type CliIo } from '../cli/main.js';
import { openContext, type AppContext } from '../context.js';
import {
  createEmptyDatabase,
  openTestDatabase,
  TEST_DATABASES,
  type EmptyDatabase,
  type TestDatabase,
} from '../testing/test-databases.js';
import type { Actor } from '../services/actor.js';

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

const run = (io: CliIo, ...args: string[]): Promise<number> => runCli(['node', 'kotei', ...args], io);

// The tables a running app does not write while the test writes, so a copy has them whole.
const STILL_TABLES = [
  'plan',
  'sheet',
  'measure',
  'kpi',
  'observation',
  'breakdown_value',
  'app_user',
] as const;

async function countRows(
  ctx: AppContext,
  table: (typeof STILL_TABLES)[number] | 'audit_event',
): Promise<number> {
  const row = await ctx.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

describe.each(TEST_DATABASES)('kotei backup and restore on %s', (kind) => {
  const saved = { ...process.env };
  let source: TestDatabase;
  let target: EmptyDatabase;
  let dir: string;

  beforeAll(async () => {
    source = await openTestDatabase(kind);
    await prepareFirstStart(source.ctx, { loadSample: true });
    target = await createEmptyDatabase(kind);
    dir = mkdtempSync(join(tmpdir(), 'kotei-backup-'));
    process.env.KOTEI_CLOCK = '2025-07-15T10:00:00+09:00';
  });
  afterAll(async () => {
    process.env = { ...saved };
    await (source as TestDatabase | undefined)?.dispose();
    await (target as EmptyDatabase | undefined)?.drop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes a backup while the app writes, and restores it whole: integrity, row counts, audit chain', async () => {
    const admin = (await source.ctx.users.list()).find((u) => u.role === 'admin');
    const actor: Actor = { user: admin ?? null, requestId: 'backup-test' };
    // The app goes on editing the plan (each edit audited) for the whole of the backup. Between edits it
    // lets the event loop turn, as a server between requests does: better-sqlite3 answers synchronously, so
    // a loop of awaits alone would never let the backup's steps run.
    const app = { isWriting: true, edits: 0 };
    const writer = (async () => {
      while (app.isWriting) {
        await source.ctx.plans.update(actor, 'drug-discovery-2024', { owner: `医政局 ${app.edits}` });
        app.edits += 1;
        await new Promise((resolve) => setImmediate(resolve));
      }
    })();
    const file = join(dir, 'kotei.backup');
    const io = capture();
    process.env.KOTEI_DATABASE_URL = source.url;
    const eventsBefore = await countRows(source.ctx, 'audit_event');
    const code = await run(io, 'backup', file);
    const editsDuring = app.edits;
    app.isWriting = false;
    await writer;
    expect(code, io.stderr.join('\n')).toBe(0);
    expect(editsDuring).toBeGreaterThan(0);

    process.env.KOTEI_DATABASE_URL = target.url;
    const restored = capture();
    expect(await run(restored, 'restore', file), restored.stderr.join('\n')).toBe(0);
    expect(restored.stdout.at(-1)).toMatch(/^audit trail OK: \d+ event\(s\)$/);

    const ctx = await openContext({ databaseUrl: target.url, cwd: tmpdir(), clock: source.ctx.clock });
    try {
      if (kind === 'sqlite') {
        const file = new SQLite(ctx.database.location, { readonly: true });
        expect(file.pragma('integrity_check', { simple: true })).toBe('ok');
        file.close();
      }
      for (const table of STILL_TABLES) {
        expect([table, await countRows(ctx, table)]).toEqual([table, await countRows(source.ctx, table)]);
      }
      const events = await countRows(ctx, 'audit_event');
      expect(events).toBeGreaterThanOrEqual(eventsBefore);
      expect(events).toBeLessThanOrEqual(await countRows(source.ctx, 'audit_event'));
      await expect(ctx.audit.verify()).resolves.toEqual({ ok: true, count: events });
    } finally {
      await ctx.close();
    }
  });

  it('never overwrites: an existing backup file, a database that has tables', async () => {
    const file = join(dir, 'kotei.backup');
    process.env.KOTEI_DATABASE_URL = source.url;
    const again = capture();
    expect(await run(again, 'backup', file)).toBe(1);
    expect(again.stderr.join('\n')).toContain('exists already');
    const into = capture();
    expect(await run(into, 'restore', file)).toBe(1);
    expect(into.stderr.join('\n')).toMatch(/has \d+ table\(s\); restore into a new, empty database/);
  });
});
