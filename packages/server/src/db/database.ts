import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import {
  Kysely,
  Migrator,
  PostgresDialect,
  SqliteAdapter,
  SqliteDialect,
  sql,
  type Migration,
  type RawBuilder,
  type SelectQueryBuilder,
  type SqlBool,
  type MigrationResultSet,
} from 'kysely';
import { DomainError } from '@kotei/domain';
import { MIGRATIONS } from './migrations/index.js';
import type { DB } from './schema.js';

/** Which engine a database URL names. */
export type DatabaseKind = 'sqlite' | 'postgres';

/** A parsed `KOTEI_DATABASE_URL`. */
export interface DatabaseConfig {
  kind: DatabaseKind;
  /** File path for SQLite (absolute), connection string for PostgreSQL. */
  location: string;
}

/** A database kotei can neither open nor migrate; start-up stops with its message. */
export class DatabaseStartupError extends Error {
  constructor(
    readonly location: string,
    reason: string,
  ) {
    super(`cannot use database ${location}: ${reason}`);
    this.name = 'DatabaseStartupError';
  }
}

// SQLite runs DDL inside transactions, but Kysely's adapter says it does not, which would let a failed
// migration leave a half-built schema. Saying so makes the migrator wrap all pending migrations in one
// transaction: start-up either reaches the latest schema or leaves the file as it was.
class TransactionalSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}
class TransactionalSqliteDialect extends SqliteDialect {
  override createAdapter(): SqliteAdapter {
    return new TransactionalSqliteAdapter();
  }
}

/** Read `sqlite:PATH` (relative to `cwd`) or `postgres://…`. */
export function parseDatabaseUrl(url: string, cwd: string): DatabaseConfig {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length);
    if (path === '') throw new DatabaseStartupError(url, 'expected sqlite:PATH, e.g. sqlite:./data/kotei.db');
    return { kind: 'sqlite', location: path === ':memory:' ? path : resolve(cwd, path) };
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    return { kind: 'postgres', location: url };
  }
  throw new DatabaseStartupError(url, 'expected a URL starting with sqlite: or postgres://');
}

/** A query over search entries, to be narrowed further and selected from. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- Kysely's type for "nothing selected yet"
export type SearchEntryQuery = SelectQueryBuilder<DB, 'search_entry', {}>;

/** An open database with the engine it runs on. */
export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  location: string;
  /** Search entries whose text contains every (normalised) token, found the engine's way. */
  searchEntriesContaining(tokens: readonly string[]): SearchEntryQuery;
  /**
   * Bring the planner's statistics up to date after a bulk write (a plan or follow-up import). Without it,
   * PostgreSQL plans searches on a freshly imported plan as if its tables were empty until autovacuum comes
   * by, and a common word's search costs several times what it should.
   */
  refreshStatistics(): Promise<void>;
  /**
   * How many SQL statements this process has sent so far (transaction begin and commit included): the bench
   * divides it by the requests answered, a figure that holds on a busy machine where timings do not.
   */
  statements(): number;
  close(): Promise<void>;
}

// Counts every statement Kysely sends, failed ones too; nothing else is logged.
function statementCounter(): { log: () => void; statements: () => number } {
  let count = 0;
  return {
    log: () => {
      count += 1;
    },
    statements: () => count,
  };
}

// The tables an import fills, whose statistics the planner reads for plan trees, statuses and search.
const IMPORTED_TABLES = [
  'plan',
  'sheet',
  'measure',
  'measure_placement',
  'phase',
  'kpi',
  'observation',
  'progress_report',
  'progress_bullet',
  'budget_project',
  'budget_line',
  'search_entry',
] as const;

const escapeLike = (token: string): string => `%${token.replace(/[\\%_]/gu, (c) => `\\${c}`)}%`;
const likeAll = (tokens: readonly string[]): RawBuilder<SqlBool>[] =>
  tokens.map((token) => sql<SqlBool>`search_entry.search_text like ${escapeLike(token)} escape '\\'`);
const allOf = (conditions: RawBuilder<SqlBool>[]): RawBuilder<SqlBool> =>
  conditions.length === 0 ? sql<SqlBool>`1 = 1` : sql<SqlBool>`(${sql.join(conditions, sql` and `)})`;

// SQLite: tokens of three characters or more go through the FTS5 trigram index; shorter ones have no
// trigram and fall back to LIKE. The index is joined rather than asked with `rowid in (…)`, so SQLite streams
// its matches and a capped count stops early instead of collecting every match of a common word first.
function sqliteEntriesContaining(db: Kysely<DB>, tokens: readonly string[]): SearchEntryQuery {
  const long = tokens.filter((t) => Array.from(t).length >= 3);
  const short = tokens.filter((t) => Array.from(t).length < 3);
  let query = db.selectFrom('search_entry');
  if (long.length > 0) {
    const match = long.map((t) => `"${t.replaceAll('"', '""')}"`).join(' ');
    // The virtual table only filters: the query's rows stay those of search_entry.
    query = query
      .innerJoin(sql`search_fts`.as('search_fts'), (join) =>
        join.on(sql<SqlBool>`search_fts.rowid = search_entry.rowid`),
      )
      .where(sql<SqlBool>`search_fts match ${match}`);
  }
  return query.where(allOf(likeAll(short)));
}

/**
 * The one place that picks the dialect (STYLE.md rule 3). Everything above it speaks Kysely and stays
 * engine-neutral.
 */
