import { afterEach, describe, expect, it } from 'vitest';
import {
  createEmptyDatabase,
  TEST_DATABASES,
  TEST_NOW,
  type EmptyDatabase,
} from '../testing/test-databases.js';
import { runCli, type CliIo } from './main.js';

interface RunningServer {
  url: string;
  lines: string[];
  exited: Promise<number>;
}

// Runs the real `kotei serve` in this process; a SIGTERM (emitted, not sent) stops every running instance.
async function serve(databaseUrl: string): Promise<RunningServer> {
  process.env.KOTEI_DATABASE_URL = databaseUrl;
  process.env.KOTEI_CLOCK = TEST_NOW;
  process.env.KOTEI_LOG_LEVEL = 'silent';
  const lines: string[] = [];
  let announce: (url: string) => void = () => undefined;
  const listening = new Promise<string>((resolve) => (announce = resolve));
  const io: CliIo = {
    out: (line) => {
      lines.push(line);
      const match = /listening on (\S+)/.exec(line);
      if (match?.[1] !== undefined) announce(match[1]);
    },
    err: (line) => lines.push(line),
  };
  const exited = runCli(['node', 'kotei', 'serve', '--port', '0'], io);
  const url = await Promise.race([
    listening,
    exited.then((code) => Promise.reject(new Error(`serve exited ${code}: ${lines.join('\n')}`))),
  ]);
  return { url, lines, exited };
}

describe.each(TEST_DATABASES)('kotei serve on %s', (kind) => {
  const saved = { ...process.env };
  let database: EmptyDatabase | undefined;
  afterEach(async () => {
    process.env = { ...saved };
    await database?.drop();
  });

  it('serves the sample plan, and two instances on one database share sign-in sessions', async () => {
    database = await createEmptyDatabase(kind);
    const first = await serve(database.url);
    const second = await serve(database.url);
    try {
      const password = /^admin password: (\S+)$/.exec(
        first.lines.find((l) => l.startsWith('admin password:')) ?? '',
      )?.[1];
      expect(first.lines).toContain(`sample plan loaded: ${first.url}/plans/drug-discovery-2024`);
      // The second instance finds the database prepared and creates nothing.
      expect(second.lines.some((l) => l.startsWith('admin password:'))).toBe(false);

      const plan = await fetch(`${second.url}/api/plans/drug-discovery-2024`);
      expect(plan.status).toBe(200);
      expect(await plan.json()).toMatchObject({ slug: 'drug-discovery-2024', isSample: true });

      const login = await fetch(`${first.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ login: 'admin', password }),
      });
      expect(login.status).toBe(200);
      const cookie = login.headers.getSetCookie()[0]?.split(';')[0] ?? '';
      const session = await fetch(`${second.url}/api/auth/session`, { headers: { cookie } });
      expect(await session.json()).toMatchObject({ user: { login: 'admin', role: 'admin' } });
    } finally {
      process.emit('SIGTERM', 'SIGTERM');
      process.emit('SIGTERM', 'SIGTERM');
      expect(await first.exited).toBe(0);
      expect(await second.exited).toBe(0);
    }
  });
});
