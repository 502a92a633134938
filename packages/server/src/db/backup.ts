import { execFile } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { DomainError } from '@kotei/domain';
import { redactPassword, type DatabaseConfig } from './database.js';

// Backup and restore, the engine's own way, beside the one place that opens databases. Both take a copy of one
// moment while the app goes on serving: SQLite's online backup API, PostgreSQL's pg_dump (one snapshot).

const execFileAsync = promisify(execFile);

// Runs pg_dump or pg_restore on a connection URL. The password goes in the environment, not the arguments
// (which any user of the machine may list), and no message repeats it.
async function runPgTool(tool: string, args: readonly string[], location: string): Promise<void> {
  const url = new URL(location);
  const password = decodeURIComponent(url.password);
  url.password = '';
  try {
    await execFileAsync(tool, [...args, `--dbname=${url.toString()}`], {
      env: { ...process.env, ...(password === '' ? {} : { PGPASSWORD: password }) },
    });
  } catch (error) {
    const stderr = (error as { stderr?: unknown }).stderr;
    const reason =
      typeof stderr === 'string' && stderr.trim() !== '' ? stderr.trim() : (error as Error).message;
    throw new Error(`${tool} failed: ${redactPassword(reason)}`, { cause: error });
  }
}

const SQLITE_MAGIC = 'SQLite format 3\0';
const PG_DUMP_MAGIC = 'PGDMP';

// The SQLite backup copies 100 pages, then the rest in one step: a write from another connection between
// steps restarts it, so a busy server could otherwise keep a page-by-page copy from ever finishing.
const ALL_PAGES = 0x7fffffff;

/** Copy the database to a new file, which must not exist yet; written aside and renamed, so it is whole. */
export async function backupDatabase(config: DatabaseConfig, file: string): Promise<void> {
  if (existsSync(file)) {
    throw new DomainError('conflict', 'backup_exists', `${file} exists already; give a new file name`);
  }
  const partial = `${file}.partial`;
  rmSync(partial, { force: true });
  try {
    if (config.kind === 'sqlite') {
      const source = new SQLite(config.location, { readonly: true, fileMustExist: true });
      try {
        await source.backup(partial, { progress: () => ALL_PAGES });
      } finally {
        source.close();
      }
    } else {
      await runPgTool('pg_dump', ['--format=custom', '--no-owner', `--file=${partial}`], config.location);
    }
    renameSync(partial, file);
  } finally {
    rmSync(partial, { force: true });
  }
}

/**
 * Restore a backup into the configured database, which must be empty (a new file, or a database with no
 * tables): a restore never overwrites data. The backup must be of the same engine.
 */
export async function restoreDatabase(config: DatabaseConfig, file: string): Promise<void> {
  const kind = backupKind(file);
  if (kind !== config.kind) {
    throw new DomainError(
      'invalid_input',
      'backup_engine_mismatch',
      `${file} is a ${kind} backup; the configured database is ${config.kind}`,
    );
  }
  if (config.kind === 'sqlite') await restoreSqlite(file, config.location);
  else await restorePostgres(file, config.location);
}

function backupKind(file: string): 'sqlite' | 'postgres' {
  let head: string;
  try {
    const fd = openSync(file, 'r');
    const bytes = Buffer.alloc(16);
    try {
      readSync(fd, bytes, 0, 16, 0);
    } finally {
      closeSync(fd);
    }
    head = bytes.toString('latin1');
  } catch (error) {
    throw new DomainError(
      'invalid_input',
      'unreadable_file',
      `cannot read ${file}: ${(error as Error).message}`,
    );
  }
  if (head === SQLITE_MAGIC) return 'sqlite';
  if (head.startsWith(PG_DUMP_MAGIC)) return 'postgres';
  throw new DomainError(
    'invalid_input',
    'not_a_backup',
    `${file} is neither a SQLite database nor a pg_dump file`,
  );
}

function refuseNonEmpty(target: string, tables: number): void {
  if (tables > 0) {
    throw new DomainError(
      'conflict',
      'restore_target_not_empty',
      `${target} has ${tables} table(s); restore into a new, empty database`,
    );
  }
}

async function restoreSqlite(file: string, target: string): Promise<void> {
  const source = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const check = source.pragma('integrity_check', { simple: true });
    if (check !== 'ok') {
      throw new DomainError(
        'invalid_input',
        'backup_damaged',
        `${file} fails its integrity check: ${String(check)}`,
      );
    }
    if (existsSync(target)) {
      const existing = new SQLite(target, { fileMustExist: true });
      try {
        const row = existing
          .prepare(`select count(*) as n from sqlite_master where type = 'table'`)
          .get() as {
          n: number;
        };
        refuseNonEmpty(target, row.n);
      } finally {
        existing.close();
      }
    }
    mkdirSync(dirname(target), { recursive: true });
    await source.backup(target, { progress: () => ALL_PAGES });
  } finally {
    source.close();
  }
}

async function restorePostgres(file: string, target: string): Promise<void> {
  const client = new pg.Client({ connectionString: target });
  await client.connect();
  try {
    const result = await client.query<{ n: string }>(
      `select count(*) as n from pg_tables where schemaname = 'public'`,
    );
    refuseNonEmpty('the database', Number(result.rows[0]?.n ?? 0));
  } finally {
    await client.end();
  }
  await runPgTool(
    'pg_restore',
    ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', file],
    target,
  );
}
