import { tmpdir } from 'node:os';
import { afterEach, describe, expect, it } from 'vitest';
import { fixedClock } from '@kotei/domain';
import { prepareFirstStart } from './bootstrap.js';
import { openContext, type AppContext } from './context.js';
import {
  createEmptyDatabase,
  TEST_DATABASES,
  TEST_NOW,
  type EmptyDatabase,
} from './testing/test-databases.js';

describe.each(TEST_DATABASES)('prepareFirstStart on %s', (kind) => {
  let database: EmptyDatabase | undefined;
  const contexts: AppContext[] = [];
  afterEach(async () => {
    for (const ctx of contexts.splice(0)) await ctx.close();
    await database?.drop();
  });

  it('prepares a new database once when several instances start together', async () => {
    database = await createEmptyDatabase(kind);
    const url = database.url;
    const open = (): Promise<AppContext> =>
      openContext({ databaseUrl: url, cwd: tmpdir(), clock: fixedClock(TEST_NOW) });
    // Migrations are serialised by the migrator's lock; open one after another, then start together.
    for (let i = 0; i < 3; i += 1) contexts.push(await open());
    // PostgreSQL instances really race. SQLite serves one machine: its connections in one process would block
    // each other's event loop on the file lock, so there the instances start one after another.
    const start = (ctx: AppContext): ReturnType<typeof prepareFirstStart> =>
      prepareFirstStart(ctx, { loadSample: true });
    const reports =
      kind === 'postgres'
        ? await Promise.all(contexts.map(start))
        : [
            await start(contexts[0] as AppContext),
            await start(contexts[1] as AppContext),
            await start(contexts[2] as AppContext),
          ];
    expect(reports.filter((r) => r.admin !== null)).toHaveLength(1);
    expect(reports.filter((r) => r.sample !== null)).toHaveLength(1);
    const first = contexts[0];
    expect((await first?.plans.list())?.map((p) => p.slug)).toEqual(['drug-discovery-2024']);
    expect((await first?.users.list())?.map((u) => u.login)).toEqual(['admin']);
  });

  it('does nothing on a database already in use', async () => {
    database = await createEmptyDatabase(kind);
    const ctx = await openContext({ databaseUrl: database.url, cwd: tmpdir(), clock: fixedClock(TEST_NOW) });
    contexts.push(ctx);
    expect((await prepareFirstStart(ctx, { loadSample: false })).sample).toBeNull();
    expect(await prepareFirstStart(ctx, { loadSample: true })).toEqual({ admin: null, sample: null });
    expect(await ctx.plans.list()).toEqual([]);
  });
});
