import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fixedClock, type Clock } from '@kotei/domain';
import { openContext, type AppContext } from '../context.js';

/** The engines every medium test runs on. PostgreSQL joins this list with its harness. */
export const TEST_DATABASES = ['sqlite'] as const;

/** The instant tests take as "now": mid-July 2025 in Japan, after the seed's as-of date. */
export const TEST_NOW = '2025-07-15T10:00:00+09:00';

/** A real database in a fresh temporary folder, opened and migrated, removed by `dispose`. */
export interface TestDatabase {
  ctx: AppContext;
  url: string;
  dispose(): Promise<void>;
}

/** Open a fresh, migrated database of the given engine. */
export async function openTestDatabase(
  kind: (typeof TEST_DATABASES)[number],
  clock: Clock = fixedClock(TEST_NOW),
): Promise<TestDatabase> {
  const dir = mkdtempSync(join(tmpdir(), `kotei-${kind}-`));
  const url = `sqlite:${join(dir, 'kotei.db')}`;
  const ctx = await openContext({ databaseUrl: url, cwd: dir, clock });
  return {
    ctx,
    url,
    dispose: async () => {
      await ctx.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
