import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import SQLite from 'better-sqlite3';
import { fixedClock } from '@kotei/domain';
import { openContext, type AppContext } from '@kotei/server';
import { KOTEI_BIN } from './instance.js';

// Issue #11: a backup taken while reporters write restores to a database that is whole. `kotei backup` runs as
// an operator would, in its own process, in the middle of the load; afterwards `kotei restore` brings it into a
// new database (the command itself verifies the audit chain and fails if it is broken), and the copy is checked
// again here: SQLite's integrity check, the row counts of the tables the load does not insert into, and the audit
// trail: verified, and holding at least the events there were when the backup began and at most those at its end.

const execFileAsync = promisify(execFile);

// The load saves, submits and returns parts: it updates these tables' rows but never adds or removes one.
const STILL_TABLES = [
  'plan',
  'sheet',
  'measure',
  'kpi',
  'observation',
  'app_user',
  'follow_up_round',
  'progress_report',
] as const;

type Counted = (typeof STILL_TABLES)[number] | 'audit_event';

/** The backup taken under load, and what the restored copy proved. */
export interface BackupUnderLoad {
  backupMs: number;
  /** Audit events in the source when the backup began and when it ended. */
  eventsAtStart: number;
  eventsAtEnd: number;
  restoredEvents: number;
  auditVerified: boolean;
  /** SQLite's `PRAGMA integrity_check` on the copy; null on PostgreSQL (pg_restore checks as it loads). */
  integrity: string | null;
  /** Tables whose row count differs between the source after the load and the copy. */
  countMismatches: string[];
}

async function withContext<T>(databaseUrl: string, use: (ctx: AppContext) => Promise<T>): Promise<T> {
  const ctx = await openContext({
    databaseUrl,
    cwd: tmpdir(),
    clock: fixedClock('2025-07-15T10:00:00+09:00'),
  });
  try {
    return await use(ctx);
  } finally {
    await ctx.close();
  }
}

async function countRows(ctx: AppContext, table: Counted): Promise<number> {
  const row = await ctx.database.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const kotei = (databaseUrl: string, ...args: string[]) =>
  execFileAsync(process.execPath, [KOTEI_BIN, ...args], {
    env: { ...process.env, KOTEI_DATABASE_URL: databaseUrl, KOTEI_LOG_LEVEL: 'warn' },
  });

/** Run `kotei backup FILE` against the serving database, counting its audit events before and after. */
export async function backupWhileServing(
  databaseUrl: string,
  file: string,
): Promise<Pick<BackupUnderLoad, 'backupMs' | 'eventsAtStart' | 'eventsAtEnd'>> {
  const eventsAtStart = await withContext(databaseUrl, (ctx) => countRows(ctx, 'audit_event'));
  const start = performance.now();
  await kotei(databaseUrl, 'backup', file);
  const backupMs = performance.now() - start;
  const eventsAtEnd = await withContext(databaseUrl, (ctx) => countRows(ctx, 'audit_event'));
  return { backupMs, eventsAtStart, eventsAtEnd };
}

/** Restore FILE into the new, empty `targetUrl` with `kotei restore`, and check the copy against the source. */
export async function checkRestoredCopy(
  sourceUrl: string,
  targetUrl: string,
  file: string,
  taken: Pick<BackupUnderLoad, 'backupMs' | 'eventsAtStart' | 'eventsAtEnd'>,
): Promise<BackupUnderLoad> {
  await kotei(targetUrl, 'restore', file);
  const sourceCounts = await withContext(sourceUrl, (ctx) =>
    Promise.all(STILL_TABLES.map((table) => countRows(ctx, table))),
  );
  return withContext(targetUrl, async (ctx) => {
    const counts = await Promise.all(STILL_TABLES.map((table) => countRows(ctx, table)));
    const verdict = await ctx.audit.verify();
    let integrity: string | null = null;
    if (ctx.database.kind === 'sqlite') {
      const copy = new SQLite(ctx.database.location, { readonly: true });
      integrity = String(copy.pragma('integrity_check', { simple: true }));
      copy.close();
    }
    return {
      ...taken,
      restoredEvents: await countRows(ctx, 'audit_event'),
      auditVerified: verdict.ok,
      integrity,
      countMismatches: STILL_TABLES.flatMap((table, i) =>
        counts[i] === sourceCounts[i] ? [] : [`${table}: ${sourceCounts[i]} → ${counts[i]}`],
      ),
    };
  });
}

/** The problems with a copy, none when it is whole. */
export function backupProblems(check: BackupUnderLoad): string[] {
  return [
    ...(check.auditVerified ? [] : ['audit chain broken']),
    ...(check.integrity === null || check.integrity === 'ok' ? [] : [`integrity_check: ${check.integrity}`]),
    ...check.countMismatches,
    ...(check.restoredEvents >= check.eventsAtStart && check.restoredEvents <= check.eventsAtEnd
      ? []
      : [`${check.restoredEvents} audit events, outside ${check.eventsAtStart}–${check.eventsAtEnd}`]),
  ];
}