export function openDatabase(config: DatabaseConfig): Database {
  switch (config.kind) {
    case 'sqlite': {
      let sqlite: SQLite.Database;
      try {
        if (config.location !== ':memory:') mkdirSync(dirname(config.location), { recursive: true });
        sqlite = new SQLite(config.location, { fileMustExist: false });
        sqlite.pragma('journal_mode = WAL');
        sqlite.pragma('foreign_keys = ON');
        sqlite.pragma('busy_timeout = 5000');
        sqlite.pragma('synchronous = NORMAL');
        // Reading the schema proves the file is a database, not some other file that happens to exist.
        sqlite.prepare('select count(*) from sqlite_master').get();
      } catch (error) {
        throw new DatabaseStartupError(config.location, (error as Error).message);
      }
      const counter = statementCounter();
      const db = new Kysely<DB>({
        dialect: new TransactionalSqliteDialect({ database: sqlite }),
        log: counter.log,
      });
      return {
        db,
        kind: 'sqlite',
        location: config.location,
        searchEntriesContaining: (tokens) => sqliteEntriesContaining(db, tokens),
        // A full analyse of the imported tables: `pragma optimize` alone kept the statistics of the first
        // import, and with them SQLite joined search entries to plans the slow way round.
        refreshStatistics: async () => {
          for (const table of IMPORTED_TABLES) await sql`analyze ${sql.table(table)}`.execute(db);
        },
        statements: counter.statements,
        close: () => db.destroy(),
      };
    }
    case 'postgres': {
      // Counts and bigint yen come back as JS numbers, as from SQLite; yen stay far below 2^53.
      const types = new pg.TypeOverrides();
      types.setTypeParser(pg.types.builtins.INT8, Number);
      const pool = new pg.Pool({ connectionString: config.location, max: 10, types });
      // An idle client that loses its server must not crash the process; the next query reports it.
      pool.on('error', () => undefined);
      const counter = statementCounter();
      const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), log: counter.log });
      return {
        db,
        kind: 'postgres',
        location: config.location,
        searchEntriesContaining: (tokens) => db.selectFrom('search_entry').where(allOf(likeAll(tokens))),
        refreshStatistics: async () => {
          await sql`analyze ${sql.join(IMPORTED_TABLES.map((t) => sql.table(t)))}`.execute(db);
        },
        statements: counter.statements,
        close: () => db.destroy(),
      };
    }
  }
}

/** Whether a write failed on a unique index or primary key: SQLite's and PostgreSQL's ways of saying so. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}

// What a duplicate in each table means to the client: the same code the service gives when it sees the
// duplicate first, so a race and a repeat read alike.
const DUPLICATES: Record<string, { code: string; message: string; path: string; detail: string }> = {
  follow_up_round: {
    code: 'round_exists',
    message: 'A round with this as-of date exists already',
    path: 'asOfDate',
    detail: 'one round per as-of date',
  },
  plan: {
    code: 'plan_slug_taken',
    message: 'A plan with this slug exists already',
    path: 'slug',
    detail: 'must be unique',
  },
  app_user: { code: 'login_taken', message: 'The login is taken', path: 'login', detail: 'must be unique' },
  evaluation: {
    code: 'evaluation_exists',
    message: 'You have evaluated this in this round already',
    path: 'target',
    detail: 'one evaluation per evaluator, target and round',
  },
  sheet: {
    code: 'sheet_number_taken',
    message: 'Two sheets have the same number',
    path: 'sheets',
    detail: 'each sheet number once',
  },
  strategic_goal: {
    code: 'goal_number_taken',
    message: 'Two strategic goals have the same number',
    path: 'strategicGoals',
    detail: 'each goal number once',
  },
};

/**
 * The conflict a unique-key violation stands for (two writers racing for one key, or a duplicate a check
 * missed), or null for any other error. The one place that turns either engine's error into a 409.
 */
export function conflictOf(error: unknown): DomainError | null {
  if (!isUniqueViolation(error)) return null;
  const { table, message } = error as { table?: unknown; message?: unknown };
  // PostgreSQL names the table; SQLite says "UNIQUE constraint failed: table.column, …".
  const name =
    typeof table === 'string'
      ? table
      : (/constraint failed: (\w+)\./u.exec(typeof message === 'string' ? message : '')?.[1] ?? '');
  const known = DUPLICATES[name];
  if (known === undefined) {
    return new DomainError(
      'conflict',
      'already_exists',
      'This exists already, perhaps written at the same moment',
    );
  }
  return new DomainError('conflict', known.code, known.message, [
    { path: known.path, message: known.detail },
  ]);
}

/** Prove the database answers, so a wrong URL or a stopped server stops start-up with its reason. */
export async function checkConnection(database: Database): Promise<void> {
  try {
    await sql`select 1`.execute(database.db);
  } catch (error) {
    throw new DatabaseStartupError(redactPassword(database.location), (error as Error).message);
  }
}

/** Apply every pending migration in one transaction; on any failure nothing is applied. */
export async function migrateToLatest(
  database: Database,
  migrations: Record<string, Migration> = MIGRATIONS,
): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db: database.db,
    provider: { getMigrations: () => Promise.resolve(migrations) },
    migrationTableName: 'kotei_migration',
    migrationLockTableName: 'kotei_migration_lock',
  });
  const result = await migrator.migrateToLatest();
  if (result.error !== undefined) {
    const failed = result.results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    const reason = result.error instanceof Error ? result.error.message : JSON.stringify(result.error);
    throw new DatabaseStartupError(
      redactPassword(database.location),
      `migration ${failed} failed: ${reason}`,
    );
  }
  return result;
}

/** Hide the password of a connection string before it reaches a log or a message. */
export function redactPassword(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, '$1***@');
}
