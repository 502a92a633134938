import { tmpdir } from 'node:os';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, parseDatabaseUrl } from '../db/database.js';
import { createEmptyDatabase, TEST_DATABASES, type EmptyDatabase } from '../testing/test-databases.js';
import { operatorOf } from './audit-command.js';
import { runCli, type CliIo } from './main.js';

function capture(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (l) => stdout.push(l), err: (l) => stderr.push(l) };
}

const run = (io: CliIo, ...args: string[]): Promise<number> => runCli(['node', 'kotei', ...args], io);

describe.each(TEST_DATABASES)('kotei audit verify on %s', (kind) => {
  const saved = { ...process.env };
  let database: EmptyDatabase;
  beforeEach(async () => {
    process.env.KOTEI_CLOCK = '2025-07-15T10:00:00+09:00';
    database = await createEmptyDatabase(kind);
    process.env.KOTEI_DATABASE_URL = database.url;
  });
  afterEach(async () => {
    process.env = { ...saved };
    await database.drop();
  });

  async function inDatabase<T>(run: (db: ReturnType<typeof openDatabase>['db']) => Promise<T>): Promise<T> {
    const opened = openDatabase(parseDatabaseUrl(database.url, tmpdir()));
    try {
      return await run(opened.db);
    } finally {
      await opened.close();
    }
  }

  it('names the operator of each CLI write, passes a clean trail (exit 0) and names an altered row (exit 1)', async () => {
    const io = capture();
    expect(await run(io, '--actor', 'ops-tanaka', 'user', 'add', 'expert1', '--role', 'expert')).toBe(0);
    expect(await run(io, 'user', 'reset-password', 'expert1')).toBe(0);
    const events = await inDatabase((db) =>
      db.selectFrom('audit_event').select(['id', 'seq', 'action', 'actor_id']).orderBy('seq').execute(),
    );
    expect(events.map((e) => [e.seq, e.action, e.actor_id])).toEqual([
      [1, 'user.create', 'cli:ops-tanaka'],
      [2, 'user.reset_password', operatorOf(undefined).operator],
    ]);
    expect(events[1]?.actor_id).toMatch(/^cli:./);

    const clean = capture();
    expect(await run(clean, 'audit', 'verify')).toBe(0);
    expect(clean.stdout).toEqual(['audit trail OK: 2 event(s), seq 1–2 chained']);

    await inDatabase((db) => sql`update audit_event set actor_id = null where seq = 1`.execute(db));
    const broken = capture();
    expect(await run(broken, 'audit', 'verify')).toBe(1);
    expect(broken.stderr[0]).toBe(
      `audit trail BROKEN at seq 1 (id ${events[0]?.id ?? ''}): altered: its content no longer matches its hash`,
    );
  });

  it('fails (exit 1) on a removed row, naming the seq missing', async () => {
    const io = capture();
    for (const login of ['a-user', 'b-user', 'c-user']) {
      expect(await run(io, 'user', 'add', login, '--role', 'expert')).toBe(0);
    }
    await inDatabase((db) => sql`delete from audit_event where seq = 2`.execute(db));
    const broken = capture();
    expect(await run(broken, 'audit', 'verify')).toBe(1);
    expect(broken.stderr[0]).toMatch(
      /^audit trail BROKEN at seq 3 \(id [0-9a-f-]{36}\): removed: seq 2 is missing/,
    );
  });
});
